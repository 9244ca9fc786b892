//! Check your answers: each answer in words, by section, with "Change" links (also shown
//! on the result page, as part of the receipt).

use carebudget_core::eval::Evaluation;
use carebudget_core::explain::long_date;
use carebudget_core::program::{SectionText, Value};
use carebudget_core::text::Text;
use carebudget_html::Html;

use super::App;
use crate::words::pick;

impl App {
    /// An answer in words, as check-your-answers shows it.
    fn answer(&self, h: &mut Html, i: u32) {
        let w = self.w;
        let q = &self.program.info.inputs[i as usize];
        // An option's label; an option the rules no longer have, as its name.
        let opt = |h: &mut Html, c: &str| {
            h.text(q.options.get(c).map_or(c, |o| self.say(&o.label)));
        };
        match &self.answers[i as usize] {
            None | Some(Value::Range(..)) => {}
            Some(Value::Choice(c)) => opt(h, c),
            Some(Value::Choices(cs)) if cs.is_empty() => {
                h.raw(w.none_of_these);
            }
            Some(Value::Choices(cs)) => {
                for (k, c) in cs.iter().enumerate() {
                    if k > 0 {
                        h.raw("<br>");
                    }
                    opt(h, c);
                }
            }
            Some(Value::Bool(b)) => {
                h.raw(if *b { self.ew().yes } else { self.ew().no });
            }
            Some(Value::Money(m)) => {
                h.text(&m.to_string());
            }
            Some(Value::Periodic(m, p)) => {
                // "£100 every week": the period as the form words it, lower-cased.
                let per = w.periods[p.index()];
                let mut cs = per.chars();
                let lower: String = cs
                    .next()
                    .map(|c| c.to_lowercase().chain(cs).collect())
                    .unwrap_or_default();
                h.text(&format!("{m} {lower}"));
            }
            Some(Value::Number(d)) => {
                h.text(&d.normalize().to_string());
            }
            Some(Value::Date(d)) => {
                h.text(&long_date(*d, w.lang));
            }
        }
    }

    /// One row of a summary list; `arg` names the question a "Change" link goes to.
    fn summary_row(&self, h: &mut Html, change: bool, key: &Html, value: &Html, arg: &str, key_lang: &'static str) {
        h.raw("<div class=\"cb-sl-row\"><dt class=\"cb-sl-key\"")
            .raw(key_lang)
            .raw(">")
            .html(key)
            .raw("</dt><dd class=\"cb-sl-value\"")
            .raw(key_lang)
            .attr("data-answer", arg)
            .raw(">")
            .html(value)
            .raw("</dd>");
        if change {
            h.raw("<dd class=\"cb-sl-actions\"><a href=\"#\" data-act=\"change\"")
                .attr("data-arg", arg)
                .raw(">")
                .raw(self.w.change)
                .raw("<span class=\"cb-vh\"> ")
                .html(key)
                .raw("</span></a></dd>");
        }
        h.raw("</div>");
    }

    /// The answers given, by section, with "Change" links when `change` is set.
    pub(super) fn summary(&self, h: &mut Html, ev: &Evaluation, change: bool) {
        let w = self.w;
        let rs = &self.program.info;
        let (mut whom, mut whom_value) = (Html::new(), Html::new());
        whom.raw(w.for_whom);
        whom_value.raw(if self.for_other { w.someone_else } else { w.myself });
        h.raw("<dl class=\"cb-sl\">");
        self.summary_row(h, change, &whom, &whom_value, "", "");
        h.raw("</dl>");
        let answered = self.answered(ev);
        // Questions in no known section come last, under no heading.
        let unsectioned = SectionText {
            title: Text::default(),
            intro: None,
        };
        for (s_id, s) in rs
            .sections
            .iter()
            .chain(std::iter::once((&String::new(), &unsectioned)))
        {
            let rows: Vec<u32> = answered
                .iter()
                .copied()
                .filter(|&i| {
                    let sec = &rs.inputs[i as usize].section;
                    if s_id.is_empty() {
                        !rs.sections.contains_key(sec)
                    } else {
                        sec == s_id
                    }
                })
                .collect();
            if rows.is_empty() {
                continue;
            }
            if !s.title.is_empty() {
                h.raw("<h3 class=\"cb-s\"")
                    .raw(self.rl())
                    .raw(">")
                    .text(self.say(&s.title))
                    .raw("</h3>");
            }
            h.raw("<dl class=\"cb-sl\">");
            for i in rows {
                let (mut key, mut value) = (Html::new(), Html::new());
                key.text(&self.label(i));
                self.answer(&mut value, i);
                self.summary_row(h, change, &key, &value, &self.program.inputs[i as usize].id, self.rl());
            }
            h.raw("</dl>");
        }
    }

    pub(super) fn render_check(&self) -> Html {
        let w = self.w;
        let ev = self.evaluate(false);
        let mut h = Html::new();
        self.back_link(&mut h);
        self.h1_words(&mut h, "cb-l", w.check_h1);
        h.raw("<h2 class=\"cb-vh\">")
            .raw(pick(w.answers_h2, self.for_other))
            .raw("</h2>");
        self.summary(&mut h, &ev, true);
        h.raw("<form data-form=\"check\" novalidate><button type=\"submit\" class=\"cb-button\">")
            .raw(w.see_result)
            .raw("</button></form>");
        h
    }
}
