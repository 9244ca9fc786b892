//! Conversions: `weekly` (an amount per period as per week), `round`, and money ranges
//! (`range`, `lower`, `upper`).

use super::super::{Checker, Scope};
use crate::expr::{Expr, RangeExpr, RoundExpr, Weekly};
use carebudget_core::diagnostic::join;
use carebudget_core::program::*;

impl Checker<'_> {
    pub(super) fn weekly(&mut self, w: &Weekly, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let (n, t) = self.expr(&w.value, &join(at, "value"), scope)?;
        if t != Ty::Periodic {
            self.err(
                join(at, "value"),
                format!("`weekly` converts money given per period, but this is {}", t.describe()),
            );
            return None;
        }
        self.rounding(&join(at, "round"), &w.round, true);
        Some((Node::Weekly(Box::new(n), w.round.clone()), Ty::Money))
    }

    pub(super) fn round(&mut self, r: &RoundExpr, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let (n, t) = self.expr(&r.value, &join(at, "value"), scope)?;
        if !matches!(t, Ty::Money | Ty::Number) {
            self.err(
                join(at, "value"),
                format!("only money and numbers can be rounded, not {}", t.describe()),
            );
            return None;
        }
        // The rounding's fields sit beside `value`, so its errors are at `round.to` etc.
        self.rounding(at, &r.rounding, t == Ty::Money);
        let unit = if t == Ty::Money { Unit::Money } else { Unit::Number };
        Some((Node::Round(Box::new(n), r.rounding.clone(), unit), t))
    }

    pub(super) fn range(&mut self, r: &RangeExpr, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let lo = self.expr(&r.lower, &join(at, "lower"), scope);
        let hi = self.expr(&r.upper, &join(at, "upper"), scope);
        let ((lo, lt), (hi, ht)) = (lo?, hi?);
        if lt != Ty::Money || ht != Ty::Money {
            self.err(at, "a range is two amounts of money");
            return None;
        }
        Some((Node::Range(Box::new([lo, hi])), Ty::Range))
    }

    /// `lower` or `upper`: one end of a money range.
    pub(super) fn lower_or_upper(&mut self, e: &Expr, x: &Expr, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let op = e.operator();
        let (n, t) = self.expr(x, at, scope)?;
        if t != Ty::Range {
            self.err(at, format!("`{op}` takes a money range, not {}", t.describe()));
            return None;
        }
        let node = match e {
            Expr::Lower(_) => Node::Lower(Box::new(n)),
            _ => Node::Upper(Box::new(n)),
        };
        Some((node, Ty::Money))
    }
}
