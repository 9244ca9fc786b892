//! The journey: state, what each step does with the answers, and each page as HTML.
//!
//! No DOM here: `submit` and `act` take what the page sent and change the state; `render`
//! returns the page's markup. `dom.rs` puts the markup into the shadow root and forwards
//! events, so this part runs (and is tested) anywhere.
//!
//! Every piece of text that comes from the ruleset goes through [`esc`]: a ruleset is data,
//! and a label containing `<script>` is shown as those characters.

use carebudget_core::decimal::Decimal;

use carebudget_core::date::Date;
use carebudget_core::eval::{Answers, Evaluation, evaluate, insert_sorted};
use carebudget_core::explain::{
    OutputReport, Report, SourceInfo, Status, Step, UseKind, explain, fill_from, later, long_date,
};
use carebudget_core::money::Money;
use carebudget_core::program::{Program, Ty, Value};
use carebudget_core::text::{Lang, Text};
use carebudget_core::vocab::{InputType, Period, Role};

use crate::words::{Words, pick};

/// Escapes text for HTML content and attribute values: the rules page's one escape function,
/// so the widget and the page cannot disagree on what is safe.
pub use carebudget_html::escape as esc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Start,
    Question(u32),
    Check,
    Result,
}

/// What the page should do after a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Nothing changed.
    None,
    /// Show the new page and move focus to its heading (or to the error summary).
    Render,
    /// Open every "how we worked this out" and print.
    Print,
}

/// A problem with an answer: the id of the field to fix and the message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

pub struct App {
    pub program: Program,
    pub w: &'static Words,
    /// The language the ruleset's own text is shown in (English when it has no Welsh).
    pub rules_lang: Lang,
    pub as_of: Date,
    pub today: Date,
    /// The rules file's SHA-256 (hex) for the receipt; `None` where the browser would not
    /// compute it (a page not served securely).
    pub sha256: Option<String>,
    pub rules_page: Option<String>,
    pub for_other: bool,
    pub answers: Vec<Option<Value>>,
    pub page: Page,
    /// Where a "Change" link came from, to go back there once the answer is given.
    pub return_to: Option<Page>,
    pub errors: Vec<FieldError>,
    /// What was typed into the current page when it had errors, to show it again.
    pub draft: Vec<(String, String)>,
    /// Questions in the order they are asked: by section, then as written.
    order: Vec<u32>,
    /// The page before this one was shown by a step (not on first load): move focus.
    pub moved: bool,
}

/// The value of form field `name`.
fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .unwrap_or("")
}

impl App {
    pub fn new(
        program: Program,
        lang: Lang,
        as_of: Date,
        today: Date,
        sha256: Option<String>,
        rules_page: Option<String>,
    ) -> App {
        let w = Words::get(lang);
        let rules_lang = if program.info.languages.contains(&w.lang) {
            w.lang
        } else {
            Lang::En
        };
        let sections = &program.info.sections;
        let order = order_by(program.inputs.len(), |i| {
            let s = &program.info.inputs[i].section;
            sections.get_index_of(s).unwrap_or(sections.len())
        })
        .map(|i| i as u32)
        .collect();
        App {
            program,
            w,
            rules_lang,
            as_of,
            today,
            sha256,
            rules_page,
            for_other: false,
            answers: Vec::new(),
            page: Page::Start,
            return_to: None,
            errors: Vec::new(),
            draft: Vec::new(),
            order,
            moved: false,
        }
        .reset()
    }

    fn reset(mut self) -> App {
        self.answers = vec![None; self.program.inputs.len()];
        self
    }

    pub fn evaluate(&self, trace: bool) -> Evaluation {
        evaluate(&self.program, &Answers(self.answers.clone()), self.as_of, trace)
    }

    pub fn report(&self) -> Report {
        self.explained().1
    }

    /// The traced evaluation and its explanation, in the rules' language and wording.
    fn explained(&self) -> (Evaluation, Report) {
        let ev = self.evaluate(true);
        let mut report = explain(&self.program, &ev, self.rules_lang, self.for_other);
        report.later = later(
            &self.program,
            &Answers(self.answers.clone()),
            &ev,
            self.rules_lang,
            self.for_other,
        );
        (ev, report)
    }

    /// The questions still needed for any answer, in the order they are asked.
    pub fn needed(&self, ev: &Evaluation) -> Vec<u32> {
        let mut need = vec![false; self.program.inputs.len()];
        for o in 0..self.program.outputs.len() {
            for i in ev.needs(&self.program, o) {
                need[i as usize] = true;
            }
        }
        self.order.iter().copied().filter(|&i| need[i as usize]).collect()
    }

    /// The questions answered and still asked, in order.
    pub fn answered(&self, ev: &Evaluation) -> Vec<u32> {
        self.order
            .iter()
            .copied()
            .filter(|&i| self.answers[i as usize].is_some() && ev.asked[i as usize] == Some(true))
            .collect()
    }

    /// The next page once the current one is done.
    fn next(&self) -> Page {
        let ev = self.evaluate(false);
        match self.needed(&ev).first() {
            Some(&i) => Page::Question(i),
            None => self.return_to.unwrap_or(Page::Check),
        }
    }

    fn go(&mut self, page: Page) -> Effect {
        if matches!(page, Page::Check | Page::Result) {
            self.return_to = None;
        }
        self.page = page;
        self.errors.clear();
        self.draft.clear();
        self.moved = true;
        Effect::Render
    }

    /// A form was sent: `form` is its `data-form`, `pairs` its fields.
    pub fn submit(&mut self, form: &str, pairs: &[(String, String)]) -> Effect {
        match (form, self.page) {
            ("start", Page::Start) => {
                self.for_other = !field(pairs, "for_other").is_empty();
                let next = self.next();
                self.go(next)
            }
            ("question", Page::Question(i)) => match self.read_answer(i, pairs) {
                Ok(v) => {
                    self.answers[i as usize] = Some(v);
                    let next = self.next();
                    self.go(next)
                }
                Err(errors) => {
                    self.errors = errors;
                    self.draft = pairs.to_vec();
                    self.moved = true;
                    Effect::Render
                }
            },
            ("check", Page::Check) => {
                let next = self.next();
                let next = if next == Page::Check { Page::Result } else { next };
                self.go(next)
            }
            _ => Effect::None,
        }
    }

