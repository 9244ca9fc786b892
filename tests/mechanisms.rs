//! Each expression mechanism, with expected values worked out by hand.

mod common;
use common::*;

use carebudget_core::eval::Outcome;
use carebudget_core::money::Money;
use carebudget_core::program::Value;

/// A ruleset with a money question `x`, a number question `n`, and one rule `r`.
fn with_rule(ty: &str, formula: &str) -> String {
    format!(
        "parameters:\n  limit: {{type: money, label: L, source: s, values: [{{from: 2020-01-01, value: \"100.00\"}}]}}\n\
         inputs:\n  x: {{type: money, section: main, question: X}}\n  n: {{type: number, section: main, question: N}}\n\
         rules:\n  r:\n    type: {ty}\n    label: R\n    formula: {formula}\n"
    )
}

fn eval(ty: &str, formula: &str, answers: &str) -> Outcome {
    value(&with_rule(ty, formula), answers, "r")
}

#[test]
fn arithmetic_on_money_is_exact_pence() {
    assert_eq!(
        eval("money", "{sum: [x, \"£0.10\", \"£0.20\"]}", "x: \"0.01\""),
        money("0.31")
    );
    assert_eq!(
        eval("money", "{difference: [x, limit, \"£0.01\"]}", "x: \"100.00\""),
        money("-0.01")
    );
    assert_eq!(eval("money", "{min: [x, limit]}", "x: \"99.99\""), money("99.99"));
    assert_eq!(eval("money", "{max: [x, limit]}", "x: \"99.99\""), money("100.00"));
    assert_eq!(
        eval("money", "{clamp: {value: x, min: \"£10\", max: limit}}", "x: \"150\""),
        money("100.00")
    );
    assert_eq!(
        eval("money", "{clamp: {value: x, min: \"£10\", max: limit}}", "x: \"5\""),
        money("10.00")
    );
    assert_eq!(
        eval("money", "{clamp: {value: x, min: \"£10\", max: limit}}", "x: \"50\""),
        money("50.00")
    );
}

#[test]
fn products_and_divisions_round_as_stated() {
    // £10.01 × 0.5 = £5.005: down → £5.00, up → £5.01, nearest (half up) → £5.01.
    let p = |dir: &str| {
        eval(
            "money",
            &format!("{{product: {{of: [x, n], round: {{direction: {dir}}}}}}}"),
            "x: \"10.01\"\nn: \"0.5\"",
        )
    };
    assert_eq!(p("down"), money("5.00"));
    assert_eq!(p("up"), money("5.01"));
    assert_eq!(p("nearest"), money("5.01"));
    // In the person's favour: a charge (lower is better) rounds down; an allowance rounds up.
    let f = |better: &str| {
        eval(
            "money",
            &format!("{{product: {{of: [x, n], round: {{direction: persons-favour, better: {better}}}}}}}"),
            "x: \"10.01\"\nn: \"0.5\"",
        )
    };
    assert_eq!(f("lower"), money("5.00"));
    assert_eq!(f("higher"), money("5.01"));
    // To the pound.
    assert_eq!(
        eval(
            "money",
            "{product: {of: [x, n], round: {direction: up, to: pound}}}",
            "x: \"10.01\"\nn: \"0.5\""
        ),
        money("6.00")
    );
    // £100 ÷ 3 = £33.333…: down £33.33, up £33.34.
    assert_eq!(
        eval(
            "money",
            "{divide: {of: [x, 3], round: {direction: down}}}",
            "x: \"100\""
        ),
        money("33.33")
    );
    assert_eq!(
        eval("money", "{divide: {of: [x, 3], round: {direction: up}}}", "x: \"100\""),
        money("33.34")
    );
    // Money ÷ money is a number: £50 / £100 = 0.5.
    assert_eq!(
        eval(
            "number",
            "{divide: {of: [x, limit], round: {direction: down, to: \"0.01\"}}}",
            "x: \"50\""
        ),
        number("0.5")
    );
    assert_eq!(
        eval(
            "number",
            "{round: {value: n, direction: nearest, to: whole}}",
            "n: \"2.5\""
        ),
        number("3")
    );
    assert_eq!(
        eval(
            "money",
            "{round: {value: x, direction: down, to: pound}}",
            "x: \"19.99\""
        ),
        money("19.00")
    );
}

#[test]
fn tariff_counts_each_part_of_a_step_as_a_whole_step() {
    // The charging regulations' £1 for every £250 or part of £250 above £14,250.
    let t = |capital: &str| {
        eval(
            "money",
            "{tariff: {value: x, above: \"£14250\", per: \"£250\", amount: \"£1\"}}",
            &format!("x: \"{capital}\""),
        )
    };
    assert_eq!(t("14250.00"), money("0.00")); // at the limit: nothing
    assert_eq!(t("14250.01"), money("1.00")); // a penny over: one part
    assert_eq!(t("14500.00"), money("1.00")); // exactly one step
    assert_eq!(t("14500.01"), money("2.00"));
    assert_eq!(t("15000.00"), money("3.00")); // the domain doc's example
    assert_eq!(t("15000.01"), money("4.00"));
    assert_eq!(t("23250.00"), money("36.00"));
    assert_eq!(t("0"), money("0.00"));
}

