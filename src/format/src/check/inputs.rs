//! Questions: their types, options, bounds and defaults, what stands in for an unanswered
//! one, and (once the rules are known) when each is asked.

use super::{Checker, Scope};
use crate::model::{IfUnanswered, Input, InputType, ValueType};
use carebudget_core::diagnostic::join;
use carebudget_core::limits::*;
use carebudget_core::literal::Literal;
use carebudget_core::program::*;
use carebudget_core::typing::{answer_value, literal_value};

impl Checker<'_> {
    /// Questions' types and bounds; their `ask_when` conditions come after the rules.
    pub(super) fn inputs_shape(&mut self) -> Vec<InputInfo> {
        let rs = self.rs;
        let mut out = Vec::with_capacity(rs.inputs.len());
        for (i, (id, q)) in rs.inputs.iter().enumerate() {
            out.push(self.input_shape(i, id, q));
        }
        out
    }

    fn input_shape(&mut self, i: usize, id: &str, q: &Input) -> InputInfo {
        let path = join("inputs", id);
        self.question_text(&path, q);
        self.options(&path, q);
        let ty = input_ty(i, q);
        let options: Vec<String> = q.options.keys().cloned().collect();
        let min = self.bound(&path, "min", &q.min, ty);
        let max = self.bound(&path, "max", &q.max, ty);
        let default = (q.default.as_ref()).and_then(|lit| self.answer(join(&path, "default"), lit, ty, &options, q));
        let if_unanswered = (q.if_unanswered.as_ref()).and_then(|u| self.if_unanswered(i, &path, u, ty, &options, q));
        if q.ask_when.is_some() && default.is_none() && q.default.is_none() {
            self.err(
                join(&path, "default"),
                "a question with `ask_when` needs a `default` for when it is not asked",
            );
        }
        InputInfo {
            id: id.to_owned(),
            kind: q.ty,
            ty,
            options,
            periods: q.periods.clone(),
            min,
            max,
            ask_when: None,
            default,
            uses: Vec::new(),
            if_unanswered,
        }
    }

    fn question_text(&mut self, path: &str, q: &Input) {
        if !self.rs.sections.contains_key(&q.section) {
            self.err(
                join(path, "section"),
                format!("there is no section `{}` in `sections`", q.section),
            );
        }
        if q.question.is_empty() {
            self.err(join(path, "question"), "the question has no text");
        }
        // `question_for_other` is the question's own `for_other`, spelled the older way:
        // the program keeps one (see `info`).
        if let Some(t) = &q.question_for_other
            && (q.question.for_other.is_some() || t.for_other.is_some())
        {
            self.err(
                join(path, "question_for_other"),
                "the question is worded for someone else twice: give `question_for_other` or the question's `for_other`, and no `for_other` inside it",
            );
        }
    }

    /// Options belong to choice questions, periods to money questions.
    fn options(&mut self, path: &str, q: &Input) {
        let is_choice = matches!(q.ty, InputType::Choice | InputType::Choices);
        if is_choice && q.options.is_empty() {
            self.err(join(path, "options"), "a choice question needs options");
        }
        if !is_choice && !q.options.is_empty() {
            self.err(join(path, "options"), "only choice questions have options");
        }
        if q.options.len() > MAX_TABLE_ROWS {
            self.err(
                join(path, "options"),
                format!("has {} options; the limit is {MAX_TABLE_ROWS}", q.options.len()),
            );
        }
        for o in q.options.keys() {
            if o.trim().is_empty() || o.len() > 64 {
                self.err(join(&join(path, "options"), o), "an option value is 1 to 64 characters");
            }
        }
        if !q.periods.is_empty() && q.ty != InputType::Money {
            self.err(join(path, "periods"), "only money questions have periods");
        }
    }

    /// `min` or `max`: a figure of the answer's type (per week, for money given per period).
    fn bound(&mut self, path: &str, field: &str, lit: &Option<Literal>, ty: Ty) -> Option<Value> {
        let lit = lit.as_ref()?;
        let bty = if ty == Ty::Periodic { Ty::Money } else { ty };
        if !matches!(bty, Ty::Money | Ty::Number | Ty::Date) {
            self.err(join(path, field), "only money, number and date questions have bounds");
            return None;
        }
        match literal_value(lit, bty, ValueType::Number) {
            Ok(v) => Some(v),
            Err(e) => {
                self.err(join(path, field), e);
                None
            }
        }
    }

    /// An answer written in the ruleset (a default, or one assumed), typed like a person's.
    fn answer(&mut self, path: String, lit: &Literal, ty: Ty, options: &[String], q: &Input) -> Option<Value> {
        match answer_value(lit, ty, options, &q.periods, q.ty) {
            Ok(v) => Some(v),
            Err(e) => {
                self.err(path, e);
                None
            }
        }
    }

    /// The answer to assume when other questions were answered but this one was not.
    fn if_unanswered(
        &mut self,
        i: usize,
        path: &str,
        u: &IfUnanswered,
        ty: Ty,
        options: &[String],
        q: &Input,
    ) -> Option<(Vec<u32>, Value)> {
        let at = join(path, "if_unanswered");
        let mut qs = Vec::with_capacity(u.answered.len());
        for (k, other) in u.answered.iter().enumerate() {
            match self.rs.inputs.get_index_of(other) {
                Some(j) if j != i => qs.push(j as u32),
                Some(_) => self.err(
                    join(&at, &format!("answered[{k}]")),
                    "a question cannot stand in for itself",
                ),
                None => self.err(
                    join(&at, &format!("answered[{k}]")),
                    format!("there is no question `{other}`"),
                ),
            }
        }
        if qs.is_empty() && !u.answered.is_empty() {
            return None;
        }
        if qs.is_empty() {
            self.err(join(&at, "answered"), "name at least one question");
            return None;
        }
        let assume = self.answer(join(&at, "assume"), &u.assume, ty, options, q)?;
        Some((qs, assume))
    }

    /// Compiles each question's `ask_when`, now that the rules it may use are known.
    pub(super) fn ask_when(&mut self, inputs: &mut [InputInfo]) {
        let rs = self.rs;
        for (i, (id, q)) in rs.inputs.iter().enumerate() {
            let Some(cond) = &q.ask_when else { continue };
            let path = join(&join("inputs", id), "ask_when");
            let mut scope = Scope::new(inputs);
            let Some((node, ty)) = self.expr(cond, &path, &mut scope) else {
                continue;
            };
            let uses = scope.uses;
            if ty != Ty::Bool {
                self.err(
                    path.clone(),
                    format!("`ask_when` must be yes/no, but this is {}", ty.describe()),
                );
            }
            if matches!(node, Node::Const(Value::Bool(false))) {
                self.err(path, "this question can never be asked: its `ask_when` is always false");
            }
            inputs[i].ask_when = Some(node);
            inputs[i].uses = uses;
        }
    }
}

/// The type a question's answer has in formulas.
fn input_ty(i: usize, q: &Input) -> Ty {
    match q.ty {
        InputType::Choice => Ty::Choice(i as u32),
        InputType::Choices => Ty::Choices(i as u32),
        InputType::YesNo => Ty::Bool,
        InputType::Money if !q.periods.is_empty() => Ty::Periodic,
        InputType::Money => Ty::Money,
        InputType::WholeNumber | InputType::Number => Ty::Number,
        InputType::Date => Ty::Date,
    }
}
