//! Literal data in a ruleset or answers file: parameter values, answers, expected results.
//!
//! Like JSON, but with no binary floating point: `12.50` must be written `"12.50"` so that
//! it is read exactly. Typed later against the parameter or question it belongs to.

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Literal {
    Null,
    Bool(bool),
    Int(i64),
    Text(String),
    List(Vec<Literal>),
    Map(IndexMap<String, Literal>),
}

impl Literal {
    /// The text of a scalar (integers as digits), for parsing money, numbers and dates.
    pub fn scalar_text(&self) -> Option<String> {
        match self {
            Literal::Int(i) => Some(i.to_string()),
            Literal::Text(s) => Some(s.clone()),
            _ => None,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Literal::Null => "nothing",
            Literal::Bool(_) => "yes/no",
            Literal::Int(_) => "a whole number",
            Literal::Text(_) => "text",
            Literal::List(_) => "a list",
            Literal::Map(_) => "a mapping",
        }
    }
}

impl<'de> Deserialize<'de> for Literal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Literal;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value: text, a whole number, true/false, a list or a mapping")
            }
            fn visit_unit<E>(self) -> Result<Literal, E> {
                Ok(Literal::Null)
            }
            fn visit_none<E>(self) -> Result<Literal, E> {
                Ok(Literal::Null)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Literal, E> {
                Ok(Literal::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Literal, E> {
                Ok(Literal::Int(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Literal, E> {
                i64::try_from(v)
                    .map(Literal::Int)
                    .map_err(|_| E::custom(format!("{v} is too large")))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Literal, E> {
                Err(E::custom(
                    "decimal numbers must be written in quotes (for example \"12.50\") so they stay exact",
                ))
            }
            fn visit_str<E>(self, v: &str) -> Result<Literal, E> {
                Ok(Literal::Text(v.to_owned()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Literal, A::Error> {
                let mut out = Vec::new();
                while let Some(x) = a.next_element()? {
                    out.push(x);
                }
                Ok(Literal::List(out))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Literal, A::Error> {
                let mut out = IndexMap::new();
                while let Some((k, v)) = a.next_entry::<String, Literal>()? {
                    if out.insert(k.clone(), v).is_some() {
                        return Err(serde::de::Error::custom(format!("`{k}` is given twice")));
                    }
                }
                Ok(Literal::Map(out))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Literal {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Literal".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A value. Decimals are written as text (\"12.50\") so they stay exact.",
            "type": ["null", "boolean", "integer", "string", "array", "object"]
        })
    }
}
