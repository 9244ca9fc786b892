//! Text in the ruleset's languages (English `en`, Welsh `cy`), and the languages themselves.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};

/// A language the rules, the explanations and the widget are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Cy,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];

    /// The language's code: `en`, `cy` (as in rulesets, attributes and `lang=""`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// The other language (for a page's link to its translation).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Cy,
            Lang::Cy => Lang::En,
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Text per language. Written either as a plain string (English) or as `{en: …, cy: …}`.
/// Two fields rather than a map: there are thousands of these in a national ruleset, and
/// reading them is most of the cost of loading one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    pub en: Option<String>,
    pub cy: Option<String>,
    /// The same text for someone filling the form in for another person ("What they would
    /// pay" for "What you would pay"), where the wording differs.
    pub for_other: Option<Box<Text>>,
}

impl Text {
    pub fn en(s: &str) -> Text {
        Text {
            en: Some(s.to_owned()),
            cy: None,
            for_other: None,
        }
    }

    /// The text for this reader: in `lang`, worded for someone answering for another person
    /// when `for_other` and the text has such wording in that language (the reader's
    /// language comes first: Welsh in the person's own wording before English in theirs).
    pub fn say(&self, lang: Lang, for_other: bool) -> &str {
        match &self.for_other {
            Some(v) if for_other && (v.has(lang) || !self.has(lang)) => v.get(lang),
            _ => self.get(lang),
        }
    }

    /// The text in `lang`, falling back to English, then to any language given.
    pub fn get(&self, lang: Lang) -> &str {
        let own = match lang {
            Lang::En => &self.en,
            Lang::Cy => &self.cy,
        };
        own.as_deref()
            .or(self.en.as_deref())
            .or(self.cy.as_deref())
            .unwrap_or("")
    }

    pub fn has(&self, lang: Lang) -> bool {
        match lang {
            Lang::En => self.en.is_some(),
            Lang::Cy => self.cy.is_some(),
        }
    }

    /// (language, text) for each language given.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> {
        [(Lang::En, &self.en), (Lang::Cy, &self.cy)]
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
            return (&self.en, &self.cy, &self.for_other).serialize(s);
        }
        let n = self.iter().count() + usize::from(self.for_other.is_some());
        let mut m = s.serialize_map(Some(n))?;
        for (lang, t) in self.iter() {
            m.serialize_entry(lang.code(), t)?;
        }
        if let Some(v) = &self.for_other {
            m.serialize_entry("for_other", v)?;
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
                f.write_str("text, or text per language such as {en: …, cy: …, for_other: …}")
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
                        "for_other" => {
                            let v: Text = a.next_value()?;
                            if v.for_other.is_some() {
                                return Err(serde::de::Error::custom(
                                    "`for_other` is the wording for someone else: it cannot have a `for_other` of its own",
                                ));
                            }
                            if t.for_other.replace(Box::new(v)).is_some() {
                                return Err(serde::de::Error::custom("`for_other` is given twice"));
                            }
                            continue;
                        }
                        other => {
                            return Err(serde::de::Error::custom(format!(
                                "unknown language `{other}` (expected `en` or `cy`, or `for_other`; if this is text with a comma in it, put the text in quotes)"
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

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Text, or text per language, with `for_other`: the same text for someone filling the form in for another person",
            "anyOf": [
                {"type": "string"},
                {"type": "object", "properties": {
                    "en": {"type": "string"}, "cy": {"type": "string"},
                    "for_other": {"anyOf": [
                        {"type": "string"},
                        {"type": "object", "properties": {"en": {"type": "string"}, "cy": {"type": "string"}},
                         "additionalProperties": false}
                    ]}
                 },
                 "additionalProperties": false}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn for_someone_else_in_the_readers_language_first() {
        let t = Text {
            en: Some("You pay".into()),
            cy: Some("Rydych chi'n talu".into()),
            for_other: Some(Box::new(Text::en("They pay"))),
        };
        assert_eq!(t.say(Lang::En, false), "You pay");
        assert_eq!(t.say(Lang::En, true), "They pay");
        // No Welsh for someone else: the Welsh, worded for the person, not English.
        assert_eq!(t.say(Lang::Cy, true), "Rydych chi'n talu");
        // No Welsh at all: the English for someone else.
        assert_eq!(Text { cy: None, ..t.clone() }.say(Lang::Cy, true), "They pay");
        assert_eq!(Text::en("Pays").say(Lang::En, true), "Pays");
    }
}
