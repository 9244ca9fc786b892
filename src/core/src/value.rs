//! Values and their types: what evaluation computes with, how two values are ordered, and
//! how a value reads in an error message. Shared by the program, evaluation, explanation
//! and the typing of answers.

use serde::Serialize;

use crate::date::Date;
use crate::decimal::Decimal;
use crate::money::Money;
use crate::vocab::{Period, ValueType};
use crate::wire::decimal;

/// A value during evaluation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Value {
    Money(Money),
    Number(#[serde(with = "decimal")] Decimal),
    Bool(bool),
    Date(Date),
    /// The chosen option of a choice question.
    Choice(String),
    /// The ticked options of a several-choices question.
    Choices(Vec<String>),
    Range(Money, Money),
    /// An amount per period, before conversion to weekly.
    Periodic(Money, Period),
}

/// The static type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Ty {
    Money,
    Number,
    Bool,
    Date,
    /// Answer of choice question `n`.
    Choice(u32),
    Choices(u32),
    Range,
    Periodic,
}

impl Ty {
    pub fn describe(self) -> &'static str {
        match self {
            Ty::Money => "money",
            Ty::Number => "a number",
            Ty::Bool => "yes/no",
            Ty::Date => "a date",
            Ty::Choice(_) => "a choice",
            Ty::Choices(_) => "several choices",
            Ty::Range => "a money range",
            Ty::Periodic => "money per period (convert it with `weekly`)",
        }
    }

    pub fn of_value_type(t: ValueType) -> Ty {
        match t {
            ValueType::Money => Ty::Money,
            ValueType::Number | ValueType::Percentage | ValueType::Points => Ty::Number,
            ValueType::YesNo => Ty::Bool,
            ValueType::Date => Ty::Date,
            ValueType::Range => Ty::Range,
        }
    }
}

/// Orders two values of the same comparable type.
pub fn compare(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    match (a, b) {
        (Value::Money(x), Value::Money(y)) => Some(x.cmp(y)),
        (Value::Number(x), Value::Number(y)) => Some(x.cmp(y)),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        _ => None,
    }
}

/// A value in plain words for error messages.
pub fn plain(v: &Value) -> String {
    match v {
        Value::Money(m) => m.to_string(),
        Value::Number(d) => d.normalize().to_string(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.into(),
        Value::Date(d) => d.to_string(),
        Value::Choice(c) => c.clone(),
        Value::Choices(cs) => cs.join(", "),
        Value::Range(lo, hi) => format!("{lo} to {hi}"),
        Value::Periodic(m, p) => format!("{m} {}", p.name()),
    }
}
