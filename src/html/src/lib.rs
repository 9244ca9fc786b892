//! HTML for carebudget's two renderers — the widget's journey (`carebudget-web`) and the
//! static rules page (`carebudget`'s `page`) — written so that text from a ruleset or from a
//! person can never become markup.
//!
//! [`Html`] grows only by [`Html::raw`], which takes markup from our own code (a `&'static
//! str`, so text read at run time cannot be passed to it), or by text and attribute values,
//! which are escaped. [`web_url`] is the one test of which addresses may become links.
#![deny(unsafe_code)]

use std::fmt;

/// HTML under construction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html(String::new())
    }

    pub fn with_capacity(n: usize) -> Html {
        Html(String::with_capacity(n))
    }

    /// Markup written in our own code.
    pub fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    /// Text, escaped: `<`, `>`, `&` and both quotes can never start markup or end an attribute.
    pub fn text(&mut self, s: &str) -> &mut Html {
        escape_into(&mut self.0, s);
        self
    }

    /// ` name="value"`, the value escaped.
    pub fn attr(&mut self, name: &'static str, value: &str) -> &mut Html {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        escape_into(&mut self.0, value);
        self.0.push('"');
        self
    }

    /// Another piece built the same way, so already safe.
    pub fn html(&mut self, h: &Html) -> &mut Html {
        self.0.push_str(&h.0);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Appends `s` to `out` as HTML text or an attribute value.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// [`escape_into`], returning a new string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s);
    out
}

/// Only web addresses become links: a ruleset cannot smuggle in `javascript:` or `data:`.
/// The address, trimmed, if it is `http:` or `https:`.
pub fn web_url(u: &str) -> Option<&str> {
    let t = u.trim();
    let scheme = t.get(..8).unwrap_or(t).to_ascii_lowercase();
    (scheme.starts_with("https://") || scheme.starts_with("http://")).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_raw_is_only_static() {
        let mut h = Html::new();
        h.raw("<a")
            .attr("href", "x\" onclick=\"y")
            .raw(">")
            .text("<script>&'")
            .raw("</a>");
        assert_eq!(
            h.as_str(),
            "<a href=\"x&quot; onclick=&quot;y\">&lt;script&gt;&amp;&#39;</a>"
        );
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert_eq!(web_url(" https://www.gov.uk/ "), Some("https://www.gov.uk/"));
        assert_eq!(web_url("HTTP://example.org"), Some("HTTP://example.org"));
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url("data:text/html,x"), None);
        assert_eq!(web_url("http:"), None);
        assert_eq!(web_url(""), None);
        // As the rules page tested it before this crate held the one test of addresses.
        assert!(web_url("https://www.legislation.gov.uk/").is_some());
        assert!(web_url(" data:text/html,<script>").is_none());
    }
}
