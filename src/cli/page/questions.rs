//! "Questions": each section's questions, with their options and what each option counts
//! for in every lookup table on the question.

use carebudget_core::program::InputInfo;
use carebudget_format::expr::Lookup;
use carebudget_format::model::InputType;

use super::Renderer;
use super::kinds::{input_kind_words, period_words};
use super::names::anchor;

impl<'a> Renderer<'a> {
    pub(super) fn questions(&mut self) {
        let rs = self.rs;
        if rs.inputs.is_empty() {
            return;
        }
        self.section_start("questions", self.w.questions);
        self.raw("<p>");
        self.esc(self.w.questions_intro);
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
            self.labelled_section("<section class=\"group\"", &anchor("sec", sid), "h3");
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
        let p = self.p;
        let Some(q) = self.rs.inputs.get(id) else { return };
        let Some(i) = p.input_index(id) else { return };
        self.labelled_section("<section class=\"item question\"", &anchor("q", id), "h4");
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
        self.question_facts(id, &p.inputs[i as usize]);
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

    /// What else there is to know about a question: its short name, the limits on its
    /// answer, and when it is asked.
    fn question_facts(&mut self, id: &str, info: &InputInfo) {
        let w = self.w;
        let Some(q) = self.rs.inputs.get(id) else { return };
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
                self.fact(w.otherwise, |r| r.answer_words(id, v));
            }
        }
        self.raw("</dl>\n");
    }

    /// The answer options, with a column for each lookup table that gives them values.
    fn options_table(&mut self, id: &str) {
        let w = self.w;
        let Some(q) = self.rs.inputs.get(id) else { return };
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
            self.rule_link(rule);
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
            self.option_values(opt, &lookups);
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

    /// One option's cells: its value in each lookup table.
    fn option_values(&mut self, opt: &str, lookups: &[(String, &'a Lookup)]) {
        for (_, l) in lookups {
            self.raw("<td>");
            match l.table.get(opt).or(l.default.as_ref()) {
                Some(e) => self.expr_alone(e),
                None => self.esc(self.w.not_in_table),
            }
            self.raw("</td>");
        }
    }
}
