//! "How we worked this out": a result card's steps, each with its figures, answers and
//! sources. Drawn when a card is first opened (see `result`), not with the page.

use carebudget_core::eval::insert_sorted;
use carebudget_core::explain::{OutputReport, SourceInfo, Step, UseKind, fill_from};
use carebudget_html::Html;

use super::App;
use super::page::fill;

impl App {
    /// A source's title and paragraph, a link when it has a web address.
    fn source_link(&self, h: &mut Html, s: &SourceInfo) {
        let url = s.url.as_deref().and_then(carebudget_html::web_url);
        if let Some(u) = url {
            h.raw("<a")
                .attr("href", u)
                .raw(" target=\"_blank\" rel=\"noopener noreferrer\" class=\"cb-link\">");
        }
        h.text(&s.title);
        if let Some(p) = &s.paragraph {
            h.raw(", ").text(p);
        }
        if url.is_some() {
            h.raw("<span class=\"cb-vh\"> ").raw(self.w.new_tab).raw("</span></a>");
        }
    }

    /// The `<li>`s of one card's steps. `shown` holds the steps earlier cards already
    /// explained: those are named by title and value only, so a step several answers share
    /// (the charge feeds what the council pays) is explained once and the page stays small.
    pub(super) fn steps_list(&self, o: &OutputReport, merged: bool, shown: &mut Vec<String>) -> String {
        let mut h = Html::new();
        for s in &o.steps {
            let first = insert_sorted(shown, s.rule.clone());
            h.raw(if first {
                "<li class=\"cb-step\""
            } else {
                "<li class=\"cb-step cb-step-seen\""
            })
            .attr("data-step", &s.rule)
            .raw("><p class=\"cb-step-title\"><strong>")
            .text(&s.title)
            .raw("</strong>: <span data-step-value>")
            .text(&s.value)
            .raw("</span>");
            if first {
                h.raw("</p>");
                self.step_body(&mut h, s, merged);
            } else {
                h.raw(" <span class=\"cb-seen\">(")
                    .raw(self.w.seen_above)
                    .raw(")</span></p>");
            }
            h.raw("</li>");
        }
        h.into_string()
    }

    /// A step explained: its sentence, why, what it used, and where it comes from.
    fn step_body(&self, h: &mut Html, s: &Step, merged: bool) {
        let w = self.w;
        // The step's sentence, unless it only repeats the title and value.
        if s.text != format!("{}: {}", s.title, s.value) {
            h.raw("<p>").text(&s.text).raw("</p>");
        }
        if !s.because.is_empty() {
            h.raw("<ul class=\"cb-list cb-because\">");
            for b in &s.because {
                h.raw("<li>").text(b).raw("</li>");
            }
            h.raw("</ul>");
        }
        self.uses(h, s, UseKind::Figure, w.figures_used);
        self.uses(h, s, UseKind::Answer, w.answers_used);
        self.step_foot(h, s, merged);
    }

    /// The figures (or answers) a step used, under `title`; nothing if it used none.
    fn uses(&self, h: &mut Html, s: &Step, kind: UseKind, title: &'static str) {
        let w = self.w;
        let mut first = true;
        for u in s.uses.iter().filter(|u| u.kind == kind) {
            if first {
                h.raw("<p class=\"cb-uses-title\">")
                    .raw(title)
                    .raw("</p><ul class=\"cb-list cb-uses\">");
                first = false;
            }
            h.raw("<li>").text(&u.label).raw(": ").text(&u.value);
            if let Some(f) = &u.from {
                h.raw(", ").text(&fill_from(w.from_date, &[("date", f)]));
            }
            if u.unverified {
                h.raw(" <strong class=\"cb-tag\">")
                    .raw(self.ew().unverified)
                    .raw("</strong>");
            }
            if let Some(src) = &u.source {
                h.raw(" (").raw(w.source).raw(": ");
                self.source_link(h, src);
                h.raw(")");
            }
            h.raw("</li>");
        }
        if !first {
            h.raw("</ul>");
        }
    }

    /// The step's source and, in rules built on others, which rules it came from.
    fn step_foot(&self, h: &mut Html, s: &Step, merged: bool) {
        let w = self.w;
        let origin = s.origin.as_ref().filter(|_| merged);
        if s.source.is_none() && origin.is_none() {
            return;
        }
        h.raw("<p class=\"cb-step-source\">");
        if let Some(src) = &s.source {
            h.raw(w.source).raw(": ");
            self.source_link(h, src);
        }
        if let Some(o) = origin {
            if s.source.is_some() {
                h.raw(". ");
            }
            // The ruleset's title, not its id: "From: England — Care Act eligibility…".
            let info = &self.program.info;
            let title = if *o == info.id {
                Some(&info.title)
            } else {
                info.based_on.get(o)
            };
            let mut name = Html::new();
            match title {
                Some(t) => self.span(&mut name, self.say(t)),
                None => {
                    name.text(o);
                }
            }
            fill(h, w.national, false, &[("ruleset", &name)]);
        }
        h.raw("</p>");
    }
}
