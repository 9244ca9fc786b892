//! The ruleset format, version 1: what a council or nation publishes.
//!
//! One model for both forms: authored as YAML (with comments), published as JSON. Field
//! names are the format's; `docs/format.md` documents them and `carebudget schema` prints
//! the JSON Schema generated from these types.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

pub use carebudget_core::vocab::{InputType, Period, Role, ValueType};

use crate::expr::Expr;
use carebudget_core::date::Date;
use carebudget_core::literal::Literal;
use carebudget_core::text::Text;

/// The format identifier every ruleset starts with.
pub const FORMAT: &str = "carebudget/1";

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Ruleset {
    /// Always `carebudget/1`.
    pub format: String,
    /// Short stable name, used by `extends` and in file names: `england`, `example-council`.
    pub id: String,
    pub title: Text,
    /// Who publishes these rules (a council, a government, or "carebudget (illustrative)").
    pub publisher: String,
    /// `england`, `wales`, `scotland` or `northern-ireland`.
    pub jurisdiction: String,
    /// The publisher's own version label, shown on receipts.
    pub version: String,
    /// The period these rules are meant for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<InForce>,
    /// Languages every question and label is written in (`en`, and `cy` for Welsh).
    #[serde(default = "default_languages")]
    pub languages: Vec<String>,
    /// True for rules invented for demonstration; every page and result says so.
    #[serde(default, skip_serializing_if = "is_false")]
    pub illustrative: bool,
    /// A note shown with every result (for example what the figures do not cover).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Text>,
    /// What these rules leave out or simplify, in words every result shows (so a reader is
    /// told, not only a YAML comment). A council's list adds to its nation's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limitations: Vec<Text>,
    /// The `id` of the ruleset this one builds on (a council on its nation's rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extends: Option<String>,
    /// Set by `carebudget build`: the chain of rulesets merged into this one, nearest first,
    /// each id with its title (so a result can say in words where a rule came from).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub based_on: IndexMap<String, Text>,
    /// Citations, referred to by id from parameters, values and rules.
    #[serde(default)]
    pub sources: IndexMap<String, Source>,
    /// Groups of questions, in the order they are asked.
    #[serde(default)]
    pub sections: IndexMap<String, Section>,
    #[serde(default)]
    pub parameters: IndexMap<String, Parameter>,
    /// The questions.
    #[serde(default)]
    pub inputs: IndexMap<String, Input>,
    #[serde(default)]
    pub rules: IndexMap<String, Rule>,
    /// Which rules are the answers, and what each answer is.
    #[serde(default)]
    pub outputs: IndexMap<String, Output>,
    /// Worked examples: answers and the results the rules must give.
    #[serde(default)]
    pub examples: Vec<Example>,
}

fn default_languages() -> Vec<String> {
    vec!["en".into()]
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InForce {
    pub from: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Regulation, section or paragraph: `reg 2(1)`, `para 11.7`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
}

/// A named figure with its history: each value applies from its date until the next.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    #[serde(rename = "type")]
    pub ty: ValueType,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The source of every value that does not name its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Dated values, earliest first.
    pub values: Vec<DatedValue>,
    /// Set when rulesets are merged: the id of the ruleset this parameter comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DatedValue {
    /// The date this value takes effect.
    pub from: Date,
    /// Money as `"23250.00"`, numbers as `"0.35"` or `35%`, yes/no as `true`/`false`.
    pub value: Literal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// True where the figure is not yet confirmed from an official source; pages say so.
    #[serde(default, skip_serializing_if = "is_false")]
    pub verify: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A question.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Input {
    #[serde(rename = "type")]
    pub ty: InputType,
    /// The id of the section it is asked in.
    pub section: String,
    /// The question, addressed to the person ("Do you…").
    pub question: Text,
    /// The same question when someone fills it in for another person ("Does the person…").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question_for_other: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// A short name for check-your-answers and explanations ("Savings").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// For `choice` and `choices`: option value → label, in the order shown.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub options: IndexMap<String, Choice>,
    /// For `money`: the periods a person may give the amount in. Absent: a single amount.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<Period>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Literal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Literal>,
    /// Asked only when this is true; otherwise `default` is used and any answer ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ask_when: Option<Expr>,
    /// The value used when the question is not asked. Required with `ask_when`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Literal>,
    /// For answers saved before this question existed: when it is asked but not answered,
    /// and one of the `answered` questions has an answer, its value is taken as `assume`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub if_unanswered: Option<IfUnanswered>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

/// See [`Input::if_unanswered`].
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IfUnanswered {
    /// Question ids: an answer to any of them means the answers were written before this
    /// question was asked.
    pub answered: Vec<String>,
    /// The value to take, as an answer to this question would be written.
    pub assume: Literal,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
}

/// A named, typed step of the calculation.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Rule {
    #[serde(rename = "type")]
    pub ty: ValueType,
    pub label: Text,
    /// The explanation, with `{name}` for the value of any name the rule uses and `{value}`
    /// for its own. Without it, the explanation says "label: value".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Text>,
    /// For a yes/no rule, the explanation when it is not met (overrides `explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain_if_not: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// How the value is worked out, from the expression vocabulary (docs/format.md).
    pub formula: Expr,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Output {
    /// The rule whose value this is.
    pub rule: String,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// A yes/no expression: when it is false, this answer does not apply to the person (a
    /// carer's eligibility for someone checking their own care) and is shown as such, not
    /// as its rule's value. While it is unknown, its questions are asked first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_when: Option<Expr>,
}

/// A worked example: answers, the evaluation date, and the results the rules must give.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub as_of: Date,
    #[serde(default)]
    pub answers: IndexMap<String, Literal>,
    /// Rule or output id → expected value. Money as text, ranges as `{lower, upper}`.
    #[serde(default)]
    pub expect: IndexMap<String, Literal>,
    /// Output id → the questions still to answer (for examples with answers missing).
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub expect_needs: IndexMap<String, Vec<String>>,
}

/// A file of test cases kept beside a ruleset rather than inside it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TestFile {
    /// Path of the ruleset, relative to this file.
    pub ruleset: String,
    pub cases: Vec<Example>,
}
