//! The journey: state, what each step does with the answers, and each page as HTML.
//!
//! No DOM here: `submit` and `act` take what the page sent and change the state; `render`
//! returns the page's markup. `dom.rs` puts the markup into the shadow root and forwards
//! events, so this part runs (and is tested) anywhere.
//!
//! Pages are built with [`carebudget_html::Html`], which takes markup only as our own
//! `&'static str`s and escapes every other string: a ruleset is data, and a label
//! containing `<script>` is shown as those characters, by type rather than by care.
//!
//! This file is the journey's state machine. The rest, by concern: reading an answer from
//! the form (`read`), what every page shares (`page`), the start page (`start`), a question
//! (`question`), check your answers (`check`), the result (`result`) and its steps (`steps`).

mod check;
mod page;
mod question;
mod read;
mod result;
mod start;
mod steps;

use carebudget_core::date::Date;
use carebudget_core::eval::{Answers, Evaluation, evaluate};
use carebudget_core::explain::{Report, explain, later};
use carebudget_core::program::{Program, Value};
use carebudget_core::text::Lang;

use crate::words::Words;

/// Escapes text for HTML content and attribute values: the rules page's one escape function,
/// so the widget and the page cannot disagree on what is safe.
pub use carebudget_html::escape as esc;
#[cfg(feature = "dom")]
pub(crate) use page::{fill, text};

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
    /// Today's date for the receipt; `None` when the device's clock could not be read (the
    /// receipt then gives no date rather than a made-up one).
    pub today: Option<Date>,
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
        today: Option<Date>,
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

    /// Where question `q` comes in the order asked.
    fn position(&self, q: u32) -> usize {
        self.order.iter().position(|&o| o == q).unwrap_or(0)
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
                // The same page again, with the errors and what was typed.
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
                let pos = self.position(q);
                answered
                    .iter()
                    .rev()
                    .find(|&&i| self.position(i) < pos)
                    .map_or(Page::Start, |&i| Page::Question(i))
            }
        }
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
