//! Expressions: each is typed and compiled into a [`Node`], with every name resolved and
//! recorded in the scope's uses. One function per operator, in files by family (as
//! `carebudget_core::eval` works them out): arithmetic, conditions, answers, schedules and
//! conversions. Here: the dispatch, names, and what the families share.

use super::{Checker, Scope};
use crate::expr::{Args, Expr};
use carebudget_core::diagnostic::{index, join};
use carebudget_core::limits::*;
use carebudget_core::money::Rounding;
use carebudget_core::program::*;

mod answers;
mod arithmetic;
mod conditions;
mod conversions;
mod schedules;

impl Checker<'_> {
    /// Types and compiles `e`, found at `path`; `None` once an error is reported.
    pub(super) fn expr(&mut self, e: &Expr, path: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        self.nodes += 1;
        if scope.depth >= MAX_EXPR_DEPTH {
            self.err(
                path,
                format!("the formula nests more than {MAX_EXPR_DEPTH} levels deep"),
            );
            return None;
        }
        scope.depth += 1;
        let r = self.expr_inner(e, path, scope);
        scope.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr, path: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        // An operator's operands are under its name (`formula.sum[0]`), and so are its errors.
        let at = || join(path, e.operator());
        match e {
            Expr::Money(m) => Some((Node::Const(Value::Money(*m)), Ty::Money)),
            Expr::Number(d) | Expr::Percent(d) => Some((Node::Const(Value::Number(*d)), Ty::Number)),
            Expr::Bool(b) => Some((Node::Const(Value::Bool(*b)), Ty::Bool)),
            Expr::Name(n) => self.name(n, path, scope),
            Expr::Sum(a) | Expr::Difference(a) | Expr::Min(a) | Expr::Max(a) => self.fold(e, a, &at(), scope),
            Expr::Product(a) => self.product(a, &at(), scope),
            Expr::Divide(a) => self.divide(a, &at(), scope),
            Expr::Clamp(c) => self.clamp(c, &at(), scope),
            Expr::Gt(a) | Expr::Ge(a) | Expr::Lt(a) | Expr::Le(a) | Expr::Eq(a) | Expr::Ne(a) => {
                self.compare(e, a, &at(), scope)
            }
            Expr::All(a) | Expr::Any(a) => self.all_or_any(e, a, &at(), scope),
            Expr::Not(x) => self.not(x, &at(), scope),
            Expr::AtLeast(a) => self.at_least(a, e.operator(), &at(), scope),
            Expr::Cases(cases) => self.cases(cases, &at(), scope),
            Expr::Lookup(l) => self.lookup(l, &at(), scope),
            Expr::AnswerIn(a) | Expr::Includes(a) => self.answer_in(e, a, &at(), scope),
            Expr::Count(name) => self.count(name, &at(), scope),
            Expr::Age(name) => self.age(name, &at(), scope),
            Expr::Bands(b) => self.bands(b, &at(), scope),
            Expr::Scale(s) => self.scale(s, &at(), scope),
            Expr::Tariff(t) => self.tariff(t, &at(), scope),
            Expr::Weekly(w) => self.weekly(w, &at(), scope),
            Expr::Round(r) => self.round(r, &at(), scope),
            Expr::Range(r) => self.range(r, &at(), scope),
            Expr::Lower(x) | Expr::Upper(x) => self.lower_or_upper(e, x, &at(), scope),
        }
    }

    /// A question, parameter or rule, typed as it was declared.
    fn name(&mut self, n: &str, path: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let Some(&r) = self.names.get(n) else {
            self.err(path, format!("unknown name `{n}`{}", self.suggest(n)));
            return None;
        };
        scope.refer(r);
        let ty = match r {
            Ref::Input(i) => scope.inputs[i as usize].ty,
            Ref::Param(i) => Ty::of_value_type(self.rs.parameters[i as usize].ty),
            Ref::Rule(i) => Ty::of_value_type(self.rs.rules[i as usize].ty),
        };
        Some((Node::Ref(r), ty))
    }

    /// An operator's question (`lookup`, `answer_in`, `count`, `age`), by name.
    fn question(&mut self, name: &str, path: &str, scope: &mut Scope) -> Option<u32> {
        match self.names.get(name) {
            Some(&Ref::Input(i)) => {
                scope.refer(Ref::Input(i));
                Some(i)
            }
            Some(_) => {
                self.err(path, format!("`{name}` is not a question"));
                None
            }
            None => {
                self.err(path, format!("unknown question `{name}`{}", self.suggest(name)));
                None
            }
        }
    }

    /// Every operand checked (so every error is reported); `None` if any failed.
    fn operands(&mut self, of: &[Expr], path: &str, scope: &mut Scope) -> Option<Vec<(Node, Ty)>> {
        let mut out = Vec::with_capacity(of.len());
        let mut ok = true;
        for (i, e) in of.iter().enumerate() {
            match self.expr(e, &index(path, i), scope) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// At least one operand, all of one type from `allowed`.
    fn same_type(
        &mut self,
        of: &[Expr],
        path: &str,
        scope: &mut Scope,
        allowed: &[Ty],
        op: &str,
    ) -> Option<(Vec<Node>, Ty)> {
        let typed = self.operands(of, path, scope)?;
        if typed.is_empty() {
            self.err(path, format!("`{op}` needs at least one operand"));
            return None;
        }
        let mut ty: Option<Ty> = None;
        for (i, (_, t)) in typed.iter().enumerate() {
            self.unify(&mut ty, *t, &index(path, i), allowed);
        }
        Some((typed.into_iter().map(|(n, _)| n).collect(), ty?))
    }

    /// All operands share one type, from the allowed list (any type if the list is empty).
    fn unify(&mut self, ty: &mut Option<Ty>, t: Ty, path: &str, allowed: &[Ty]) {
        if !allowed.is_empty() && !allowed.contains(&t) {
            let names: Vec<&str> = allowed.iter().map(|t| t.describe()).collect();
            self.err(path, format!("expected {}, found {}", names.join(" or "), t.describe()));
            return;
        }
        match ty {
            None => *ty = Some(t),
            Some(prev) if *prev == t => {}
            Some(prev) => {
                let prev = *prev;
                self.err(
                    path,
                    format!("expected {} like the others, found {}", prev.describe(), t.describe()),
                );
            }
        }
    }

    fn no_round(&mut self, a: &Args, path: &str) {
        if a.round.is_some() {
            self.err(
                join(path, "round"),
                "only `product` and `divide` take a rounding; wrap this in `round` instead",
            );
        }
    }

    /// A rounding's direction and its step (`to`), in pence for money, in units for a number.
    fn rounding(&mut self, path: &str, r: &Rounding, money: bool) {
        if let Err(e) = r.resolved_direction() {
            self.err(join(path, "better"), e);
        }
        if let Err(e) = r.step(money) {
            self.err(join(path, "to"), e);
        }
    }
}
