//! Comparisons, `all`, `any`, `not`, `at_least` and `cases`.

use super::super::{Checker, Scope};
use crate::expr::{Args, AtLeast, Case, Expr};
use carebudget_core::diagnostic::{index, join};
use carebudget_core::limits::*;
use carebudget_core::program::*;

impl Checker<'_> {
    /// Two things of one type: ordered (money, numbers, dates), or yes/no for `eq` and `ne`.
    pub(super) fn compare(&mut self, e: &Expr, a: &Args, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let op = match e {
            Expr::Gt(_) => CmpOp::Gt,
            Expr::Ge(_) => CmpOp::Ge,
            Expr::Lt(_) => CmpOp::Lt,
            Expr::Le(_) => CmpOp::Le,
            Expr::Eq(_) => CmpOp::Eq,
            _ => CmpOp::Ne,
        };
        self.no_round(a, at);
        let typed = self.operands(&a.of, at, scope)?;
        if typed.len() != 2 {
            self.err(at, format!("`{}` compares exactly two things", e.operator()));
            return None;
        }
        let mut it = typed.into_iter();
        let ((l, lt), (r, rt)) = (it.next()?, it.next()?);
        let ordered = matches!(lt, Ty::Money | Ty::Number | Ty::Date);
        let equatable = ordered || lt == Ty::Bool;
        if lt != rt || !(ordered || (equatable && matches!(op, CmpOp::Eq | CmpOp::Ne))) {
            // Choices are compared by their options, which `answer_in` checks exist.
            let hint = if matches!(lt, Ty::Choice(_)) || matches!(rt, Ty::Choice(_)) {
                "; use `answer_in` for a choice"
            } else {
                ""
            };
            self.err(
                at,
                format!("cannot compare {} with {}{hint}", lt.describe(), rt.describe()),
            );
            return None;
        }
        Some((Node::Cmp(op, Box::new([l, r])), Ty::Bool))
    }

    pub(super) fn all_or_any(&mut self, e: &Expr, a: &Args, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let (nodes, _) = self.same_type(&a.of, at, scope, &[Ty::Bool], e.operator())?;
        self.no_round(a, at);
        let node = match e {
            Expr::All(_) => Node::All(nodes),
            _ => Node::Any(nodes),
        };
        Some((node, Ty::Bool))
    }

    pub(super) fn not(&mut self, x: &Expr, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let (n, t) = self.expr(x, at, scope)?;
        if t != Ty::Bool {
            self.err(at, format!("`not` needs yes/no, but this is {}", t.describe()));
            return None;
        }
        Some((Node::Not(Box::new(n)), Ty::Bool))
    }

    pub(super) fn at_least(&mut self, a: &AtLeast, op: &str, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let (nodes, _) = self.same_type(&a.of, &join(at, "of"), scope, &[Ty::Bool], op)?;
        if a.n as usize > nodes.len() || a.n == 0 {
            self.err(
                join(at, "n"),
                format!("`n` must be between 1 and the number of conditions ({})", nodes.len()),
            );
        }
        Some((Node::AtLeast(a.n, nodes), Ty::Bool))
    }

    /// `{if: …, then: …}` arms of one type, ending with `{else: …}`.
    pub(super) fn cases(&mut self, cases: &[Case], path: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let mut arms = Vec::new();
        let mut otherwise = None;
        let mut ty: Option<Ty> = None;
        if cases.len() > MAX_TABLE_ROWS {
            self.err(
                path,
                format!("has {} cases; the limit is {MAX_TABLE_ROWS}", cases.len()),
            );
            return None;
        }
        for (i, c) in cases.iter().enumerate() {
            let cpath = index(path, i);
            let last = i + 1 == cases.len();
            match (&c.when, &c.then, &c.otherwise) {
                (Some(w), Some(t), None) => {
                    if let Some(arm) = self.arm(w, t, &cpath, scope, &mut ty) {
                        arms.push(arm);
                    }
                }
                (None, None, Some(o)) if last => {
                    if let Some((n, t)) = self.expr(o, &join(&cpath, "else"), scope) {
                        self.unify(&mut ty, t, &join(&cpath, "else"), &[]);
                        otherwise = Some(n);
                    }
                }
                (None, None, Some(_)) => self.err(cpath, "`else` must be the last case"),
                _ => self.err(
                    cpath,
                    "each case is `{if: …, then: …}`, and the last may be `{else: …}`",
                ),
            }
        }
        let Some(otherwise) = otherwise else {
            if !cases.iter().any(|c| c.otherwise.is_some()) {
                self.err(path, "`cases` must end with `{else: …}` so every answer has a result");
            }
            return None;
        };
        Some((Node::Cases(arms, Box::new(otherwise)), ty?))
    }

    /// One `{if: …, then: …}`: a yes/no condition, and a result of the arms' type.
    fn arm(
        &mut self,
        when: &Expr,
        then: &Expr,
        cpath: &str,
        scope: &mut Scope,
        ty: &mut Option<Ty>,
    ) -> Option<(Node, Node)> {
        let w = self.expr(when, &join(cpath, "if"), scope);
        let t = self.expr(then, &join(cpath, "then"), scope);
        let ((wn, wt), (tn, tt)) = (w?, t?);
        if wt != Ty::Bool {
            self.err(
                join(cpath, "if"),
                format!("`if` needs yes/no, but this is {}", wt.describe()),
            );
        }
        self.unify(ty, tt, &join(cpath, "then"), &[]);
        Some((wn, tn))
    }
}
