//! The expression vocabulary rules are written in.
//!
//! An expression is a constant, a name, or a mapping with exactly one operator key:
//!
//! ```yaml
//! formula: {tariff: {value: capital, above: capital_lower, per: "£250", amount: "£1"}}
//! ```
//!
//! Scalars are short forms: `"£250"` is money, `"35%"` a percentage, `"12.5"` or `12` a
//! number, `true`/`false` yes/no, and a bare word such as `capital` names a question,
//! parameter or rule. Unquoted decimals (`12.5`) are refused so nothing passes through
//! binary floating point.

use std::fmt;

use carebudget_core::decimal::Decimal;
use indexmap::IndexMap;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};

use carebudget_core::money::{Money, Rounding, parse_decimal};

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A question, parameter or rule, by name.
    Name(String),
    Money(Money),
    Number(Decimal),
    /// A number written as a percentage; held as the fraction (`35%` is 0.35).
    Percent(Decimal),
    Bool(bool),
    Sum(Args),
    /// The first minus all the others.
    Difference(Args),
    Product(Args),
    /// The first divided by the second. Always states its rounding.
    Divide(Args),
    Min(Args),
    Max(Args),
    Clamp(Box<Clamp>),
    Gt(Args),
    Ge(Args),
    Lt(Args),
    Le(Args),
    Eq(Args),
    Ne(Args),
    All(Args),
    Any(Args),
    Not(Box<Expr>),
    AtLeast(Box<AtLeast>),
    /// The first case whose `if` holds; `else` otherwise.
    Cases(Vec<Case>),
    /// Answer → value (points for an option). For several choices, the sum over the chosen.
    Lookup(Box<Lookup>),
    /// Value → band (points → £ range).
    Bands(Box<Bands>),
    /// Piecewise-linear: straight lines between the given points.
    Scale(Box<Scale>),
    /// `amount` for every `per`, or part of `per`, by which `value` exceeds `above`.
    Tariff(Box<Tariff>),
    /// A periodic amount as a weekly amount.
    Weekly(Box<Weekly>),
    Round(Box<RoundExpr>),
    Range(Box<RangeExpr>),
    Lower(Box<Expr>),
    Upper(Box<Expr>),
    /// Is the answer to a choice question one of these options?
    AnswerIn(Box<AnswerIn>),
    /// Did the person tick this option of a several-choices question?
    Includes(Box<AnswerIn>),
    /// How many options of a several-choices question were ticked.
    Count(String),
    /// Age in whole years on the evaluation date, from a date-of-birth question.
    Age(String),
}

