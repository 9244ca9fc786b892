//! "Sources": every source the rules cite, linked where it has a web address.

use carebudget_html::web_url;

use super::Renderer;
use super::names::anchor;

impl Renderer<'_> {
    pub(super) fn sources(&mut self) {
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
            // Only web addresses become links; any other address is still shown, as text.
            match s.url.as_deref().and_then(web_url) {
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
