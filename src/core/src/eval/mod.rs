//! Evaluates a [`Program`] for one set of answers as of one date.
//!
//! Pure and deterministic. With answers missing, a value is `Unknown` and carries the
//! questions still needed to decide it; `all`, `any` and `at_least` decide as soon as the
//! known parts settle them. Errors (division by zero, an amount beyond the limit, a figure
//! with no value in force on the date) are values too, so one bad step names itself and
//! the rest of the result still stands.

use crate::date::Date;
use crate::program::*;

/// The result of one step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Known(Value),
    /// Not yet decidable; these questions (input indices, ascending) would decide it.
    Unknown(Vec<u32>),
    /// The step cannot be computed; the failure says which and why (boxed: it is rare, and
    /// every other outcome is small).
    Failed(Box<Failure>),
}

impl Outcome {
    pub fn known(&self) -> Option<&Value> {
        match self {
            Outcome::Known(v) => Some(v),
            _ => None,
        }
    }
}

/// Answers by input index; `None` is unanswered.
#[derive(Clone, Debug, Default)]
pub struct Answers(pub Vec<Option<Value>>);

/// Everything one evaluation found.
pub struct Evaluation {
    pub as_of: Date,
    /// Per question: its effective value (the answer, or the default when not asked).
    pub inputs: Vec<Outcome>,
    /// Per question: is it asked for these answers? (`None` while its condition is unknown.)
    pub asked: Vec<Option<bool>>,
    /// Per parameter: the index of the timeline entry in force, or why there is none.
    pub params: Vec<Result<usize, Box<Failure>>>,
    pub rules: Vec<Outcome>,
    /// Per rule, when traced: for a yes/no rule that is false, which parts failed.
    pub why: Vec<Vec<Why>>,
    /// Per output: does it apply to this person? (`Known(true)` without `applies_when`.)
    pub applies: Vec<Outcome>,
}

/// Why a condition was not met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// `left op right` did not hold; `gap` is how far it missed (for money and numbers).
    Compare {
        left: Operand,
        op: CmpOp,
        right: Operand,
        gap: Option<Value>,
    },
    /// A named yes/no (rule, question or parameter) was No.
    NotMet(Ref),
    /// Under `not`: a named yes/no was Yes.
    Held(Ref),
    /// `at_least`: only `have` of `of` held, `need` were needed.
    TooFew {
        have: u32,
        need: u32,
        of: u32,
        failed: Vec<Why>,
    },
    /// `answer_in`/`includes`: the answer was not among the options.
    NotAnswered { input: u32, options: Vec<String> },
    /// Under `all`: this part was never assessed — every question it rests on went unasked —
    /// because the parts named in `because` were not met first. Not a failure of its own.
    NotAssessed { part: Ref, because: Vec<Ref> },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Operand {
    pub name: Option<Ref>,
    pub value: Value,
}

/// Evaluates every input and rule. `trace` adds the `why` of false conditions.
pub fn evaluate(p: &Program, answers: &Answers, as_of: Date, trace: bool) -> Evaluation {
    let params = p
        .params
        .iter()
        .map(|param| {
            param.timeline.iter().rposition(|d| d.from <= as_of).ok_or_else(|| {
                Box::new(Failure {
                    rule: None,
                    problem: Problem::NotInForce {
                        param: param.id.clone(),
                        on: as_of,
                        first: param.timeline.first().map(|d| d.from),
                    },
                })
            })
        })
        .collect();
    let mut ev = Evaluation {
        as_of,
        inputs: vec![Outcome::Unknown(Vec::new()); p.inputs.len()],
        asked: vec![None; p.inputs.len()],
        params,
        rules: vec![Outcome::Unknown(Vec::new()); p.rules.len()],
        why: vec![Vec::new(); if trace { p.rules.len() } else { 0 }],
        applies: Vec::new(),
    };
    for item in &p.order {
        match *item {
            Item::Input(i) => {
                let q = &p.inputs[i as usize];
                let answer = answers.0.get(i as usize).and_then(Option::as_ref);
                let asked = match &q.ask_when {
                    None => Outcome::Known(Value::Bool(true)),
                    Some(cond) => Ctx { p, ev: &ev, rule: None }.eval(cond),
                };
                let (value, asked) = match asked {
                    Outcome::Known(Value::Bool(true)) => (
                        match answer {
                            Some(v) => Outcome::Known(v.clone()),
                            None => Outcome::Unknown(vec![i]),
                        },
                        Some(true),
                    ),
                    Outcome::Known(_) => (
                        match &q.default {
                            Some(d) => Outcome::Known(d.clone()),
                            None => Outcome::Failed(Box::new(Failure {
                                rule: None,
                                problem: Problem::NoDefault(q.id.clone()),
                            })),
                        },
                        Some(false),
                    ),
                    // Ask what decides whether this question matters first.
                    other => (other, None),
                };
                ev.inputs[i as usize] = value;
                ev.asked[i as usize] = asked;
            }
            Item::Rule(r) => {
                let rule = &p.rules[r as usize];
                let out = Ctx {
                    p,
                    ev: &ev,
                    rule: Some(r),
                }
                .eval(&rule.node);
                // A false condition records why; a true comparison records its margin
                // (what would change the result).
                let traced = match out {
                    Outcome::Known(Value::Bool(false)) => true,
                    Outcome::Known(Value::Bool(true)) => matches!(rule.node, Node::Cmp(..)),
                    _ => false,
                };
                if trace && traced {
                    let mut why = Vec::new();
                    Ctx {
                        p,
                        ev: &ev,
                        rule: Some(r),
                    }
                    .why_false(&rule.node, &mut why);
                    ev.why[r as usize] = why;
                }
                ev.rules[r as usize] = out;
            }
        }
    }
    ev.applies = p
        .outputs
        .iter()
        .map(|o| match &o.applies_when {
            None => Outcome::Known(Value::Bool(true)),
            Some(cond) => Ctx { p, ev: &ev, rule: None }.eval(cond),
        })
        .collect();
    ev
}

