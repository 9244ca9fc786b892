//! "How the results are worked out": each rule's formula in words, with the tables it
//! refers to and its source.

use carebudget_format::expr::Expr;
use carebudget_format::model::Rule;

use super::Renderer;
use super::kinds::value_type_words;
use super::names::anchor;

impl<'a> Renderer<'a> {
    pub(super) fn rules(&mut self) {
        let rs = self.rs;
        if rs.rules.is_empty() {
            return;
        }
        self.section_start("rules", self.w.rules);
        self.raw("<p>");
        self.esc(self.w.rules_intro);
        self.raw("</p>\n");
        for (id, rule) in &rs.rules {
            self.rule(id, rule);
        }
        self.raw("</section>\n");
    }

    fn rule(&mut self, id: &str, rule: &'a Rule) {
        let w = self.w;
        self.labelled_section("<section class=\"item rule\"", &anchor("r", id), "h3");
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

    /// A yes/no condition (`ask_when`, `applies_when`) as a formula, with any tables it uses.
    pub(super) fn condition(&mut self, cond: &'a Expr) {
        let mut tables = Vec::new();
        self.raw("<div class=\"formula\">");
        self.expr(cond, &mut tables);
        self.raw("</div>");
        self.deferred(&tables, None);
    }
}
