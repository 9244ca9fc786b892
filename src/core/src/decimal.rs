//! Exact decimals for rates, percentages and points: `mantissa × 10^-scale`, with at most 28
//! decimal places and a mantissa below 2^96 — the range and precision of `rust_decimal`,
//! which this replaces in the engine (it stays as the oracle of the property tests, see
//! `tests/decimal.rs`). Our own because the widget uses only this much of it: a few hundred
//! lines of `i128` arithmetic, smaller in WebAssembly than rust_decimal (docs/widget.md,
//! "Size").
//!
//! Every operation is checked: it returns `None` rather than overflow or panic. Sums,
//! differences and products are exact where the exact result fits; where it needs more
//! than 28 decimal places or a mantissa of 96 bits or more, the last places are rounded
//! half to even (as rust_decimal does), and only an integer part too large for the range
//! is an error. Quotients are carried to as many places as fit, then rounded the same way.

use std::cmp::Ordering;
use std::fmt;

/// The largest mantissa: 2^96 − 1 = 79,228,162,514,264,337,593,543,950,335.
const MAX_MANTISSA: u128 = (1 << 96) - 1;
/// The most decimal places.
pub const MAX_SCALE: u32 = 28;

#[derive(Clone, Copy, Debug)]
pub struct Decimal {
    /// Always within ±`MAX_MANTISSA`.
    m: i128,
    /// Always at most `MAX_SCALE`.
    s: u8,
}

/// 10^n for n ≤ 38.
const fn pow10(n: u32) -> u128 {
    let mut p = 1u128;
    let mut i = 0;
    while i < n {
        p *= 10;
        i += 1;
    }
    p
}

impl Decimal {
    pub const ZERO: Decimal = Decimal { m: 0, s: 0 };
    pub const ONE: Decimal = Decimal { m: 1, s: 0 };
    pub const ONE_HUNDRED: Decimal = Decimal { m: 100, s: 0 };
    pub const MAX: Decimal = Decimal {
        m: MAX_MANTISSA as i128,
        s: 0,
    };
    pub const MIN: Decimal = Decimal {
        m: -(MAX_MANTISSA as i128),
        s: 0,
    };

    /// `m × 10^-scale`, for constants: the scale must be at most 28.
    pub const fn new(m: i64, scale: u32) -> Decimal {
        assert!(scale <= MAX_SCALE);
        Decimal {
            m: m as i128,
            s: scale as u8,
        }
    }

    /// `m × 10^-scale`, or `None` where the mantissa or the scale is out of range.
    pub fn try_from_i128_with_scale(m: i128, scale: u32) -> Option<Decimal> {
        (m.unsigned_abs() <= MAX_MANTISSA && scale <= MAX_SCALE).then_some(Decimal { m, s: scale as u8 })
    }

    pub fn mantissa(self) -> i128 {
        self.m
    }

    pub fn scale(self) -> u32 {
        u32::from(self.s)
    }

    pub fn is_zero(self) -> bool {
        self.m == 0
    }

    pub fn abs(self) -> Decimal {
        Decimal {
            m: self.m.abs(),
            s: self.s,
        }
    }

    /// The same value with no trailing zeros after the point: 1.50 → 1.5, 2.00 → 2.
    pub fn normalize(self) -> Decimal {
        let (mut m, mut s) = (self.m, self.s);
        while s > 0 && m % 10 == 0 {
            m /= 10;
            s -= 1;
        }
        Decimal {
            m,
            s: if m == 0 { 0 } else { s },
        }
    }

    /// The whole part, towards zero, and the fraction (with the sign of `self`).
    fn split(self) -> (i128, i128) {
        let p = pow10(self.scale()) as i128;
        (self.m / p, self.m % p)
    }

    /// The fraction alone: 12.34 → 0.34, −1.5 → −0.5.
    pub fn fract(self) -> Decimal {
        Decimal {
            m: self.split().1,
            s: self.s,
        }
    }

