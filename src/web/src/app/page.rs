//! What every page shares: the page chosen by the state, the heading, back link, notices
//! and error messages, and the ruleset's own text (escaped, marked English where the widget
//! speaks Welsh but the rules do not).

use carebudget_core::explain::fill_from;
use carebudget_core::text::Text;
use carebudget_html::Html;

use super::{App, FieldError, Page};

/// `template` (the widget's own words) into `h` with each `{name}` replaced by its piece of
/// HTML (never empty here). The words between are slices of the template, so our own
/// markup; with `as_text`, written as text instead (escaped).
pub(crate) fn fill(h: &mut Html, template: &'static str, as_text: bool, values: &[(&str, &Html)]) {
    let words = |h: &mut Html, s: &'static str| {
        if as_text {
            h.text(s);
        } else {
            h.raw(s);
        }
    };
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        words(h, &rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            words(h, &rest[open..]);
            return;
        };
        match values.iter().find(|(k, _)| *k == &after[..close]) {
            Some((_, v)) => {
                h.html(v);
            }
            None => words(h, &rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    words(h, rest);
}

/// Text as a piece of HTML, to fill a template with.
pub(crate) fn text(s: &str) -> Html {
    let mut h = Html::new();
    h.text(s);
    h
}

impl App {
    /// The phrases the widget shares with explanations, receipts and rules pages, in the
    /// widget's language: one wording of each, wherever it is shown.
    pub(super) fn ew(&self) -> &'static carebudget_core::explain::Words {
        carebudget_core::explain::Words::for_lang(self.w.lang)
    }

    /// ` lang="en"` on ruleset text when the widget speaks another language.
    pub(super) fn rl(&self) -> &'static str {
        if self.rules_lang == self.w.lang {
            ""
        } else {
            " lang=\"en\""
        }
    }

    /// The ruleset's text `t` in the reader's wording.
    pub(super) fn say<'a>(&self, t: &'a Text) -> &'a str {
        t.say(self.rules_lang, self.for_other)
    }

    /// `<span lang="en">` around ruleset text where the widget speaks another language.
    pub(super) fn span(&self, h: &mut Html, text: &str) {
        h.raw("<span").raw(self.rl()).raw(">").text(text).raw("</span>");
    }

    /// The question as this reader should see it.
    pub(super) fn question(&self, i: u32) -> String {
        carebudget_core::explain::question_text(&self.program, i, self.rules_lang, self.for_other)
    }

    pub(super) fn label(&self, i: u32) -> String {
        let q = &self.program.info.inputs[i as usize];
        match &q.label {
            Some(l) => self.say(l).to_owned(),
            None => self.question(i),
        }
    }

    pub fn render(&self) -> String {
        self.render_announced().0
    }

    /// The page's markup and what the live region should say, from one evaluation: the
    /// result page and its announcement share their explanation (explaining twice made an
    /// answer change's Rust time 3.1–3.6 ms instead of 1.8–2.1 ms, measured in Chromium).
    pub fn render_announced(&self) -> (String, Option<String>) {
        match self.page {
            Page::Start => (self.render_start().into_string(), None),
            Page::Question(i) => (self.render_question(i).into_string(), None),
            Page::Check => (self.render_check().into_string(), None),
            Page::Result => {
                let (ev, report) = self.explained();
                (
                    self.render_result(&ev, &report).into_string(),
                    Some(self.announce(&report)),
                )
            }
        }
    }

    pub(super) fn back_link(&self, h: &mut Html) {
        h.raw("<a href=\"#\" class=\"cb-back\" data-act=\"back\">")
            .raw(self.w.back)
            .raw("</a>");
    }

    /// The heading, focused when the page was reached by a step.
    pub(super) fn h1(&self, h: &mut Html, class: &'static str, inner: &Html) {
        h.raw("<h1 class=\"")
            .raw(class)
            .raw("\" tabindex=\"-1\"")
            .raw(if self.moved && self.errors.is_empty() {
                " data-autofocus"
            } else {
                ""
            })
            .raw(">")
            .html(inner)
            .raw("</h1>");
    }

    /// A heading of our own words.
    pub(super) fn h1_words(&self, h: &mut Html, class: &'static str, words: &'static str) {
        let mut inner = Html::new();
        inner.raw(words);
        self.h1(h, class, &inner);
    }

    pub(super) fn notices(&self, h: &mut Html) {
        let rs = &self.program.info;
        if rs.illustrative {
            h.raw("<p class=\"cb-notice\">").raw(self.ew().illustrative).raw("</p>");
        }
        if let Some(n) = &rs.notice {
            h.raw("<p class=\"cb-notice\"")
                .raw(self.rl())
                .raw(">")
                .text(self.say(n))
                .raw("</p>");
        }
        if self.w.lang != self.rules_lang {
            h.raw("<p class=\"cb-notice\">").raw(self.w.no_welsh).raw("</p>");
        }
    }

    /// Which year's figures the rules use: the rules' own words.
    pub(super) fn figures_for(&self, h: &mut Html, period: &str) {
        let ew = carebudget_core::explain::Words::for_lang(self.rules_lang);
        h.raw("<p data-figures")
            .raw(self.rl())
            .raw(">")
            .text(&fill_from(ew.figures_for, &[("period", period)]))
            .raw("</p>");
    }

    /// "Please note:" and a note in the rules' language.
    pub(super) fn please_note(&self, h: &mut Html, attrs: &'static str, note: &str) {
        h.raw("<p class=\"cb-notice\"")
            .raw(attrs)
            .raw("><strong>")
            .raw(self.w.please_note)
            .raw("</strong> ");
        self.span(h, note);
        h.raw("</p>");
    }

    /// Which year's figures the rules use, and, on a date outside that period, that they may
    /// have changed: said before anyone answers a question.
    pub(super) fn figures_note(&self, h: &mut Html) {
        let Some(in_force) = self.program.info.in_force else {
            return;
        };
        let lang = self.rules_lang;
        self.figures_for(h, &carebudget_core::explain::period_words(in_force, lang));
        if let Some(note) = carebudget_core::explain::out_of_force(Some(in_force), self.as_of, lang) {
            self.please_note(h, " data-out-of-force", &note);
        }
    }

    /// The list of problems at the top of a form, focused so it is read first.
    pub(super) fn error_summary(&self, h: &mut Html) {
        if self.errors.is_empty() {
            return;
        }
        h.raw("<div class=\"cb-error-summary\" role=\"alert\" tabindex=\"-1\" data-autofocus><h2 class=\"cb-m\">")
            .raw(self.w.problem)
            .raw("</h2><ul class=\"cb-list\">");
        for e in &self.errors {
            h.raw("<li><a href=\"#\" data-act=\"focus\" data-arg=\"")
                .raw(e.field)
                .raw("\">")
                .text(&e.message)
                .raw("</a></li>");
        }
        h.raw("</ul></div>");
    }

    pub(super) fn error_for(&self, fields: &[&str]) -> Option<&FieldError> {
        self.errors.iter().find(|e| fields.contains(&e.field))
    }

    /// The message by a field, with "Error:" for screen readers.
    pub(super) fn error_message(&self, h: &mut Html, e: Option<&FieldError>, id: &'static str) {
        if let Some(e) = e {
            h.raw("<p id=\"")
                .raw(id)
                .raw("\" class=\"cb-error-message\"><span class=\"cb-vh\">")
                .raw(self.w.error)
                .raw("</span> ")
                .text(&e.message)
                .raw("</p>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_pieces_of_html_in_our_words_and_keeps_unknown_names() {
        let mut b = Html::new();
        b.raw("<b>").text("<x>").raw("</b>");
        let mut h = Html::new();
        fill(&mut h, "Mae'n {v} {w} {", false, &[("v", &b)]);
        assert_eq!(h.as_str(), "Mae'n <b>&lt;x&gt;</b> {w} {");
        let mut h = Html::new();
        fill(&mut h, "Mae'n {v}.", true, &[("v", &text("&"))]);
        assert_eq!(h.as_str(), "Mae&#39;n &amp;.");
    }
}
