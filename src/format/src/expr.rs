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

/// Makes everything that names operators from the one table below: the [`Expr`] enum,
/// [`OPERATORS`], [`Expr::operator`], reading and writing an operator's operand, and each
/// operator's JSON Schema. Each row is `"name" => Variant(operand type)`; the operand type's
/// own `Deserialize`, `Serialize` and `JsonSchema` say what the operator takes.
macro_rules! vocabulary {
    ($( $(#[$doc:meta])* $name:literal => $variant:ident($operand:ty), )*) => {
        #[derive(Clone, Debug, PartialEq)]
        pub enum Expr {
            /// A question, parameter or rule, by name.
            Name(String),
            Money(Money),
            Number(Decimal),
            /// A number written as a percentage; held as the fraction (`35%` is 0.35).
            Percent(Decimal),
            Bool(bool),
            $( $(#[$doc])* $variant($operand), )*
        }

        /// Operator names, in the order the docs list them.
        pub const OPERATORS: &[&str] = &[$($name),*];

        impl Expr {
            /// The operator's name; for a scalar, what kind of scalar it is.
            pub fn operator(&self) -> &'static str {
                match self {
                    Expr::Name(_) => "name",
                    Expr::Money(_) => "money",
                    Expr::Number(_) => "number",
                    Expr::Percent(_) => "percentage",
                    Expr::Bool(_) => "yes/no",
                    $( Expr::$variant(_) => $name, )*
                }
            }

        }

        /// Scalars in their short forms; operators as `{name: operand}`. The published JSON
        /// uses the same forms as the authored YAML.
        impl Serialize for Expr {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    Expr::Name(n) => s.serialize_str(n),
                    Expr::Money(m) => s.serialize_str(&m.to_string()),
                    Expr::Number(d) => s.serialize_str(&d.normalize().to_string()),
                    Expr::Percent(d) => s.serialize_str(&d.percent_text()),
                    Expr::Bool(b) => s.serialize_bool(*b),
                    $( Expr::$variant(x) => one(s, $name, x), )*
                }
            }
        }

        /// Reads the operand of the operator `key`; `None` if `key` is not an operator.
        fn read_operator<'de, A: MapAccess<'de>>(key: &str, map: &mut A) -> Result<Option<Expr>, A::Error> {
            Ok(Some(match key {
                $( $name => Expr::$variant(map.next_value()?), )*
                _ => return Ok(None),
            }))
        }

        /// Each operator's name and the schema of its operand.
        #[cfg(feature = "schema")]
        fn operator_schemas(g: &mut schemars::SchemaGenerator) -> serde_json::Map<String, serde_json::Value> {
            let mut ops = serde_json::Map::new();
            $( ops.insert($name.into(), g.subschema_for::<$operand>().into()); )*
            ops
        }
    };
}

// The vocabulary, in the order the docs list it: one row per operator.
vocabulary! {
    "sum" => Sum(Args),
    /// The first minus all the others.
    "difference" => Difference(Args),
    "product" => Product(Args),
    /// The first divided by the second. Always states its rounding.
    "divide" => Divide(Args),
    "min" => Min(Args),
    "max" => Max(Args),
    "clamp" => Clamp(Box<Clamp>),
    "gt" => Gt(Args),
    "ge" => Ge(Args),
    "lt" => Lt(Args),
    "le" => Le(Args),
    "eq" => Eq(Args),
    "ne" => Ne(Args),
    "all" => All(Args),
    "any" => Any(Args),
    "not" => Not(Box<Expr>),
    "at_least" => AtLeast(Box<AtLeast>),
    /// The first case whose `if` holds; `else` otherwise.
    "cases" => Cases(Vec<Case>),
    /// Answer → value (points for an option). For several choices, the sum over the chosen.
    "lookup" => Lookup(Box<Lookup>),
    /// Value → band (points → £ range).
    "bands" => Bands(Box<Bands>),
    /// Piecewise-linear: straight lines between the given points.
    "scale" => Scale(Box<Scale>),
    /// `amount` for every `per`, or part of `per`, by which `value` exceeds `above`.
    "tariff" => Tariff(Box<Tariff>),
    /// A periodic amount as a weekly amount.
    "weekly" => Weekly(Box<Weekly>),
    "round" => Round(Box<RoundExpr>),
    "range" => Range(Box<RangeExpr>),
    "lower" => Lower(Box<Expr>),
    "upper" => Upper(Box<Expr>),
    /// Is the answer to a choice question one of these options?
    "answer_in" => AnswerIn(Box<AnswerIn>),
    /// Did the person tick this option of a several-choices question?
    "includes" => Includes(Box<AnswerIn>),
    /// How many options of a several-choices question were ticked.
    "count" => Count(String),
    /// Age in whole years on the evaluation date, from a date-of-birth question.
    "age" => Age(String),
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
        let Some(e) = read_operator(&key, &mut map)? else {
            return Err(de::Error::custom(format!(
                "`{key}` is not an operator; operators are {}",
                OPERATORS.join(", ")
            )));
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

/// `[a, b]` or `{of: [a, b], round: {…}}`, written out where it is used (no `$defs` entry).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Args {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Args".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let expr = g.subschema_for::<Expr>();
        let list = schemars::json_schema!({"type": "array", "items": expr});
        let rounding = g.subschema_for::<Rounding>();
        schemars::json_schema!({"anyOf": [list, {
            "type": "object", "required": ["of"], "additionalProperties": false,
            "properties": {"of": list, "round": rounding}}]})
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Expr {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Expr".into()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let ops = operator_schemas(g);
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
