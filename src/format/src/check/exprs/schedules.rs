//! Schedules of figures: `bands` (value → band), `scale` (straight lines between points)
//! and `tariff` (an amount for every step above a threshold).

use super::super::{Checker, Scope};
use crate::expr::{Band, Bands, Expr, Scale, Tariff};
use carebudget_core::diagnostic::{index, join};
use carebudget_core::limits::*;
use carebudget_core::program::*;
use carebudget_core::value::compare;

impl Checker<'_> {
    pub(super) fn bands(&mut self, b: &Bands, path: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let (v, vt) = self.expr(&b.value, &join(path, "value"), scope)?;
        if !matches!(vt, Ty::Money | Ty::Number) {
            self.err(
                join(path, "value"),
                format!("`bands` needs money or a number, not {}", vt.describe()),
            );
            return None;
        }
        if b.bands.is_empty() || b.bands.len() > MAX_TABLE_ROWS {
            self.err(
                join(path, "bands"),
                format!("a band table needs between 1 and {MAX_TABLE_ROWS} bands"),
            );
            return None;
        }
        let mut out_ty: Option<Ty> = None;
        let mut bands = Vec::new();
        for (i, band) in b.bands.iter().enumerate() {
            let bpath = index(&join(path, "bands"), i);
            let from = self.constant(&band.from, &join(&bpath, "from"), scope, vt);
            let out = self.band_out(band, &bpath, scope, &mut out_ty);
            if let (Some(from), Some(out)) = (from, out) {
                bands.push(BandNode { from, out });
            }
        }
        self.ascending(bands.iter().map(|b| &b.from), &join(path, "bands"));
        let node = Node::Bands {
            value: Box::new(v),
            bands,
        };
        Some((node, out_ty?))
    }

    /// What a band gives: a money range (`lower`, `upper`) or one `value`, of the bands' type.
    fn band_out(&mut self, band: &Band, bpath: &str, scope: &mut Scope, out_ty: &mut Option<Ty>) -> Option<BandOut> {
        match (&band.lower, &band.upper, &band.value) {
            (Some(lo), Some(hi), None) => {
                let lo = self.expr(lo, &join(bpath, "lower"), scope);
                let hi = self.expr(hi, &join(bpath, "upper"), scope);
                match (lo, hi) {
                    (Some((lo, Ty::Money)), Some((hi, Ty::Money))) => {
                        self.unify(out_ty, Ty::Range, bpath, &[]);
                        Some(BandOut::Range(lo, hi))
                    }
                    (Some(_), Some(_)) => {
                        self.err(bpath, "a band's `lower` and `upper` are amounts of money");
                        None
                    }
                    _ => None,
                }
            }
            (None, None, Some(val)) => {
                let (n, t) = self.expr(val, &join(bpath, "value"), scope)?;
                self.unify(out_ty, t, &join(bpath, "value"), &[Ty::Money, Ty::Number]);
                Some(BandOut::Value(n))
            }
            _ => {
                self.err(
                    bpath,
                    "a band has either `lower` and `upper` (a range) or a single `value`",
                );
                None
            }
        }
    }

    pub(super) fn scale(&mut self, s: &Scale, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let (v, vt) = self.expr(&s.value, &join(at, "value"), scope)?;
        if !matches!(vt, Ty::Money | Ty::Number) {
            self.err(
                join(at, "value"),
                format!("`scale` needs money or a number, not {}", vt.describe()),
            );
            return None;
        }
        if s.points.len() < 2 || s.points.len() > MAX_TABLE_ROWS {
            self.err(
                join(at, "points"),
                format!("a scale needs between 2 and {MAX_TABLE_ROWS} points"),
            );
            return None;
        }
        let mut yt: Option<Ty> = None;
        let mut points = Vec::new();
        for (i, (x, y)) in s.points.iter().enumerate() {
            let ppath = index(&join(at, "points"), i);
            let xs = self.constant(x, &index(&ppath, 0), scope, vt);
            let yn = self.expr(y, &index(&ppath, 1), scope);
            if let Some((yn, t)) = yn {
                self.unify(&mut yt, t, &index(&ppath, 1), &[Ty::Money, Ty::Number]);
                if let Some(xs) = xs {
                    points.push((xs, yn));
                }
            }
        }
        self.ascending(points.iter().map(|(x, _)| x), &join(at, "points"));
        let money = yt == Some(Ty::Money);
        let Some(round) = &s.round else {
            self.err(join(at, "round"), "a scale must say how to round its result");
            return None;
        };
        self.rounding(&join(at, "round"), round, money);
        let node = Node::Scale {
            value: Box::new(v),
            points,
            round: round.clone(),
            unit: if money { Unit::Money } else { Unit::Number },
        };
        Some((node, yt.unwrap_or(Ty::Number)))
    }

    /// All four parts are money.
    pub(super) fn tariff(&mut self, t: &Tariff, at: &str, scope: &mut Scope) -> Option<(Node, Ty)> {
        let mut parts = Vec::new();
        for (field, e) in [
            ("value", &t.value),
            ("above", &t.above),
            ("per", &t.per),
            ("amount", &t.amount),
        ] {
            let fpath = join(at, field);
            if let Some((n, ty)) = self.expr(e, &fpath, scope) {
                if ty != Ty::Money {
                    self.err(
                        fpath,
                        format!("`tariff` works in money, but `{field}` is {}", ty.describe()),
                    );
                }
                parts.push(n);
            }
        }
        let arr: [Node; 4] = parts.try_into().ok()?;
        Some((Node::Tariff(Box::new(arr)), Ty::Money))
    }

    /// A band or scale boundary: a constant or parameter of the value's type.
    fn constant(&mut self, e: &Expr, path: &str, scope: &mut Scope, want: Ty) -> Option<Node> {
        let (n, t) = self.expr(e, path, scope)?;
        if t != want {
            self.err(path, format!("expected {}, found {}", want.describe(), t.describe()));
            return None;
        }
        match &n {
            Node::Const(_) | Node::Ref(Ref::Param(_)) => Some(n),
            _ => {
                self.err(path, "a boundary must be a fixed figure or a parameter");
                None
            }
        }
    }

    /// Constant boundaries must strictly increase (parameters are checked when evaluated).
    fn ascending<'n>(&mut self, xs: impl Iterator<Item = &'n Node>, path: &str) {
        let mut prev: Option<&Value> = None;
        for (i, x) in xs.enumerate() {
            if let Node::Const(v) = x {
                if let Some(p) = prev
                    && compare(p, v) != Some(std::cmp::Ordering::Less)
                {
                    self.err(
                        index(path, i),
                        "boundaries must increase strictly from one row to the next",
                    );
                }
                prev = Some(v);
            }
        }
    }
}
