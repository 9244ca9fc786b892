//! Money as integer pence, exact decimals, and explicit rounding.
//!
//! No binary floating point anywhere: amounts are parsed from their text, kept as `i64`
//! pence, and every operation that could leave a fraction of a penny takes a [`Rounding`].

use std::fmt;

use crate::decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::limits::MAX_MONEY_PENCE;

/// An amount of money in pence. Always within ±[`MAX_MONEY_PENCE`]: the field is private,
/// so every amount is made by [`Money::checked`], [`Money::parse`] or [`Money::new`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(i64);

impl Money {
    pub const ZERO: Money = Money(0);

    /// An amount written in code (a constant, a test): it must be within the limit, or this
    /// stops the program. Amounts worked out or read at run time go through
    /// [`Money::checked`] or [`Money::parse`], which return an error instead.
    pub const fn new(pence: i64) -> Money {
        assert!(pence.unsigned_abs() <= MAX_MONEY_PENCE as u64);
        Money(pence)
    }

    pub fn pence(self) -> i64 {
        self.0
    }

    /// Builds an amount, refusing anything beyond the documented limit.
    pub fn checked(pence: i128) -> Result<Money, String> {
        if pence.unsigned_abs() > MAX_MONEY_PENCE as u128 {
            Err(format!("amount is too large (the limit is {})", Money(MAX_MONEY_PENCE)))
        } else {
            Ok(Money(pence as i64))
        }
    }

    /// Parses `£1,234.56`, `1234.56`, `1234` or `-5.00`. More than two decimal places is an error.
    pub fn parse(text: &str) -> Result<Money, String> {
        let t = text.trim();
        let (negative, t) = match t.strip_prefix('-').or_else(|| t.strip_prefix('−')) {
            Some(rest) => (true, rest.trim_start()),
            None => (false, t),
        };
        let t = t.strip_prefix('£').unwrap_or(t);
        // `£-5.00` as well as `-£5.00`.
        let (negative, t) = match t.strip_prefix('-') {
            Some(rest) if !negative => (true, rest),
            _ => (negative, t),
        };
        if t.is_empty() {
            return Err(format!("`{text}` is not an amount of money"));
        }
        let (whole, frac) = match t.split_once('.') {
            Some((w, f)) => (w, f),
            None => (t, ""),
        };
        if frac.len() > 2 {
            return Err(format!(
                "`{text}` has more than two decimal places; money is in pounds and pence"
            ));
        }
        let whole_digits: String = whole.chars().filter(|c| *c != ',').collect();
        if whole_digits.is_empty() && frac.is_empty()
            || !whole_digits.chars().all(|c| c.is_ascii_digit())
            || !frac.chars().all(|c| c.is_ascii_digit())
            || (t.contains('.') && frac.is_empty())
        {
            return Err(format!("`{text}` is not an amount of money"));
        }
        if whole_digits.len() > 16 {
            return Err(format!(
                "`{text}` is too large (the limit is {})",
                Money(MAX_MONEY_PENCE)
            ));
        }
        let pounds: i128 = if whole_digits.is_empty() {
            0
        } else {
            whole_digits
                .parse()
                .map_err(|_| format!("`{text}` is not an amount of money"))?
        };
        let pence: i128 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i128>().unwrap_or(0) * 10,
            _ => frac.parse::<i128>().unwrap_or(0),
        };
        let total = pounds * 100 + pence;
        Money::checked(if negative { -total } else { total }).map_err(|e| format!("`{text}`: {e}"))
    }

    /// The amount in pounds as an exact decimal (for arithmetic with rates).
    pub fn to_decimal_pounds(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    /// Plain text without the pound sign, for canonical JSON: `1234.56`, `-5.00`.
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl fmt::Display for Money {
    /// `£1,234.56`; whole pounds keep their pence (`£100.00`) so figures line up.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let abs = self.0.unsigned_abs();
        let pounds = (abs / 100).to_string();
        let mut grouped = String::with_capacity(pounds.len() + pounds.len() / 3);
        for (i, c) in pounds.chars().enumerate() {
            if i > 0 && (pounds.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let sign = if self.0 < 0 { "-" } else { "" };
        write!(f, "{sign}£{grouped}.{:02}", abs % 100)
    }
}

/// Text (`"12.50"`) in rulesets; integer pence in the compiled program (a binary format,
/// read back by `compiled`).
impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&self.plain())
        } else {
            s.serialize_i64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = d.deserialize_any(ScalarText("an amount of money such as \"12.50\""))?;
        Money::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Parses an exact decimal: `0.35`, `12`, `-3.5`, or a percentage `35%` (meaning 0.35).
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    let (t, percent) = match t.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (t, false),
    };
    let ok = !t.is_empty()
        && t.len() <= 30
        && t.trim_start_matches(['-', '+'])
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
        && t.chars().filter(|c| *c == '.').count() <= 1
        && t.trim_start_matches(['-', '+']).chars().any(|c| c.is_ascii_digit());
    if !ok {
        return Err(format!("`{text}` is not a number"));
    }
    // The text is only digits, a sign and at most one point (checked above), so it is read
    // as whole digits and a scale: exponents are refused, and digits that cannot be held
    // exactly are an error, not rounded.
    let (negative, unsigned) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    if unsigned.starts_with(['-', '+']) {
        return Err(format!("`{text}` is not a number"));
    }
    let (whole, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = whole.bytes().chain(frac.bytes());
    let mantissa = digits.fold(0i128, |m, b| m * 10 + i128::from(b - b'0'));
    let d = u32::try_from(frac.len())
        .ok()
        .and_then(|scale| Decimal::try_from_i128_with_scale(if negative { -mantissa } else { mantissa }, scale))
        .ok_or_else(|| format!("`{text}` is not a number we can hold exactly"))?;
    if percent {
        exact::div(d, Decimal::ONE_HUNDRED).ok_or_else(|| format!("`{text}` is out of range"))
    } else {
        Ok(d)
    }
}

