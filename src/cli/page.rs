//! The rules page: a ruleset (with `extends` merged) as one static, accessible HTML page,
//! so a council can publish its criteria openly and anyone can read them without JavaScript.
//!
//! The page lists every question with its answer options and the points or amounts each
//! option gives, every figure with its dated values and sources (marking figures not yet
//! confirmed from an official source), every rule in words with its source, the worked
//! examples, and the sources themselves. Each item says whether it comes from the national
//! rules or is the council's own.
//!
//! Safety: every piece of ruleset text goes through [`escape`] — element text and attribute
//! values alike — and links are only made for `http:` and `https:` addresses. The page has
//! no inline styles or scripts (one linked stylesheet), so it works under a
//! Content-Security-Policy of `default-src 'self'`.

use indexmap::IndexMap;

use carebudget_core::explain::{Words, format_value, long_date};
use carebudget_core::literal::Literal;
use carebudget_core::money::{Better, Direction, Rounding};
use carebudget_core::program::{Program, Ty, Value};
use carebudget_core::text::{Lang, Text};
use carebudget_core::typing::{answer_value, literal_value};
use carebudget_format::Loaded;
use carebudget_format::expr::{Args, Bands, Expr, Lookup, Scale};
use carebudget_format::model::{InputType, Period, Role, Ruleset, ValueType};

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

pub use carebudget_html::{escape, escape_into};

