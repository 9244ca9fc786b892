//! The rules page: a ruleset (with `extends` merged) as one static, accessible HTML page,
//! so a council can publish its criteria openly and anyone can read them without JavaScript.
//!
//! The page lists every question with its answer options and the points or amounts each
//! option gives, every figure with its dated values and sources (marking figures not yet
//! confirmed from an official source), every rule in words with its source, the worked
//! examples, and the sources themselves. Each item says whether it comes from the national
//! rules or is the council's own.
//!
//! Safety: the page is written into an [`Html`], so ruleset text can only enter escaped, as
//! element text or an attribute value; markup is only ever a `&'static str` from this module.
//! Links are only made for `http:` and `https:` addresses. The page has no inline styles or
//! scripts (one linked stylesheet), so it works under a Content-Security-Policy of
//! `default-src 'self'`.
//!
//! The parts, in the order the page shows them: `frame` (head, header, notices, contents,
//! footer), `about` (facts and results), `questions`, `figures`, `rules` (with `tables`,
//! the lookup, band and scale tables a formula refers to), `examples` and `sources`.
//! `formulas` writes expressions as prose, `names` links to things by their labels, and
//! `words` and `kinds` hold the page's own words in English and Welsh.

mod about;
mod examples;
mod figures;
mod formulas;
mod frame;
mod kinds;
mod names;
mod questions;
mod rules;
mod sources;
mod tables;
mod words;

use indexmap::IndexMap;

use carebudget_core::explain::Words;
use carebudget_core::program::Program;
use carebudget_core::text::{Lang, Text};
use carebudget_format::Loaded;
use carebudget_format::expr::{Bands, Lookup, Scale};
use carebudget_format::model::Ruleset;
use carebudget_html::Html;

use words::PageWords;

pub use carebudget_html::{escape, escape_into};

/// How to render the page.
#[derive(Clone, Debug)]
pub struct Options {
    /// `en` or `cy`.
    pub lang: Lang,
    /// The stylesheet's address, relative to where the page is published.
    pub stylesheet: String,
    /// The address of the same page in the other language, if there is one.
    pub alternate: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            lang: Lang::En,
            stylesheet: "../rules-page.css".into(),
            alternate: None,
        }
    }
}

/// Renders the rules page for a loaded (checked, merged) ruleset.
pub fn render(loaded: &Loaded, opts: &Options) -> String {
    let lang = opts.lang;
    let mut r = Renderer {
        out: Html::with_capacity(64 * 1024),
        p: &loaded.program,
        rs: &loaded.ruleset,
        lang,
        w: PageWords::for_lang(lang),
        ew: Words::for_lang(lang),
        lookups: tables::lookups_by_question(&loaded.ruleset),
        ids: 0,
    };
    r.page(opts);
    r.out.into_string()
}

/// A table shown after a formula that refers to it.
enum Deferred<'a> {
    Lookup(&'a Lookup),
    Bands(&'a Bands),
    Scale(&'a Scale),
}

struct Renderer<'a> {
    /// The page so far: only `&'static str` markup can be written into it unescaped.
    out: Html,
    p: &'a Program,
    rs: &'a Ruleset,
    lang: Lang,
    w: &'static PageWords,
    ew: &'static Words,
    /// Question id → (rule id, lookup table) for every lookup on that question's answer.
    lookups: IndexMap<String, Vec<(String, &'a Lookup)>>,
    /// Counter for generated element ids (table captions).
    ids: usize,
}

impl Renderer<'_> {
    // ---- Writing -----------------------------------------------------------------------

    /// Markup written by this module (never ruleset text, which is not `'static`).
    fn raw(&mut self, markup: &'static str) {
        self.out.raw(markup);
    }

    /// Ruleset or computed text, escaped.
    fn esc(&mut self, s: &str) {
        self.out.text(s);
    }

    /// An attribute ` name="value"`, value escaped.
    fn attr(&mut self, name: &'static str, value: &str) {
        self.out.attr(name, value);
    }

    /// Text in the page's language; text that falls back to another language is marked
    /// with its own `lang` so screen readers pronounce it properly.
    fn text(&mut self, t: &Text) {
        let shown = t.get(self.lang);
        let other = self.lang.other();
        if !t.has(self.lang) && t.has(other) {
            self.raw("<span");
            self.attr("lang", other.code());
            self.raw(">");
            self.esc(shown);
            self.raw("</span>");
        } else {
            self.esc(shown);
        }
    }

    /// Plain (untranslated) ruleset text — source titles, notes, example names — which the
    /// format keeps in English: marked as English on a page in another language.
    fn plain(&mut self, s: &str) {
        if self.lang == Lang::En {
            self.esc(s);
        } else {
            self.raw("<span lang=\"en\">");
            self.esc(s);
            self.raw("</span>");
        }
    }

    fn next_id(&mut self, prefix: &str) -> String {
        self.ids += 1;
        format!("{prefix}-{}", self.ids)
    }

    // ---- Sections, facts and tables ----------------------------------------------------

    /// One of the page's parts, `id` also being its entry in the contents.
    fn section_start(&mut self, id: &'static str, title: &str) {
        self.raw("<section class=\"part\"");
        self.attr("id", id);
        self.attr("aria-labelledby", &format!("{id}-h"));
        self.raw(">\n<h2");
        self.attr("id", &format!("{id}-h"));
        self.raw(">");
        self.esc(title);
        self.raw("</h2>\n");
    }

    /// Opens `<section` (written by the caller as `open`, with its class) labelled by its
    /// heading `<h3>` or `<h4>`, and leaves the heading open for its text.
    fn labelled_section(&mut self, open: &'static str, id: &str, heading: &'static str) {
        self.raw(open);
        self.attr("id", id);
        self.attr("aria-labelledby", &format!("{id}-h"));
        self.raw(">\n<");
        self.raw(heading);
        self.attr("id", &format!("{id}-h"));
        self.raw(">");
    }

    fn fact(&mut self, name: &str, value: impl FnOnce(&mut Self)) {
        self.raw("<dt>");
        self.esc(name);
        self.raw("</dt><dd>");
        value(self);
        self.raw("</dd>\n");
    }

    /// Opens a table with a caption; the caller writes `<thead>`/`<tbody>` and then calls
    /// [`Renderer::table_end`]. A table of more than three columns may be wider than a
    /// phone: it scrolls sideways in a region that can take keyboard focus. Narrower
    /// tables fit, and are not made tab stops.
    fn table_start(&mut self, columns: usize, caption: impl FnOnce(&mut Self)) {
        let id = self.next_id("cap");
        if columns > 3 {
            self.raw("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\"");
            self.attr("aria-labelledby", &id);
            self.raw(">");
        } else {
            self.raw("<div class=\"table-wrap\">");
        }
        self.raw("<table><caption");
        self.attr("id", &id);
        self.raw(">");
        caption(self);
        self.raw("</caption>");
    }

    fn table_end(&mut self) {
        self.raw("</table></div>\n");
    }

    fn th_cols(&mut self, heads: &[&str]) {
        self.raw("<thead><tr>");
        for h in heads {
            self.raw("<th scope=\"col\">");
            self.esc(h);
            self.raw("</th>");
        }
        self.raw("</tr></thead>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            escape("<a href='x'>\"&\"</a>"),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;"
        );
        assert_eq!(escape("£12.50 — ŵ"), "£12.50 — ŵ");
    }
}
