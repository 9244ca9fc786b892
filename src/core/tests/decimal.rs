//! Our exact decimal type (`carebudget_core::decimal`) against rust_decimal, the oracle: every
//! operation the engine uses, on random values across the whole range (mantissas up to
//! 2^96 − 1, 0 to 28 places).
//!
//! Sums, differences and products must equal the oracle's to the last place, including where
//! a result needs rounding (both round half to even). Quotients are compared after both are
//! rounded to 26 places: the two carry the 28th place differently at the edge of the range.
//! (Run with `PROPTEST_CASES=100000` for a deeper check.)

use carebudget_core::decimal::Decimal;
use proptest::prelude::*;
use rust_decimal::Decimal as Oracle;

fn ours(m: i128, s: u32) -> Decimal {
    Decimal::try_from_i128_with_scale(m, s).unwrap()
}

fn theirs(m: i128, s: u32) -> Oracle {
    Oracle::from_i128_with_scale(m, s)
}

/// The oracle's value as ours (same mantissa and scale), for comparing.
fn from_oracle(o: Oracle) -> Decimal {
    ours(o.mantissa(), o.scale())
}

const MAX: i128 = (1 << 96) - 1;

/// Mantissas from everywhere in the range: small ones (where real rates live) most often.
fn mantissa() -> impl Strategy<Value = i128> {
    prop_oneof![
        -1_000_000i128..1_000_000,
        -10_000_000_000_000_000i128..10_000_000_000_000_000,
        -MAX..=MAX,
    ]
}

fn decimal() -> impl Strategy<Value = (i128, u32)> {
    (mantissa(), prop_oneof![0u32..=4, 0u32..=28])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn add_sub_mul_agree((am, as_) in decimal(), (bm, bs) in decimal()) {
        let (a, b) = (ours(am, as_), ours(bm, bs));
        let (x, y) = (theirs(am, as_), theirs(bm, bs));
        prop_assert_eq!(a.checked_add(b), x.checked_add(y).map(from_oracle), "{} + {}", a, b);
        prop_assert_eq!(a.checked_sub(b), x.checked_sub(y).map(from_oracle), "{} - {}", a, b);
        prop_assert_eq!(a.checked_mul(b), x.checked_mul(y).map(from_oracle), "{} * {}", a, b);
    }

    #[test]
    fn div_agrees_to_26_places((am, as_) in decimal(), (bm, bs) in decimal()) {
        let (a, b) = (ours(am, as_), ours(bm, bs));
        let (x, y) = (theirs(am, as_), theirs(bm, bs));
        let mine = a.checked_div(b);
        let oracle = x.checked_div(y);
        prop_assert_eq!(mine.is_some(), oracle.is_some(), "{} / {}: {:?} against {:?}", a, b, mine, oracle);
        if let (Some(m), Some(o)) = (mine, oracle) {
            let m26 = theirs(m.mantissa(), m.scale()).round_dp(26);
            prop_assert_eq!(m26, o.round_dp(26), "{} / {}", a, b);
        }
    }

    #[test]
    fn order_whole_parts_and_words_agree((am, as_) in decimal(), (bm, bs) in decimal()) {
        let (a, b) = (ours(am, as_), ours(bm, bs));
        let (x, y) = (theirs(am, as_), theirs(bm, bs));
        prop_assert_eq!(a.cmp(&b), x.cmp(&y));
        prop_assert_eq!(a == b, x == y);
        prop_assert_eq!(a.floor(), from_oracle(x.floor()));
        prop_assert_eq!(a.ceil(), from_oracle(x.ceil()));
        prop_assert_eq!(a.fract(), from_oracle(x.fract()));
        prop_assert_eq!(a.to_string(), x.to_string());
        prop_assert_eq!(a.normalize().to_string(), x.normalize().to_string());
        prop_assert_eq!(a.abs(), from_oracle(x.abs()));
    }

    /// Rounding to a step, as evaluation does it (divide, whole number, multiply back).
    #[test]
    fn rounding_to_a_step_agrees((am, as_) in decimal(), step in 1i64..10_000, sscale in 0u32..4) {
        use carebudget_core::money::{Direction, round_to_step};
        let a = ours(am, as_);
        let x = theirs(am, as_);
        let st = Decimal::new(step, sscale);
        let sy = Oracle::new(step, sscale);
        for (dir, f) in [
            (Direction::Down, (|q: Oracle| q.floor()) as fn(Oracle) -> Oracle),
            (Direction::Up, |q: Oracle| q.ceil()),
        ] {
            let mine = round_to_step(a, st, dir).ok();
            let oracle = x.checked_div(sy).map(f).and_then(|n| n.checked_mul(sy));
            prop_assert_eq!(mine, oracle.map(from_oracle), "{} to {} {:?}", a, st, dir);
        }
    }

    /// A rate read from text, as rulesets and answers give it.
    #[test]
    fn parsing_agrees((am, as_) in decimal()) {
        let text = theirs(am, as_).to_string();
        // parse_decimal reads at most 30 characters (its documented limit).
        prop_assume!(text.len() <= 30);
        let mine = carebudget_core::money::parse_decimal(&text).unwrap();
        prop_assert_eq!(mine, ours(am, as_));
        prop_assert_eq!(mine.to_string(), text);
    }
}

#[test]
fn parsing_agrees_at_the_edges() {
    for text in [
        "0",
        "12",
        "-3.5",
        "0.35",
        "79228162514264337593543950335",
        "0.0000000000000000000000000001",
        "+2.50",
    ] {
        let mine = carebudget_core::money::parse_decimal(text).unwrap();
        let oracle: Oracle = text.trim_start_matches('+').parse().unwrap();
        assert_eq!(mine, from_oracle(oracle), "{text}");
        assert_eq!(mine.to_string(), oracle.to_string(), "{text}");
    }
}