#[test]
fn comparisons_and_logic() {
    assert_eq!(eval("yes-no", "{gt: [x, limit]}", "x: \"100.01\""), yes(true));
    assert_eq!(eval("yes-no", "{gt: [x, limit]}", "x: \"100.00\""), yes(false));
    assert_eq!(eval("yes-no", "{ge: [x, limit]}", "x: \"100.00\""), yes(true));
    assert_eq!(eval("yes-no", "{lt: [n, 2]}", "n: \"1.99\""), yes(true));
    assert_eq!(eval("yes-no", "{le: [n, 2]}", "n: \"2.01\""), yes(false));
    assert_eq!(eval("yes-no", "{eq: [n, \"2.0\"]}", "n: 2"), yes(true));
    assert_eq!(eval("yes-no", "{ne: [n, 2]}", "n: 2"), yes(false));
    assert_eq!(eval("yes-no", "{all: [{gt: [n, 1]}, {lt: [n, 3]}]}", "n: 2"), yes(true));
    assert_eq!(
        eval("yes-no", "{any: [{gt: [n, 5]}, {lt: [n, 1]}]}", "n: 2"),
        yes(false)
    );
    assert_eq!(eval("yes-no", "{not: {gt: [n, 5]}}", "n: 2"), yes(true));
    let at_least = "{at_least: {n: 2, of: [{gt: [n, 1]}, {gt: [n, 2]}, {gt: [n, 3]}]}}";
    assert_eq!(eval("yes-no", at_least, "n: \"2.5\""), yes(true));
    assert_eq!(eval("yes-no", at_least, "n: 2"), yes(false));
}

#[test]
fn cases_take_the_first_match() {
    let f = "{cases: [{if: {gt: [n, 10]}, then: \"£3\"}, {if: {gt: [n, 5]}, then: \"£2\"}, {else: \"£1\"}]}";
    assert_eq!(eval("money", f, "n: 11"), money("3.00"));
    assert_eq!(eval("money", f, "n: 6"), money("2.00"));
    assert_eq!(eval("money", f, "n: 5"), money("1.00"));
}

const CHOICES: &str = "inputs:
  mobility: {type: choice, section: main, question: M, options: {fine: {label: Fine}, some: {label: Some}, full: {label: Full}}}
  tasks: {type: choices, section: main, question: T, options: {meals: {label: Meals}, washing: {label: Washing}, toilet: {label: Toilet}}}
  born: {type: date, section: main, question: B}
rules:
  points:
    type: points
    label: P
    formula: {lookup: {answer: mobility, table: {fine: 0, some: 3}, default: 6}}
  task_points:
    type: points
    label: TP
    formula: {lookup: {answer: tasks, table: {meals: 4, washing: 3, toilet: 5}}}
  moves: {type: yes-no, label: MV, formula: {answer_in: {answer: mobility, options: [some, full]}}}
  meals: {type: yes-no, label: ML, formula: {includes: {answer: tasks, value: meals}}}
  count: {type: number, label: C, formula: {count: tasks}}
  age: {type: number, label: A, formula: {age: born}}
";

#[test]
fn lookups_choices_counts_and_age() {
    let l = load(CHOICES);
    let ev = run(
        &l,
        "mobility: some\ntasks: [meals, toilet]\nborn: 1959-06-02",
        "2025-06-01",
    );
    assert_eq!(rule(&l, &ev, "points"), number("3"));
    assert_eq!(rule(&l, &ev, "task_points"), number("9"));
    assert_eq!(rule(&l, &ev, "moves"), yes(true));
    assert_eq!(rule(&l, &ev, "meals"), yes(true));
    assert_eq!(rule(&l, &ev, "count"), number("2"));
    assert_eq!(rule(&l, &ev, "age"), number("65")); // 66th birthday is the next day
    let ev = run(&l, "mobility: full\ntasks: []\nborn: 1959-06-01", "2025-06-01");
    assert_eq!(rule(&l, &ev, "points"), number("6")); // from the default
    assert_eq!(rule(&l, &ev, "task_points"), number("0")); // nothing ticked
    assert_eq!(rule(&l, &ev, "meals"), yes(false));
    assert_eq!(rule(&l, &ev, "age"), number("66"));
}