/// A serde visitor that accepts a scalar's text (a string or an integer) and refuses
/// binary floating point: YAML or JSON `12.5` must be written `"12.5"` so it stays exact.
pub(crate) struct ScalarText(pub &'static str);

impl serde::de::Visitor<'_> for ScalarText {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.0)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<String, E> {
        Err(E::custom(
            "decimal numbers must be written in quotes (for example \"12.50\") so they stay exact",
        ))
    }
}

/// Which way a fraction is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Towards minus infinity: a fraction is dropped.
    Down,
    /// Towards plus infinity (any fraction counts as a whole step).
    Up,
    /// To the nearest step; exact halves go up.
    Nearest,
    /// Charging Regulations 2014 (SI 2014/2672) reg 11: a fraction is counted if that is in the person's favour,
    /// otherwise dropped. Needs `better` to say which way favours the person.
    PersonsFavour,
}

/// For `persons-favour`: is a lower or a higher figure better for the person?
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Better {
    /// A charge: rounding down favours the person.
    Lower,
    /// An allowance: rounding up favours the person.
    Higher,
}

/// A stated rounding: the step (a penny, a pound, a whole point, `0.01`…) and the direction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub better: Option<Better>,
    /// `penny` (the default for money), `pound`, `whole` (the default for numbers), or a
    /// decimal step such as `"0.05"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

impl Rounding {
    /// The effective direction once "in the person's favour" is resolved.
    pub fn resolved_direction(&self) -> Result<Direction, String> {
        match (self.direction, self.better) {
            (Direction::PersonsFavour, Some(Better::Lower)) => Ok(Direction::Down),
            (Direction::PersonsFavour, Some(Better::Higher)) => Ok(Direction::Up),
            (Direction::PersonsFavour, None) => Err(
                "rounding in the person's favour needs `better: lower` (a charge) or `better: higher` (an allowance)"
                    .into(),
            ),
            (d, _) => Ok(d),
        }
    }

    /// The step in the unit being rounded: pence for money, plain units for numbers.
    pub fn step(&self, money: bool) -> Result<Decimal, String> {
        match self.to.as_deref() {
            None if money => Ok(Decimal::ONE),
            None => Ok(Decimal::ONE),
            Some("penny") if money => Ok(Decimal::ONE),
            Some("pound") if money => Ok(Decimal::ONE_HUNDRED),
            Some("whole") if !money => Ok(Decimal::ONE),
            Some(other) => {
                let step = if money {
                    Money::parse(other).map(|m| Decimal::from(m.0))?
                } else {
                    parse_decimal(other)?
                };
                if step <= Decimal::ZERO {
                    Err(format!("rounding step `{other}` must be more than zero"))
                } else {
                    Ok(step)
                }
            }
        }
    }

    /// Rounds `value` (in the unit of the step) to a multiple of the step.
    pub fn apply(&self, value: Decimal, money: bool) -> Result<Decimal, String> {
        let step = self.step(money)?;
        let direction = self.resolved_direction()?;
        round_to_step(value, step, direction)
    }

    /// Words for the explanation: "rounded down to the penny, in your favour".
    pub fn describe(&self) -> &'static str {
        match (self.direction, self.better) {
            (Direction::Down, _) => "rounded down",
            (Direction::Up, _) => "rounded up",
            (Direction::Nearest, _) => "rounded to the nearest",
            (Direction::PersonsFavour, Some(Better::Lower)) => "rounded down, in your favour",
            (Direction::PersonsFavour, _) => "rounded up, in your favour",
        }
    }
}

/// Rounds to a multiple of `step` in the given direction (not `PersonsFavour`, resolve it first).
pub fn round_to_step(value: Decimal, step: Decimal, direction: Direction) -> Result<Decimal, String> {
    let overflow = || "the result is too large to round".to_string();
    let q = exact::div(value, step).ok_or_else(overflow)?;
    let n = match direction {
        Direction::Down => q.floor(),
        Direction::Up => q.ceil(),
        Direction::Nearest => {
            // Exact halves go up (towards plus infinity), as people expect of pence.
            let f = q.floor();
            // `q - f` is a fraction below one; `f + 1` is checked, as it is at the very top.
            if exact::sub(q, f).ok_or_else(overflow)? >= Decimal::new(5, 1) {
                exact::add(f, Decimal::ONE).ok_or_else(overflow)?
            } else {
                f
            }
        }
        Direction::PersonsFavour => return Err("internal: unresolved direction".into()),
    };
    exact::mul(n, step).ok_or_else(overflow)
}

