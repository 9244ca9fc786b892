//! Invariants over many generated inputs: evaluation is deterministic, money arithmetic is
//! exact, a band table is monotone where its bounds are, and tariff income matches its
//! closed form.

mod common;
use carebudget_core::text::Lang;
use common::*;

use carebudget_core::eval::Outcome;
use carebudget_core::money::Money;
use carebudget_core::program::Value;
use proptest::prelude::*;

fn pence(o: &Outcome) -> i64 {
    match o {
        Outcome::Known(Value::Money(m)) => m.pence(),
        other => panic!("expected money, got {other:?}"),
    }
}

fn example() -> carebudget_format::Loaded {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/rules/example.yaml")).unwrap();
    carebudget_format::load(carebudget_format::SourceFile::new("example.yaml", text), &mut |_| None).unwrap()
}

fn answers(capital: i64, pension: i64, outcomes: &[&str], mobility: &str, family: bool) -> String {
    format!(
        "date_of_birth: 1950-03-01\nimpairment: true\noutcomes: [{}]\nmobility: {mobility}\nfamily_help: {family}\ncapital: \"{}\"\npension: {{amount: \"{}\", period: monthly}}\n",
        outcomes.join(", "),
        Money::new(capital).plain(),
        Money::new(pension).plain()
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn evaluation_is_deterministic(capital in 0i64..5_000_000, pension in 0i64..500_000, family: bool, mob in 0usize..3) {
        let l = example();
        let mobility = ["fine", "some", "full"][mob];
        let a = answers(capital, pension, &["meals", "toilet"], mobility, family);
        let one = run(&l, &a, "2025-06-01");
        let two = run(&l, &a, "2025-06-01");
        prop_assert_eq!(&one.rules, &two.rules);
        prop_assert_eq!(&one.inputs, &two.inputs);
        let r1 = serde_json::to_string(&carebudget_core::explain::explain(&l.program, &one, Lang::En, false)).unwrap();
        let r2 = serde_json::to_string(&carebudget_core::explain::explain(&l.program, &two, Lang::En, false)).unwrap();
        prop_assert_eq!(r1, r2);
    }

    #[test]
    fn money_sums_are_exact(xs in proptest::collection::vec(-1_000_000_000i64..1_000_000_000, 1..8)) {
        let terms: Vec<String> = xs.iter().map(|p| format!("\"£{}\"", Money::new(*p).plain())).collect();
        let body = format!("rules:\n  r: {{type: money, label: R, formula: {{sum: [{}]}}}}\n", terms.join(", "));
        prop_assert_eq!(pence(&value(&body, "", "r")), xs.iter().sum::<i64>());
    }

    #[test]
    fn money_parses_and_prints_without_loss(p in -1_000_000_000_000i64..1_000_000_000_000) {
        prop_assert_eq!(Money::parse(&Money::new(p).to_string()), Ok(Money::new(p)));
        prop_assert_eq!(Money::parse(&Money::new(p).plain()), Ok(Money::new(p)));
    }

    #[test]
    fn tariff_matches_its_closed_form(capital in 0i64..10_000_000) {
        let body = "inputs:\n  c: {type: money, section: main, question: C}\nrules:\n  t: {type: money, label: T, formula: {tariff: {value: c, above: \"£14250\", per: \"£250\", amount: \"£1\"}}}\n";
        let got = pence(&value(body, &format!("c: \"{}\"", Money::new(capital).plain()), "t"));
        // ceil((capital − £14,250) / £250) pounds, and nothing at or below the limit.
        let excess = capital - 1_425_000;
        let want = if excess <= 0 { 0 } else { ((excess + 24_999) / 25_000) * 100 };
        prop_assert_eq!(got, want);
    }

    #[test]
    fn more_points_never_give_a_lower_band(a in 0i64..40, b in 0i64..40) {
        let body = "inputs:\n  n: {type: number, section: main, question: N}\nrules:\n  band:\n    type: range\n    label: B\n    formula: {bands: {value: n, bands: [{from: 0, lower: \"£0\", upper: \"£0\"}, {from: 1, lower: \"£40\", upper: \"£60\"}, {from: 8, lower: \"£90\", upper: \"£130\"}, {from: 14, lower: \"£150\", upper: \"£210\"}]}}\n  lo: {type: money, label: L, formula: {lower: band}}\n  hi: {type: money, label: H, formula: {upper: band}}\n";
        let (lo, hi) = (a.min(b), a.max(b));
        let l = load(body);
        let at = |n: i64, r: &str| pence(&rule(&l, &run(&l, &format!("n: {n}"), "2025-06-01"), r));
        prop_assert!(at(lo, "lo") <= at(hi, "lo"));
        prop_assert!(at(lo, "hi") <= at(hi, "hi"));
    }

    #[test]
    fn more_capital_never_lowers_the_contribution(c1 in 0i64..4_000_000, c2 in 0i64..4_000_000, pension in 0i64..300_000) {
        let l = example();
        let at = |c: i64| pence(&rule(&l, &run(&l, &answers(c, pension, &["meals", "toilet"], "full", false), "2025-06-01"), "contribution"));
        prop_assert!(at(c1.min(c2)) <= at(c1.max(c2)));
    }
}
