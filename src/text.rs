//! Text in the ruleset's languages (English `en`, Welsh `cy`).

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};

/// Text per language. Written either as a plain string (English) or as `{en: …, cy: …}`.
/// Two fields rather than a map: there are thousands of these in a national ruleset, and
/// reading them is most of the cost of loading one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub en: Option<String>,
    pub cy: Option<String>,
}

impl Text {
    pub fn en(s: &str) -> Text {
        Text {
            en: Some(s.to_owned()),
            cy: None,
        }
    }

    /// The text in `lang`, falling back to English, then to any language given.
    pub fn get(&self, lang: &str) -> &str {
        let own = if lang == "cy" { &self.cy } else { &self.en };
        own.as_deref()
            .or(self.en.as_deref())
            .or(self.cy.as_deref())
            .unwrap_or("")
    }

    pub fn has(&self, lang: &str) -> bool {
        match lang {
            "en" => self.en.is_some(),
            "cy" => self.cy.is_some(),
            _ => false,
        }
    }

    /// (language, text) for each language given.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [("en", &self.en), ("cy", &self.cy)]
            .into_iter()
            .filter_map(|(l, t)| Some((l, t.as_deref()?)))
    }

    pub fn is_empty(&self) -> bool {
        self.iter().all(|(_, v)| v.trim().is_empty())
    }
}

/// A string or `{en, cy}` map in rulesets; the pair (en, cy) in the compiled program.
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !s.is_human_readable() {
            return (&self.en, &self.cy).serialize(s);
        }
        let n = self.iter().count();
        let mut m = s.serialize_map(Some(n))?;
        for (lang, t) in self.iter() {
            m.serialize_entry(lang, t)?;
        }
        m.end()
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
                let mut t = Text::default();
                while let Some(k) = a.next_key::<std::borrow::Cow<'de, str>>()? {
                    let slot = match k.as_ref() {
                        "en" => &mut t.en,
                        "cy" => &mut t.cy,
                        other => {
                            return Err(serde::de::Error::custom(format!(
                                "unknown language `{other}` (expected `en` or `cy`; if this is text with a comma in it, put the text in quotes)"
                            )));
                        }
                    };
                    if slot.replace(a.next_value()?).is_some() {
                        return Err(serde::de::Error::custom(format!("`{}` is given twice", k)));
                    }
                }
                Ok(t)
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