    /// The whole part, towards zero.
    pub fn trunc_i128(self) -> i128 {
        self.split().0
    }

    /// The largest whole number not above `self`.
    pub fn floor(self) -> Decimal {
        let (whole, frac) = self.split();
        Decimal::from(whole - i128::from(frac < 0))
    }

    /// The smallest whole number not below `self`.
    pub fn ceil(self) -> Decimal {
        let (whole, frac) = self.split();
        Decimal::from(whole + i128::from(frac > 0))
    }

    /// A rate as a percentage: 0.35 → "35%". A rate too large to multiply by 100 (never a
    /// real one) is shown as it is.
    pub fn percent_text(self) -> String {
        match self.checked_mul(Decimal::ONE_HUNDRED) {
            Some(p) => format!("{}%", p.normalize()),
            None => self.normalize().to_string(),
        }
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        // Both at the larger scale, exactly (held as 256 bits), then brought into range.
        let s = self.s.max(other.s);
        let a = Wide::mul(self.m.unsigned_abs(), pow10(u32::from(s - self.s)));
        let b = Wide::mul(other.m.unsigned_abs(), pow10(u32::from(s - other.s)));
        let (mag, negative) = if (self.m < 0) == (other.m < 0) {
            (a.add(&b), self.m < 0)
        } else if a.ge(&b) {
            (a.sub(&b), self.m < 0)
        } else {
            (b.sub(&a), other.m < 0)
        };
        fit(mag, negative, u32::from(s))
    }

    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        self.checked_add(Decimal {
            m: -other.m,
            s: other.s,
        })
    }

    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let negative = (self.m < 0) != (other.m < 0);
        let scale = u32::from(self.s) + u32::from(other.s);
        let (a, b) = (self.m.unsigned_abs(), other.m.unsigned_abs());
        // Mantissas below 2^96 multiply to below 2^192: held as 256 bits, then cut down.
        fit(Wide::mul(a, b), negative, scale)
    }

    pub fn checked_div(self, other: Decimal) -> Option<Decimal> {
        if other.m == 0 {
            return None;
        }
        let negative = (self.m < 0) != (other.m < 0);
        let (a, b) = (self.m.unsigned_abs(), other.m.unsigned_abs());
        // a/b × 10^(other.s − self.s): digits of a/b are produced one place at a time; the
        // quotient's scale starts at self.s − other.s and must end at 0 or more.
        let mut q = a / b;
        let mut r = a % b;
        let mut scale = i32::from(self.s) - i32::from(other.s);
        let digit = |r: &mut u128| {
            let t = *r * 10;
            *r = t % b;
            (t / b) as u8
        };
        while scale < 0 {
            q = q.checked_mul(10)?.checked_add(u128::from(digit(&mut r)))?;
            if q > MAX_MANTISSA {
                return None;
            }
            scale += 1;
        }
        // More places while they fit.
        while r != 0 && scale < MAX_SCALE as i32 {
            let (r2, d) = {
                let mut r2 = r;
                let d = digit(&mut r2);
                (r2, d)
            };
            let next = q * 10 + u128::from(d);
            if next > MAX_MANTISSA {
                break;
            }
            q = next;
            r = r2;
            scale += 1;
        }
        let m = if r == 0 {
            q
        } else {
            let mut r2 = r;
            let d = digit(&mut r2);
            round_half_even(q, d, r2 != 0)?
        };
        fit(Wide::from(m), negative, scale as u32)
    }
}

/// Rounds `q` followed by the digit `next` (and anything after it, `sticky`) to a whole
/// number, half to even.
fn round_half_even(q: u128, next: u8, sticky: bool) -> Option<u128> {
    let up = next > 5 || (next == 5 && (sticky || q % 2 == 1));
    if up { q.checked_add(1) } else { Some(q) }
}