#[test]
fn bands_give_ranges_and_values() {
    let body = "inputs:\n  n: {type: number, section: main, question: N}\nrules:\n  band:\n    type: range\n    label: B\n    formula: {bands: {value: n, bands: [{from: 0, lower: \"£0\", upper: \"£0\"}, {from: 10, lower: \"£50\", upper: \"£80\"}, {from: 20, lower: \"£100\", upper: \"£150\"}]}}\n  low: {type: money, label: Lo, formula: {lower: band}}\n  high: {type: money, label: Hi, formula: {upper: band}}\n  single:\n    type: money\n    label: S\n    formula: {bands: {value: n, bands: [{from: 5, value: \"£1\"}, {from: 6, value: \"£2\"}]}}\n";
    let l = load(body);
    let at = |n: &str, r: &str| rule(&l, &run(&l, &format!("n: \"{n}\""), "2025-06-01"), r);
    assert_eq!(
        at("9.99", "band"),
        Outcome::Known(Value::Range(Money::new(0), Money::new(0)))
    );
    assert_eq!(
        at("10", "band"),
        Outcome::Known(Value::Range(Money::new(5000), Money::new(8000)))
    );
    assert_eq!(at("19", "low"), money("50.00"));
    assert_eq!(at("25", "high"), money("150.00"));
    assert_eq!(at("5", "single"), money("1.00"));
    assert_eq!(at("7", "single"), money("2.00"));
    // Below the first band is an error that names the rule, not a silent zero.
    match at("4", "single") {
        Outcome::Failed(f) => {
            let m = f.to_string();
            assert!(m.contains("rules.single") && m.contains("below the first band"), "{m}")
        }
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn piecewise_linear_scale_interpolates_and_is_flat_beyond_the_ends() {
    let body = "inputs:\n  n: {type: number, section: main, question: N}\nrules:\n  s:\n    type: money\n    label: S\n    formula: {scale: {value: n, points: [[0, \"£0\"], [10, \"£100\"], [20, \"£150\"]], round: {direction: down}}}\n";
    let l = load(body);
    let at = |n: &str| rule(&l, &run(&l, &format!("n: \"{n}\""), "2025-06-01"), "s");
    assert_eq!(at("-5"), money("0.00"));
    assert_eq!(at("5"), money("50.00"));
    assert_eq!(at("10"), money("100.00"));
    assert_eq!(at("15"), money("125.00"));
    assert_eq!(at("13.333"), money("116.66")); // 100 + 50 × 3.333/10 = 116.665 → down
    assert_eq!(at("99"), money("150.00"));
}

#[test]
fn periods_convert_to_weekly_with_stated_rounding() {
    let body = "inputs:\n  p: {type: money, section: main, question: P, periods: [weekly, fortnightly, four-weekly, monthly, yearly]}\nrules:\n  w:\n    type: money\n    label: W\n    formula: {weekly: {value: p, round: {direction: persons-favour, better: lower}}}\n";
    let l = load(body);
    let at = |a: &str, per: &str| {
        rule(
            &l,
            &run(&l, &format!("p: {{amount: \"{a}\", period: {per}}}"), "2025-06-01"),
            "w",
        )
    };
    assert_eq!(at("100", "weekly"), money("100.00"));
    assert_eq!(at("100.01", "fortnightly"), money("50.00")); // 50.005 → down
    assert_eq!(at("400", "four-weekly"), money("100.00"));
    assert_eq!(at("1000", "monthly"), money("230.76")); // 1000 × 12 / 52 = 230.769…
    assert_eq!(at("5200", "yearly"), money("100.00"));
}

#[test]
fn dated_parameters_pick_the_value_in_force() {
    let body = "parameters:\n  mig: {type: money, label: MIG, source: s, values: [{from: 2024-04-08, value: \"200\"}, {from: 2025-04-07, value: \"210\"}]}\nrules:\n  r: {type: money, label: R, formula: mig}\n";
    let l = load(body);
    assert_eq!(rule(&l, &run(&l, "", "2025-04-06"), "r"), money("200.00"));
    assert_eq!(rule(&l, &run(&l, "", "2025-04-07"), "r"), money("210.00"));
    match rule(&l, &run(&l, "", "2024-01-01"), "r") {
        Outcome::Failed(f) => {
            let m = f.to_string();
            assert!(
                m.contains("no value in force on 2024-01-01") && m.contains("2024-04-08"),
                "{m}"
            )
        }
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn runtime_errors_name_the_rule_and_do_not_spread_silently() {
    let body = "inputs:\n  n: {type: number, section: main, question: N}\n  x: {type: money, section: main, question: X}\nrules:\n  d:\n    type: number\n    label: D\n    formula: {divide: {of: [10, n], round: {direction: down}}}\n  uses_d: {type: number, label: U, formula: {sum: [d, 1]}}\n  big: {type: money, label: B, formula: {product: {of: [x, n], round: {direction: down}}}}\n  inverted: {type: money, label: I, formula: {clamp: {value: x, min: \"£10\", max: \"£5\"}}}\n";
    let l = load(body);
    let ev = run(&l, "n: 0\nx: \"1\"", "2025-06-01");
    assert!(matches!(rule(&l, &ev, "d"), Outcome::Failed(m) if m.to_string().contains("rules.d: division by zero")));
    assert!(matches!(rule(&l, &ev, "uses_d"), Outcome::Failed(m) if m.to_string().contains("rules.d")));
    assert!(matches!(rule(&l, &ev, "inverted"), Outcome::Failed(m) if m.to_string().contains("minimum")));
    // £10 trillion × 1000 overflows the money limit: an error, not a wrapped value.
    let ev = run(&l, "n: 1000\nx: \"10000000000000\"", "2025-06-01");
    assert!(
        matches!(rule(&l, &ev, "big"), Outcome::Failed(m) if m.to_string().contains("too large")),
        "{:?}",
        rule(&l, &ev, "big")
    );
}
