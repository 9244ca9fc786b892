//! The vocabulary the ruleset format and the compiled program share: what a value is
//! (`ValueType`), what a question asks for (`InputType`), how often an amount is paid
//! (`Period`) and what an answer is for (`Role`). The format (`carebudget-format`) reads
//! them from rulesets; the program and its explanations use them as they are.

use serde::{Deserialize, Serialize};

/// The type of a parameter or rule: what its value is and how it is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ValueType {
    /// Pounds and pence, held as integer pence.
    Money,
    /// An exact decimal.
    Number,
    /// An exact decimal shown as a percentage (`35%` is 0.35).
    Percentage,
    /// An exact decimal shown as points.
    Points,
    YesNo,
    Date,
    /// A lower and an upper amount of money.
    Range,
}

/// The kind of answer a question takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum InputType {
    /// One of the options.
    Choice,
    /// Any number of the options.
    Choices,
    YesNo,
    /// An amount; with `periods`, an amount per period (weekly, monthly…).
    Money,
    WholeNumber,
    Number,
    Date,
}

/// How often an amount is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    Weekly,
    Fortnightly,
    FourWeekly,
    Monthly,
    Yearly,
}

impl Period {
    /// Weekly amount = amount × numerator ÷ denominator (a year is 52 weeks, as the
    /// charging guidance converts).
    pub fn per_week(self) -> (i64, i64) {
        match self {
            Period::Weekly => (1, 1),
            Period::Fortnightly => (1, 2),
            Period::FourWeekly => (1, 4),
            Period::Monthly => (12, 52),
            Period::Yearly => (1, 52),
        }
    }

    /// Every period, in the order people are offered them, with its name in the format:
    /// the one list of them that names, parsing and front ends' words follow.
    pub const ALL: [(Period, &'static str); 5] = [
        (Period::Weekly, "weekly"),
        (Period::Fortnightly, "fortnightly"),
        (Period::FourWeekly, "four-weekly"),
        (Period::Monthly, "monthly"),
        (Period::Yearly, "yearly"),
    ];

    /// Its place in [`Period::ALL`] (and in front ends' lists of words for periods).
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self) -> &'static str {
        Self::ALL[self.index()].1
    }

    pub fn parse(s: &str) -> Option<Period> {
        Self::ALL.iter().find(|(_, n)| *n == s).map(|(p, _)| *p)
    }
}

/// What an answer is, so front ends know how to present it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Yes/no: has eligible needs.
    Eligibility,
    /// Money range: the indicative weekly budget.
    Budget,
    /// Money: what the person pays each week.
    Contribution,
    /// Money: what the council pays each week.
    CouncilShare,
    /// Anything else worth showing.
    Other,
}
