//! The page around its parts: the head, the header, the notices, the contents and the
//! footer.

use carebudget_core::explain;
use carebudget_core::text::Lang;

use super::{Options, Renderer};

impl Renderer<'_> {
    pub(super) fn page(&mut self, opts: &Options) {
        self.head(opts);
        self.header(opts);
        self.raw("<main id=\"main\" tabindex=\"-1\"><div class=\"wrap\">\n");
        self.notices();
        self.contents();
        self.about();
        self.outputs();
        self.questions();
        self.figures();
        self.rules();
        self.examples();
        self.sources();
        self.raw("</div></main>\n");
        self.footer();
    }

    fn head(&mut self, opts: &Options) {
        let rs = self.rs;
        self.raw("<!doctype html>\n<html");
        self.attr("lang", self.lang.code());
        self.raw(">\n<head>\n<meta charset=\"utf-8\">\n");
        self.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        self.raw("<meta name=\"generator\" content=\"carebudget\">\n<title>");
        self.esc(rs.title.get(self.lang));
        self.raw(" — ");
        self.esc(self.w.page_kind);
        self.raw("</title>\n<link rel=\"stylesheet\"");
        self.attr("href", &opts.stylesheet);
        self.raw(">\n");
        if let Some(alt) = &opts.alternate {
            self.raw("<link rel=\"alternate\"");
            self.attr("hreflang", self.lang.other().code());
            self.attr("href", alt);
            self.raw(">\n");
        }
        self.raw("</head>\n");
    }

    fn header(&mut self, opts: &Options) {
        let rs = self.rs;
        self.raw("<body>\n<a class=\"skip-link\" href=\"#main\">");
        self.esc(self.w.skip);
        self.raw("</a>\n<header class=\"page-header\"><div class=\"wrap\">\n");
        if let Some(alt) = &opts.alternate {
            // Each language's name in itself, so a reader finds their own.
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
        self.esc(self.w.page_kind);
        self.raw("</p>\n<h1>");
        self.text(&rs.title);
        self.raw("</h1>\n<p class=\"byline\">");
        self.plain(&rs.publisher);
        self.raw("</p>\n</div></header>\n");
    }

    fn footer(&mut self) {
        let rs = self.rs;
        let w = self.w;
        self.raw("<footer class=\"page-footer\"><div class=\"wrap\">\n<p>");
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
        if let Some(f) = &rs.in_force {
            let period = explain::period_words((f.from, f.to), self.lang);
            self.raw("<div class=\"notice notice-figures\"><p>");
            self.esc(&explain::fill_from(self.ew.figures_for, &[("period", &period)]));
            self.raw("</p></div>\n");
        }
        if !rs.limitations.is_empty() {
            self.raw("<div class=\"notice notice-limitations\"><h2>");
            self.esc(self.ew.limitations);
            self.raw("</h2><ul>\n");
            for l in &rs.limitations {
                self.raw("<li>");
                self.text(l);
                self.raw("</li>\n");
            }
            self.raw("</ul></div>\n");
        }
    }

    /// The contents: only the parts this ruleset has.
    fn contents(&mut self) {
        let w = self.w;
        let rs = self.rs;
        self.raw("<nav class=\"contents\" aria-labelledby=\"contents-h\">\n<h2 id=\"contents-h\">");
        self.esc(w.contents);
        self.raw("</h2>\n<ol>\n");
        let items = [
            ("about", w.about, true),
            ("results", w.results, true),
            ("questions", w.questions, !rs.inputs.is_empty()),
            ("figures", w.figures, !rs.parameters.is_empty()),
            ("rules", w.rules, !rs.rules.is_empty()),
            ("examples", w.examples, !rs.examples.is_empty()),
            ("sources", w.sources, !rs.sources.is_empty()),
        ];
        for (id, title, shown) in items {
            if shown {
                self.raw("<li><a href=\"#");
                self.raw(id);
                self.raw("\">");
                self.esc(title);
                self.raw("</a></li>\n");
            }
        }
        self.raw("</ol>\n</nav>\n");
    }
}
