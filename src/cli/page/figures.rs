//! "Figures": every figure with its dated values, where each comes from, and whether it is
//! yet confirmed from an official source.

use carebudget_core::explain::long_date;
use carebudget_core::program::{DatedParam, ParamInfo};
use carebudget_format::model::Parameter;

use super::Renderer;
use super::kinds::value_type_words;
use super::names::anchor;

impl Renderer<'_> {
    pub(super) fn figures(&mut self) {
        let rs = self.rs;
        if rs.parameters.is_empty() {
            return;
        }
        self.section_start("figures", self.w.figures);
        self.raw("<p>");
        self.esc(self.w.figures_intro);
        self.raw("</p>\n");
        let p = self.p;
        // The program holds the parameters in the ruleset's order.
        for (i, (id, par)) in rs.parameters.iter().enumerate() {
            self.figure(id, par, &p.params[i]);
        }
        self.raw("</section>\n");
    }

    fn figure(&mut self, id: &str, par: &Parameter, info: &ParamInfo) {
        let w = self.w;
        self.labelled_section("<section class=\"item figure\"", &anchor("f", id), "h3");
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
            let note = par.values.get(k).and_then(|v| v.note.as_deref());
            self.dated_value(par, dated, note);
        }
        self.raw("</tbody>");
        self.table_end();
        self.raw("</section>\n");
    }

    /// One row of a figure's values: from when, the value, and its source.
    fn dated_value(&mut self, par: &Parameter, dated: &DatedParam, note: Option<&str>) {
        let w = self.w;
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
        if let Some(n) = note {
            self.raw("<span class=\"note\">");
            self.esc(w.note);
            self.raw(": ");
            self.plain(n);
            self.raw("</span>");
        }
        self.raw("</td></tr>\n");
    }
}
