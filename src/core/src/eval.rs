//! Evaluates a [`Program`] for one set of answers as of one date.
//!
//! Pure and deterministic. With answers missing, a value is `Unknown` and carries the
//! questions still needed to decide it; `all`, `any` and `at_least` decide as soon as the
//! known parts settle them. Errors (division by zero, an amount beyond the limit, a figure
//! with no value in force on the date) are values too, so one bad step names itself and
//! the rest of the result still stands.

use std::cmp::Ordering;

use crate::decimal::Decimal;

use crate::date::Date;
use crate::money::{Money, Rounding, decimal_pence_to_money, exact, round_to_step};
use crate::program::*;
use crate::value::{compare, plain};

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

/// Why a step could not be worked out. `Display` gives the English a ruleset's author reads,
/// naming the rule by its id (`carebudget test`, `eval --json`'s technical detail); an
/// explanation says it to the reader in their language, naming the rule by its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The id of the rule it happened in, if any.
    pub rule: Option<String>,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// An amount, or a number, beyond what the calculator holds: what it was.
    TooLarge(&'static str),
    DivisionByZero,
    /// A figure (by id) has no value in force on the date; its first value is from `first`.
    NotInForce {
        param: String,
        on: Date,
        first: Option<Date>,
    },
    /// A question (by id) that was not asked has no default.
    NoDefault(String),
    /// Mistakes in the rules themselves, which `check` cannot see before evaluation.
    ClampInverted(Value, Value),
    NoValueForAnswer(String),
    BandsNotIncreasing,
    BelowFirstBand(Value, Option<Value>),
    ScalePointsNotIncreasing,
    TariffStep(Money),
    RangeInverted(Money, Money),
    /// A rounding the rules state wrongly (its message).
    Rounding(String),
    /// A value of a kind the program's types rule out (a damaged or hand-made program).
    Internal(&'static str),
}

impl Problem {
    /// Whether the rules themselves are at fault (rather than an answer or the date).
    pub fn in_the_rules(&self) -> bool {
        !matches!(
            self,
            Problem::TooLarge(_) | Problem::DivisionByZero | Problem::NotInForce { .. }
        )
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(r) = &self.rule {
            write!(f, "rules.{r}: ")?;
        }
        match &self.problem {
            Problem::TooLarge(what) if *what == "the amount" => write!(
                f,
                "amount is too large (the limit is {})",
                Money::new(crate::limits::MAX_MONEY_PENCE)
            ),
            Problem::TooLarge(what) => write!(f, "{what} is too large"),
            Problem::DivisionByZero => f.write_str("division by zero"),
            Problem::NotInForce { param, on, first } => write!(
                f,
                "the figure `{param}` has no value in force on {on}; its first value applies from {}",
                first.map(|d| d.to_string()).unwrap_or_default()
            ),
            Problem::NoDefault(q) => write!(f, "the question `{q}` has no default"),
            Problem::ClampInverted(lo, hi) => {
                write!(
                    f,
                    "`clamp` has a minimum ({}) above its maximum ({})",
                    plain(lo),
                    plain(hi)
                )
            }
            Problem::NoValueForAnswer(c) => write!(f, "no value for the answer `{c}`"),
            Problem::BandsNotIncreasing => f.write_str("band boundaries must increase strictly"),
            Problem::BelowFirstBand(v, first) => write!(
                f,
                "{} is below the first band, which starts at {}",
                plain(v),
                first.as_ref().map(plain).unwrap_or_default()
            ),
            Problem::ScalePointsNotIncreasing => f.write_str("scale points must increase strictly"),
            Problem::TariffStep(per) => write!(f, "`tariff` needs `per` above £0.00, not {per}"),
            Problem::RangeInverted(lo, hi) => {
                write!(f, "the range's lower amount {lo} is above its upper amount {hi}")
            }
            Problem::Rounding(m) => f.write_str(m),
            Problem::Internal(m) => write!(f, "internal: {m}"),
        }
    }
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

impl Ctx<'_> {
    fn fail(&self, problem: Problem) -> Outcome {
        Outcome::Failed(Box::new(Failure {
            rule: self.rule.map(|r| self.p.rules[r as usize].id.clone()),
            problem,
        }))
    }

    fn eval(&self, n: &Node) -> Outcome {
        match n {
            Node::Const(v) => Outcome::Known(v.clone()),
            Node::Ref(r) => self.ev.of(self.p, *r),
            Node::Sum(xs) => {
                let vs = match self.all_known(xs) {
                    Ok(vs) => vs,
                    Err(o) => return o,
                };
                self.fold_arith(&vs, |a, b| a.checked_add(b), exact::add)
            }
            Node::Difference(xs) => {
                let vs = match self.all_known(xs) {
                    Ok(vs) => vs,
                    Err(o) => return o,
                };
                self.fold_arith(&vs, |a, b| a.checked_sub(b), exact::sub)
            }
            Node::Min(xs) | Node::Max(xs) => {
                let vs = match self.all_known(xs) {
                    Ok(vs) => vs,
                    Err(o) => return o,
                };
                let want = if matches!(n, Node::Min(_)) {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
                let mut best = vs[0].clone();
                for v in &vs[1..] {
                    if compare(v, &best) == Some(want) {
                        best = v.clone();
                    }
                }
                Outcome::Known(best)
            }
            Node::Product(xs, round, unit) => {
                let vs = match self.all_known(xs) {
                    Ok(vs) => vs,
                    Err(o) => return o,
                };
                let mut acc = Decimal::ONE;
                for v in &vs {
                    let d = match v {
                        Value::Money(m) => Decimal::from(m.pence()),
                        Value::Number(d) => *d,
                        _ => return self.fail(Problem::Internal("product of a non-number")),
                    };
                    acc = match exact::mul(acc, d) {
                        Some(x) => x,
                        None => return self.fail(Problem::TooLarge("the product")),
                    };
                }
                self.finish(acc, round.as_ref(), *unit)
            }
            Node::Divide(num, den, round, ty) => {
                let a = known!(self.eval(num));
                let b = known!(self.eval(den));
                let (a, b) = match (&a, &b) {
                    (Value::Money(x), Value::Number(y)) => (Decimal::from(x.pence()), *y),
                    (Value::Money(x), Value::Money(y)) => (Decimal::from(x.pence()), Decimal::from(y.pence())),
                    (Value::Number(x), Value::Number(y)) => (*x, *y),
                    _ => return self.fail(Problem::Internal("division of non-numbers")),
                };
                if b.is_zero() {
                    return self.fail(Problem::DivisionByZero);
                }
                match exact::div(a, b) {
                    Some(q) => self.finish(
                        q,
                        Some(round),
                        if *ty == Ty::Money { Unit::Money } else { Unit::Number },
                    ),
                    None => self.fail(Problem::TooLarge("the division result")),
                }
            }
            Node::Clamp(parts) => {
                let [v, lo, hi] = parts.as_ref();
                let (v, lo, hi) = (known!(self.eval(v)), known!(self.eval(lo)), known!(self.eval(hi)));
                if compare(&lo, &hi) == Some(Ordering::Greater) {
                    return self.fail(Problem::ClampInverted(lo, hi));
                }
                Outcome::Known(if compare(&v, &lo) == Some(Ordering::Less) {
                    lo
                } else if compare(&v, &hi) == Some(Ordering::Greater) {
                    hi
                } else {
                    v
                })
            }
            Node::Cmp(op, sides) => {
                let [l, r] = sides.as_ref();
                let (l, r) = (self.eval(l), self.eval(r));
                let (l, r) = match (l, r) {
                    (Outcome::Known(l), Outcome::Known(r)) => (l, r),
                    (l, r) => return merge_unknowns(&[l, r]),
                };
                match compare(&l, &r) {
                    Some(o) => Outcome::Known(Value::Bool(op.holds(o))),
                    None => self.fail(Problem::Internal("comparison of unlike values")),
                }
            }
            Node::All(xs) => self.logic(xs, false),
            Node::Any(xs) => self.logic(xs, true),
            Node::Not(x) => match self.eval(x) {
                Outcome::Known(Value::Bool(b)) => Outcome::Known(Value::Bool(!b)),
                Outcome::Known(_) => self.fail(Problem::Internal("`not` of a non-yes/no")),
                other => other,
            },
            Node::AtLeast(need, xs) => {
                let outs: Vec<Outcome> = xs.iter().map(|x| self.eval(x)).collect();
                let have = outs.iter().filter(|o| **o == Outcome::Known(Value::Bool(true))).count() as u32;
                let open = outs.iter().filter(|o| !matches!(o, Outcome::Known(_))).count() as u32;
                if have >= *need {
                    Outcome::Known(Value::Bool(true))
                } else if have + open < *need {
                    Outcome::Known(Value::Bool(false))
                } else {
                    merge_unknowns(&outs)
                }
            }
            Node::Cases(arms, otherwise) => {
                for (cond, then) in arms {
                    match self.eval(cond) {
                        Outcome::Known(Value::Bool(true)) => return self.eval(then),
                        Outcome::Known(_) => {}
                        other => return other,
                    }
                }
                self.eval(otherwise)
            }
            Node::Lookup {
                input,
                table,
                default,
                multi,
            } => {
                let answer = known!(self.ev.inputs[*input as usize].clone());
                let chosen: Vec<String> = match (answer, multi) {
                    (Value::Choice(c), false) => vec![c],
                    (Value::Choices(cs), true) => cs,
                    _ => return self.fail(Problem::Internal("lookup of a non-choice")),
                };
                let mut vals = Vec::with_capacity(chosen.len());
                for c in &chosen {
                    let node = table
                        .iter()
                        .find(|(o, _)| o == c)
                        .map(|(_, n)| n)
                        .or(default.as_deref());
                    match node {
                        Some(n) => vals.push(known!(self.eval(n))),
                        None => return self.fail(Problem::NoValueForAnswer(c.clone())),
                    }
                }
                if vals.is_empty() {
                    // Nothing ticked: zero of the table's type.
                    return match table.first().map(|(_, n)| self.eval(n)) {
                        Some(Outcome::Known(Value::Money(_))) => Outcome::Known(Value::Money(Money::ZERO)),
                        _ => Outcome::Known(Value::Number(Decimal::ZERO)),
                    };
                }
                self.fold_arith(&vals, |a, b| a.checked_add(b), exact::add)
            }
            Node::Bands { value, bands } => {
                let v = known!(self.eval(value));
                let mut chosen = None;
                let mut prev: Option<Value> = None;
                for b in bands {
                    let from = known!(self.eval(&b.from));
                    if let Some(p) = &prev
                        && compare(p, &from) != Some(Ordering::Less)
                    {
                        return self.fail(Problem::BandsNotIncreasing);
                    }
                    if compare(&v, &from) != Some(Ordering::Less) {
                        chosen = Some(b);
                    }
                    prev = Some(from);
                }
                let Some(b) = chosen else {
                    let first = self.eval(&bands[0].from);
                    return self.fail(Problem::BelowFirstBand(v, first.known().cloned()));
                };
                match &b.out {
                    BandOut::Value(n) => self.eval(n),
                    BandOut::Range(lo, hi) => {
                        let (lo, hi) = (known!(self.eval(lo)), known!(self.eval(hi)));
                        self.range(lo, hi)
                    }
                }
            }
            Node::Scale {
                value,
                points,
                round,
                unit,
            } => {
                let v = known!(self.eval(value));
                // In the units rounding works in: pence for money.
                let x = as_decimal_units(&v);
                let mut pts = Vec::with_capacity(points.len());
                for (px, py) in points {
                    let (px, py) = (known!(self.eval(px)), known!(self.eval(py)));
                    pts.push((as_decimal_units(&px), as_decimal_units(&py)));
                }
                if pts.windows(2).any(|w| w[0].0 >= w[1].0) {
                    return self.fail(Problem::ScalePointsNotIncreasing);
                }
                let y = if x <= pts[0].0 {
                    pts[0].1
                } else if x >= pts[pts.len() - 1].0 {
                    pts[pts.len() - 1].1
                } else {
                    let i = pts.iter().rposition(|(px, _)| *px <= x).unwrap_or(0);
                    let ((x0, y0), (x1, y1)) = (pts[i], pts[i + 1]);
                    // Checked throughout: near the limits of a decimal, `-` would panic.
                    let step = exact::sub(y1, y0)
                        .zip(exact::sub(x, x0))
                        .and_then(|(dy, dx)| exact::mul(dy, dx))
                        .zip(exact::sub(x1, x0))
                        .and_then(|(t, span)| exact::div(t, span));
                    match step.and_then(|s| exact::add(y0, s)) {
                        Some(y) => y,
                        None => return self.fail(Problem::TooLarge("the scale's result")),
                    }
                };
                self.finish(y, Some(round), *unit)
            }
            Node::Tariff(parts) => {
                let [value, above, per, amount] = parts.as_ref();
                let money = |o: Outcome| match o {
                    Outcome::Known(Value::Money(m)) => Ok(m),
                    other => Err(other),
                };
                let get = |n: &Node| money(self.eval(n));
                let (v, a, per, amt) = match (get(value), get(above), get(per), get(amount)) {
                    (Ok(v), Ok(a), Ok(p), Ok(m)) => (v, a, p, m),
                    (v, a, p, m) => {
                        let outs: Vec<Outcome> = [v, a, p, m].into_iter().filter_map(|r| r.err()).collect();
                        return merge_unknowns(&outs);
                    }
                };
                if per.pence() <= 0 {
                    return self.fail(Problem::TariffStep(per));
                }
                if v <= a {
                    return Outcome::Known(Value::Money(Money::ZERO));
                }
                // "or part thereof": a part of `per` counts as a whole one.
                let excess = (v.pence() - a.pence()) as i128;
                let parts = (excess + per.pence() as i128 - 1) / per.pence() as i128;
                match Money::checked(parts * amt.pence() as i128) {
                    Ok(m) => Outcome::Known(Value::Money(m)),
                    Err(_) => self.fail(Problem::TooLarge("the amount")),
                }
            }
            Node::Weekly(x, round) => match known!(self.eval(x)) {
                Value::Periodic(m, period) => {
                    let (num, den) = period.per_week();
                    let weekly = exact::mul(Decimal::from(m.pence()), Decimal::from(num))
                        .and_then(|t| exact::div(t, Decimal::from(den)));
                    match weekly {
                        Some(w) => self.finish(w, Some(round), Unit::Money),
                        None => self.fail(Problem::TooLarge("the weekly amount")),
                    }
                }
                _ => self.fail(Problem::Internal("weekly of a non-periodic amount")),
            },
            Node::Round(x, round, unit) => {
                let v = known!(self.eval(x));
                self.finish(as_decimal_units(&v), Some(round), *unit)
            }
            Node::Range(parts) => {
                let [lo, hi] = parts.as_ref();
                let (lo, hi) = (known!(self.eval(lo)), known!(self.eval(hi)));
                self.range(lo, hi)
            }
            Node::Lower(x) | Node::Upper(x) => match known!(self.eval(x)) {
                Value::Range(lo, hi) => Outcome::Known(Value::Money(if matches!(n, Node::Lower(_)) { lo } else { hi })),
                _ => self.fail(Problem::Internal("lower/upper of a non-range")),
            },
            Node::AnswerIn(q, opts) => match known!(self.ev.inputs[*q as usize].clone()) {
                Value::Choice(c) => Outcome::Known(Value::Bool(opts.contains(&c))),
                _ => self.fail(Problem::Internal("answer_in of a non-choice")),
            },
            Node::Includes(q, opts) => match known!(self.ev.inputs[*q as usize].clone()) {
                Value::Choices(cs) => Outcome::Known(Value::Bool(opts.iter().any(|o| cs.contains(o)))),
                _ => self.fail(Problem::Internal("includes of a non-choices")),
            },
            Node::Count(q) => match known!(self.ev.inputs[*q as usize].clone()) {
                Value::Choices(cs) => Outcome::Known(Value::Number(Decimal::from(cs.len() as u64))),
                _ => self.fail(Problem::Internal("count of a non-choices")),
            },
            Node::Age(q) => match known!(self.ev.inputs[*q as usize].clone()) {
                Value::Date(born) => Outcome::Known(Value::Number(Decimal::from(born.years_until(self.ev.as_of)))),
                _ => self.fail(Problem::Internal("age of a non-date")),
            },
        }
    }

    fn range(&self, lo: Value, hi: Value) -> Outcome {
        match (lo, hi) {
            (Value::Money(lo), Value::Money(hi)) if lo <= hi => Outcome::Known(Value::Range(lo, hi)),
            (Value::Money(lo), Value::Money(hi)) => self.fail(Problem::RangeInverted(lo, hi)),
            _ => self.fail(Problem::Internal("range of non-money")),
        }
    }

    /// Rounds an exact result (pence for money) and checks it is within the limits.
    fn finish(&self, exact: Decimal, round: Option<&Rounding>, unit: Unit) -> Outcome {
        let money = unit == Unit::Money;
        let rounded = match round {
            Some(r) => {
                let (d, step) = match r.resolved_direction().and_then(|d| Ok((d, r.step(money)?))) {
                    Ok(x) => x,
                    Err(e) => return self.fail(Problem::Rounding(e)),
                };
                match round_to_step(exact, step, d) {
                    Ok(x) => x,
                    Err(_) => return self.fail(Problem::TooLarge("the result to round")),
                }
            }
            None => exact,
        };
        if money {
            match decimal_pence_to_money(rounded) {
                Ok(m) => Outcome::Known(Value::Money(m)),
                Err(_) if !rounded.fract().is_zero() => {
                    self.fail(Problem::Internal("fraction of a penny left unrounded"))
                }
                Err(_) => self.fail(Problem::TooLarge("the amount")),
            }
        } else {
            Outcome::Known(Value::Number(rounded))
        }
    }

    /// Evaluates all operands; any failure or unknown decides the result.
    fn all_known(&self, xs: &[Node]) -> Result<Vec<Value>, Outcome> {
        let mut vals = Vec::with_capacity(xs.len());
        let mut open = Vec::new();
        for x in xs {
            match self.eval(x) {
                Outcome::Known(v) => vals.push(v),
                other => open.push(other),
            }
        }
        if open.is_empty() {
            Ok(vals)
        } else {
            Err(merge_unknowns(&open))
        }
    }

    fn fold_arith(
        &self,
        vs: &[Value],
        money: impl Fn(i64, i64) -> Option<i64>,
        number: impl Fn(Decimal, Decimal) -> Option<Decimal>,
    ) -> Outcome {
        let mut acc = vs[0].clone();
        for v in &vs[1..] {
            acc = match (&acc, v) {
                (Value::Money(a), Value::Money(b)) => {
                    match money(a.pence(), b.pence()).map(|x| Money::checked(x as i128)) {
                        Some(Ok(m)) => Value::Money(m),
                        Some(Err(_)) | None => return self.fail(Problem::TooLarge("the amount")),
                    }
                }
                (Value::Number(a), Value::Number(b)) => match number(*a, *b) {
                    Some(d) => Value::Number(d),
                    None => return self.fail(Problem::TooLarge("the number")),
                },
                _ => return self.fail(Problem::Internal("arithmetic on unlike values")),
            };
        }
        Outcome::Known(acc)
    }

    /// `all` (`any_true = false`) and `any` (`any_true = true`) in three-valued logic.
    fn logic(&self, xs: &[Node], any_true: bool) -> Outcome {
        let mut open = Vec::new();
        for x in xs {
            match self.eval(x) {
                Outcome::Known(Value::Bool(b)) if b == any_true => return Outcome::Known(Value::Bool(any_true)),
                Outcome::Known(_) => {}
                other => open.push(other),
            }
        }
        if open.is_empty() {
            Outcome::Known(Value::Bool(!any_true))
        } else {
            merge_unknowns(&open)
        }
    }

    fn live(&self, n: &Node, out: &mut Vec<Ref>) {
        let mut push = |r: Ref| {
            if !out.contains(&r) {
                out.push(r);
            }
        };
        match n {
            Node::Ref(r) => push(*r),
            Node::AnswerIn(q, _) | Node::Includes(q, _) | Node::Count(q) | Node::Age(q) => push(Ref::Input(*q)),
            // A sum rests on its parts that are not zero: "£0.00 of savings credit not
            // counted" is no step of anyone's result. (Templates still show every part.)
            Node::Sum(xs) => {
                for x in xs {
                    if !matches!(self.eval(x), Outcome::Known(Value::Money(Money::ZERO))) {
                        self.live(x, out);
                    }
                }
            }
            // `all` that is No rests on the parts that are No; `any` that is Yes on the parts
            // that are Yes: the others did not decide it (a home-care result does not go
            // through "in the first 12 weeks in a care home").
            Node::All(xs) | Node::Any(xs) => {
                let decided = matches!(n, Node::Any(_));
                let is = |o: Outcome| matches!(o, Outcome::Known(Value::Bool(b)) if b == decided);
                let deciding = is(self.eval(n));
                for x in xs {
                    if !deciding || is(self.eval(x)) {
                        self.live(x, out);
                    }
                }
            }
            Node::Cases(arms, otherwise) => {
                for (cond, then) in arms {
                    self.live(cond, out);
                    match self.eval(cond) {
                        Outcome::Known(Value::Bool(true)) => return self.live(then, out),
                        Outcome::Known(_) => {}
                        _ => return,
                    }
                }
                self.live(otherwise, out);
            }
            Node::Lookup {
                input, table, default, ..
            } => {
                push(Ref::Input(*input));
                let chosen: Vec<String> = match &self.ev.inputs[*input as usize] {
                    Outcome::Known(Value::Choice(c)) => vec![c.clone()],
                    Outcome::Known(Value::Choices(cs)) => cs.clone(),
                    _ => return,
                };
                for c in &chosen {
                    match table.iter().find(|(o, _)| o == c) {
                        Some((_, node)) => self.live(node, out),
                        None => {
                            if let Some(d) = default {
                                self.live(d, out);
                            }
                        }
                    }
                }
            }
            Node::Bands { value, bands } => {
                self.live(value, out);
                let v = self.eval(value);
                let mut chosen = None;
                for b in bands {
                    self.live(&b.from, out);
                    if let (Outcome::Known(v), Outcome::Known(from)) = (&v, self.eval(&b.from))
                        && compare(v, &from) != Some(Ordering::Less)
                    {
                        chosen = Some(b);
                    }
                }
                if let Some(b) = chosen {
                    match &b.out {
                        BandOut::Range(lo, hi) => {
                            self.live(lo, out);
                            self.live(hi, out);
                        }
                        BandOut::Value(x) => self.live(x, out),
                    }
                }
            }
            other => {
                other.each_child(&mut |c| {
                    self.live(c, out);
                    true
                });
            }
        }
    }

    /// Whether `n`'s value rests only on questions that were not asked (so on their
    /// defaults): at least one question, and none of them asked. Follows rules through the
    /// parts their values actually went through.
    fn rests_on_unasked(&self, n: &Node) -> bool {
        let mut refs = Vec::new();
        self.live(n, &mut refs);
        let mut seen = vec![false; self.p.rules.len()];
        let mut any_input = false;
        while let Some(r) = refs.pop() {
            match r {
                Ref::Input(i) => {
                    if self.ev.asked[i as usize] != Some(false) {
                        return false;
                    }
                    any_input = true;
                }
                Ref::Rule(k) if !std::mem::replace(&mut seen[k as usize], true) => {
                    let ctx = Ctx {
                        p: self.p,
                        ev: self.ev,
                        rule: Some(k),
                    };
                    ctx.live(&self.p.rules[k as usize].node, &mut refs);
                }
                _ => {}
            }
        }
        any_input
    }

    /// Records why a yes/no node that evaluated to false is false.
    fn why_false(&self, n: &Node, out: &mut Vec<Why>) {
        match n {
            Node::Ref(r) => out.push(Why::NotMet(*r)),
            Node::Not(x) => {
                if let Node::Ref(r) = x.as_ref() {
                    out.push(Why::Held(*r));
                }
            }
            Node::All(xs) => {
                // A part whose questions were never asked (because an earlier part was not
                // met) was not assessed: say so, and why, rather than that it was not met.
                let failed: Vec<(&Node, bool)> = xs
                    .iter()
                    .filter(|x| self.eval(x) == Outcome::Known(Value::Bool(false)))
                    .map(|x| (x, self.rests_on_unasked(x)))
                    .collect();
                let because: Vec<Ref> = failed
                    .iter()
                    .filter(|(_, unasked)| !unasked)
                    .filter_map(|(x, _)| part_name(x))
                    .collect();
                for (x, unasked) in failed {
                    match part_name(x) {
                        Some(part) if unasked && !because.is_empty() => out.push(Why::NotAssessed {
                            part,
                            because: because.clone(),
                        }),
                        _ => self.why_false(x, out),
                    }
                }
            }
            Node::Any(xs) => {
                for x in xs {
                    self.why_false(x, out);
                }
            }
            Node::AtLeast(need, xs) => {
                let mut failed = Vec::new();
                let mut have = 0;
                for x in xs {
                    if self.eval(x) == Outcome::Known(Value::Bool(true)) {
                        have += 1;
                    } else {
                        self.why_false(x, &mut failed);
                    }
                }
                out.push(Why::TooFew {
                    have,
                    need: *need,
                    of: xs.len() as u32,
                    failed,
                });
            }
            Node::Cmp(op, sides) => {
                let [l, r] = sides.as_ref();
                if let (Outcome::Known(lv), Outcome::Known(rv)) = (self.eval(l), self.eval(r)) {
                    let gap = match (&lv, &rv) {
                        // Two amounts within the limit can be twice the limit apart: no margin then.
                        (Value::Money(a), Value::Money(b)) => {
                            Money::checked((i128::from(a.pence()) - i128::from(b.pence())).abs())
                                .ok()
                                .map(Value::Money)
                        }
                        // No margin where the difference is beyond a decimal's range (`-` would panic).
                        (Value::Number(a), Value::Number(b)) => exact::sub(*a, *b).map(|d| Value::Number(d.abs())),
                        _ => None,
                    };
                    out.push(Why::Compare {
                        left: Operand {
                            name: name_of(l),
                            value: lv,
                        },
                        op: *op,
                        right: Operand {
                            name: name_of(r),
                            value: rv,
                        },
                        gap,
                    });
                }
            }
            Node::AnswerIn(q, opts) | Node::Includes(q, opts) => out.push(Why::NotAnswered {
                input: *q,
                options: opts.clone(),
            }),
            _ => {}
        }
    }
}

/// The named item a part of a condition stands for: a rule or question it names, or the
/// question it tests.
fn part_name(n: &Node) -> Option<Ref> {
    match n {
        Node::Ref(r) => Some(*r),
        Node::AnswerIn(q, _) | Node::Includes(q, _) => Some(Ref::Input(*q)),
        _ => None,
    }
}

fn name_of(n: &Node) -> Option<Ref> {
    match n {
        Node::Ref(r) => Some(*r),
        _ => None,
    }
}

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

/// Money in pence, numbers as they are: the units rounding steps are given in.
fn as_decimal_units(v: &Value) -> Decimal {
    match v {
        Value::Money(m) => Decimal::from(m.pence()),
        Value::Number(d) => *d,
        _ => Decimal::ZERO,
    }
}