    /// A link or button with `data-act` was pressed; `arg` is its `data-arg`.
    pub fn act(&mut self, act: &str, arg: &str) -> Effect {
        match act {
            "back" => {
                let to = self.back();
                self.go(to)
            }
            "change" => {
                let from = self.page;
                let to = if arg.is_empty() {
                    Page::Start
                } else {
                    match self.program.input_index(arg) {
                        Some(i) => Page::Question(i),
                        None => return Effect::None,
                    }
                };
                self.go(to);
                self.return_to = Some(from);
                Effect::Render
            }
            "print" => Effect::Print,
            "restart" => {
                self.answers = vec![None; self.program.inputs.len()];
                self.for_other = false;
                self.return_to = None;
                self.go(Page::Start)
            }
            _ => Effect::None,
        }
    }

    /// Where "Back" goes: where a change came from, else the previous question asked.
    pub fn back(&self) -> Page {
        if let Some(r) = self.return_to {
            return r;
        }
        let ev = self.evaluate(false);
        let answered = self.answered(&ev);
        match self.page {
            Page::Start => Page::Start,
            Page::Result => Page::Check,
            Page::Check => answered.last().map_or(Page::Start, |&i| Page::Question(i)),
            Page::Question(q) => {
                let pos = self.order.iter().position(|&x| x == q).unwrap_or(0);
                answered
                    .iter()
                    .rev()
                    .find(|&&i| self.order.iter().position(|&x| x == i).unwrap_or(0) < pos)
                    .map_or(Page::Start, |&i| Page::Question(i))
            }
        }
    }

