//! Working out one node's value: a function per family of expressions, exact and checked.

use std::cmp::Ordering;

use super::*;
use crate::decimal::Decimal;
use crate::money::{Money, Rounding, decimal_pence_to_money, exact, round_to_step};
use crate::value::compare;

impl Ctx<'_> {
    pub(super) fn fail(&self, problem: Problem) -> Outcome {
        Outcome::Failed(Box::new(Failure {
            rule: self.rule.map(|r| self.p.rules[r as usize].id.clone()),
            problem,
        }))
    }

    pub(super) fn eval(&self, n: &Node) -> Outcome {
        match n {
            Node::Const(v) => Outcome::Known(v.clone()),
            Node::Ref(r) => self.ev.of(self.p, *r),
            Node::Sum(_)
            | Node::Difference(_)
            | Node::Min(_)
            | Node::Max(_)
            | Node::Product(..)
            | Node::Divide(..)
            | Node::Clamp(_) => self.arithmetic(n),
            Node::Cmp(..) | Node::All(_) | Node::Any(_) | Node::Not(_) | Node::AtLeast(..) | Node::Cases(..) => {
                self.condition(n)
            }
            Node::Lookup { .. } | Node::AnswerIn(..) | Node::Includes(..) | Node::Count(_) | Node::Age(_) => {
                self.answer(n)
            }
            Node::Bands { .. } | Node::Scale { .. } | Node::Tariff(_) => self.schedule(n),
            Node::Weekly(..) | Node::Round(..) | Node::Range(_) | Node::Lower(_) | Node::Upper(_) => self.conversion(n),
        }
    }

    /// Sums, differences, the least or greatest, products, quotients and clamps: exact, and checked against the limits.
    fn arithmetic(&self, n: &Node) -> Outcome {
        match n {
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
            _ => self.fail(Problem::Internal("arithmetic of another kind of node")),
        }
    }

    /// Comparisons, `all`, `any`, `not`, `at_least` and `cases`, in three-valued logic: decided as soon as the known parts settle them.
    fn condition(&self, n: &Node) -> Outcome {
        match n {
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
            _ => self.fail(Problem::Internal("condition of another kind of node")),
        }
    }

    /// What an answer says: the value a lookup gives it, whether it is among some options, how many were ticked, an age.
    fn answer(&self, n: &Node) -> Outcome {
        match n {
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
            _ => self.fail(Problem::Internal("answer of another kind of node")),
        }
    }

    /// Schedules of figures: bands of points or amounts, a piecewise-linear scale, and tariff income (so much for every step or part of a step).
    fn schedule(&self, n: &Node) -> Outcome {
        match n {
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
            _ => self.fail(Problem::Internal("schedule of another kind of node")),
        }
    }

    /// Weekly amounts, stated roundings, and money ranges and their ends.
    fn conversion(&self, n: &Node) -> Outcome {
        match n {
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
            _ => self.fail(Problem::Internal("conversion of another kind of node")),
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
}

/// Money in pence, numbers as they are: the units rounding steps are given in.
fn as_decimal_units(v: &Value) -> Decimal {
    match v {
        Value::Money(m) => Decimal::from(m.pence()),
        Value::Number(d) => *d,
        _ => Decimal::ZERO,
    }
}
