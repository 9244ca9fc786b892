//! Typing of written values: a parameter's value or a question's bound (`literal_value`),
//! and an answer or a question's default (`answer_value`), from the JSON-like `Literal` that
//! rulesets and answers files are read as. Shared by the checker, by answers files and by
//! the widget's journey, so a value means the same wherever it is typed.

use crate::date::Date;
use crate::decimal::Decimal;
use crate::literal::Literal;
use crate::money::{Money, parse_decimal};
use crate::value::{Ty, Value};
use crate::vocab::{InputType, Period, ValueType};

/// A parameter value or bound, typed.
pub fn literal_value(lit: &Literal, ty: Ty, vt: ValueType) -> Result<Value, String> {
    let text = || {
        lit.scalar_text()
            .ok_or_else(|| format!("expected {}, found {}", ty.describe(), lit.kind()))
    };
    match ty {
        Ty::Money => Money::parse(&text()?).map(Value::Money),
        Ty::Number => {
            let t = text()?;
            if vt == ValueType::Percentage && !t.trim_end().ends_with('%') {
                return Err(format!(
                    "write a percentage with `%`, for example \"35%\" (found `{t}`)"
                ));
            }
            parse_decimal(&t).map(Value::Number)
        }
        Ty::Bool => match lit {
            Literal::Bool(b) => Ok(Value::Bool(*b)),
            _ => Err(format!("expected true or false, found {}", lit.kind())),
        },
        Ty::Date => Date::parse(&text()?).map(Value::Date),
        Ty::Range => match lit {
            Literal::Map(m) => {
                let get = |k: &str| {
                    m.get(k)
                        .and_then(Literal::scalar_text)
                        .ok_or_else(|| format!("a range needs `{k}`"))
                        .and_then(|t| Money::parse(&t))
                };
                let (lo, hi) = (get("lower")?, get("upper")?);
                if lo > hi {
                    return Err(format!("the lower amount {lo} is above the upper {hi}"));
                }
                Ok(Value::Range(lo, hi))
            }
            _ => Err("a range is written {lower: \"…\", upper: \"…\"}".into()),
        },
        Ty::Choice(_) | Ty::Choices(_) | Ty::Periodic => Err(format!("a parameter cannot be {}", ty.describe())),
    }
}

/// An answer (or a question's default), typed against the question.
pub fn answer_value(
    lit: &Literal,
    ty: Ty,
    options: &[String],
    periods: &[Period],
    kind: InputType,
) -> Result<Value, String> {
    let option = |s: &str| -> Result<String, String> {
        if options.iter().any(|o| o == s) {
            Ok(s.to_owned())
        } else {
            Err(format!("`{s}` is not one of the options ({})", options.join(", ")))
        }
    };
    match ty {
        Ty::Choice(_) => match lit {
            Literal::Text(s) => option(s).map(Value::Choice),
            _ => Err(format!(
                "expected one of the options ({}), found {}",
                options.join(", "),
                lit.kind()
            )),
        },
        Ty::Choices(_) => match lit {
            Literal::List(items) => {
                let mut out: Vec<String> = Vec::new();
                for it in items {
                    match it {
                        Literal::Text(s) => {
                            let o = option(s)?;
                            if !out.contains(&o) {
                                out.push(o);
                            }
                        }
                        other => return Err(format!("expected options, found {}", other.kind())),
                    }
                }
                Ok(Value::Choices(out))
            }
            _ => Err(format!("expected a list of options, found {}", lit.kind())),
        },
        Ty::Bool => match lit {
            Literal::Bool(b) => Ok(Value::Bool(*b)),
            Literal::Text(s) if s == "yes" => Ok(Value::Bool(true)),
            Literal::Text(s) if s == "no" => Ok(Value::Bool(false)),
            _ => Err(format!("expected yes or no, found {}", lit.kind())),
        },
        Ty::Periodic => match lit {
            Literal::Map(m) => {
                let amount = m
                    .get("amount")
                    .and_then(Literal::scalar_text)
                    .ok_or("an amount per period is written {amount: \"…\", period: weekly}")?;
                let amount = Money::parse(&amount)?;
                let period = match m.get("period") {
                    Some(Literal::Text(p)) => Period::parse(p).ok_or_else(|| format!("`{p}` is not a period"))?,
                    _ => return Err("an amount per period needs `period`".into()),
                };
                if !periods.contains(&period) {
                    let names: Vec<&str> = periods.iter().map(|p| p.name()).collect();
                    return Err(format!(
                        "this question takes amounts {}, not {}",
                        names.join(", "),
                        period.name()
                    ));
                }
                if m.keys().any(|k| k != "amount" && k != "period") {
                    return Err("an amount per period has only `amount` and `period`".into());
                }
                Ok(Value::Periodic(amount, period))
            }
            _ => Err(format!("expected {{amount: \"…\", period: …}}, found {}", lit.kind())),
        },
        Ty::Number if kind == InputType::WholeNumber => match lit {
            Literal::Int(i) => Ok(Value::Number(Decimal::from(*i))),
            Literal::Text(s) => match s.trim().parse::<i64>() {
                Ok(i) => Ok(Value::Number(Decimal::from(i))),
                Err(_) => Err(format!("`{s}` is not a whole number")),
            },
            _ => Err(format!("expected a whole number, found {}", lit.kind())),
        },
        Ty::Money | Ty::Number | Ty::Date | Ty::Range => literal_value(lit, ty, ValueType::Number),
    }
}