/// A fragment identifier made only of `A-Z a-z 0-9 - _`: other bytes become `.xx` (hex), so
/// different ids stay different and nothing in an id can break out of an attribute or URL.
fn anchor(prefix: &str, id: &str) -> String {
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

/// Renders the rules page for a loaded (checked, merged) ruleset.
pub fn render(loaded: &Loaded, opts: &Options) -> String {
    let lang = opts.lang;
    let mut r = Renderer {
        out: String::with_capacity(64 * 1024),
        p: &loaded.program,
        rs: &loaded.ruleset,
        lang,
        w: PageWords::for_lang(lang),
        ew: Words::for_lang(lang),
        lookups: IndexMap::new(),
        ids: 0,
    };
    r.collect_lookups();
    r.page(opts);
    r.out
}

/// A table shown after a formula that refers to it.
enum Deferred<'a> {
    Lookup(&'a Lookup),
    Bands(&'a Bands),
    Scale(&'a Scale),
}

struct Renderer<'a> {
    out: String,
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

impl<'a> Renderer<'a> {
    // ---- Writing -----------------------------------------------------------------------

    /// Markup written by this module (never ruleset text).
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Ruleset or computed text, escaped.
    fn esc(&mut self, s: &str) {
        escape_into(&mut self.out, s);
    }

    /// Text in the page's language; text that falls back to another language is marked
    /// with its own `lang` so screen readers pronounce it properly.
    fn text(&mut self, t: &Text) {
        let shown = t.get(self.lang);
        let other = self.lang.other();
        if !t.has(self.lang) && t.has(other) {
            self.raw("<span lang=\"");
            self.raw(other.code());
            self.raw("\">");
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

    /// An attribute ` name="value"`, value escaped.
    fn attr(&mut self, name: &str, value: &str) {
        self.raw(" ");
        self.raw(name);
        self.raw("=\"");
        self.esc(value);
        self.raw("\"");
    }

    fn next_id(&mut self, prefix: &str) -> String {
        self.ids += 1;
        format!("{prefix}-{}", self.ids)
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

    // ---- Looking things up ---------------------------------------------------------------

    fn collect_lookups(&mut self) {
        let rs = self.rs;
        for (id, rule) in &rs.rules {
            let mut found = Vec::new();
            walk(&rule.formula, &mut |e| {
                if let Expr::Lookup(l) = e {
                    found.push(l.as_ref());
                }
            });
            for l in found {
                self.lookups.entry(l.answer.clone()).or_default().push((id.clone(), l));
            }
        }
    }

    fn input_label(&self, id: &str) -> Option<&'a Text> {
        let q = self.rs.inputs.get(id)?;
        Some(q.label.as_ref().unwrap_or(&q.question))
    }

    fn option_label(&self, input: &str, option: &str) -> Option<&'a Text> {
        Some(&self.rs.inputs.get(input)?.options.get(option)?.label)
    }

    /// A link to a named question, figure or rule, shown by its label.
    fn name_link(&mut self, name: &str) {
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
        self.raw("<a");
        self.attr("href", &format!("#{}", anchor(prefix, name)));
        self.raw(">");
        self.text(label);
        self.raw("</a>");
    }

    fn source_link(&mut self, id: &str) {
        match self.rs.sources.get(id) {
            Some(s) => {
                self.raw("<a");
                self.attr("href", &format!("#{}", anchor("s", id)));
                self.raw(">");
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

    fn origin_badge(&mut self, origin: Option<&str>) {
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

    fn value_text(&self, v: &Value, ty: Option<ValueType>) -> String {
        format_value(v, ty, self.ew)
    }

    /// An answer value in words: option labels for choices.
    fn answer_words(&mut self, input: &str, v: &Value) {
        match v {
            Value::Choice(c) => match self.option_label(input, c) {
                Some(t) => self.text(t),
                None => self.esc(c),
            },
            Value::Choices(cs) if cs.is_empty() => self.esc(self.ew.none),
            Value::Choices(cs) => {
                for (i, c) in cs.iter().enumerate() {
                    if i > 0 {
                        self.raw("; ");
                    }
                    match self.option_label(input, c) {
                        Some(t) => self.text(t),
                        None => self.esc(c),
                    }
                }
            }
            other => {
                let s = self.value_text(other, None);
                self.esc(&s);
            }
        }
    }

    // ---- The page ----------------------------------------------------------------------

    fn page(&mut self, opts: &Options) {
        let rs = self.rs;
        let w = self.w;
        self.raw("<!doctype html>\n<html");
        self.attr("lang", self.lang.code());
        self.raw(">\n<head>\n<meta charset=\"utf-8\">\n");
        self.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        self.raw("<meta name=\"generator\" content=\"carebudget\">\n<title>");
        self.esc(rs.title.get(self.lang));
        self.raw(" — ");
        self.esc(w.page_kind);
        self.raw("</title>\n<link rel=\"stylesheet\"");
        self.attr("href", &opts.stylesheet);
        self.raw(">\n");
        if let Some(alt) = &opts.alternate {
            let other = self.lang.other().code();
            self.raw("<link rel=\"alternate\"");
            self.attr("hreflang", other);
            self.attr("href", alt);
            self.raw(">\n");
        }
        self.raw("</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">");
        self.esc(w.skip);
        self.raw("</a>\n<header class=\"page-header\"><div class=\"wrap\">\n");
        if let Some(alt) = &opts.alternate {
            let (other, name) = if self.lang == Lang::Cy {
                ("en", "English")
            } else {
                ("cy", "Cymraeg")
            };
            self.raw("<p class=\"lang-switch\"><a");
            self.attr("href", alt);
            self.attr("hreflang", other);
            self.attr("lang", other);
            self.raw(">");
            self.esc(name);
            self.raw("</a></p>\n");
        }
        self.raw("<p class=\"kicker\">");
        self.esc(w.page_kind);
        self.raw("</p>\n<h1>");
        self.text(&rs.title);
        self.raw("</h1>\n<p class=\"byline\">");
        self.plain(&rs.publisher);
        self.raw("</p>\n</div></header>\n<main id=\"main\" tabindex=\"-1\"><div class=\"wrap\">\n");
        self.notices();
        self.contents();
        self.about();
        self.outputs();
        self.questions();
        self.figures();
        self.rules();
        self.examples();
        self.sources();
        self.raw("</div></main>\n<footer class=\"page-footer\"><div class=\"wrap\">\n<p>");
        self.esc(w.estimate);
        self.raw("</p>\n<p>");
        let made = w.generated.replace("{id}", &rs.id).replace("{version}", &rs.version);
        self.esc(&made);
        self.raw("</p>\n</div></footer>\n</body>\n</html>\n");
    }

    fn notices(&mut self) {
        let rs = self.rs;
        if rs.illustrative {
            self.raw("<div class=\"notice notice-illustrative\"><p><strong>");
            self.esc(self.ew.illustrative);
            self.raw("</strong></p></div>\n");
        }
        if let Some(n) = &rs.notice {
            self.raw("<div class=\"notice\"><p>");
            self.text(n);
            self.raw("</p></div>\n");
        }
        // Which year's figures these are, and that they change: a page is read long after
        // it is built.
        let ew = carebudget_core::explain::Words::for_lang(self.lang);
        if let Some(f) = &rs.in_force {
            let period = carebudget_core::explain::period_words((f.from, f.to), self.lang);
            self.raw("<div class=\"notice notice-figures\"><p>");
            self.esc(&carebudget_core::explain::fill_from(
                ew.figures_for,
                &[("period", &period)],
            ));
            self.raw("</p></div>\n");
        }
        if !rs.limitations.is_empty() {
            self.raw("<div class=\"notice notice-limitations\"><h2>");
            self.esc(ew.limitations);
            self.raw("</h2><ul>\n");
            for l in &rs.limitations {
                self.raw("<li>");
                self.text(l);
                self.raw("</li>\n");
            }
            self.raw("</ul></div>\n");
        }
    }

    fn contents(&mut self) {
        let w = self.w;
        let rs = self.rs;
        self.raw("<nav class=\"contents\" aria-labelledby=\"contents-h\">\n<h2 id=\"contents-h\">");
        self.esc(w.contents);
        self.raw("</h2>\n<ol>\n");
        let mut items = vec![("about", w.about), ("results", w.results)];
        if !rs.inputs.is_empty() {
            items.push(("questions", w.questions));
        }
        if !rs.parameters.is_empty() {
            items.push(("figures", w.figures));
        }
        if !rs.rules.is_empty() {
            items.push(("rules", w.rules));
        }
        if !rs.examples.is_empty() {
            items.push(("examples", w.examples));
        }
        if !rs.sources.is_empty() {
            items.push(("sources", w.sources));
        }
        for (id, title) in items {
            self.raw("<li><a href=\"#");
            self.raw(id);
            self.raw("\">");
            self.esc(title);
            self.raw("</a></li>\n");
        }
        self.raw("</ol>\n</nav>\n");
    }

    fn section_start(&mut self, id: &str, title: &str) {
        self.raw("<section class=\"part\" id=\"");
        self.raw(id);
        self.raw("\" aria-labelledby=\"");
        self.raw(id);
        self.raw("-h\">\n<h2 id=\"");
        self.raw(id);
        self.raw("-h\">");
        self.esc(title);
        self.raw("</h2>\n");
    }

    fn about(&mut self) {
        let rs = self.rs;
        let w = self.w;
        self.section_start("about", w.about);
        self.raw("<dl class=\"facts\">\n");
        self.fact(w.publisher, |r| r.plain(&rs.publisher));
        self.fact(w.jurisdiction, |r| {
            let j = jurisdiction_name(&rs.jurisdiction, r.lang);
            r.esc(j.unwrap_or(&rs.jurisdiction));
        });
        self.fact(w.version, |r| r.esc(&rs.version));
        if let Some(f) = &rs.in_force {
            self.fact(w.in_force, |r| {
                let s = match f.to {
                    Some(to) => w
                        .from_to
                        .replace("{a}", &long_date(f.from, r.lang))
                        .replace("{b}", &long_date(to, r.lang)),
                    None => w.from_only.replace("{a}", &long_date(f.from, r.lang)),
                };
                r.esc(&s);
            });
        }
        self.fact(w.languages, |r| {
            let names: Vec<&str> = rs
                .languages
                .iter()
                .map(|l| match l.as_str() {
                    "en" => "English",
                    "cy" => "Cymraeg",
                    other => other,
                })
                .collect();
            r.esc(&names.join(", "));
        });
        if !rs.based_on.is_empty() {
            self.fact(w.based_on, |r| {
                for (i, (id, title)) in rs.based_on.iter().enumerate() {
                    if i > 0 {
                        r.raw("; ");
                    }
                    r.text(title);
                    r.raw(" (");
                    r.esc(id);
                    r.raw(")");
                }
            });
        }
        self.raw("</dl>\n");
        if !rs.based_on.is_empty() {
            self.raw("<p>");
            self.esc(w.origin_key);
            self.raw("</p>\n<p class=\"key\"><span class=\"badge badge-national\">");
            self.esc(w.national);
            self.raw("</span> ");
            self.esc(w.national_means);
            self.raw("<br><span class=\"badge badge-own\">");
            self.esc(w.own);
            self.raw("</span> ");
            self.esc(w.own_means);
            self.raw("</p>\n");
        }
        let unconfirmed = self.p.params.iter().any(|par| par.timeline.iter().any(|d| d.verify));
        if unconfirmed {
            self.raw("<p class=\"key\"><strong class=\"unconfirmed\">");
            self.esc(w.unconfirmed);
            self.raw("</strong> ");
            self.esc(w.unconfirmed_means);
            self.raw("</p>\n");
        }
        self.raw("</section>\n");
    }

    fn fact(&mut self, name: &str, value: impl FnOnce(&mut Self)) {
        self.raw("<dt>");
        self.esc(name);
        self.raw("</dt><dd>");
        value(self);
        self.raw("</dd>\n");
    }

    fn outputs(&mut self) {
        let rs = self.rs;
        let w = self.w;
        self.section_start("results", w.results);
        if rs.outputs.is_empty() {
            self.raw("<p>");
            self.esc(w.nothing);
            self.raw("</p>\n");
        } else {
            self.raw("<ul class=\"outputs\">\n");
            for out in rs.outputs.values() {
                self.raw("<li><a");
                self.attr("href", &format!("#{}", anchor("r", &out.rule)));
                self.raw(">");
                match (&out.label, rs.rules.get(&out.rule)) {
                    (Some(t), _) => self.text(t),
                    (None, Some(rule)) => self.text(&rule.label),
                    (None, None) => self.esc(&out.rule),
                }
                self.raw("</a> <span class=\"role\">(");
                self.esc(role_words(out.role, self.lang));
                self.raw(")</span>");
                if let Some(cond) = &out.applies_when {
                    self.raw(" ");
                    self.esc(w.applies_when);
                    self.raw(":");
                    self.condition(cond);
                }
                self.raw("</li>\n");
            }
            self.raw("</ul>\n");
        }
        self.raw("</section>\n");
    }

    // ---- Questions -----------------------------------------------------------------------

    fn questions(&mut self) {
        let rs = self.rs;
        if rs.inputs.is_empty() {
            return;
        }
        let w = self.w;
        self.section_start("questions", w.questions);
        self.raw("<p>");
        self.esc(w.questions_intro);
        self.raw("</p>\n");
        for (sid, section) in &rs.sections {
            let inputs: Vec<&String> = rs
                .inputs
                .iter()
                .filter(|(_, q)| &q.section == sid)
                .map(|(k, _)| k)
                .collect();
            if inputs.is_empty() {
                continue;
            }
            let id = anchor("sec", sid);
            self.raw("<section class=\"group\"");
            self.attr("id", &id);
            self.attr("aria-labelledby", &format!("{id}-h"));
            self.raw(">\n<h3");
            self.attr("id", &format!("{id}-h"));
            self.raw(">");
            self.text(&section.title);
            self.raw("</h3>\n");
            if let Some(intro) = &section.intro {
                self.raw("<p>");
                self.text(intro);
                self.raw("</p>\n");
            }
            for q in inputs {
                self.question(q);
            }
            self.raw("</section>\n");
        }
        self.raw("</section>\n");
    }

    fn question(&mut self, id: &str) {
        let rs = self.rs;
        let w = self.w;
        let Some(q) = rs.inputs.get(id) else { return };
        let Some(i) = self.p.input_index(id) else { return };
        let info = &self.p.inputs[i as usize];
        let a = anchor("q", id);
        self.raw("<section class=\"item question\"");
        self.attr("id", &a);
        self.attr("aria-labelledby", &format!("{a}-h"));
        self.raw(">\n<h4");
        self.attr("id", &format!("{a}-h"));
        self.raw(">");
        self.text(&q.question);
        self.raw("</h4>\n<p class=\"item-meta\">");
        self.origin_badge(q.origin.as_deref());
        self.raw("<span class=\"kind\">");
        self.esc(input_kind_words(q.ty, self.lang));
        self.raw("</span></p>\n");
        if let Some(h) = &q.hint {
            self.raw("<p class=\"hint\">");
            self.text(h);
            self.raw("</p>\n");
        }
        self.raw("<dl class=\"facts\">\n");
        if let Some(l) = &q.label {
            self.fact(w.short_name, |r| r.text(l));
        }
        // However the author gave it: `question_for_other` or the question's own `for_other`.
        if let Some(t) = q.question_for_other.as_ref().or(q.question.for_other.as_deref()) {
            self.fact(w.for_other, |r| r.text(t));
        }
        if !q.periods.is_empty() {
            self.fact(w.periods, |r| {
                let names: Vec<&str> = q.periods.iter().map(|p| period_words(*p, r.lang)).collect();
                r.esc(&names.join(", "));
            });
        }
        if let Some(v) = &info.min {
            let s = self.value_text(v, None);
            self.fact(w.min, |r| r.esc(&s));
        }
        if let Some(v) = &info.max {
            let s = self.value_text(v, None);
            self.fact(w.max, |r| r.esc(&s));
        }
        if let Some(cond) = &q.ask_when {
            self.fact(w.asked_when, |r| r.condition(cond));
            if let Some(v) = &info.default {
                let v = v.clone();
                self.fact(w.otherwise, |r| r.answer_words(id, &v));
            }
        }
        self.raw("</dl>\n");
        if !q.options.is_empty() {
            self.options_table(id);
        } else if let Some(ls) = self.lookups.get(id).cloned() {
            // A lookup on a question without options (yes/no): show its table too.
            for (rule, l) in ls {
                self.lookup_table(l, Some(&rule));
            }
        }
        self.raw("</section>\n");
    }

    /// The answer options, with a column for each lookup table that gives them values.
    fn options_table(&mut self, id: &str) {
        let rs = self.rs;
        let w = self.w;
        let Some(q) = rs.inputs.get(id) else { return };
        let lookups = self.lookups.get(id).cloned().unwrap_or_default();
        self.table_start(1 + lookups.len(), |r| {
            r.esc(w.options_of);
            r.raw(" “");
            r.text(q.label.as_ref().unwrap_or(&q.question));
            r.raw("”");
        });
        self.raw("<thead><tr><th scope=\"col\">");
        self.esc(w.answer);
        self.raw("</th>");
        for (rule, _) in &lookups {
            self.raw("<th scope=\"col\">");
            match rs.rules.get(rule) {
                Some(r) => {
                    self.raw("<a");
                    self.attr("href", &format!("#{}", anchor("r", rule)));
                    self.raw(">");
                    self.text(&r.label);
                    self.raw("</a>");
                }
                None => self.esc(rule),
            }
            self.raw("</th>");
        }
        self.raw("</tr></thead>\n<tbody>\n");
        for (opt, choice) in &q.options {
            self.raw("<tr><th scope=\"row\">");
            self.text(&choice.label);
            if let Some(h) = &choice.hint {
                self.raw("<span class=\"option-hint\">");
                self.text(h);
                self.raw("</span>");
            }
            self.raw("</th>");
            for (_, l) in &lookups {
                self.raw("<td>");
                match l.table.get(opt).or(l.default.as_ref()) {
                    Some(e) => {
                        let mut tables = Vec::new();
                        self.expr(e, &mut tables);
                    }
                    None => self.esc(w.not_in_table),
                }
                self.raw("</td>");
            }
            self.raw("</tr>\n");
        }
        self.raw("</tbody>");
        self.table_end();
        if q.ty == InputType::Choices && !lookups.is_empty() {
            self.raw("<p class=\"note\">");
            self.esc(w.choices_added);
            self.raw("</p>\n");
        }
    }

    // ---- Figures -------------------------------------------------------------------------

    fn figures(&mut self) {
        let rs = self.rs;
        if rs.parameters.is_empty() {
            return;
        }
        let w = self.w;
        self.section_start("figures", w.figures);
        self.raw("<p>");
        self.esc(w.figures_intro);
        self.raw("</p>\n");
        for (i, (id, par)) in rs.parameters.iter().enumerate() {
            let info = &self.p.params[i];
            let a = anchor("f", id);
            self.raw("<section class=\"item figure\"");
            self.attr("id", &a);
            self.attr("aria-labelledby", &format!("{a}-h"));
            self.raw(">\n<h3");
            self.attr("id", &format!("{a}-h"));
            self.raw(">");
            self.text(&par.label);
            self.raw("</h3>\n<p class=\"item-meta\">");
            self.origin_badge(par.origin.as_deref());
            self.raw("<span class=\"kind\">");
            self.esc(value_type_words(par.ty, self.lang));
            self.raw("</span></p>\n");
            if let Some(d) = &par.description {
                self.raw("<p>");
                self.text(d);
                self.raw("</p>\n");
            }
            self.table_start(3, |r| {
                r.esc(w.values_of);
                r.raw(" “");
                r.text(&par.label);
                r.raw("”");
            });
            // Three columns so the table reads at 320 px: the status goes with the value,
            // any note with the source.
            self.th_cols(&[w.from, w.value, w.source]);
            self.raw("<tbody>\n");
            for (k, dated) in info.timeline.iter().enumerate() {
                self.raw("<tr><th scope=\"row\">");
                self.esc(&long_date(dated.from, self.lang));
                self.raw("</th><td><span class=\"value\">");
                let v = self.value_text(&dated.value, Some(par.ty));
                self.esc(&v);
                self.raw("</span>");
                if dated.verify {
                    self.raw(" <strong class=\"unconfirmed\">");
                    self.esc(w.unconfirmed);
                    self.raw("</strong>");
                }
                self.raw("</td><td>");
                match &dated.source {
                    Some(s) => self.source_link(s),
                    None => self.esc(w.no_source),
                }
                if let Some(n) = par.values.get(k).and_then(|v| v.note.as_ref()) {
                    self.raw("<span class=\"note\">");
                    self.esc(w.note);
                    self.raw(": ");
                    self.plain(n);
                    self.raw("</span>");
                }
                self.raw("</td></tr>\n");
            }
            self.raw("</tbody>");
            self.table_end();
            self.raw("</section>\n");
        }
        self.raw("</section>\n");
    }

    // ---- Rules ---------------------------------------------------------------------------

    fn rules(&mut self) {
        let rs = self.rs;
        if rs.rules.is_empty() {
            return;
        }
        let w = self.w;
        self.section_start("rules", w.rules);
        self.raw("<p>");
        self.esc(w.rules_intro);
        self.raw("</p>\n");
        for (id, rule) in &rs.rules {
            let a = anchor("r", id);
            self.raw("<section class=\"item rule\"");
            self.attr("id", &a);
            self.attr("aria-labelledby", &format!("{a}-h"));
            self.raw(">\n<h3");
            self.attr("id", &format!("{a}-h"));
            self.raw(">");
            self.text(&rule.label);
            self.raw("</h3>\n<p class=\"item-meta\">");
            self.origin_badge(rule.origin.as_deref());
            self.raw("<span class=\"kind\">");
            self.esc(value_type_words(rule.ty, self.lang));
            self.raw("</span></p>\n<div class=\"formula\"><p class=\"formula-lead\">");
            self.esc(w.worked_out_as);
            self.raw("</p>");
            let mut tables = Vec::new();
            self.expr(&rule.formula, &mut tables);
            self.raw("</div>\n");
            self.deferred(&tables, Some(id));
            if let Some(s) = &rule.source {
                self.raw("<p class=\"source\">");
                self.esc(w.source);
                self.raw(": ");
                self.source_link(s);
                self.raw("</p>\n");
            }
            self.raw("</section>\n");
        }
        self.raw("</section>\n");
    }

    /// A yes/no condition (`ask_when`, `applies_when`) as a formula, with any tables it uses.
    fn condition(&mut self, cond: &'a Expr) {
        let mut tables = Vec::new();
        self.raw("<div class=\"formula\">");
        self.expr(cond, &mut tables);
        self.raw("</div>");
        self.deferred(&tables, None);
    }

    fn deferred(&mut self, tables: &[Deferred<'a>], rule: Option<&str>) {
        for t in tables {
            match t {
                Deferred::Lookup(l) => self.lookup_table(l, rule),
                Deferred::Bands(b) => self.bands_table(b),
                Deferred::Scale(s) => self.scale_table(s),
            }
        }
    }

    fn lookup_table(&mut self, l: &'a Lookup, rule: Option<&str>) {
        let w = self.w;
        let rs = self.rs;
        self.table_start(2, |r| {
            r.esc(w.table_for);
            r.raw(" “");
            match r.input_label(&l.answer) {
                Some(t) => r.text(t),
                None => r.esc(&l.answer),
            }
            r.raw("”");
            if let Some(rule) = rule.and_then(|id| rs.rules.get(id)) {
                r.raw(" — ");
                r.text(&rule.label);
            }
        });
        self.th_cols(&[w.answer, w.value]);
        self.raw("<tbody>\n");
        for (opt, e) in &l.table {
            self.raw("<tr><th scope=\"row\">");
            match self.option_label(&l.answer, opt) {
                Some(t) => self.text(t),
                None => {
                    // A yes/no question's table is keyed `true`/`false`.
                    let s = match opt.as_str() {
                        "true" => self.ew.yes,
                        "false" => self.ew.no,
                        other => other,
                    };
                    self.esc(s);
                }
            }
            self.raw("</th><td>");
            let mut nested = Vec::new();
            self.expr(e, &mut nested);
            self.raw("</td></tr>\n");
        }
        if let Some(d) = &l.default {
            self.raw("<tr><th scope=\"row\">");
            self.esc(w.any_other);
            self.raw("</th><td>");
            let mut nested = Vec::new();
            self.expr(d, &mut nested);
            self.raw("</td></tr>\n");
        }
        self.raw("</tbody>");
        self.table_end();
    }

    fn bands_table(&mut self, b: &'a Bands) {
        let w = self.w;
        let ranged = b.bands.iter().any(|band| band.lower.is_some() || band.upper.is_some());
        let labelled = b.bands.iter().any(|band| band.label.is_some());
        let columns = 1 + usize::from(labelled) + if ranged { 2 } else { 1 };
        self.table_start(columns, |r| {
            r.esc(w.bands_of);
            r.raw(" ");
            let mut nested = Vec::new();
            r.expr(&b.value, &mut nested);
        });
        let mut heads = vec![w.from];
        if labelled {
            heads.push(w.band);
        }
        if ranged {
            heads.push(w.lower);
            heads.push(w.upper);
        } else {
            heads.push(w.value);
        }
        self.th_cols(&heads);
        self.raw("<tbody>\n");
        for band in &b.bands {
            let mut nested = Vec::new();
            self.raw("<tr><th scope=\"row\">");
            self.expr(&band.from, &mut nested);
            self.raw("</th>");
            if labelled {
                self.raw("<td>");
                if let Some(l) = &band.label {
                    self.text(l);
                }
                self.raw("</td>");
            }
            let cells: Vec<&Option<Expr>> = if ranged {
                vec![&band.lower, &band.upper]
            } else {
                vec![&band.value]
            };
            for c in cells {
                self.raw("<td>");
                if let Some(e) = c {
                    self.expr(e, &mut nested);
                }
                self.raw("</td>");
            }
            self.raw("</tr>\n");
        }
        self.raw("</tbody>");
        self.table_end();
    }

    fn scale_table(&mut self, s: &'a Scale) {
        let w = self.w;
        self.table_start(2, |r| {
            r.esc(w.scale_of);
            r.raw(" ");
            let mut nested = Vec::new();
            r.expr(&s.value, &mut nested);
        });
        self.th_cols(&[w.scale_x, w.scale_y]);
        self.raw("<tbody>\n");
        for (x, y) in &s.points {
            let mut nested = Vec::new();
            self.raw("<tr><th scope=\"row\">");
            self.expr(x, &mut nested);
            self.raw("</th><td>");
            self.expr(y, &mut nested);
            self.raw("</td></tr>\n");
        }
        self.raw("</tbody>");
        self.table_end();
    }

    // ---- Formulas in words ----------------------------------------------------------------

    /// A formula in words, as HTML: names link to their questions, figures and rules;
    /// lookup, band and scale tables are added to `tables` to be shown after it.
    fn expr(&mut self, e: &'a Expr, tables: &mut Vec<Deferred<'a>>) {
        let w = self.w;
        match e {
            Expr::Name(n) => self.name_link(n),
            Expr::Money(m) => self.esc(&m.to_string()),
            Expr::Number(d) => self.esc(&d.normalize().to_string()),
            Expr::Percent(d) => {
                let s = d.percent_text();
                self.esc(&s);
            }
            Expr::Bool(b) => self.esc(if *b { self.ew.yes } else { self.ew.no }),
            Expr::Sum(a) => self.infix(a, " + ", tables),
            Expr::Difference(a) => self.infix(a, " − ", tables),
            Expr::Product(a) => self.infix(a, " × ", tables),
            Expr::Divide(a) => self.infix(a, " ÷ ", tables),
            Expr::Min(a) => self.listed(w.smaller_of, a, tables),
            Expr::Max(a) => self.listed(w.larger_of, a, tables),
            Expr::Clamp(c) => {
                self.operand(&c.value, tables);
                self.raw(", ");
                self.fill(w.kept_between, &[&c.min, &c.max], tables);
            }
            Expr::Gt(a) => self.compare(w.gt, a, tables),
            Expr::Ge(a) => self.compare(w.ge, a, tables),
            Expr::Lt(a) => self.compare(w.lt, a, tables),
            Expr::Le(a) => self.compare(w.le, a, tables),
            Expr::Eq(a) => self.compare(w.eq, a, tables),
            Expr::Ne(a) => self.compare(w.ne, a, tables),
            Expr::All(a) => self.block_list(w.all_of, &a.of, tables),
            Expr::Any(a) => self.block_list(w.any_of, &a.of, tables),
            Expr::Not(x) => {
                self.esc(w.not);
                self.raw(" ");
                self.operand(x, tables);
            }
            Expr::AtLeast(x) => {
                let lead = w.at_least.replace("{n}", &x.n.to_string());
                self.block_list(&lead, &x.of, tables);
            }
            Expr::Cases(cases) => {
                self.raw("<ol class=\"cases\">");
                for c in cases {
                    self.raw("<li>");
                    match (&c.when, &c.then, &c.otherwise) {
                        (Some(cond), Some(then), _) => {
                            self.esc(w.if_);
                            self.raw(" ");
                            self.expr(cond, tables);
                            self.raw(", ");
                            self.esc(w.then);
                            self.raw(" ");
                            self.expr(then, tables);
                        }
                        (_, _, Some(other)) => {
                            self.esc(w.otherwise_case);
                            self.raw(" ");
                            self.expr(other, tables);
                        }
                        _ => {}
                    }
                    self.raw("</li>");
                }
                self.raw("</ol>");
            }
            Expr::Lookup(l) => {
                let several = self
                    .rs
                    .inputs
                    .get(&l.answer)
                    .is_some_and(|q| q.ty == InputType::Choices);
                let template = if several { w.lookup_several } else { w.lookup };
                self.fill_name(template, &l.answer);
                tables.push(Deferred::Lookup(l));
            }
            Expr::Bands(b) => {
                self.fill(w.bands, &[&b.value], tables);
                tables.push(Deferred::Bands(b));
            }
            Expr::Scale(s) => {
                self.fill(w.scale, &[&s.value], tables);
                if let Some(r) = &s.round {
                    self.raw(", ");
                    self.rounding(r);
                }
                tables.push(Deferred::Scale(s));
            }
            Expr::Tariff(t) => self.fill(w.tariff, &[&t.amount, &t.per, &t.value, &t.above], tables),
            Expr::Weekly(x) => {
                self.fill(w.weekly, &[&x.value], tables);
                self.raw(", ");
                self.rounding(&x.round);
            }
            Expr::Round(x) => {
                self.operand(&x.value, tables);
                self.raw(", ");
                self.rounding(&x.rounding);
            }
            Expr::Range(x) => self.fill(w.range, &[&x.lower, &x.upper], tables),
            Expr::Lower(x) => self.fill(w.lower_of, &[x], tables),
            Expr::Upper(x) => self.fill(w.upper_of, &[x], tables),
            Expr::AnswerIn(x) | Expr::Includes(x) => {
                let template = if matches!(e, Expr::AnswerIn(_)) {
                    w.answer_in
                } else {
                    w.includes
                };
                let (before, after) = template.split_once("{q}").unwrap_or((template, ""));
                let (mid, end) = after.split_once("{opts}").unwrap_or((after, ""));
                self.esc(before);
                self.name_link(&x.answer);
                self.esc(mid);
                for (i, o) in x.options.as_slice().iter().enumerate() {
                    if i > 0 {
                        self.raw(" ");
                        self.esc(w.or);
                        self.raw(" ");
                    }
                    self.raw("“");
                    match self.option_label(&x.answer, o) {
                        Some(t) => self.text(t),
                        None => self.esc(o),
                    }
                    self.raw("”");
                }
                self.esc(end);
            }
            Expr::Count(q) => self.fill_name(w.count, q),
            Expr::Age(q) => self.fill_name(w.age, q),
        }
    }

    /// An operand inside a larger formula: anything but a name or a constant in brackets.
    fn operand(&mut self, e: &'a Expr, tables: &mut Vec<Deferred<'a>>) {
        let simple = matches!(
            e,
            Expr::Name(_) | Expr::Money(_) | Expr::Number(_) | Expr::Percent(_) | Expr::Bool(_)
        );
        if !simple {
            self.raw("(");
        }
        self.expr(e, tables);
        if !simple {
            self.raw(")");
        }
    }

    fn infix(&mut self, a: &'a Args, op: &str, tables: &mut Vec<Deferred<'a>>) {
        for (i, x) in a.of.iter().enumerate() {
            if i > 0 {
                self.raw(op);
            }
            self.operand(x, tables);
        }
        if let Some(r) = &a.round {
            self.raw(", ");
            self.rounding(r);
        }
    }

    /// "the smaller of a, b and c".
    fn listed(&mut self, lead: &str, a: &'a Args, tables: &mut Vec<Deferred<'a>>) {
        self.esc(lead);
        self.raw(" ");
        let n = a.of.len();
        for (i, x) in a.of.iter().enumerate() {
            if i > 0 {
                self.raw(if i + 1 == n { " " } else { ", " });
                if i + 1 == n {
                    self.esc(self.w.and);
                    self.raw(" ");
                }
            }
            self.operand(x, tables);
        }
        if let Some(r) = &a.round {
            self.raw(", ");
            self.rounding(r);
        }
    }

    fn compare(&mut self, template: &str, a: &'a Args, tables: &mut Vec<Deferred<'a>>) {
        let refs: Vec<&'a Expr> = a.of.iter().collect();
        self.fill(template, &refs, tables);
    }

    /// A template with `{a}`, `{b}`, `{c}`, `{d}` for the operands, in order.
    fn fill(&mut self, template: &str, args: &[&'a Expr], tables: &mut Vec<Deferred<'a>>) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            self.esc(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                self.esc(&rest[open..]);
                return;
            };
            let slot = &after[..close];
            let k = match slot {
                "a" => Some(0),
                "b" => Some(1),
                "c" => Some(2),
                "d" => Some(3),
                _ => None,
            };
            match k.and_then(|k| args.get(k)) {
                Some(e) => self.operand(e, tables),
                None => self.esc(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        self.esc(rest);
    }

    /// A template with `{q}` for a linked question.
    fn fill_name(&mut self, template: &str, name: &str) {
        let (before, after) = template.split_once("{q}").unwrap_or((template, ""));
        self.esc(before);
        self.name_link(name);
        self.esc(after);
    }

    fn block_list(&mut self, lead: &str, items: &'a [Expr], tables: &mut Vec<Deferred<'a>>) {
        self.esc(lead);
        self.raw("<ul class=\"conditions\">");
        for x in items {
            self.raw("<li>");
            self.expr(x, tables);
            self.raw("</li>");
        }
        self.raw("</ul>");
    }

    fn rounding(&mut self, r: &Rounding) {
        let w = self.w;
        let dir = match (r.direction, r.better) {
            (Direction::Down, _) => w.round_down,
            (Direction::Up, _) => w.round_up,
            (Direction::Nearest, _) => w.round_nearest,
            (Direction::PersonsFavour, Some(Better::Lower)) => w.round_favour_down,
            (Direction::PersonsFavour, _) => w.round_favour_up,
        };
        let step = match r.to.as_deref() {
            None if r.direction == Direction::Nearest => w.to_default.to_owned(),
            None => String::new(),
            Some("penny") => w.to_penny.to_owned(),
            Some("pound") => w.to_pound.to_owned(),
            Some("whole") => w.to_whole.to_owned(),
            Some(other) => w.to_step.replace("{x}", other),
        };
        let s = dir.replace("{step}", &step);
        self.esc(s.trim_end());
    }

    // ---- Worked examples -----------------------------------------------------------------

    fn examples(&mut self) {
        let rs = self.rs;
        if rs.examples.is_empty() {
            return;
        }
        let w = self.w;
        self.section_start("examples", w.examples);
        self.raw("<p>");
        self.esc(w.examples_intro);
        self.raw("</p>\n");
        for (n, ex) in rs.examples.iter().enumerate() {
            let a = format!("x-{}", n + 1);
            self.raw("<section class=\"item example\"");
            self.attr("id", &a);
            self.attr("aria-labelledby", &format!("{a}-h"));
            self.raw(">\n<h3");
            self.attr("id", &format!("{a}-h"));
            self.raw(">");
            self.plain(&ex.name);
            self.raw("</h3>\n");
            if let Some(d) = &ex.description {
                self.raw("<p>");
                self.plain(d);
                self.raw("</p>\n");
            }
            self.raw("<p class=\"item-meta\">");
            self.esc(w.as_of);
            self.raw(" ");
            self.esc(&long_date(ex.as_of, self.lang));
            self.raw("</p>\n");
            if !ex.answers.is_empty() {
                self.table_start(2, |r| {
                    r.esc(w.answers);
                    r.raw(": ");
                    r.plain(&ex.name);
                });
                self.th_cols(&[w.question, w.answer]);
                self.raw("<tbody>\n");
                for (qid, lit) in &ex.answers {
                    self.raw("<tr><th scope=\"row\">");
                    self.name_link(qid);
                    self.raw("</th><td>");
                    self.example_answer(qid, lit);
                    self.raw("</td></tr>\n");
                }
                self.raw("</tbody>");
                self.table_end();
            }
            if !ex.expect.is_empty() {
                self.table_start(2, |r| {
                    r.esc(w.expected);
                    r.raw(": ");
                    r.plain(&ex.name);
                });
                self.th_cols(&[w.result, w.expected_value]);
                self.raw("<tbody>\n");
                for (name, lit) in &ex.expect {
                    self.raw("<tr><th scope=\"row\">");
                    self.expected_name(name);
                    self.raw("</th><td>");
                    self.expected_value(name, lit);
                    self.raw("</td></tr>\n");
                }
                self.raw("</tbody>");
                self.table_end();
            }
            for (out, needs) in &ex.expect_needs {
                self.raw("<p>");
                self.esc(w.still_needed);
                self.raw(" ");
                self.expected_name(out);
                self.raw(": ");
                if needs.is_empty() {
                    self.esc(self.ew.none);
                }
                for (i, q) in needs.iter().enumerate() {
                    if i > 0 {
                        self.raw("; ");
                    }
                    self.name_link(q);
                }
                self.raw("</p>\n");
            }
            self.raw("</section>\n");
        }
        self.raw("</section>\n");
    }

    fn example_answer(&mut self, qid: &str, lit: &Literal) {
        let typed = self.p.input_index(qid).and_then(|i| {
            let q = &self.p.inputs[i as usize];
            answer_value(lit, q.ty, &q.options, &q.periods, q.kind).ok()
        });
        match typed {
            Some(v) => self.answer_words(qid, &v),
            None => self.literal_text(lit),
        }
    }

    /// An output or rule named in `expect`, by its label.
    fn expected_name(&mut self, name: &str) {
        let rs = self.rs;
        if let Some(out) = rs.outputs.get(name) {
            self.raw("<a");
            self.attr("href", &format!("#{}", anchor("r", &out.rule)));
            self.raw(">");
            match (&out.label, rs.rules.get(&out.rule)) {
                (Some(t), _) => self.text(t),
                (None, Some(r)) => self.text(&r.label),
                (None, None) => self.esc(name),
            }
            self.raw("</a>");
        } else {
            self.name_link(name);
        }
    }

    fn expected_value(&mut self, name: &str, lit: &Literal) {
        if *lit == Literal::Text("unknown".into()) {
            self.esc(self.w.not_known);
            return;
        }
        let rs = self.rs;
        let rule = rs.outputs.get(name).map(|o| o.rule.as_str()).unwrap_or(name);
        let Some(ty) = rs.rules.get(rule).map(|r| r.ty) else {
            self.literal_text(lit);
            return;
        };
        let vt = if ty == ValueType::Percentage {
            ValueType::Percentage
        } else {
            ValueType::Number
        };
        match literal_value(lit, Ty::of_value_type(ty), vt) {
            Ok(v) => {
                let s = self.value_text(&v, Some(ty));
                self.esc(&s);
            }
            Err(_) => self.literal_text(lit),
        }
    }

    /// Any literal as plain text (for values that do not type, which check would refuse).
    fn literal_text(&mut self, lit: &Literal) {
        match lit {
            Literal::Null => {}
            Literal::Bool(b) => self.esc(if *b { self.ew.yes } else { self.ew.no }),
            Literal::Int(i) => self.esc(&i.to_string()),
            Literal::Text(s) => self.esc(s),
            Literal::List(items) => {
                for (i, x) in items.iter().enumerate() {
                    if i > 0 {
                        self.raw(", ");
                    }
                    self.literal_text(x);
                }
            }
            Literal::Map(m) => {
                for (i, (k, v)) in m.iter().enumerate() {
                    if i > 0 {
                        self.raw(", ");
                    }
                    self.esc(k);
                    self.raw(": ");
                    self.literal_text(v);
                }
            }
        }
    }

    // ---- Sources -------------------------------------------------------------------------

    fn sources(&mut self) {
        let rs = self.rs;
        if rs.sources.is_empty() {
            return;
        }
        self.section_start("sources", self.w.sources);
        self.raw("<ol class=\"sources\">\n");
        for (id, s) in &rs.sources {
            self.raw("<li");
            self.attr("id", &anchor("s", id));
            self.raw(">");
            match s.url.as_deref().and_then(carebudget_html::web_url) {
                Some(u) => {
                    self.raw("<a");
                    self.attr("href", u);
                    self.raw(">");
                    self.plain(&s.title);
                    self.raw("</a>");
                }
                _ => self.plain(&s.title),
            }
            if let Some(par) = &s.paragraph {
                self.raw(", ");
                self.plain(par);
            }
            if let Some(u) = &s.url {
                self.raw(" <span class=\"url\">");
                self.esc(u);
                self.raw("</span>");
            }
            self.raw("</li>\n");
        }
        self.raw("</ol>\n</section>\n");
    }
}

/// Calls `f` on `e` and every expression inside it.
fn walk<'e>(e: &'e Expr, f: &mut dyn FnMut(&'e Expr)) {
    f(e);
    match e {
        Expr::Name(_) | Expr::Money(_) | Expr::Number(_) | Expr::Percent(_) | Expr::Bool(_) => {}
        Expr::Count(_) | Expr::Age(_) | Expr::AnswerIn(_) | Expr::Includes(_) => {}
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
        | Expr::Any(a) => a.of.iter().for_each(|x| walk(x, f)),
        Expr::Clamp(c) => {
            walk(&c.value, f);
            walk(&c.min, f);
            walk(&c.max, f);
        }
        Expr::Not(x) | Expr::Lower(x) | Expr::Upper(x) => walk(x, f),
        Expr::AtLeast(x) => x.of.iter().for_each(|y| walk(y, f)),
        Expr::Cases(cs) => {
            for c in cs {
                for x in [&c.when, &c.then, &c.otherwise].into_iter().flatten() {
                    walk(x, f);
                }
            }
        }
        Expr::Lookup(l) => {
            l.table.values().for_each(|x| walk(x, f));
            if let Some(d) = &l.default {
                walk(d, f);
            }
        }
        Expr::Bands(b) => {
            walk(&b.value, f);
            for band in &b.bands {
                walk(&band.from, f);
                for x in [&band.lower, &band.upper, &band.value].into_iter().flatten() {
                    walk(x, f);
                }
            }
        }
        Expr::Scale(s) => {
            walk(&s.value, f);
            for (x, y) in &s.points {
                walk(x, f);
                walk(y, f);
            }
        }
        Expr::Tariff(t) => {
            walk(&t.value, f);
            walk(&t.above, f);
            walk(&t.per, f);
            walk(&t.amount, f);
        }
        Expr::Weekly(x) => walk(&x.value, f),
        Expr::Round(x) => walk(&x.value, f),
        Expr::Range(x) => {
            walk(&x.lower, f);
            walk(&x.upper, f);
        }
    }
}

fn jurisdiction_name(j: &str, lang: Lang) -> Option<&'static str> {
    let cy = lang == Lang::Cy;
    Some(match j {
        "england" if cy => "Lloegr",
        "england" => "England",
        "wales" if cy => "Cymru",
        "wales" => "Wales",
        "scotland" if cy => "Yr Alban",
        "scotland" => "Scotland",
        "northern-ireland" if cy => "Gogledd Iwerddon",
        "northern-ireland" => "Northern Ireland",
        _ => return None,
    })
}

fn role_words(role: Role, lang: Lang) -> &'static str {
    let cy = lang == Lang::Cy;
    match role {
        Role::Eligibility if cy => "cymhwysedd",
        Role::Eligibility => "eligibility",
        Role::Budget if cy => "cyllideb ddangosol",
        Role::Budget => "indicative budget",
        Role::Contribution if cy => "beth mae'r person yn ei dalu",
        Role::Contribution => "what the person pays",
        Role::CouncilShare if cy => "beth mae'r cyngor yn ei dalu",
        Role::CouncilShare => "what the council pays",
        Role::Other if cy => "hefyd yn cael ei ddangos",
        Role::Other => "also shown",
    }
}

fn input_kind_words(t: InputType, lang: Lang) -> &'static str {
    let cy = lang == Lang::Cy;
    match t {
        InputType::Choice if cy => "Dewiswch un ateb",
        InputType::Choice => "Choose one answer",
        InputType::Choices if cy => "Dewiswch unrhyw rai sy'n berthnasol",
        InputType::Choices => "Choose any that apply",
        InputType::YesNo if cy => "Ie neu na",
        InputType::YesNo => "Yes or no",
        InputType::Money if cy => "Swm o arian",
        InputType::Money => "An amount of money",
        InputType::WholeNumber if cy => "Rhif cyfan",
        InputType::WholeNumber => "A whole number",
        InputType::Number if cy => "Rhif",
        InputType::Number => "A number",
        InputType::Date if cy => "Dyddiad",
        InputType::Date => "A date",
    }
}

fn value_type_words(t: ValueType, lang: Lang) -> &'static str {
    let cy = lang == Lang::Cy;
    match t {
        ValueType::Money if cy => "Swm o arian",
        ValueType::Money => "An amount of money",
        ValueType::Number if cy => "Rhif",
        ValueType::Number => "A number",
        ValueType::Percentage if cy => "Canran",
        ValueType::Percentage => "A percentage",
        ValueType::Points if cy => "Pwyntiau",
        ValueType::Points => "Points",
        ValueType::YesNo if cy => "Ie neu na",
        ValueType::YesNo => "Yes or no",
        ValueType::Date if cy => "Dyddiad",
        ValueType::Date => "A date",
        ValueType::Range if cy => "Ystod o arian (isaf ac uchaf)",
        ValueType::Range => "A range of money (lower and upper)",
    }
}

fn period_words(p: Period, lang: Lang) -> &'static str {
    let cy = lang == Lang::Cy;
    match p {
        Period::Weekly if cy => "bob wythnos",
        Period::Weekly => "each week",
        Period::Fortnightly if cy => "bob pythefnos",
        Period::Fortnightly => "each fortnight",
        Period::FourWeekly if cy => "bob pedair wythnos",
        Period::FourWeekly => "every four weeks",
        Period::Monthly if cy => "bob mis",
        Period::Monthly => "each month",
        Period::Yearly if cy => "bob blwyddyn",
        Period::Yearly => "each year",
    }
}

/// The page's fixed words, per language. Welsh wording wants a native speaker's review.
struct PageWords {
    page_kind: &'static str,
    skip: &'static str,
    contents: &'static str,
    about: &'static str,
    results: &'static str,
    questions: &'static str,
    questions_intro: &'static str,
    figures: &'static str,
    figures_intro: &'static str,
    rules: &'static str,
    rules_intro: &'static str,
    examples: &'static str,
    examples_intro: &'static str,
    sources: &'static str,
    publisher: &'static str,
    jurisdiction: &'static str,
    version: &'static str,
    in_force: &'static str,
    from_to: &'static str,
    from_only: &'static str,
    languages: &'static str,
    based_on: &'static str,
    origin_key: &'static str,
    national: &'static str,
    national_means: &'static str,
    own: &'static str,
    own_means: &'static str,
    unconfirmed: &'static str,
    unconfirmed_means: &'static str,
    no_source: &'static str,
    nothing: &'static str,
    short_name: &'static str,
    for_other: &'static str,
    periods: &'static str,
    min: &'static str,
    max: &'static str,
    asked_when: &'static str,
    applies_when: &'static str,
    otherwise: &'static str,
    options_of: &'static str,
    answer: &'static str,
    not_in_table: &'static str,
    choices_added: &'static str,
    values_of: &'static str,
    from: &'static str,
    value: &'static str,
    source: &'static str,
    note: &'static str,
    worked_out_as: &'static str,
    table_for: &'static str,
    any_other: &'static str,
    bands_of: &'static str,
    band: &'static str,
    lower: &'static str,
    upper: &'static str,
    scale_of: &'static str,
    scale_x: &'static str,
    scale_y: &'static str,
    as_of: &'static str,
    answers: &'static str,
    question: &'static str,
    expected: &'static str,
    result: &'static str,
    expected_value: &'static str,
    still_needed: &'static str,
    not_known: &'static str,
    estimate: &'static str,
    generated: &'static str,
    // Formulas in words.
    and: &'static str,
    or: &'static str,
    smaller_of: &'static str,
    larger_of: &'static str,
    kept_between: &'static str,
    gt: &'static str,
    ge: &'static str,
    lt: &'static str,
    le: &'static str,
    eq: &'static str,
    ne: &'static str,
    all_of: &'static str,
    any_of: &'static str,
    not: &'static str,
    at_least: &'static str,
    if_: &'static str,
    then: &'static str,
    otherwise_case: &'static str,
    lookup: &'static str,
    lookup_several: &'static str,
    bands: &'static str,
    scale: &'static str,
    tariff: &'static str,
    weekly: &'static str,
    range: &'static str,
    lower_of: &'static str,
    upper_of: &'static str,
    answer_in: &'static str,
    includes: &'static str,
    count: &'static str,
    age: &'static str,
    round_down: &'static str,
    round_up: &'static str,
    round_nearest: &'static str,
    round_favour_down: &'static str,
    round_favour_up: &'static str,
    to_penny: &'static str,
    to_pound: &'static str,
    to_whole: &'static str,
    to_step: &'static str,
    to_default: &'static str,
}

impl PageWords {
    fn for_lang(lang: Lang) -> &'static PageWords {
        match lang {
            Lang::En => &PAGE_EN,
            Lang::Cy => &PAGE_CY,
        }
    }
}

static PAGE_EN: PageWords = PageWords {
    page_kind: "published rules",
    skip: "Skip to the rules",
    contents: "Contents",
    about: "About these rules",
    results: "What the rules work out",
    questions: "Questions",
    questions_intro: "The questions the rules ask, in the order they are asked, with every answer option and what each option counts for.",
    figures: "Figures",
    figures_intro: "Every figure the rules use, with each value, the date it takes effect and where it comes from.",
    rules: "How the results are worked out",
    rules_intro: "Each step of the calculation, in the order it is worked out, with its source.",
    examples: "Worked examples",
    examples_intro: "Answers and the results these rules must give for them. Anyone can run them to check the rules do what they say.",
    sources: "Sources",
    publisher: "Published by",
    jurisdiction: "Applies in",
    version: "Version",
    in_force: "In force",
    from_to: "{a} to {b}",
    from_only: "from {a}",
    languages: "Languages",
    based_on: "Builds on",
    origin_key: "Each question, figure and rule is marked with where it comes from:",
    national: "National",
    national_means: "from the national rules these rules build on.",
    own: "Council's own",
    own_means: "set, added or changed by the publisher of these rules.",
    unconfirmed: "Not yet confirmed from an official source",
    unconfirmed_means: "marks a figure taken from a secondary source, or worked out, and not yet checked against the official text.",
    no_source: "No source given",
    nothing: "These rules have no results.",
    short_name: "Short name",
    for_other: "When answering for someone else",
    periods: "The amount can be given",
    min: "Lowest allowed",
    max: "Highest allowed",
    asked_when: "Asked only when",
    applies_when: "Applies only when",
    otherwise: "When not asked, the answer is taken as",
    options_of: "Answers to",
    answer: "Answer",
    not_in_table: "not in the table",
    choices_added: "Where several answers can be ticked, the values of the answers ticked are added together.",
    values_of: "Values of",
    from: "From",
    value: "Value",
    source: "Source",
    note: "Note",
    worked_out_as: "Worked out as:",
    table_for: "Table for",
    any_other: "Any other answer",
    bands_of: "Bands for",
    band: "Band",
    lower: "Lower",
    upper: "Upper",
    scale_of: "Scale for",
    scale_x: "Where the value is",
    scale_y: "The result is",
    as_of: "Rules as they stood on",
    answers: "Answers",
    question: "Question",
    expected: "Expected results",
    result: "Result",
    expected_value: "Expected",
    still_needed: "Questions still to answer before this is known —",
    not_known: "not known yet (answers still needed)",
    estimate: "A result from these rules is an estimate, not a decision. Only an assessment by the council decides.",
    generated: "Made by carebudget from the ruleset “{id}”, version {version}. This page works without JavaScript.",
    and: "and",
    or: "or",
    smaller_of: "the smaller of",
    larger_of: "the larger of",
    kept_between: "kept between {a} and {b}",
    gt: "{a} is more than {b}",
    ge: "{a} is {b} or more",
    lt: "{a} is less than {b}",
    le: "{a} is {b} or less",
    eq: "{a} is the same as {b}",
    ne: "{a} is not the same as {b}",
    all_of: "all of these:",
    any_of: "any of these:",
    not: "not",
    at_least: "at least {n} of these:",
    if_: "if",
    then: "then",
    otherwise_case: "otherwise",
    lookup: "the value in the table below for the answer to {q}",
    lookup_several: "the values in the table below for the answers ticked to {q}, added together",
    bands: "the band in the table below that {a} falls in",
    scale: "{a} on the scale in the table below, in straight lines between the points",
    tariff: "{a} for every {b}, or part of {b}, by which {c} is more than {d}",
    weekly: "{a} as a weekly amount (a year is 52 weeks)",
    range: "from {a} to {b}",
    lower_of: "the lower end of {a}",
    upper_of: "the upper end of {a}",
    answer_in: "the answer to {q} is {opts}",
    includes: "the answers ticked to {q} include {opts}",
    count: "the number of answers ticked to {q}",
    age: "age in whole years, from {q}",
    round_down: "rounded down{step}",
    round_up: "rounded up{step}",
    round_nearest: "rounded to the nearest{step}",
    round_favour_down: "rounded down{step}, in the person's favour",
    round_favour_up: "rounded up{step}, in the person's favour",
    to_penny: " penny",
    to_pound: " pound",
    to_whole: " whole number",
    to_step: " multiple of {x}",
    to_default: " penny (or whole number)",
};

static PAGE_CY: PageWords = PageWords {
    page_kind: "rheolau cyhoeddedig",
    skip: "Neidio i'r rheolau",
    contents: "Cynnwys",
    about: "Am y rheolau hyn",
    results: "Beth mae'r rheolau'n ei gyfrifo",
    questions: "Cwestiynau",
    questions_intro: "Y cwestiynau y mae'r rheolau'n eu gofyn, yn y drefn y cânt eu gofyn, gyda phob dewis ateb a'r hyn y mae pob dewis yn ei gyfrif.",
    figures: "Ffigurau",
    figures_intro: "Pob ffigur y mae'r rheolau'n ei ddefnyddio, gyda phob gwerth, y dyddiad y daw i rym ac o ble y daw.",
    rules: "Sut mae'r canlyniadau'n cael eu cyfrifo",
    rules_intro: "Pob cam o'r cyfrifiad, yn y drefn y caiff ei gyfrifo, gyda'i ffynhonnell.",
    examples: "Enghreifftiau wedi'u gweithio",
    examples_intro: "Atebion a'r canlyniadau y mae'n rhaid i'r rheolau hyn eu rhoi ar eu cyfer. Gall unrhyw un eu rhedeg i wirio bod y rheolau'n gwneud yr hyn a ddywedant.",
    sources: "Ffynonellau",
    publisher: "Cyhoeddwyd gan",
    jurisdiction: "Awdurdodaeth",
    version: "Fersiwn",
    in_force: "Mewn grym",
    from_to: "{a} i {b}",
    from_only: "o {a}",
    languages: "Ieithoedd",
    based_on: "Yn adeiladu ar",
    origin_key: "Mae pob cwestiwn, ffigur a rheol wedi'i farcio i ddangos o ble y daw:",
    national: "Cenedlaethol",
    national_means: "o'r rheolau cenedlaethol y mae'r rheolau hyn yn adeiladu arnynt.",
    own: "Dewis y cyngor",
    own_means: "wedi'i osod, ei ychwanegu neu ei newid gan gyhoeddwr y rheolau hyn.",
    unconfirmed: "Heb ei gadarnhau eto o ffynhonnell swyddogol",
    unconfirmed_means: "yn marcio ffigur a gymerwyd o ffynhonnell eilaidd, neu a gyfrifwyd, ac nad yw wedi'i wirio eto yn erbyn y testun swyddogol.",
    no_source: "Dim ffynhonnell",
    nothing: "Nid oes gan y rheolau hyn ganlyniadau.",
    short_name: "Enw byr",
    for_other: "Wrth ateb ar ran rhywun arall",
    periods: "Gellir rhoi'r swm",
    min: "Yr isaf a ganiateir",
    max: "Yr uchaf a ganiateir",
    asked_when: "Dim ond yn cael ei ofyn pan",
    applies_when: "Dim ond yn berthnasol pan",
    otherwise: "Pan na chaiff ei ofyn, cymerir mai'r ateb yw",
    options_of: "Atebion i",
    answer: "Ateb",
    not_in_table: "nid yw yn y tabl",
    choices_added: "Lle gellir ticio sawl ateb, caiff gwerthoedd yr atebion a diciwyd eu hadio at ei gilydd.",
    values_of: "Gwerthoedd",
    from: "O",
    value: "Gwerth",
    source: "Ffynhonnell",
    note: "Nodyn",
    worked_out_as: "Cyfrifir fel hyn:",
    table_for: "Tabl ar gyfer",
    any_other: "Unrhyw ateb arall",
    bands_of: "Bandiau ar gyfer",
    band: "Band",
    lower: "Isaf",
    upper: "Uchaf",
    scale_of: "Graddfa ar gyfer",
    scale_x: "Lle mae'r gwerth yn",
    scale_y: "Y canlyniad yw",
    as_of: "Y rheolau fel yr oeddent ar",
    answers: "Atebion",
    question: "Cwestiwn",
    expected: "Canlyniadau disgwyliedig",
    result: "Canlyniad",
    expected_value: "Disgwyliedig",
    still_needed: "Cwestiynau i'w hateb cyn y gellir gwybod hyn —",
    not_known: "heb ei wybod eto (mae angen atebion o hyd)",
    estimate: "Amcangyfrif yw canlyniad o'r rheolau hyn, nid penderfyniad. Dim ond asesiad gan y cyngor sy'n penderfynu.",
    generated: "Gwnaed gan carebudget o'r set reolau “{id}”, fersiwn {version}. Mae'r dudalen hon yn gweithio heb JavaScript.",
    and: "a",
    or: "neu",
    smaller_of: "yr isaf o",
    larger_of: "yr uchaf o",
    kept_between: "wedi'i gadw rhwng {a} a {b}",
    gt: "mae {a} yn fwy na {b}",
    ge: "mae {a} yn {b} neu fwy",
    lt: "mae {a} yn llai na {b}",
    le: "mae {a} yn {b} neu lai",
    eq: "mae {a} yr un fath â {b}",
    ne: "nid yw {a} yr un fath â {b}",
    all_of: "pob un o'r rhain:",
    any_of: "unrhyw un o'r rhain:",
    not: "nid yw hyn yn wir:",
    at_least: "o leiaf {n} o'r rhain:",
    if_: "os",
    then: "yna",
    otherwise_case: "fel arall",
    lookup: "y gwerth yn y tabl isod ar gyfer yr ateb i {q}",
    lookup_several: "y gwerthoedd yn y tabl isod ar gyfer yr atebion a diciwyd i {q}, wedi'u hadio at ei gilydd",
    bands: "y band yn y tabl isod y mae {a} ynddo",
    scale: "{a} ar y raddfa yn y tabl isod, mewn llinellau syth rhwng y pwyntiau",
    tariff: "{a} am bob {b}, neu ran o {b}, y mae {c} yn fwy na {d}",
    weekly: "{a} fel swm wythnosol (mae blwyddyn yn 52 wythnos)",
    range: "o {a} i {b}",
    lower_of: "pen isaf {a}",
    upper_of: "pen uchaf {a}",
    answer_in: "yr ateb i {q} yw {opts}",
    includes: "mae'r atebion a diciwyd i {q} yn cynnwys {opts}",
    count: "nifer yr atebion a diciwyd i {q}",
    age: "oed mewn blynyddoedd cyfan, o {q}",
    round_down: "wedi'i dalgrynnu i lawr{step}",
    round_up: "wedi'i dalgrynnu i fyny{step}",
    round_nearest: "wedi'i dalgrynnu i'r agosaf{step}",
    round_favour_down: "wedi'i dalgrynnu i lawr{step}, o blaid y person",
    round_favour_up: "wedi'i dalgrynnu i fyny{step}, o blaid y person",
    to_penny: " i'r geiniog",
    to_pound: " i'r bunt",
    to_whole: " i rif cyfan",
    to_step: " i luosrif o {x}",
    to_default: " geiniog (neu rif cyfan)",
};

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

    #[test]
    fn anchors_are_safe_and_distinct() {
        assert_eq!(anchor("s", "elig-reg2"), "s-elig-reg2");
        assert_eq!(anchor("s", "a b\"<"), "s-a.20b.22.3c");
        assert_ne!(anchor("s", "a.b"), anchor("s", "a_b"));
    }
}
