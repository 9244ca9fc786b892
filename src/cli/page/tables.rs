//! The tables a formula refers to — lookup, band and scale tables — shown after it, and
//! which lookup tables belong with each question.

use indexmap::IndexMap;

use carebudget_format::expr::{Bands, Expr, Lookup, Scale};
use carebudget_format::model::Ruleset;

use super::formulas::walk;
use super::{Deferred, Renderer};

/// Question id → (rule id, lookup table) for every lookup on that question's answer, so a
/// question's options can show what each counts for.
pub(super) fn lookups_by_question(rs: &Ruleset) -> IndexMap<String, Vec<(String, &Lookup)>> {
    let mut lookups: IndexMap<String, Vec<(String, &Lookup)>> = IndexMap::new();
    for (id, rule) in &rs.rules {
        walk(&rule.formula, &mut |e| {
            if let Expr::Lookup(l) = e {
                let on_question = lookups.entry(l.answer.clone()).or_default();
                on_question.push((id.clone(), l.as_ref()));
            }
        });
    }
    lookups
}

impl<'a> Renderer<'a> {
    pub(super) fn deferred(&mut self, tables: &[Deferred<'a>], rule: Option<&str>) {
        for t in tables {
            match t {
                Deferred::Lookup(l) => self.lookup_table(l, rule),
                Deferred::Bands(b) => self.bands_table(b),
                Deferred::Scale(s) => self.scale_table(s),
            }
        }
    }

    pub(super) fn lookup_table(&mut self, l: &'a Lookup, rule: Option<&str>) {
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
            self.expr_alone(e);
            self.raw("</td></tr>\n");
        }
        if let Some(d) = &l.default {
            self.raw("<tr><th scope=\"row\">");
            self.esc(w.any_other);
            self.raw("</th><td>");
            self.expr_alone(d);
            self.raw("</td></tr>\n");
        }
        self.raw("</tbody>");
        self.table_end();
    }

    pub(super) fn bands_table(&mut self, b: &'a Bands) {
        let w = self.w;
        let ranged = b.bands.iter().any(|band| band.lower.is_some() || band.upper.is_some());
        let labelled = b.bands.iter().any(|band| band.label.is_some());
        let columns = 1 + usize::from(labelled) + if ranged { 2 } else { 1 };
        self.table_start(columns, |r| {
            r.esc(w.bands_of);
            r.raw(" ");
            r.expr_alone(&b.value);
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
            self.raw("<tr><th scope=\"row\">");
            self.expr_alone(&band.from);
            self.raw("</th>");
            if labelled {
                self.raw("<td>");
                if let Some(l) = &band.label {
                    self.text(l);
                }
                self.raw("</td>");
            }
            let cells = if ranged {
                vec![&band.lower, &band.upper]
            } else {
                vec![&band.value]
            };
            for c in cells {
                self.raw("<td>");
                if let Some(e) = c {
                    self.expr_alone(e);
                }
                self.raw("</td>");
            }
            self.raw("</tr>\n");
        }
        self.raw("</tbody>");
        self.table_end();
    }

    pub(super) fn scale_table(&mut self, s: &'a Scale) {
        let w = self.w;
        self.table_start(2, |r| {
            r.esc(w.scale_of);
            r.raw(" ");
            r.expr_alone(&s.value);
        });
        self.th_cols(&[w.scale_x, w.scale_y]);
        self.raw("<tbody>\n");
        for (x, y) in &s.points {
            self.raw("<tr><th scope=\"row\">");
            self.expr_alone(x);
            self.raw("</th><td>");
            self.expr_alone(y);
            self.raw("</td></tr>\n");
        }
        self.raw("</tbody>");
        self.table_end();
    }
}