/// Checked arithmetic on exact decimals: the only way evaluation adds, subtracts,
/// multiplies or divides them. Kept out of line so that the widget holds each routine once.
pub mod exact {
    use crate::decimal::Decimal;

    #[inline(never)]
    pub fn add(a: Decimal, b: Decimal) -> Option<Decimal> {
        a.checked_add(b)
    }

    #[inline(never)]
    pub fn sub(a: Decimal, b: Decimal) -> Option<Decimal> {
        a.checked_sub(b)
    }

    #[inline(never)]
    pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
        a.checked_mul(b)
    }

    #[inline(never)]
    pub fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
        a.checked_div(b)
    }
}

/// Turns a whole number of pence held as a decimal into [`Money`].
pub fn decimal_pence_to_money(pence: Decimal) -> Result<Money, String> {
    if !pence.fract().is_zero() {
        return Err("internal: fraction of a penny left unrounded".into());
    }
    Money::checked(pence.trunc_i128())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        assert_eq!(Money::parse("£1,234.56"), Ok(Money(123456)));
        assert_eq!(Money::parse("0.5"), Ok(Money(50)));
        assert_eq!(Money::parse("-5"), Ok(Money(-500)));
        assert_eq!(Money::parse("£-5"), Ok(Money(-500)));
        assert_eq!(Money::parse("-£5"), Ok(Money(-500)));
        assert!(Money::parse("--5").is_err());
        assert_eq!(Money::parse(".75"), Ok(Money(75)));
        assert!(Money::parse("1.234").unwrap_err().contains("two decimal places"));
        assert!(Money::parse("12.").is_err());
        assert!(Money::parse("£").is_err());
        assert!(Money::parse("1e5").is_err());
        assert!(Money::parse("99999999999999999").unwrap_err().contains("too large"));
        assert_eq!(Money(123456).to_string(), "£1,234.56");
        assert_eq!(Money(-5).to_string(), "-£0.05");
        assert_eq!(Money(100_000_000).to_string(), "£1,000,000.00");
        assert_eq!(Money(-500).plain(), "-5.00");
    }

    #[test]
    fn decimals_and_percentages() {
        assert_eq!(parse_decimal("35%"), Ok(Decimal::new(35, 2)));
        assert_eq!(parse_decimal("-1.5"), Ok(Decimal::new(-15, 1)));
        assert!(parse_decimal("1.2.3").is_err());
        assert!(parse_decimal("abc").is_err());
        assert!(parse_decimal("-").is_err());
        assert!(parse_decimal("--5").is_err());
        assert!(parse_decimal("+-5").is_err());
        assert!(parse_decimal("1e5").is_err());
        assert_eq!(parse_decimal("+2.50"), Ok(Decimal::new(250, 2)));
        assert_eq!(parse_decimal(".5"), Ok(Decimal::new(5, 1)));
        assert_eq!(parse_decimal("-0.001%"), Ok(Decimal::new(-1, 5)));
        // 29 decimal places cannot be held exactly: refused, not rounded.
        assert!(parse_decimal("0.00000000000000000000000000001").is_err());
        assert_eq!(parse_decimal("79228162514264337593543950335"), Ok(Decimal::MAX),);
        assert!(parse_decimal("79228162514264337593543950336").is_err());
    }

    #[test]
    fn rounding_directions() {
        let r = |d, b| Rounding {
            direction: d,
            better: b,
            to: None,
        };
        let v = Decimal::new(12345, 2); // 123.45 pence
        assert_eq!(r(Direction::Down, None).apply(v, true), Ok(Decimal::from(123)));
        assert_eq!(r(Direction::Up, None).apply(v, true), Ok(Decimal::from(124)));
        assert_eq!(r(Direction::Nearest, None).apply(v, true), Ok(Decimal::from(123)));
        assert_eq!(
            r(Direction::Nearest, None).apply(Decimal::new(1235, 1), true),
            Ok(Decimal::from(124))
        );
        assert_eq!(
            r(Direction::PersonsFavour, Some(Better::Lower)).apply(v, true),
            Ok(Decimal::from(123))
        );
        assert_eq!(
            r(Direction::PersonsFavour, Some(Better::Higher)).apply(v, true),
            Ok(Decimal::from(124))
        );
        assert!(r(Direction::PersonsFavour, None).apply(v, true).is_err());
        let pound = Rounding {
            direction: Direction::Up,
            better: None,
            to: Some("pound".into()),
        };
        assert_eq!(pound.apply(Decimal::from(101), true), Ok(Decimal::from(200)));
        // Negative amounts: down is towards minus infinity.
        assert_eq!(
            r(Direction::Down, None).apply(Decimal::new(-15, 1), true),
            Ok(Decimal::from(-2))
        );
    }
}