/// Brings `mag × 10^-scale` into range: fewer places, rounded half to even once, while the
/// mantissa is 2^96 or more or the places more than 28; `None` if the whole part itself is
/// too large. (A carry that then overflows, 99…9 up to 2^96, is cut once more: a second
/// rounding only at the very end of the range.)
fn fit(mut mag: Wide, negative: bool, mut scale: u32) -> Option<Decimal> {
    let too_big = |w: &Wide| w.hi != 0 || w.lo > MAX_MANTISSA;
    let (mut last, mut sticky, mut cut) = (0u8, false, false);
    while too_big(&mag) || scale > MAX_SCALE {
        if scale == 0 {
            return None;
        }
        sticky |= last != 0;
        last = mag.div10();
        scale -= 1;
        cut = true;
    }
    let mut m = mag.lo;
    if cut {
        m = round_half_even(m, last, sticky)?;
        if m > MAX_MANTISSA {
            if scale == 0 {
                return None;
            }
            m = round_half_even(m / 10, (m % 10) as u8, false)?;
            scale -= 1;
        }
    }
    Some(Decimal {
        m: if negative { -(m as i128) } else { m as i128 },
        s: scale as u8,
    })
}

/// An unsigned 256-bit number, for products of two 96-bit mantissas.
struct Wide {
    hi: u128,
    lo: u128,
}

impl From<u128> for Wide {
    fn from(lo: u128) -> Wide {
        Wide { hi: 0, lo }
    }
}

impl Wide {
    fn mul(a: u128, b: u128) -> Wide {
        let (a1, a0) = (a >> 64, a & u64::MAX as u128);
        let (b1, b0) = (b >> 64, b & u64::MAX as u128);
        let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
        let mid = (p00 >> 64) + (p01 & u64::MAX as u128) + (p10 & u64::MAX as u128);
        let lo = (p00 & u64::MAX as u128) | (mid << 64);
        let hi = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
        Wide { hi, lo }
    }

    fn add(&self, o: &Wide) -> Wide {
        let (lo, carry) = self.lo.overflowing_add(o.lo);
        // Below 2^193 + 2^193: never beyond 256 bits.
        Wide {
            hi: self.hi + o.hi + u128::from(carry),
            lo,
        }
    }

    /// `self − o`, for `self ≥ o`.
    fn sub(&self, o: &Wide) -> Wide {
        let (lo, borrow) = self.lo.overflowing_sub(o.lo);
        Wide {
            hi: self.hi - o.hi - u128::from(borrow),
            lo,
        }
    }

    fn ge(&self, o: &Wide) -> bool {
        (self.hi, self.lo) >= (o.hi, o.lo)
    }

    /// Divides by ten in place; returns the remainder.
    fn div10(&mut self) -> u8 {
        let limbs = [
            (self.hi >> 64) as u64,
            self.hi as u64,
            (self.lo >> 64) as u64,
            self.lo as u64,
        ];
        let mut out = [0u64; 4];
        let mut rem = 0u128;
        for (o, l) in out.iter_mut().zip(limbs) {
            let cur = (rem << 64) | u128::from(l);
            *o = (cur / 10) as u64;
            rem = cur % 10;
        }
        self.hi = (u128::from(out[0]) << 64) | u128::from(out[1]);
        self.lo = (u128::from(out[2]) << 64) | u128::from(out[3]);
        rem as u8
    }
}

impl From<i128> for Decimal {
    /// Whole numbers; saturating at the range's ends (callers pass small counts and pence).
    fn from(n: i128) -> Decimal {
        Decimal {
            m: n.clamp(-(MAX_MANTISSA as i128), MAX_MANTISSA as i128),
            s: 0,
        }
    }
}

macro_rules! from_int {
    ($($t:ty),*) => {$(
        impl From<$t> for Decimal {
            fn from(n: $t) -> Decimal {
                Decimal { m: n as i128, s: 0 }
            }
        }
    )*};
}
from_int!(i64, i32, u64, u32, u16);

impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    /// By value: 1.5 and 1.50 are equal. Whole parts first, then the fractions at a common
    /// scale (a fraction times 10^k stays below 10^28, so nothing overflows).
    fn cmp(&self, other: &Decimal) -> Ordering {
        let ((wa, fa), (wb, fb)) = (self.split(), other.split());
        wa.cmp(&wb).then_with(|| {
            let s = self.s.max(other.s);
            let fa = fa * pow10(u32::from(s - self.s)) as i128;
            let fb = fb * pow10(u32::from(s - other.s)) as i128;
            fa.cmp(&fb)
        })
    }
}

impl fmt::Display for Decimal {
    /// Every place the scale holds: `1.50`, `-0.001`, `12`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.m.unsigned_abs().to_string();
        let s = self.scale() as usize;
        let sign = if self.m < 0 { "-" } else { "" };
        if s == 0 {
            write!(f, "{sign}{digits}")
        } else if digits.len() > s {
            let (whole, frac) = digits.split_at(digits.len() - s);
            write!(f, "{sign}{whole}.{frac}")
        } else {
            write!(f, "{sign}0.{}{digits}", "0".repeat(s - digits.len()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: i128, s: u32) -> Decimal {
        Decimal::try_from_i128_with_scale(m, s).unwrap()
    }

    #[test]
    fn arithmetic_is_exact_where_it_fits() {
        assert_eq!(d(15, 1).checked_add(d(25, 2)), Some(d(175, 2)));
        assert_eq!(
            d(1, 0).checked_sub(d(1, 28)),
            Some(d(9_999_999_999_999_999_999_999_999_999, 28))
        );
        assert_eq!(d(35, 2).checked_mul(d(20000, 0)), Some(d(7000, 0)));
        assert_eq!(d(1, 0).checked_div(d(4, 0)), Some(d(25, 2)));
        assert_eq!(d(-7, 0).checked_div(d(2, 0)), Some(d(-35, 1)));
        assert_eq!(d(1, 0).checked_div(d(0, 0)), None);
    }

    #[test]
    fn thirds_are_carried_to_28_places_and_rounded() {
        let third = d(1, 0).checked_div(d(3, 0)).unwrap();
        assert_eq!(third.to_string(), "0.3333333333333333333333333333");
        let two_thirds = d(2, 0).checked_div(d(3, 0)).unwrap();
        assert_eq!(two_thirds.to_string(), "0.6666666666666666666666666667");
    }

    #[test]
    fn the_range_ends_are_errors_not_wraps() {
        assert_eq!(Decimal::MAX.checked_add(Decimal::ONE), None);
        assert_eq!(Decimal::MAX.checked_mul(d(2, 0)), None);
        assert_eq!(Decimal::MIN.checked_sub(Decimal::ONE), None);
        assert_eq!(Decimal::MAX.checked_div(d(1, 28)), None);
        // A product needing more than 28 places is rounded, not refused.
        assert_eq!(d(1, 28).checked_mul(d(1, 1)), Some(Decimal::ZERO));
        assert_eq!(d(5, 28).checked_mul(d(1, 1)), Some(Decimal::ZERO)); // 0.5e-28: half to even
        assert_eq!(d(15, 28).checked_mul(d(1, 1)), Some(d(2, 28)));
    }

    #[test]
    fn order_and_equality_are_by_value() {
        assert_eq!(d(150, 2), d(15, 1));
        assert!(d(-15, 1) < d(-1, 0));
        assert!(d(1, 28) > Decimal::ZERO);
        assert!(Decimal::MIN < Decimal::MAX);
        assert_eq!(d(150, 2).normalize().to_string(), "1.5");
        assert_eq!(d(-1, 3).to_string(), "-0.001");
        assert_eq!(d(-150, 2).floor(), d(-2, 0));
        assert_eq!(d(-150, 2).ceil(), d(-1, 0));
        assert_eq!(d(-150, 2).fract(), d(-50, 2));
    }
}