    /// Reads and checks the answer to question `i` from the form.
    pub fn read_answer(&self, i: u32, pairs: &[(String, String)]) -> Result<Value, Vec<FieldError>> {
        let w = self.w;
        let info = &self.program.inputs[i as usize];
        let err = |field: &'static str, m: &str| {
            vec![FieldError {
                field,
                message: m.to_owned(),
            }]
        };
        let v = match info.ty {
            Ty::Choice(_) => {
                let a = field(pairs, "answer");
                if !info.options.iter().any(|o| o == a) {
                    return Err(err("cb-q", w.select_one));
                }
                Value::Choice(a.to_owned())
            }
            Ty::Bool => match field(pairs, "answer") {
                "yes" => Value::Bool(true),
                "no" => Value::Bool(false),
                _ => return Err(err("cb-q", w.select_yes_no)),
            },
            Ty::Choices(_) => {
                let ticked: Vec<&str> = pairs
                    .iter()
                    .filter(|(k, _)| k == "answer")
                    .map(|(_, v)| v.as_str())
                    .collect();
                let none = ticked.contains(&"-none");
                let chosen: Vec<String> = info
                    .options
                    .iter()
                    .filter(|o| ticked.contains(&o.as_str()))
                    .cloned()
                    .collect();
                if none && !chosen.is_empty() {
                    return Err(err("cb-q", w.none_alone));
                }
                if !none && chosen.is_empty() {
                    return Err(err("cb-q", w.select_some));
                }
                Value::Choices(chosen)
            }
            Ty::Periodic => {
                let amount = read_money(field(pairs, "amount"), w);
                let period = Period::parse(field(pairs, "period")).filter(|p| info.periods.contains(p));
                let mut errors = Vec::new();
                if let Err(m) = &amount {
                    errors.push(FieldError {
                        field: "cb-q",
                        message: m.clone(),
                    });
                }
                if period.is_none() {
                    errors.push(FieldError {
                        field: "cb-p",
                        message: w.period_missing.to_owned(),
                    });
                }
                match (amount, period) {
                    (Ok(m), Some(p)) => Value::Periodic(m, p),
                    _ => return Err(errors),
                }
            }
            Ty::Money => Value::Money(read_money(field(pairs, "answer"), w).map_err(|m| err("cb-q", &m))?),
            Ty::Number if info.kind == InputType::WholeNumber => {
                let t = field(pairs, "answer").replace(',', "");
                match t.parse::<i64>() {
                    Ok(n) => Value::Number(Decimal::from(n)),
                    Err(_) => return Err(err("cb-q", w.whole_bad)),
                }
            }
            Ty::Number => {
                let t = field(pairs, "answer").replace(',', "");
                let ok = !t.is_empty() && t.len() < 20 && t.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-');
                match carebudget_core::money::parse_decimal(&t) {
                    Ok(d) if ok => Value::Number(d),
                    _ => return Err(err("cb-q", w.number_bad)),
                }
            }
            Ty::Date => {
                let (d, m, y) = (field(pairs, "day"), field(pairs, "month"), field(pairs, "year"));
                if d.is_empty() && m.is_empty() && y.is_empty() {
                    return Err(err("cb-d", w.date_missing));
                }
                let num = |s: &str| s.parse::<u16>().ok();
                match (num(d), num(m), num(y)) {
                    (Some(d), Some(m), Some(y)) if y >= 1000 && m <= 12 && d <= 31 => {
                        match Date::new(y, m as u8, d as u8) {
                            Ok(date) => Value::Date(date),
                            Err(_) => return Err(err("cb-d", w.date_bad)),
                        }
                    }
                    (None, _, _) => return Err(err("cb-d", w.date_bad)),
                    (_, None, _) => return Err(err("cb-m", w.date_bad)),
                    _ => return Err(err("cb-y", w.date_bad)),
                }
            }
            Ty::Range => return Err(err("cb-q", w.select_one)),
        };
        // The question's own bounds, in words people use.
        let amount = match &v {
            Value::Periodic(m, _) => Value::Money(*m),
            other => other.clone(),
        };
        let shown = |b: &Value| match b {
            Value::Date(d) => long_date(*d, w.lang),
            Value::Money(m) => m.to_string(),
            Value::Number(d) => d.normalize().to_string(),
            other => carebudget_core::value::plain(other),
        };
        let is_date = matches!(v, Value::Date(_));
        let cmp = |b: &Value| carebudget_core::value::compare(&amount, b);
        if let Some(lo) = &info.min
            && cmp(lo) == Some(std::cmp::Ordering::Less)
        {
            let t = if is_date { w.date_from } else { w.at_least };
            return Err(err(
                if is_date { "cb-d" } else { "cb-q" },
                &fill_from(t, &[("v", &shown(lo))]),
            ));
        }
        if let Some(hi) = &info.max
            && cmp(hi) == Some(std::cmp::Ordering::Greater)
        {
            let t = if is_date { w.date_to } else { w.at_most };
            return Err(err(
                if is_date { "cb-d" } else { "cb-q" },
                &fill_from(t, &[("v", &shown(hi))]),
            ));
        }
        Ok(v)
    }

    // ---------------------------------------------------------------- rendering

    /// ` lang="en"` on ruleset text when the widget speaks another language.
    /// The phrases the widget shares with explanations, receipts and rules pages, in the
    /// widget's language: one wording of each, wherever it is shown.
    fn ew(&self) -> &'static carebudget_core::explain::Words {
        carebudget_core::explain::Words::for_lang(self.w.lang)
    }

    fn rl(&self) -> &'static str {
        if self.rules_lang == self.w.lang {
            ""
        } else {
            " lang=\"en\""
        }
    }

    fn text(&self, t: &Text) -> String {
        esc(t.say(self.rules_lang, self.for_other))
    }

    /// The question as this reader should see it.
    fn question(&self, i: u32) -> String {
        esc(&carebudget_core::explain::question_text(
            &self.program,
            i,
            self.rules_lang,
            self.for_other,
        ))
    }

    fn label(&self, i: u32) -> String {
        let q = &self.program.info.inputs[i as usize];
        match &q.label {
            Some(l) => self.text(l),
            None => self.question(i),
        }
    }

    pub fn render(&self) -> String {
        self.render_announced().0
    }

    /// The page's markup and what the live region should say, from one evaluation: the
    /// result page and its announcement share their explanation (explaining twice made an
    /// answer change's Rust time 3.1–3.6 ms instead of 1.8–2.1 ms, measured in Chromium).
    pub fn render_announced(&self) -> (String, Option<String>) {
        match self.page {
            Page::Start => (self.render_start(), None),
            Page::Question(i) => (self.render_question(i), None),
            Page::Check => (self.render_check(), None),
            Page::Result => {
                let (ev, report) = self.explained();
                (self.render_result(&ev, &report), Some(self.announce(&report)))
            }
        }
    }

    fn back_link(&self) -> String {
        format!("<a href=\"#\" class=\"cb-back\" data-act=\"back\">{}</a>", self.w.back)
    }

    /// The heading, focused when the page was reached by a step.
    fn h1(&self, inner: &str, class: &str) -> String {
        format!(
            "<h1 class=\"{class}\" tabindex=\"-1\"{}>{inner}</h1>",
            if self.moved && self.errors.is_empty() {
                " data-autofocus"
            } else {
                ""
            }
        )
    }

    fn notices(&self) -> String {
        let rs = &self.program.info;
        let mut out = String::new();
        if rs.illustrative {
            out += &format!("<p class=\"cb-notice\">{}</p>", self.ew().illustrative);
        }
        if let Some(n) = &rs.notice {
            out += &format!("<p class=\"cb-notice\"{}>{}</p>", self.rl(), self.text(n));
        }
        if self.w.lang != self.rules_lang {
            out += &format!("<p class=\"cb-notice\">{}</p>", self.w.no_welsh);
        }
        out
    }

    /// Which year's figures the rules use, and, on a date outside that period, that they may
    /// have changed: said before anyone answers a question.
    fn figures_note(&self) -> String {
        let Some(in_force) = self.program.info.in_force else {
            return String::new();
        };
        let lang = self.rules_lang;
        let ew = carebudget_core::explain::Words::for_lang(lang);
        let period = carebudget_core::explain::period_words(in_force, lang);
        let mut h = format!(
            "<p data-figures{}>{}</p>",
            self.rl(),
            esc(&fill_from(ew.figures_for, &[("period", &period)]))
        );
        if let Some(note) = carebudget_core::explain::out_of_force(Some(in_force), self.as_of, lang) {
            h += &format!(
                "<p class=\"cb-notice\" data-out-of-force><strong>{}</strong> <span{}>{}</span></p>",
                self.w.please_note,
                self.rl(),
                esc(&note)
            );
        }
        h
    }

    fn render_start(&self) -> String {
        let w = self.w;
        let rs = &self.program.info;
        // About 20 seconds a question, for the questions anyone could be asked.
        let ev = self.evaluate(false);
        let possible = ev.asked.iter().filter(|a| **a != Some(false)).count();
        let minutes = (possible * 20).div_ceil(60).clamp(2, 30);
        let mut h = String::new();
        h += &self.h1(w.start_h1, "cb-xl");
        h += &format!("<p>{}</p><ul class=\"cb-list\">", w.start_gives);
        for li in w.start_list {
            h += &format!("<li>{li}</li>");
        }
        h += "</ul>";
        h += &format!(
            "<p>{}</p>",
            fill_from(
                &esc(w.start_rules),
                &[
                    ("title", &format!("<span{}>{}</span>", self.rl(), self.text(&rs.title))),
                    ("version", &esc(&rs.version)),
                ],
            )
        );
        h += &self.figures_note();
        h += &format!("<p>{}</p>", fill_from(w.takes, &[("n", &minutes.to_string())]));
        h += &format!("<p class=\"cb-inset\">{}</p>", w.private);
        h += &format!("<p>{}</p>", w.estimate_only);
        h += &self.notices();
        h += &format!(
            "<form data-form=\"start\" novalidate><div class=\"cb-group\"><div class=\"cb-checkboxes\"><div class=\"cb-check\">\
             <input class=\"cb-check-input\" id=\"cb-for-other\" name=\"for_other\" type=\"checkbox\" value=\"yes\" aria-describedby=\"cb-for-other-hint\"{}>\
             <label class=\"cb-check-label\" for=\"cb-for-other\">{}</label>\
             <div id=\"cb-for-other-hint\" class=\"cb-hint cb-check-hint\">{}</div></div></div></div>\
             <button type=\"submit\" class=\"cb-button cb-start\">{} <span aria-hidden=\"true\">→</span></button></form>",
            if self.for_other { " checked" } else { "" },
            w.for_other_label,
            w.for_other_hint,
            w.start_button,
        );
        h
    }

    fn error_summary(&self) -> String {
        if self.errors.is_empty() {
            return String::new();
        }
        let mut h = format!(
            "<div class=\"cb-error-summary\" role=\"alert\" tabindex=\"-1\" data-autofocus><h2 class=\"cb-m\">{}</h2><ul class=\"cb-list\">",
            self.w.problem
        );
        for e in &self.errors {
            h += &format!(
                "<li><a href=\"#\" data-act=\"focus\" data-arg=\"{}\">{}</a></li>",
                e.field,
                esc(&e.message)
            );
        }
        h + "</ul></div>"
    }

    fn error_for(&self, fields: &[&str]) -> Option<&FieldError> {
        self.errors.iter().find(|e| fields.contains(&e.field))
    }

    fn error_message(&self, e: Option<&FieldError>, id: &str) -> String {
        match e {
            Some(e) => format!(
                "<p id=\"{id}\" class=\"cb-error-message\"><span class=\"cb-vh\">{}</span> {}</p>",
                self.w.error,
                esc(&e.message)
            ),
            None => String::new(),
        }
    }

    /// The values to show in the form: what was typed (after an error), else the answer held.
    fn prefill(&self, i: u32) -> Vec<(String, String)> {
        if !self.draft.is_empty() {
            return self.draft.clone();
        }
        let s = |k: &str, v: String| (k.to_owned(), v);
        let money = |m: Money| {
            if m.pence() % 100 == 0 {
                (m.pence() / 100).to_string()
            } else {
                m.plain()
            }
        };
        match &self.answers[i as usize] {
            None => Vec::new(),
            Some(Value::Choice(c)) => vec![s("answer", c.clone())],
            Some(Value::Bool(b)) => vec![s("answer", if *b { "yes" } else { "no" }.into())],
            Some(Value::Choices(cs)) if cs.is_empty() => vec![s("answer", "-none".into())],
            Some(Value::Choices(cs)) => cs.iter().map(|c| s("answer", c.clone())).collect(),
            Some(Value::Money(m)) => vec![s("answer", money(*m))],
            Some(Value::Periodic(m, p)) => vec![s("amount", money(*m)), s("period", p.name().into())],
            Some(Value::Number(d)) => vec![s("answer", d.normalize().to_string())],
            Some(Value::Date(d)) => vec![
                s("day", d.day.to_string()),
                s("month", d.month.to_string()),
                s("year", d.year.to_string()),
            ],
            Some(Value::Range(..)) => Vec::new(),
        }
    }

    fn render_question(&self, i: u32) -> String {
        let w = self.w;
        let rs = &self.program.info;
        let q = &rs.inputs[i as usize];
        let info = &self.program.inputs[i as usize];
        let ev = self.evaluate(false);
        let fill = self.prefill(i);
        let has = |k: &str, v: &str| fill.iter().any(|(a, b)| a == k && b == v);
        let val = |k: &str| esc(field(&fill, k));
        let checked = |k: &str, v: &str| if has(k, v) { " checked" } else { "" };

        // Progress: this question's place among those answered and still needed.
        let mut seen = self.answered(&ev);
        seen.extend(self.needed(&ev));
        if !seen.contains(&i) {
            seen.push(i);
        }
        let pos = |x: u32| self.order.iter().position(|&o| o == x).unwrap_or(0);
        let mut seen: Vec<u32> = order_by(seen.len(), |k| pos(seen[k])).map(|k| seen[k]).collect();
        seen.dedup();
        let n = seen.iter().position(|&x| x == i).unwrap_or(0) + 1;

        let section = rs.sections.get(&q.section);
        let caption = section
            .map(|s| format!("<span class=\"cb-caption\"{}>{}</span>", self.rl(), self.text(&s.title)))
            .unwrap_or_default();
        // A section's introduction, on its first question.
        let first_in_section = !seen
            .iter()
            .any(|&x| pos(x) < pos(i) && rs.inputs[x as usize].section == q.section);
        let intro = match section.and_then(|s| s.intro.as_ref()) {
            Some(t) if first_in_section => format!("<p class=\"cb-intro\"{}>{}</p>", self.rl(), self.text(t)),
            _ => String::new(),
        };
        let hint = q
            .hint
            .as_ref()
            .map(|t| {
                format!(
                    "<div id=\"cb-hint\" class=\"cb-hint\"{}>{}</div>",
                    self.rl(),
                    self.text(t)
                )
            })
            .unwrap_or_default();
        let err_q = self.error_for(&["cb-q", "cb-d", "cb-m", "cb-y"]);
        let describe = |extra: &str| {
            let mut ids = Vec::new();
            if !hint.is_empty() {
                ids.push("cb-hint");
            }
            if !extra.is_empty() {
                ids.push(extra);
            }
            if err_q.is_some() {
                ids.push("cb-error");
            }
            if ids.is_empty() {
                String::new()
            } else {
                format!(
                    " aria-describedby=\"{}\"",
                    ids.iter().map(|s| s.to_string()).collect::<Vec<String>>().join(" ")
                )
            }
        };
        let group = |inner: String, err: bool| {
            format!(
                "<div class=\"cb-group{}\">{inner}</div>",
                if err { " cb-group-error" } else { "" }
            )
        };
        let title = self.question(i);
        let legend = format!(
            "<legend class=\"cb-legend\">{caption}{}</legend>",
            self.h1(&format!("<span{}>{title}</span>", self.rl()), "cb-l")
        );
        let error_q = self.error_message(err_q, "cb-error");
        let input_err = if err_q.is_some() { " cb-input-error" } else { "" };

        let radios = |items: &[(String, String, Option<String>)], name: &str, first_id: &str, inline: bool| {
            let mut h = format!("<div class=\"cb-radios{}\">", if inline { " cb-inline" } else { "" });
            for (k, (value, label, hint)) in items.iter().enumerate() {
                let id = if k == 0 {
                    first_id.to_owned()
                } else {
                    format!("{first_id}-{k}")
                };
                let hint_html = hint
                    .as_ref()
                    .map(|t| format!("<div id=\"{id}-hint\" class=\"cb-hint cb-radio-hint\">{t}</div>"))
                    .unwrap_or_default();
                h += &format!(
                    "<div class=\"cb-radio\"><input class=\"cb-radio-input\" id=\"{id}\" name=\"{name}\" type=\"radio\" value=\"{}\"{}{}>\
                     <label class=\"cb-radio-label\" for=\"{id}\">{label}</label>{hint_html}</div>",
                    esc(value),
                    checked(name, value),
                    if hint.is_some() {
                        format!(" aria-describedby=\"{id}-hint\"")
                    } else {
                        String::new()
                    },
                );
            }
            h + "</div>"
        };
        let options = |with_hints: bool| -> Vec<(String, String, Option<String>)> {
            q.options
                .iter()
                .map(|(k, c)| {
                    (
                        k.clone(),
                        format!("<span{}>{}</span>", self.rl(), self.text(&c.label)),
                        c.hint
                            .as_ref()
                            .filter(|_| with_hints)
                            .map(|t| format!("<span{}>{}</span>", self.rl(), self.text(t))),
                    )
                })
                .collect()
        };

        let body = match info.ty {
            Ty::Choice(_) | Ty::Bool => {
                let items = if info.ty == Ty::Bool {
                    vec![
                        ("yes".to_owned(), self.ew().yes.to_owned(), None),
                        ("no".to_owned(), self.ew().no.to_owned(), None),
                    ]
                } else {
                    options(true)
                };
                group(
                    format!(
                        "<fieldset class=\"cb-fieldset\"{}>{legend}{intro}{hint}{error_q}{}</fieldset>",
                        describe(""),
                        radios(&items, "answer", "cb-q", info.ty == Ty::Bool)
                    ),
                    err_q.is_some(),
                )
            }
            Ty::Choices(_) => {
                let mut boxes = String::from("<div class=\"cb-checkboxes\">");
                let has_none = q.options.keys().any(|k| k == "none");
                for (k, (value, label, hint)) in options(true).into_iter().enumerate() {
                    let id = if k == 0 { "cb-q".to_owned() } else { format!("cb-q-{k}") };
                    if value == "none" {
                        boxes += &format!("<div class=\"cb-divider\">{}</div>", w.or);
                    }
                    let hint_html = hint
                        .as_ref()
                        .map(|t| format!("<div id=\"{id}-hint\" class=\"cb-hint cb-check-hint\">{t}</div>"))
                        .unwrap_or_default();
                    boxes += &format!(
                        "<div class=\"cb-check\"><input class=\"cb-check-input\" id=\"{id}\" name=\"answer\" type=\"checkbox\" value=\"{}\"{}{}{}>\
                         <label class=\"cb-check-label\" for=\"{id}\">{label}</label>{hint_html}</div>",
                        esc(&value),
                        checked("answer", &value),
                        if value == "none" { " data-exclusive" } else { "" },
                        if hint.is_some() {
                            format!(" aria-describedby=\"{id}-hint\"")
                        } else {
                            String::new()
                        },
                    );
                }
                if !has_none {
                    boxes += &format!(
                        "<div class=\"cb-divider\">{}</div><div class=\"cb-check\"><input class=\"cb-check-input\" id=\"cb-q-none\" name=\"answer\" type=\"checkbox\" value=\"-none\" data-exclusive{}>\
                         <label class=\"cb-check-label\" for=\"cb-q-none\">{}</label></div>",
                        w.or,
                        checked("answer", "-none"),
                        w.none_of_these
                    );
                }
                boxes += "</div>";
                group(
                    format!(
                        "<fieldset class=\"cb-fieldset\"{}>{legend}{intro}{hint}{error_q}{boxes}</fieldset>",
                        describe("")
                    ),
                    err_q.is_some(),
                )
            }
            Ty::Periodic => {
                let err_p = self.error_for(&["cb-p"]);
                let items: Vec<(String, String, Option<String>)> = info
                    .periods
                    .iter()
                    .map(|p| (p.name().to_owned(), w.periods[p.index()].to_owned(), None))
                    .collect();
                let amount = group(
                    format!(
                        "<label class=\"cb-label\" for=\"cb-q\">{}</label>{error_q}<div class=\"cb-prefix-wrap\"><span class=\"cb-prefix\" aria-hidden=\"true\">£</span>\
                         <input class=\"cb-input cb-w10{input_err}\" id=\"cb-q\" name=\"amount\" type=\"text\" inputmode=\"decimal\" spellcheck=\"false\" autocomplete=\"off\" value=\"{}\"{}></div>",
                        w.amount,
                        val("amount"),
                        describe("")
                    ),
                    err_q.is_some(),
                );
                let often = group(
                    format!(
                        "<fieldset class=\"cb-fieldset\"{}><legend class=\"cb-legend cb-legend-s\">{}</legend>{}{}</fieldset>",
                        if err_p.is_some() {
                            " aria-describedby=\"cb-error-p\""
                        } else {
                            ""
                        },
                        w.how_often,
                        self.error_message(err_p, "cb-error-p"),
                        radios(&items, "period", "cb-p", false)
                    ),
                    err_p.is_some(),
                );
                format!(
                    "<fieldset class=\"cb-fieldset\"{}>{legend}{intro}{hint}{amount}{often}</fieldset>",
                    describe("")
                )
            }
            Ty::Date => {
                let part = |id: &str, name: &str, label: &str, width: &str| {
                    format!(
                        "<div class=\"cb-date-item\"><label class=\"cb-label\" for=\"{id}\">{label}</label>\
                         <input class=\"cb-input cb-date-input {width}{}\" id=\"{id}\" name=\"{name}\" type=\"text\" inputmode=\"numeric\" spellcheck=\"false\" value=\"{}\"></div>",
                        input_err,
                        val(name)
                    )
                };
                group(
                    format!(
                        "<fieldset class=\"cb-fieldset\" role=\"group\"{}>{legend}{intro}{hint}<div id=\"cb-date-hint\" class=\"cb-hint\">{}</div>{error_q}<div class=\"cb-date\">{}{}{}</div></fieldset>",
                        describe("cb-date-hint"),
                        w.date_hint,
                        part("cb-d", "day", w.day, "cb-w2"),
                        part("cb-m", "month", w.month, "cb-w2"),
                        part("cb-y", "year", w.year, "cb-w4"),
                    ),
                    err_q.is_some(),
                )
            }
            Ty::Money | Ty::Number | Ty::Range => {
                let (prefix, mode) = if info.ty == Ty::Money {
                    ("<span class=\"cb-prefix\" aria-hidden=\"true\">£</span>", "decimal")
                } else if info.kind == InputType::WholeNumber {
                    ("", "numeric")
                } else {
                    ("", "decimal")
                };
                group(
                    format!(
                        "{caption}{}{intro}{hint}{error_q}<div class=\"cb-prefix-wrap\">{prefix}<input class=\"cb-input cb-w10{input_err}\" id=\"cb-q\" name=\"answer\" type=\"text\" inputmode=\"{mode}\" spellcheck=\"false\" autocomplete=\"off\" value=\"{}\"{}></div>",
                        self.h1(
                            &format!("<label for=\"cb-q\"{}>{title}</label>", self.rl()),
                            "cb-l cb-label-wrap"
                        ),
                        val("answer"),
                        describe("")
                    ),
                    err_q.is_some(),
                )
            }
        };
        format!(
            "{}<form data-form=\"question\" data-input=\"{}\" novalidate>{}{body}<button type=\"submit\" class=\"cb-button\">{}</button></form><p class=\"cb-progress\">{}</p>",
            self.back_link(),
            esc(&info.id),
            self.error_summary(),
            w.continue_,
            fill_from(w.question_of, &[("n", &n.to_string()), ("m", &seen.len().to_string())]),
        )
    }

    /// An answer in words, as check-your-answers shows it.
    fn answer_text(&self, i: u32) -> String {
        let w = self.w;
        let q = &self.program.info.inputs[i as usize];
        let opt = |c: &str| q.options.get(c).map(|o| self.text(&o.label)).unwrap_or_else(|| esc(c));
        match &self.answers[i as usize] {
            None => String::new(),
            Some(Value::Choice(c)) => opt(c),
            Some(Value::Choices(cs)) if cs.is_empty() => w.none_of_these.to_owned(),
            Some(Value::Choices(cs)) => cs.iter().map(|c| opt(c)).collect::<Vec<_>>().join("<br>"),
            Some(Value::Bool(b)) => (if *b { self.ew().yes } else { self.ew().no }).to_owned(),
            Some(Value::Money(m)) => m.to_string(),
            Some(Value::Periodic(m, p)) => {
                let per = w.periods[p.index()];
                let mut cs = per.chars();
                let lower: String = cs
                    .next()
                    .map(|c| c.to_lowercase().chain(cs).collect())
                    .unwrap_or_default();
                format!("{m} {lower}")
            }
            Some(Value::Number(d)) => d.normalize().to_string(),
            Some(Value::Date(d)) => long_date(*d, w.lang),
            Some(Value::Range(..)) => String::new(),
        }
    }

    /// The answers given, by section, with "Change" links when `change` is set.
    fn summary(&self, ev: &Evaluation, change: bool) -> String {
        let w = self.w;
        let rs = &self.program.info;
        let row = |key: &str, value: &str, arg: &str, key_lang: &str| {
            let action = if change {
                format!(
                    "<dd class=\"cb-sl-actions\"><a href=\"#\" data-act=\"change\" data-arg=\"{}\">{}<span class=\"cb-vh\"> {}</span></a></dd>",
                    esc(arg),
                    w.change,
                    key
                )
            } else {
                String::new()
            };
            format!(
                "<div class=\"cb-sl-row\"><dt class=\"cb-sl-key\"{key_lang}>{key}</dt><dd class=\"cb-sl-value\"{key_lang} data-answer=\"{}\">{value}</dd>{action}</div>",
                esc(arg)
            )
        };
        let mut h = format!(
            "<dl class=\"cb-sl\">{}</dl>",
            row(
                w.for_whom,
                if self.for_other { w.someone_else } else { w.myself },
                "",
                ""
            )
        );
        let answered = self.answered(ev);
        for (s_id, s) in rs.sections.iter().chain(std::iter::once((
            &String::new(),
            &carebudget_core::program::SectionText {
                title: Text::default(),
                intro: None,
            },
        ))) {
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
                h += &format!("<h3 class=\"cb-s\"{}>{}</h3>", self.rl(), self.text(&s.title));
            }
            h += "<dl class=\"cb-sl\">";
            for i in rows {
                h += &row(
                    &self.label(i),
                    &self.answer_text(i),
                    &self.program.inputs[i as usize].id,
                    self.rl(),
                );
            }
            h += "</dl>";
        }
        h
    }

    fn render_check(&self) -> String {
        let w = self.w;
        let ev = self.evaluate(false);
        format!(
            "{}{}<h2 class=\"cb-vh\">{}</h2>{}<form data-form=\"check\" novalidate><button type=\"submit\" class=\"cb-button\">{}</button></form>",
            self.back_link(),
            self.h1(w.check_h1, "cb-l"),
            pick(w.answers_h2, self.for_other),
            self.summary(&ev, true),
            w.see_result
        )
    }

    fn source_link(&self, s: &SourceInfo) -> String {
        let mut title = esc(&s.title);
        if let Some(p) = &s.paragraph {
            title += &format!(", {}", esc(p));
        }
        match s.url.as_deref().and_then(carebudget_html::web_url) {
            Some(u) => format!(
                "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\" class=\"cb-link\">{title}<span class=\"cb-vh\"> {}</span></a>",
                esc(u),
                self.w.new_tab
            ),
            None => title,
        }
    }

    /// The `<li>`s of one card's steps. `shown` holds the steps earlier cards already
    /// explained: those are named by title and value only, so a step several answers share
    /// (the charge feeds what the council pays) is explained once and the page stays small.
    fn steps_list(&self, o: &OutputReport, merged: bool, shown: &mut Vec<String>) -> String {
        let w = self.w;
        let mut h = String::new();
        for s in &o.steps {
            if insert_sorted(shown, s.rule.clone()) {
                h += &self.render_step(s, merged);
            } else {
                h += &format!(
                    "<li class=\"cb-step cb-step-seen\" data-step=\"{}\"><p class=\"cb-step-title\"><strong>{}</strong>: <span data-step-value>{}</span> <span class=\"cb-seen\">({})</span></p></li>",
                    esc(&s.rule),
                    esc(&s.title),
                    esc(&s.value),
                    w.seen_above
                );
            }
        }
        h
    }

    fn render_step(&self, s: &Step, merged: bool) -> String {
        let w = self.w;
        let mut h = format!(
            "<li class=\"cb-step\" data-step=\"{}\"><p class=\"cb-step-title\"><strong>{}</strong>: <span data-step-value>{}</span></p>",
            esc(&s.rule),
            esc(&s.title),
            esc(&s.value)
        );
        if s.text != format!("{}: {}", s.title, s.value) {
            h += &format!("<p>{}</p>", esc(&s.text));
        }
        if !s.because.is_empty() {
            h += "<ul class=\"cb-list cb-because\">";
            for b in &s.because {
                h += &format!("<li>{}</li>", esc(b));
            }
            h += "</ul>";
        }
        let list = |kind: UseKind, title: &str| {
            let items: Vec<String> = s
                .uses
                .iter()
                .filter(|u| u.kind == kind)
                .map(|u| {
                    let mut li = format!("{}: {}", esc(&u.label), esc(&u.value));
                    if let Some(f) = &u.from {
                        li += &format!(", {}", esc(&fill_from(w.from_date, &[("date", f)])));
                    }
                    if u.unverified {
                        li += &format!(" <strong class=\"cb-tag\">{}</strong>", self.ew().unverified);
                    }
                    if let Some(src) = &u.source {
                        li += &format!(" ({}: {})", w.source, self.source_link(src));
                    }
                    format!("<li>{li}</li>")
                })
                .collect();
            if items.is_empty() {
                String::new()
            } else {
                format!(
                    "<p class=\"cb-uses-title\">{title}</p><ul class=\"cb-list cb-uses\">{}</ul>",
                    items.concat()
                )
            }
        };
        h += &list(UseKind::Figure, w.figures_used);
        h += &list(UseKind::Answer, w.answers_used);
        let mut foot = Vec::new();
        if let Some(src) = &s.source {
            foot.push(format!("{}: {}", w.source, self.source_link(src)));
        }
        if merged && let Some(o) = &s.origin {
            // The ruleset's title, not its id: "From: England — Care Act eligibility…".
            let info = &self.program.info;
            let title = if *o == info.id {
                Some(&info.title)
            } else {
                info.based_on.get(o)
            };
            let name = match title {
                Some(t) => format!("<span{}>{}</span>", self.rl(), self.text(t)),
                None => esc(o),
            };
            foot.push(fill_from(w.national, &[("ruleset", &name)]));
        }
        if !foot.is_empty() {
            h += &format!("<p class=\"cb-step-source\">{}</p>", foot.join(". "));
        }
        h + "</li>"
    }

    /// One result card; its steps are drawn when opened ([`App::steps_html`]).
    fn render_output(&self, o: &OutputReport) -> String {
        let w = self.w;
        let weekly = matches!(o.role, Role::Budget | Role::Contribution | Role::CouncilShare)
            || matches!(
                o.value,
                Some(carebudget_core::explain::ValueOut::Money { .. })
                    | Some(carebudget_core::explain::ValueOut::Range { .. })
            ) && o.role != Role::Other;
        let mut h = format!(
            "<section class=\"cb-card cb-role-{}\" data-output=\"{}\" aria-labelledby=\"cb-o-{}\"><h2 class=\"cb-m\" id=\"cb-o-{}\">{}</h2>",
            role_name(o.role),
            esc(&o.id),
            esc(&o.id),
            esc(&o.id),
            esc(&o.label)
        );
        h += &format!(
            "<p class=\"cb-figure\" data-status=\"{}\"><span data-value>{}</span>{}</p>",
            o.status.name(),
            esc(&o.text),
            if weekly && o.status == Status::Known {
                format!(" <span class=\"cb-per\">{}</span>", w.a_week)
            } else {
                String::new()
            }
        );
        let own = o.steps.last();
        match (&o.value, o.role) {
            (Some(carebudget_core::explain::ValueOut::YesNo { value: true }), Role::Eligibility) => {
                h += &format!("<p>{}</p>", pick(w.eligible_yes, self.for_other));
            }
            (Some(carebudget_core::explain::ValueOut::YesNo { value: false }), Role::Eligibility) => {
                h += &format!(
                    "<p>{}</p><ul class=\"cb-list cb-not-met\">",
                    pick(w.eligible_no, self.for_other)
                );
                for b in own.map(|s| s.because.as_slice()).unwrap_or_default() {
                    h += &format!("<li>{}</li>", esc(b));
                }
                h += "</ul>";
            }
            _ => {}
        }
        if o.status == Status::Unknown && !o.needs.is_empty() {
            h += &format!("<p>{}</p><ul class=\"cb-list\">", w.still_needed);
            for n in &o.needs {
                h += &format!("<li>{}</li>", esc(&n.question));
            }
            h += "</ul>";
        }
        if let Some(e) = &o.error {
            h += &format!("<p class=\"cb-error-message\">{} {}</p>", w.could_not, esc(e));
        }
        // What would change this: the threshold the figures came nearest to crossing (every
        // other is in its step, under "How we worked this out").
        if let Some(n) = &o.nearest {
            h += &format!(
                "<h3 class=\"cb-s\">{}</h3><p class=\"cb-change\">{}</p>",
                w.what_change,
                esc(n)
            );
        }
        if !o.steps.is_empty() {
            h += &format!(
                "<details class=\"cb-details\" data-steps=\"{}\"><summary class=\"cb-summary\">{}</summary><ol class=\"cb-steps\"></ol></details>",
                esc(&o.id),
                w.how_worked
            );
        }
        h + "</section>"
    }

    /// The result cards in the order shown: eligibility first, then the budget, then who
    /// pays, then anything else. An answer that does not apply to the person (a carer's
    /// eligibility, for someone checking their own care) is left out, not shown as "No".
    fn ordered(report: &Report) -> Vec<&OutputReport> {
        let rank = |r: Role| match r {
            Role::Eligibility => 0,
            Role::Budget => 1,
            Role::Contribution => 2,
            Role::CouncilShare => 3,
            Role::Other => 4,
        };
        let outs: Vec<&OutputReport> = report
            .outputs
            .iter()
            .filter(|o| o.status != Status::NotApplicable)
            .collect();
        order_by(outs.len(), |k| rank(outs[k].role)).map(|k| outs[k]).collect()
    }

    /// The steps of result card `output` ("How we worked this out"), drawn when it is first
    /// opened rather than with the page: they are most of a result page's markup, and an
    /// answer change should redraw within a frame. Steps an earlier card explains are named
    /// there with their value only, exactly as if every card were drawn at once.
    pub fn steps_html(&self, output: &str) -> Option<String> {
        self.cards_steps(Some(output)).pop().map(|(_, h)| h)
    }

    /// Every card's steps, from one explanation (for printing).
    pub fn all_steps_html(&self) -> Vec<(String, String)> {
        self.cards_steps(None)
    }

    /// `(output id, steps)` for card `only`, or for every card. Earlier cards' steps only
    /// count as shown; their markup is not written unless asked for.
    fn cards_steps(&self, only: Option<&str>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.page != Page::Result {
            return out;
        }
        let report = self.report();
        let merged = !self.program.info.based_on.is_empty();
        let mut shown = Vec::new();
        for o in Self::ordered(&report) {
            if only.is_none_or(|id| id == o.id) {
                out.push((o.id.clone(), self.steps_list(o, merged, &mut shown)));
                if only.is_some() {
                    break;
                }
            } else {
                for s in &o.steps {
                    insert_sorted(&mut shown, s.rule.clone());
                }
            }
        }
        out
    }

    fn render_result(&self, ev: &Evaluation, report: &Report) -> String {
        let w = self.w;
        let rs = &self.program.info;
        let merged = !rs.based_on.is_empty();
        let mut h = self.back_link();
        h += &format!(
            "<p class=\"cb-print-only cb-receipt\">{} — {}</p>",
            w.receipt,
            esc(&fill_from(w.printed, &[("date", &long_date(self.today, w.lang))]))
        );
        h += &self.h1(pick(w.result_h1, self.for_other), "cb-l");
        h += &self.notices();
        for warn in &report.warnings {
            h += &format!(
                "<p class=\"cb-notice\"><strong>{}</strong> <span{}>{}</span></p>",
                w.please_note,
                self.rl(),
                esc(warn)
            );
        }
        if self.for_other && self.program.info.says_you {
            h += &format!("<p class=\"cb-notice\">{}</p>", w.rules_say_you);
        }
        h += &format!("<div class=\"cb-results\"{}>", self.rl());
        for o in Self::ordered(report) {
            h += &self.render_output(o);
        }
        h += "</div>";
        let ew = carebudget_core::explain::Words::for_lang(self.rules_lang);
        if let Some(l) = &report.later {
            h += &format!(
                "<div class=\"cb-later\" data-later{}><p>{}</p><ul class=\"cb-list\">",
                self.rl(),
                esc(&l.heading)
            );
            for c in &l.changes {
                h += &format!("<li>{}</li>", esc(c));
            }
            h += "</ul></div>";
        }
        if let Some(period) = &report.period {
            h += &format!(
                "<p data-figures{}>{}</p>",
                self.rl(),
                esc(&fill_from(ew.figures_for, &[("period", period)]))
            );
        }
        if !report.limitations.is_empty() {
            h += &format!(
                "<h2 class=\"cb-m\"{}>{}</h2><ul class=\"cb-list\" data-limitations{}>",
                self.rl(),
                ew.limitations,
                self.rl()
            );
            for l in &report.limitations {
                h += &format!("<li>{}</li>", esc(l));
            }
            h += "</ul>";
        }
        h += &format!(
            "<h2 class=\"cb-m\">{}</h2><p>{}</p><h2 class=\"cb-m\">{}</h2><p>{}</p><p>{}</p>",
            w.caveat_h2,
            pick(w.caveat, self.for_other),
            w.next_h2,
            pick(w.next_assess, self.for_other),
            w.next_receipt
        );
        h += &format!(
            "<div class=\"cb-actions cb-no-print\"><button type=\"button\" class=\"cb-button\" data-act=\"print\">{}</button> \
             <button type=\"button\" class=\"cb-button cb-secondary\" data-act=\"restart\">{}</button></div>",
            w.print, w.start_again
        );
        h += &format!(
            "<h2 class=\"cb-m\">{}</h2>{}",
            pick(w.answers_h2, self.for_other),
            self.summary(ev, true)
        );
        h += &format!("<h2 class=\"cb-m\">{}</h2><dl class=\"cb-sl cb-about\">", w.about_h2);
        let mut about = |k: &str, v: String| {
            h += &format!(
                "<div class=\"cb-sl-row\"><dt class=\"cb-sl-key\">{k}</dt><dd class=\"cb-sl-value\">{v}</dd></div>"
            );
        };
        about(
            w.rules,
            format!("<span{}>{}</span>", self.rl(), esc(&report.ruleset.title)),
        );
        about(w.publisher, esc(&report.ruleset.publisher));
        about(
            w.version,
            format!("<span data-version>{}</span>", esc(&report.ruleset.version)),
        );
        about(w.as_of, long_date(self.as_of, w.lang));
        if merged {
            let titles: Vec<String> = rs.based_on.iter().map(|(_, t)| self.text(t)).collect();
            about(w.based_on, format!("<span{}>{}</span>", self.rl(), titles.join("; ")));
        }
        about(
            w.fingerprint,
            match &self.sha256 {
                Some(h) => format!("<code class=\"cb-hash\" data-sha256>{}</code>", esc(h)),
                None => w.no_fingerprint.to_owned(),
            },
        );
        h += "</dl>";
        if let Some(p) = &self.rules_page {
            h += &format!("<p><a class=\"cb-link\" href=\"{}\">{}</a></p>", esc(p), w.rules_page);
        }
        h
    }

    /// What the live region says once a result is shown.
    pub fn announcement(&self) -> Option<String> {
        (self.page == Page::Result).then(|| self.announce(&self.report()))
    }

    fn announce(&self, report: &Report) -> String {
        let mut s = self.w.ready.to_owned();
        for o in &report.outputs {
            s += &format!(" {}: {}.", o.label, o.text);
        }
        s
    }
}

fn read_money(t: &str, w: &Words) -> Result<Money, String> {
    if t.is_empty() {
        return Err(w.money_missing.to_owned());
    }
    let t = t.trim_start_matches('£').trim();
    if t.starts_with('-') || t.starts_with('−') {
        return Err(w.money_bad.to_owned());
    }
    Money::parse(t).map_err(|_| w.money_bad.to_owned())
}

fn role_name(r: Role) -> &'static str {
    match r {
        Role::Eligibility => "eligibility",
        Role::Budget => "budget",
        Role::Contribution => "contribution",
        Role::CouncilShare => "council-share",
        Role::Other => "other",
    }
}

/// `0..n` in order of `key`, ties in index order. The lists are short (questions, answers,
/// sections), so each index is inserted after its equals: a sort routine would cost the
/// widget's module several KB per instantiation for no gain here.
fn order_by(n: usize, key: impl Fn(usize) -> usize) -> impl Iterator<Item = usize> {
    let mut keyed: Vec<(usize, usize)> = Vec::with_capacity(n);
    for i in 0..n {
        let k = key(i);
        keyed.insert(keyed.partition_point(|&(other, _)| other <= k), (k, i));
    }
    keyed.into_iter().map(|(_, i)| i)
}