/// Operands, with an optional rounding: `sum: [a, b]` or `product: {of: [a, b], round: {…}}`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Args {
    pub of: Vec<Expr>,
    pub round: Option<Rounding>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Clamp {
    pub value: Expr,
    pub min: Expr,
    pub max: Expr,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AtLeast {
    pub n: u32,
    pub of: Vec<Expr>,
}

/// One arm of `cases`: `{if: …, then: …}`, or `{else: …}` last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Case {
    #[serde(rename = "if", default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub then: Option<Expr>,
    #[serde(rename = "else", default, skip_serializing_if = "Option::is_none")]
    pub otherwise: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lookup {
    /// The question whose answer is looked up.
    pub answer: String,
    /// Option → value.
    pub table: IndexMap<String, Expr>,
    /// For options missing from the table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Bands {
    pub value: Expr,
    /// Ascending by `from`; each band runs until the next band's `from`.
    pub bands: Vec<Band>,
}

/// A band from `from` (inclusive): either a range (`lower`, `upper`) or a single `value`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub from: Expr,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Expr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<carebudget_core::text::Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub value: Expr,
    /// `[x, y]` pairs with x ascending; flat beyond the ends.
    pub points: Vec<(Expr, Expr)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<Rounding>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tariff {
    pub value: Expr,
    pub above: Expr,
    pub per: Expr,
    pub amount: Expr,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Weekly {
    pub value: Expr,
    pub round: Rounding,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoundExpr {
    pub value: Expr,
    #[serde(flatten)]
    pub rounding: Rounding,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RangeExpr {
    pub lower: Expr,
    pub upper: Expr,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerIn {
    pub answer: String,
    #[serde(alias = "value")]
    pub options: OneOrMany,
}

/// One option or a list of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn as_slice(&self) -> &[String] {
        match self {
            OneOrMany::One(s) => std::slice::from_ref(s),
            OneOrMany::Many(v) => v,
        }
    }
}

/// Operator names, in the order the docs list them.
pub const OPERATORS: &[&str] = &[
    "sum",
    "difference",
    "product",
    "divide",
    "min",
    "max",
    "clamp",
    "gt",
    "ge",
    "lt",
    "le",
    "eq",
    "ne",
    "all",
    "any",
    "not",
    "at_least",
    "cases",
    "lookup",
    "bands",
    "scale",
    "tariff",
    "weekly",
    "round",
    "range",
    "lower",
    "upper",
    "answer_in",
    "includes",
    "count",
    "age",
];

impl Expr {
    /// Reads a scalar short form: money, percentage, number or name.
    pub fn from_scalar(text: &str) -> Result<Expr, String> {
        let t = text.trim();
        if t.starts_with('£') || t.starts_with("-£") {
            return Money::parse(t).map(Expr::Money);
        }
        if t.ends_with('%') {
            return parse_decimal(t).map(Expr::Percent);
        }
        if t.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.') {
            return parse_decimal(t).map(Expr::Number);
        }
        if is_name(t) {
            return Ok(Expr::Name(t.to_owned()));
        }
        Err(format!(
            "`{text}` is not a name (letters, digits and _), an amount (\"£12.50\"), a percentage (\"35%\") or a number"
        ))
    }

    pub fn operator(&self) -> &'static str {
        match self {
            Expr::Name(_) => "name",
            Expr::Money(_) => "money",
            Expr::Number(_) => "number",
            Expr::Percent(_) => "percentage",
            Expr::Bool(_) => "yes/no",
            Expr::Sum(_) => "sum",
            Expr::Difference(_) => "difference",
            Expr::Product(_) => "product",
            Expr::Divide(_) => "divide",
            Expr::Min(_) => "min",
            Expr::Max(_) => "max",
            Expr::Clamp(_) => "clamp",
            Expr::Gt(_) => "gt",
            Expr::Ge(_) => "ge",
            Expr::Lt(_) => "lt",
            Expr::Le(_) => "le",
            Expr::Eq(_) => "eq",
            Expr::Ne(_) => "ne",
            Expr::All(_) => "all",
            Expr::Any(_) => "any",
            Expr::Not(_) => "not",
            Expr::AtLeast(_) => "at_least",
            Expr::Cases(_) => "cases",
            Expr::Lookup(_) => "lookup",
            Expr::Bands(_) => "bands",
            Expr::Scale(_) => "scale",
            Expr::Tariff(_) => "tariff",
            Expr::Weekly(_) => "weekly",
            Expr::Round(_) => "round",
            Expr::Range(_) => "range",
            Expr::Lower(_) => "lower",
            Expr::Upper(_) => "upper",
            Expr::AnswerIn(_) => "answer_in",
            Expr::Includes(_) => "includes",
            Expr::Count(_) => "count",
            Expr::Age(_) => "age",
        }
    }
}

/// Names are ASCII letters, digits and underscores, starting with a letter.
pub fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && s.len() <= 64
}

// ---- Reading -------------------------------------------------------------------------

impl<'de> Deserialize<'de> for Expr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ExprVisitor)
    }
}

struct ExprVisitor;

