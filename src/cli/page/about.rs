//! "About these rules" (who publishes them, where and when they apply, what they build on)
//! and "What the rules work out" (the results).

use carebudget_core::explain::long_date;

use super::Renderer;
use super::kinds::{jurisdiction_name, role_words};

impl Renderer<'_> {
    pub(super) fn about(&mut self) {
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
        self.keys();
        self.raw("</section>\n");
    }

    /// What the marks on items mean, for the marks this page uses.
    fn keys(&mut self) {
        let w = self.w;
        if !self.rs.based_on.is_empty() {
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
    }

    pub(super) fn outputs(&mut self) {
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
                self.raw("<li>");
                self.output_link(&out.rule, out.label.as_ref(), &out.rule);
                self.raw(" <span class=\"role\">(");
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
}
