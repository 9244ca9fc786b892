//! "Worked examples": each example's answers and the results the rules must give for them.

use carebudget_core::explain::long_date;
use carebudget_core::literal::Literal;
use carebudget_core::program::Ty;
use carebudget_core::typing::{answer_value, literal_value};
use carebudget_format::model::{Example, ValueType};

use super::Renderer;

impl Renderer<'_> {
    pub(super) fn examples(&mut self) {
        let rs = self.rs;
        if rs.examples.is_empty() {
            return;
        }
        self.section_start("examples", self.w.examples);
        self.raw("<p>");
        self.esc(self.w.examples_intro);
        self.raw("</p>\n");
        for (n, ex) in rs.examples.iter().enumerate() {
            self.example(n + 1, ex);
        }
        self.raw("</section>\n");
    }

    /// Example number `n`: examples have no ids of their own, so they are anchored by number.
    fn example(&mut self, n: usize, ex: &Example) {
        self.labelled_section("<section class=\"item example\"", &format!("x-{n}"), "h3");
        self.plain(&ex.name);
        self.raw("</h3>\n");
        if let Some(d) = &ex.description {
            self.raw("<p>");
            self.plain(d);
            self.raw("</p>\n");
        }
        self.raw("<p class=\"item-meta\">");
        self.esc(self.w.as_of);
        self.raw(" ");
        self.esc(&long_date(ex.as_of, self.lang));
        self.raw("</p>\n");
        if !ex.answers.is_empty() {
            self.example_answers(ex);
        }
        if !ex.expect.is_empty() {
            self.example_expected(ex);
        }
        for (out, needs) in &ex.expect_needs {
            self.still_needed(out, needs);
        }
        self.raw("</section>\n");
    }

    fn example_answers(&mut self, ex: &Example) {
        let w = self.w;
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

    fn example_expected(&mut self, ex: &Example) {
        let w = self.w;
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

    /// The questions still to answer before the output `out` is known.
    fn still_needed(&mut self, out: &str, needs: &[String]) {
        self.raw("<p>");
        self.esc(self.w.still_needed);
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
        match self.rs.outputs.get(name) {
            Some(out) => self.output_link(&out.rule, out.label.as_ref(), name),
            None => self.name_link(name),
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
}
