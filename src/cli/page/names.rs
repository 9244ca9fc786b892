//! Naming things on the page: anchors, links to questions, figures, rules and sources by
//! their labels, where each item comes from, and answers and values in words.

use carebudget_core::explain::format_value;
use carebudget_core::program::Value;
use carebudget_core::text::Text;
use carebudget_format::model::ValueType;

use super::Renderer;

/// A fragment identifier made only of `A-Z a-z 0-9 - _`: other bytes become `.xx` (hex), so
/// different ids stay different and nothing in an id can break out of an attribute or URL.
pub(super) fn anchor(prefix: &str, id: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + id.len() + 1);
    out.push_str(prefix);
    out.push('-');
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(b as char);
        } else {
            out.push_str(&format!(".{b:02x}"));
        }
    }
    out
}

impl<'a> Renderer<'a> {
    pub(super) fn input_label(&self, id: &str) -> Option<&'a Text> {
        let q = self.rs.inputs.get(id)?;
        Some(q.label.as_ref().unwrap_or(&q.question))
    }

    pub(super) fn option_label(&self, input: &str, option: &str) -> Option<&'a Text> {
        Some(&self.rs.inputs.get(input)?.options.get(option)?.label)
    }

    /// Opens a link to the item `prefix-id` on this page; the caller writes its text and `</a>`.
    pub(super) fn link_open(&mut self, prefix: &str, id: &str) {
        self.raw("<a");
        self.attr("href", &format!("#{}", anchor(prefix, id)));
        self.raw(">");
    }

    /// A link to a named question, figure or rule, shown by its label.
    pub(super) fn name_link(&mut self, name: &str) {
        let rs = self.rs;
        let (prefix, label) = if let Some(t) = self.input_label(name) {
            ("q", t)
        } else if let Some(par) = rs.parameters.get(name) {
            ("f", &par.label)
        } else if let Some(rule) = rs.rules.get(name) {
            ("r", &rule.label)
        } else {
            self.esc(name);
            return;
        };
        self.link_open(prefix, name);
        self.text(label);
        self.raw("</a>");
    }

    /// A link to a rule, by its own label (or its id if there is no such rule).
    pub(super) fn rule_link(&mut self, id: &str) {
        match self.rs.rules.get(id) {
            Some(r) => {
                self.link_open("r", id);
                self.text(&r.label);
                self.raw("</a>");
            }
            None => self.esc(id),
        }
    }

    /// A link to the rule behind an output, by the output's label or else the rule's;
    /// `name` is shown if neither has one.
    pub(super) fn output_link(&mut self, rule: &str, label: Option<&Text>, name: &str) {
        self.link_open("r", rule);
        match (label, self.rs.rules.get(rule)) {
            (Some(t), _) => self.text(t),
            (None, Some(r)) => self.text(&r.label),
            (None, None) => self.esc(name),
        }
        self.raw("</a>");
    }

    pub(super) fn source_link(&mut self, id: &str) {
        match self.rs.sources.get(id) {
            Some(s) => {
                self.link_open("s", id);
                self.plain(&s.title);
                if let Some(par) = &s.paragraph {
                    self.raw(", ");
                    self.plain(par);
                }
                self.raw("</a>");
            }
            None => self.esc(id),
        }
    }

    pub(super) fn origin_badge(&mut self, origin: Option<&str>) {
        let rs = self.rs;
        let Some(origin) = origin else { return };
        if rs.based_on.is_empty() && origin == rs.id {
            // Nothing is layered: everything is this publisher's own.
            return;
        }
        if origin == rs.id {
            self.raw("<span class=\"badge badge-own\">");
            self.esc(self.w.own);
            self.raw("</span>");
        } else {
            self.raw("<span class=\"badge badge-national\">");
            self.esc(self.w.national);
            self.raw(" <span class=\"badge-from\">(");
            self.esc(origin);
            self.raw(")</span></span>");
        }
    }

    pub(super) fn value_text(&self, v: &Value, ty: Option<ValueType>) -> String {
        format_value(v, ty, self.ew)
    }

    /// An answer value in words: option labels for choices.
    pub(super) fn answer_words(&mut self, input: &str, v: &Value) {
        match v {
            Value::Choice(c) => self.option_words(input, c),
            Value::Choices(cs) if cs.is_empty() => self.esc(self.ew.none),
            Value::Choices(cs) => {
                for (i, c) in cs.iter().enumerate() {
                    if i > 0 {
                        self.raw("; ");
                    }
                    self.option_words(input, c);
                }
            }
            other => {
                let s = self.value_text(other, None);
                self.esc(&s);
            }
        }
    }

    /// An answer option by its label, or its id if the question has no such option.
    pub(super) fn option_words(&mut self, input: &str, option: &str) {
        match self.option_label(input, option) {
            Some(t) => self.text(t),
            None => self.esc(option),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_safe_and_distinct() {
        assert_eq!(anchor("s", "elig-reg2"), "s-elig-reg2");
        assert_eq!(anchor("s", "a b\"<"), "s-a.20b.22.3c");
        assert_ne!(anchor("s", "a.b"), anchor("s", "a_b"));
    }
}
