//! Each documented limit (src/limits.rs, README "Limits") is enforced with a clear error.

mod common;
use carebudget_core::text::Lang;
use common::*;

use carebudget_core::limits::*;
use carebudget_core::money::Money;
use carebudget_format::SourceFile;

fn load_text(text: String) -> Vec<carebudget_format::Diagnostic> {
    carebudget_format::load(SourceFile::new("big.yaml", text), &mut |_| None)
        .expect_err("expected the limit to be enforced")
}

fn has(ds: &[carebudget_format::Diagnostic], words: &str) {
    assert!(
        ds.iter().any(|d| d.message.contains(words)),
        "no error saying `{words}` in:\n{}",
        ds.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn file_size() {
    let mut text = ruleset("");
    text.push_str(&"#".repeat(MAX_FILE_BYTES));
    has(&load_text(text), &format!("the limit is {MAX_FILE_BYTES} bytes"));
}

#[test]
fn document_nesting_yaml_flow_block_and_json() {
    let deep = |open: &str, close: &str| {
        format!(
            "{}{}",
            open.repeat(MAX_DOC_DEPTH + 10),
            close.repeat(MAX_DOC_DEPTH + 10)
        )
    };
    has(&load_text(ruleset(&format!("notice: {}\n", deep("[", "]")))), "deep");
    // Block sequences nest two bytes a level: `- - - - x`.
    has(
        &load_text(ruleset(&format!("notice:\n  {}x\n", "- ".repeat(MAX_DOC_DEPTH + 10)))),
        "nests more than",
    );
    // JSON: a deeply nested answer in a worked example (the one place lists may nest).
    // serde_json stops at 128 levels on its own.
    let json = format!(
        "{{\"examples\": [{{\"answers\": {{\"x\": {}{}}}}}]}}",
        "[".repeat(130),
        "]".repeat(130)
    );
    let ds = carebudget_format::load(SourceFile::new("deep.json", json), &mut |_| None).unwrap_err();
    has(&ds, "recursion limit");
}

#[test]
fn expression_depth() {
    let formula = format!(
        "{}true{}",
        "{not: ".repeat(MAX_EXPR_DEPTH + 1),
        "}".repeat(MAX_EXPR_DEPTH + 1)
    );
    let ds = errors(&format!(
        "rules:\n  r: {{type: yes-no, label: R, formula: {formula}}}\n"
    ));
    has(&ds, &format!("nests more than {MAX_EXPR_DEPTH} levels"));
    // At the limit it loads.
    let ok = format!(
        "{}true{}",
        "{not: ".repeat(MAX_EXPR_DEPTH - 1),
        "}".repeat(MAX_EXPR_DEPTH - 1)
    );
    load(&format!("rules:\n  r: {{type: yes-no, label: R, formula: {ok}}}\n"));
}

#[test]
fn expression_nodes() {
    let terms = vec!["1"; MAX_NODES + 1].join(",");
    let ds = errors(&format!(
        "rules:\n  r: {{type: number, label: R, formula: {{sum: [{terms}]}}}}\n"
    ));
    has(&ds, &format!("the limit is {MAX_NODES}"));
}

#[test]
fn table_rows() {
    let rows: Vec<String> = (0..=MAX_TABLE_ROWS)
        .map(|i| format!("{{from: {i}, value: 1}}"))
        .collect();
    let ds = errors(&format!(
        "inputs:\n  n: {{type: number, section: main, question: N}}\nrules:\n  r: {{type: number, label: R, formula: {{bands: {{value: n, bands: [{}]}}}}}}\n",
        rows.join(",")
    ));
    has(&ds, &format!("between 1 and {MAX_TABLE_ROWS} bands"));
}

#[test]
fn number_of_items() {
    let rules: String = (0..=MAX_ITEMS)
        .map(|i| format!("  r{i}: {{type: number, label: R, formula: 1}}\n"))
        .collect();
    let ds = errors(&format!("rules:\n{rules}"));
    has(&ds, &format!("the limit is {MAX_ITEMS}"));
}

#[test]
fn timeline_length() {
    let values: Vec<String> = (0..=MAX_TIMELINE)
        .map(|i| format!("{{from: {}-01-01, value: \"1\"}}", 1901 + i))
        .collect();
    let ds = errors(&format!(
        "parameters:\n  p: {{type: money, label: P, source: s, values: [{}]}}\n",
        values.join(",")
    ));
    has(&ds, &format!("the limit is {MAX_TIMELINE}"));
}

#[test]
fn extends_depth() {
    let file = |i: usize| {
        let ext = format!("extends: r{}\n", i + 1);
        SourceFile::new(
            format!("r{i}.yaml"),
            format!(
                "format: carebudget/1\nid: r{i}\ntitle: T\npublisher: p\njurisdiction: england\nversion: \"1\"\n{ext}"
            ),
        )
    };
    let ds = carebudget_format::load(file(0), &mut |id| {
        id.strip_prefix('r').and_then(|n| n.parse().ok()).map(file)
    })
    .unwrap_err();
    has(&ds, &format!("more than {MAX_EXTENDS_DEPTH} rulesets"));
}

#[test]
fn number_of_examples() {
    let examples: String = (0..=MAX_EXAMPLES)
        .map(|_| "  - {name: e, as_of: 2025-01-01, expect: {r: 1}}\n")
        .collect();
    let ds = errors(&format!(
        "rules:\n  r: {{type: number, label: R, formula: 1}}\nexamples:\n{examples}"
    ));
    has(&ds, &format!("the limit is {MAX_EXAMPLES}"));
}

#[test]
fn yaml_events_and_alias_expansion() {
    // Under the byte limit but over a million parts (two bytes a part).
    let items = "0,".repeat(MAX_YAML_EVENTS + 1);
    has(&load_text(ruleset(&format!("notice: [{items}0]\n"))), "parts");
    // A "billion laughs" alias bomb is refused, not expanded.
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    let ds = load_text(ruleset(&format!("notice:\n  {}", bomb.replace('\n', "\n  "))));
    assert!(!ds.is_empty());
}

#[test]
fn answers_size() {
    let big = format!("x: \"{}\"\n", "1".repeat(MAX_ANSWERS_BYTES));
    let r: Result<indexmap::IndexMap<String, carebudget_core::literal::Literal>, _> =
        carebudget_format::load::parse(&SourceFile::new("a.yaml", big), MAX_ANSWERS_BYTES);
    assert!(
        r.unwrap_err()
            .message
            .contains(&format!("the limit is {MAX_ANSWERS_BYTES} bytes"))
    );
}

#[test]
fn money_magnitude() {
    assert!(Money::parse("10000000000000.00").is_ok()); // £10 trillion: the limit itself
    assert!(Money::parse("10000000000000.01").unwrap_err().contains("too large"));
    assert!(Money::checked(i128::from(MAX_MONEY_PENCE) + 1).is_err());
    // Sums that would pass the limit are errors, not wrapped or saturated values.
    let body = "inputs:\n  x: {type: money, section: main, question: X}\nrules:\n  r: {type: money, label: R, formula: {sum: [x, x]}}\n";
    match value(body, "x: \"9000000000000\"", "r") {
        carebudget_core::eval::Outcome::Failed(f) => {
            let m = f.to_string();
            assert!(m.contains("too large"), "{m}")
        }
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn compiled_program_size() {
    // Refused before a byte of it is read (expression depth in a program: tests/compiled.rs).
    let mut bytes = carebudget_core::compiled::MAGIC.to_vec();
    bytes.resize(MAX_PROGRAM_BYTES + 1, 0);
    match carebudget_core::compiled::decode(&bytes) {
        Ok(_) => panic!("an oversized program was read"),
        Err(e) => assert!(e.contains(&format!("the limit is {MAX_PROGRAM_BYTES} bytes")), "{e}"),
    }
}

#[test]
fn numbers_at_the_edge_of_a_decimal_give_errors_or_results_never_a_panic() {
    // The largest and smallest decimals: their difference is beyond a decimal's range, so
    // each step that subtracts them fails with a message (or, for a comparison's margin,
    // has none) instead of panicking, which in the widget would stop the page.
    let body = "parameters:
  lo: {type: number, label: Lowest, source: s, values: [{from: 2025-01-01, value: \"-79228162514264337593543950335\"}]}
  hi: {type: number, label: Highest, source: s, values: [{from: 2025-01-01, value: \"79228162514264337593543950335\"}]}
inputs:
  a: {type: number, section: main, question: A}
  b: {type: number, section: main, question: B}
rules:
  above: {type: yes-no, label: A above B, formula: {gt: [a, b]}}
  gap: {type: number, label: Gap, formula: {difference: [a, b]}}
  line: {type: number, label: Line, formula: {scale: {value: 0, points: [[lo, lo], [hi, hi]], round: {direction: nearest}}}}
  rate: {type: percentage, label: Rate, formula: hi}
outputs:
  above: {rule: above, role: other}
  rate: {rule: rate, role: other}
";
    let l = load(body);
    let max = "\"79228162514264337593543950335\"";
    let ev = run(
        &l,
        &format!("a: {max}\nb: \"-79228162514264337593543950335\""),
        "2025-06-01",
    );
    assert_eq!(rule(&l, &ev, "above"), yes(true));
    for r in ["gap", "line"] {
        match rule(&l, &ev, r) {
            carebudget_core::eval::Outcome::Failed(f) => {
                let m = f.to_string();
                assert!(m.contains("too large"), "{r}: {m}")
            }
            other => panic!("{r}: expected an error, got {other:?}"),
        }
    }
    // The comparison's trace has no margin to show, rather than a wrong one, and the
    // explanation says what was compared.
    let above = l.program.rule_index("above").unwrap() as usize;
    assert!(
        matches!(
            ev.why[above].as_slice(),
            [carebudget_core::eval::Why::Compare { gap: None, .. }]
        ),
        "{:?}",
        ev.why[above]
    );
    let report = carebudget_core::explain::explain(&l.program, &ev, Lang::En, false);
    assert_eq!(report.outputs[0].text, "Yes");
    let because = &report.outputs[0].steps.last().unwrap().because;
    assert_eq!(
        because,
        &["A (79228162514264337593543950335) is above B (-79228162514264337593543950335)."]
    );
    // A "percentage" too large to multiply by 100 is shown as the number it is.
    assert_eq!(report.outputs[1].text, "79228162514264337593543950335");
}
