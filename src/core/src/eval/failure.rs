//! Why a step could not be worked out: a typed value, in English for authors (`Display`)
//! and in the reader's language in explanations (`explain::failure_text`).

use crate::date::Date;
use crate::money::Money;
use crate::value::{Value, plain};

/// Why a step could not be worked out. `Display` gives the English a ruleset's author reads,
/// naming the rule by its id (`carebudget test`, `eval --json`'s technical detail); an
/// explanation says it to the reader in their language, naming the rule by its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The id of the rule it happened in, if any.
    pub rule: Option<String>,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An amount, or a number, beyond what the calculator holds: what it was.
    TooLarge(&'static str),
    DivisionByZero,
    /// A figure (by id) has no value in force on the date; its first value is from `first`.
    NotInForce {
        param: String,
        on: Date,
        first: Option<Date>,
    },
    /// A question (by id) that was not asked has no default.
    NoDefault(String),
    /// Mistakes in the rules themselves, which `check` cannot see before evaluation.
    ClampInverted(Value, Value),
    NoValueForAnswer(String),
    BandsNotIncreasing,
    BelowFirstBand(Value, Option<Value>),
    ScalePointsNotIncreasing,
    TariffStep(Money),
    RangeInverted(Money, Money),
    /// A rounding the rules state wrongly (its message).
    Rounding(String),
    /// A value of a kind the program's types rule out (a damaged or hand-made program).
    Internal(&'static str),
}

impl Problem {
    /// Whether the rules themselves are at fault (rather than an answer or the date).
    pub fn in_the_rules(&self) -> bool {
        !matches!(
            self,
            Problem::TooLarge(_) | Problem::DivisionByZero | Problem::NotInForce { .. }
        )
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(r) = &self.rule {
            write!(f, "rules.{r}: ")?;
        }
        match &self.problem {
            Problem::TooLarge(what) if *what == "the amount" => write!(
                f,
                "amount is too large (the limit is {})",
                Money::new(crate::limits::MAX_MONEY_PENCE)
            ),
            Problem::TooLarge(what) => write!(f, "{what} is too large"),
            Problem::DivisionByZero => f.write_str("division by zero"),
            Problem::NotInForce { param, on, first } => write!(
                f,
                "the figure `{param}` has no value in force on {on}; its first value applies from {}",
                first.map(|d| d.to_string()).unwrap_or_default()
            ),
            Problem::NoDefault(q) => write!(f, "the question `{q}` has no default"),
            Problem::ClampInverted(lo, hi) => {
                write!(
                    f,
                    "`clamp` has a minimum ({}) above its maximum ({})",
                    plain(lo),
                    plain(hi)
                )
            }
            Problem::NoValueForAnswer(c) => write!(f, "no value for the answer `{c}`"),
            Problem::BandsNotIncreasing => f.write_str("band boundaries must increase strictly"),
            Problem::BelowFirstBand(v, first) => write!(
                f,
                "{} is below the first band, which starts at {}",
                plain(v),
                first.as_ref().map(plain).unwrap_or_default()
            ),
            Problem::ScalePointsNotIncreasing => f.write_str("scale points must increase strictly"),
            Problem::TariffStep(per) => write!(f, "`tariff` needs `per` above £0.00, not {per}"),
            Problem::RangeInverted(lo, hi) => {
                write!(f, "the range's lower amount {lo} is above its upper amount {hi}")
            }
            Problem::Rounding(m) => f.write_str(m),
            Problem::Internal(m) => write!(f, "internal: {m}"),
        }
    }
}
