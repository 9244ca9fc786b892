//! Text in the ruleset's languages (English `en`, Welsh `cy`).

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// Text per language. Written either as a plain string (English) or as `{en: …, cy: …}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(pub IndexMap<String, String>);

impl Text {
    pub fn en(s: &str) -> Text {
        let mut m = IndexMap::new();
        m.insert("en".to_string(), s.to_string());
        Text(m)
    }

    /// The text in `lang`, falling back to English, then to any language given.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn has(&self, lang: &str) -> bool {
        self.0.contains_key(lang)
    }

    pub fn is_empty(&self) -> bool {
        self.0.values().all(|v| v.trim().is_empty())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text, or text per language such as {en: …, cy: …}")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::en(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Text, A::Error> {
                let mut m = IndexMap::new();
                while let Some((k, v)) = a.next_entry::<String, String>()? {
                    if !matches!(k.as_str(), "en" | "cy") {
                        return Err(serde::de::Error::custom(format!(
                            "unknown language `{k}` (expected `en` or `cy`)"
                        )));
                    }
                    m.insert(k, v);
                }
                Ok(Text(m))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(feature = "cli")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text, or text per language",
            "anyOf": [
                {"type": "string"},
                {"type": "object", "properties": {"en": {"type": "string"}, "cy": {"type": "string"}},
                 "additionalProperties": false}
            ]
        })
    }
}