impl<'de> Visitor<'de> for ExprVisitor {
    type Value = Expr;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an expression: a name, an amount such as \"£12.50\", a number, true/false, or a mapping with one operator such as {sum: [a, b]}")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Expr, E> {
        Ok(Expr::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Expr, E> {
        Ok(Expr::Number(Decimal::from(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Expr, E> {
        Ok(Expr::Number(Decimal::from(v)))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Expr, E> {
        Err(E::custom(
            "decimal numbers must be written in quotes (for example \"0.5\" or \"£12.50\") so they stay exact",
        ))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Expr, E> {
        Expr::from_scalar(v).map_err(E::custom)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Expr, A::Error> {
        let Some(key) = map.next_key::<String>()? else {
            return Err(de::Error::custom(
                "an empty mapping is not an expression; give one operator such as {sum: [a, b]}",
            ));
        };
        let e = match key.as_str() {
            "sum" => Expr::Sum(map.next_value()?),
            "difference" => Expr::Difference(map.next_value()?),
            "product" => Expr::Product(map.next_value()?),
            "divide" => Expr::Divide(map.next_value()?),
            "min" => Expr::Min(map.next_value()?),
            "max" => Expr::Max(map.next_value()?),
            "clamp" => Expr::Clamp(map.next_value()?),
            "gt" => Expr::Gt(map.next_value()?),
            "ge" => Expr::Ge(map.next_value()?),
            "lt" => Expr::Lt(map.next_value()?),
            "le" => Expr::Le(map.next_value()?),
            "eq" => Expr::Eq(map.next_value()?),
            "ne" => Expr::Ne(map.next_value()?),
            "all" => Expr::All(map.next_value()?),
            "any" => Expr::Any(map.next_value()?),
            "not" => Expr::Not(Box::new(map.next_value()?)),
            "at_least" => Expr::AtLeast(map.next_value()?),
            "cases" => Expr::Cases(map.next_value()?),
            "lookup" => Expr::Lookup(map.next_value()?),
            "bands" => Expr::Bands(map.next_value()?),
            "scale" => Expr::Scale(map.next_value()?),
            "tariff" => Expr::Tariff(map.next_value()?),
            "weekly" => Expr::Weekly(map.next_value()?),
            "round" => Expr::Round(map.next_value()?),
            "range" => Expr::Range(map.next_value()?),
            "lower" => Expr::Lower(Box::new(map.next_value()?)),
            "upper" => Expr::Upper(Box::new(map.next_value()?)),
            "answer_in" => Expr::AnswerIn(map.next_value()?),
            "includes" => Expr::Includes(map.next_value()?),
            "count" => Expr::Count(map.next_value()?),
            "age" => Expr::Age(map.next_value()?),
            other => {
                return Err(de::Error::custom(format!(
                    "`{other}` is not an operator; operators are {}",
                    OPERATORS.join(", ")
                )));
            }
        };
        if let Some(extra) = map.next_key::<String>()? {
            return Err(de::Error::custom(format!(
                "an expression has exactly one operator, but `{key}` is followed by `{extra}`; nest them instead"
            )));
        }
        Ok(e)
    }
}

impl<'de> Deserialize<'de> for Args {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Args;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of expressions, or {of: [...], round: {...}}")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Args, A::Error> {
                let mut of = Vec::new();
                while let Some(e) = a.next_element()? {
                    of.push(e);
                }
                Ok(Args { of, round: None })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Args, A::Error> {
                let mut args = Args::default();
                let mut seen_of = false;
                while let Some(k) = a.next_key::<String>()? {
                    match k.as_str() {
                        "of" => {
                            args.of = a.next_value()?;
                            seen_of = true;
                        }
                        "round" => args.round = Some(a.next_value()?),
                        other => {
                            return Err(de::Error::custom(format!(
                                "unknown field `{other}`; expected `of` or `round`"
                            )));
                        }
                    }
                }
                if !seen_of {
                    return Err(de::Error::custom("missing field `of`"));
                }
                Ok(args)
            }
        }
        d.deserialize_any(V)
    }
}

// ---- Writing (the published JSON uses the same short forms) --------------------------

/// Writes `{key: value}`.
fn one<S: serde::Serializer, T: Serialize + ?Sized>(s: S, key: &str, v: &T) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(1))?;
    m.serialize_entry(key, v)?;
    m.end()
}

impl Serialize for Expr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Expr::Name(n) => s.serialize_str(n),
            Expr::Money(m) => s.serialize_str(&m.to_string()),
            Expr::Number(d) => s.serialize_str(&d.normalize().to_string()),
            Expr::Percent(d) => s.serialize_str(&d.percent_text()),
            Expr::Bool(b) => s.serialize_bool(*b),
            Expr::Sum(a)
            | Expr::Difference(a)
            | Expr::Product(a)
            | Expr::Divide(a)
            | Expr::Min(a)
            | Expr::Max(a)
            | Expr::Gt(a)
            | Expr::Ge(a)
            | Expr::Lt(a)
            | Expr::Le(a)
            | Expr::Eq(a)
            | Expr::Ne(a)
            | Expr::All(a)
            | Expr::Any(a) => one(s, self.operator(), a),
            Expr::Clamp(x) => one(s, "clamp", x),
            Expr::Not(x) => one(s, "not", x.as_ref()),
            Expr::AtLeast(x) => one(s, "at_least", x),
            Expr::Cases(x) => one(s, "cases", x),
            Expr::Lookup(x) => one(s, "lookup", x),
            Expr::Bands(x) => one(s, "bands", x),
            Expr::Scale(x) => one(s, "scale", x),
            Expr::Tariff(x) => one(s, "tariff", x),
            Expr::Weekly(x) => one(s, "weekly", x),
            Expr::Round(x) => one(s, "round", x),
            Expr::Range(x) => one(s, "range", x),
            Expr::Lower(x) => one(s, "lower", x.as_ref()),
            Expr::Upper(x) => one(s, "upper", x.as_ref()),
            Expr::AnswerIn(x) => one(s, "answer_in", x),
            Expr::Includes(x) => one(s, "includes", x),
            Expr::Count(x) => one(s, "count", x),
            Expr::Age(x) => one(s, "age", x),
        }
    }
}

impl Serialize for Args {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.round {
            None => self.of.serialize(s),
            Some(r) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("of", &self.of)?;
                m.serialize_entry("round", r)?;
                m.end()
            }
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Expr {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Expr".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let expr = g.subschema_for::<Expr>();
        let list = schemars::json_schema!({"type": "array", "items": expr});
        let rounding = g.subschema_for::<Rounding>();
        let args = schemars::json_schema!({"anyOf": [list, {
            "type": "object", "required": ["of"], "additionalProperties": false,
            "properties": {"of": list, "round": rounding}}]});
        let name = schemars::json_schema!({"type": "string"});
        let mut ops = serde_json::Map::new();
        for op in [
            "sum",
            "difference",
            "product",
            "divide",
            "min",
            "max",
            "gt",
            "ge",
            "lt",
            "le",
            "eq",
            "ne",
            "all",
            "any",
        ] {
            ops.insert(op.into(), args.clone().into());
        }
        ops.insert("clamp".into(), g.subschema_for::<Clamp>().into());
        ops.insert("not".into(), expr.clone().into());
        ops.insert("at_least".into(), g.subschema_for::<AtLeast>().into());
        ops.insert("cases".into(), g.subschema_for::<Vec<Case>>().into());
        ops.insert("lookup".into(), g.subschema_for::<Lookup>().into());
        ops.insert("bands".into(), g.subschema_for::<Bands>().into());
        ops.insert("scale".into(), g.subschema_for::<Scale>().into());
        ops.insert("tariff".into(), g.subschema_for::<Tariff>().into());
        ops.insert("weekly".into(), g.subschema_for::<Weekly>().into());
        ops.insert("round".into(), g.subschema_for::<RoundExpr>().into());
        ops.insert("range".into(), g.subschema_for::<RangeExpr>().into());
        ops.insert("lower".into(), expr.clone().into());
        ops.insert("upper".into(), expr.clone().into());
        ops.insert("answer_in".into(), g.subschema_for::<AnswerIn>().into());
        ops.insert("includes".into(), g.subschema_for::<AnswerIn>().into());
        ops.insert("count".into(), name.clone().into());
        ops.insert("age".into(), name.into());
        schemars::json_schema!({
            "description": "An expression: a name, \"£12.50\", \"35%\", a number, true/false, or {operator: operands}",
            "anyOf": [
                {"type": "string"}, {"type": "integer"}, {"type": "boolean"},
                {"type": "object", "minProperties": 1, "maxProperties": 1,
                 "additionalProperties": false, "properties": ops}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms() {
        assert_eq!(Expr::from_scalar("£250"), Ok(Expr::Money(Money::new(25000))));
        assert_eq!(Expr::from_scalar("35%"), Ok(Expr::Percent(Decimal::new(35, 2))));
        assert_eq!(Expr::from_scalar("0.5"), Ok(Expr::Number(Decimal::new(5, 1))));
        assert_eq!(Expr::from_scalar("capital"), Ok(Expr::Name("capital".into())));
        assert!(Expr::from_scalar("two words").is_err());
        assert!(Expr::from_scalar("£1.005").is_err());
    }
}
