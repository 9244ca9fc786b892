//! Sums, differences, the least or greatest, products, quotients and clamps.

use super::super::{Checker, Scope};
use crate::expr::{Args, Clamp, Expr};
use carebudget_core::diagnostic::{index, join};
use carebudget_core::program::*;

impl Checker<'_> {
    /// `sum`, `difference`, `min` and `max`: one or more operands of one type.
    pub(super) fn fold(&mut self, e: &Expr, a: &Args, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        // The earlier or later of two dates makes sense; their sum does not.
        let allowed: &[Ty] = match e {
            Expr::Min(_) | Expr::Max(_) => &[Ty::Money, Ty::Number, Ty::Date],
            _ => &[Ty::Money, Ty::Number],
        };
        let (nodes, ty) = self.same_type(&a.of, at, scope, allowed, e.operator())?;
        self.no_round(a, at);
        let node = match e {
            Expr::Sum(_) => Node::Sum(nodes),
            Expr::Difference(_) if nodes.len() < 2 => {
                self.err(at, "`difference` needs at least two operands: the first minus the rest");
                return None;
            }
            Expr::Difference(_) => Node::Difference(nodes),
            Expr::Min(_) => Node::Min(nodes),
            _ => Node::Max(nodes),
        };
        Some((node, ty))
    }

    /// Money or numbers multiplied; money (at most one factor) must say how to round.
    pub(super) fn product(&mut self, a: &Args, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let typed = self.operands(&a.of, at, scope)?;
        if typed.len() < 2 {
            self.err(at, "`product` needs at least two operands");
        }
        let money = typed.iter().filter(|(_, t)| *t == Ty::Money).count();
        for (i, (_, t)) in typed.iter().enumerate() {
            if !matches!(t, Ty::Money | Ty::Number) {
                self.err(
                    index(at, i),
                    format!("only money and numbers can be multiplied, but this is {}", t.describe()),
                );
                return None;
            }
        }
        if money > 1 {
            self.err(
                at,
                "at most one operand of a product can be money (money × money is not money)",
            );
            return None;
        }
        let is_money = money == 1;
        if is_money && a.round.is_none() {
            self.err(join(at, "round"), "a product that gives money must say how to round, for example round: {direction: persons-favour, better: lower}");
        }
        if let Some(r) = &a.round {
            self.rounding(&join(at, "round"), r, is_money);
        }
        let nodes = typed.into_iter().map(|(n, _)| n).collect();
        let (unit, ty) = if is_money {
            (Unit::Money, Ty::Money)
        } else {
            (Unit::Number, Ty::Number)
        };
        Some((Node::Product(nodes, a.round.clone(), unit), ty))
    }

    /// Exactly two operands, and always a rounding: money by a number is money, and money
    /// by money or a number by a number is a number.
    pub(super) fn divide(&mut self, a: &Args, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let typed = self.operands(&a.of, at, scope)?;
        if typed.len() != 2 {
            self.err(
                at,
                "`divide` takes exactly two operands: the number divided and the number it is divided by",
            );
            return None;
        }
        let Some(round) = &a.round else {
            self.err(
                join(at, "round"),
                "a division must say how to round: round: {direction: down}",
            );
            return None;
        };
        let mut it = typed.into_iter();
        let ((n, nt), (d, dt)) = (it.next()?, it.next()?);
        let ty = match (nt, dt) {
            (Ty::Money, Ty::Number) => Ty::Money,
            (Ty::Money, Ty::Money) | (Ty::Number, Ty::Number) => Ty::Number,
            _ => {
                self.err(at, format!("cannot divide {} by {}", nt.describe(), dt.describe()));
                return None;
            }
        };
        self.rounding(&join(at, "round"), round, ty == Ty::Money);
        Some((Node::Divide(Box::new(n), Box::new(d), round.clone(), ty), ty))
    }

    pub(super) fn clamp(&mut self, c: &Clamp, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let v = self.expr(&c.value, &join(at, "value"), scope);
        let lo = self.expr(&c.min, &join(at, "min"), scope);
        let hi = self.expr(&c.max, &join(at, "max"), scope);
        let ((v, vt), (lo, lt), (hi, ht)) = (v?, lo?, hi?);
        if !matches!(vt, Ty::Money | Ty::Number) || lt != vt || ht != vt {
            self.err(
                at,
                format!(
                    "`clamp` needs value, min and max of one type (money or number), not {}, {} and {}",
                    vt.describe(),
                    lt.describe(),
                    ht.describe()
                ),
            );
            return None;
        }
        Some((Node::Clamp(Box::new([v, lo, hi])), vt))
    }
}