impl Evaluation {
    /// The questions still needed for output `o` (empty once it is decided, or once it is
    /// known not to apply). While whether it applies is unknown, what decides that comes first.
    pub fn needs(&self, p: &Program, o: usize) -> Vec<u32> {
        match self.applies.get(o) {
            Some(Outcome::Known(Value::Bool(false))) => return Vec::new(),
            Some(Outcome::Unknown(n)) => return n.clone(),
            _ => {}
        }
        match &self.rules[p.outputs[o].rule as usize] {
            Outcome::Unknown(n) => n.clone(),
            _ => Vec::new(),
        }
    }

    /// False when output `o` is known not to apply to this person.
    pub fn applies(&self, o: usize) -> bool {
        !matches!(self.applies.get(o), Some(Outcome::Known(Value::Bool(false))))
    }

    /// The value of a named item as this evaluation saw it.
    pub fn of(&self, p: &Program, r: Ref) -> Outcome {
        match r {
            Ref::Input(i) => self.inputs[i as usize].clone(),
            Ref::Rule(i) => self.rules[i as usize].clone(),
            Ref::Param(i) => match &self.params[i as usize] {
                Ok(k) => Outcome::Known(p.params[i as usize].timeline[*k].value.clone()),
                Err(e) => Outcome::Failed(e.clone()),
            },
        }
    }
}

/// The names rule `r`'s value actually depended on, in order of first use: for `cases`
/// only the conditions tested and the branch taken, for a lookup only the answers chosen,
/// for bands only the boundaries and the band chosen. Explanations show these, so a
/// home-care result does not list care-home steps.
pub fn live_uses(p: &Program, ev: &Evaluation, r: u32) -> Vec<Ref> {
    let ctx = Ctx { p, ev, rule: Some(r) };
    let mut out = Vec::new();
    ctx.live(&p.rules[r as usize].node, &mut out);
    out
}

/// Whether rule `r`'s value rests only on questions that were not asked: it was not
/// assessed for these answers, whatever its value (the defaults') says.
pub fn not_assessed(p: &Program, ev: &Evaluation, r: u32) -> bool {
    Ctx { p, ev, rule: Some(r) }.rests_on_unasked(&p.rules[r as usize].node)
}

struct Ctx<'a> {
    p: &'a Program,
    ev: &'a Evaluation,
    /// The rule being evaluated, to name it in error messages.
    rule: Option<u32>,
}

/// Short-circuits an `Outcome` to its `Value`, or returns it.
macro_rules! known {
    ($e:expr) => {
        match $e {
            Outcome::Known(v) => v,
            other => return other,
        }
    };
}

mod compute;
mod failure;
mod trace;

pub use failure::{Failure, Problem};

/// The first failure, else the union of what is still needed.
fn merge_unknowns(outs: &[Outcome]) -> Outcome {
    let mut needs: Vec<u32> = Vec::new();
    for o in outs {
        match o {
            Outcome::Failed(_) => return o.clone(),
            Outcome::Unknown(n) => {
                for &q in n {
                    insert_sorted(&mut needs, q);
                }
            }
            Outcome::Known(_) => {}
        }
    }
    Outcome::Unknown(needs)
}

/// Adds `x` to a sorted, duplicate-free `Vec` used as a set, unless it is there already;
/// true if it was added. The sets here are short, and a sort or a hash set would each bring
/// a whole routine into the widget's module.
pub fn insert_sorted<T: Ord>(set: &mut Vec<T>, x: T) -> bool {
    match set.binary_search(&x) {
        Ok(_) => false,
        Err(at) => {
            set.insert(at, x);
            true
        }
    }
}
