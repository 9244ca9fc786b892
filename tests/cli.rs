//! The `carebudget` command as documented in the README: check, eval, test, schema, build.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_carebudget");
const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/rules/example.yaml");
const ANSWERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/example-answers.yaml");

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("carebudget-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.display().to_string()
}

#[test]
fn check_passes_on_the_example_and_reports_every_error_with_line_and_column() {
    let (code, out, err) = run(&["check", EXAMPLE]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("ok (7 questions, 8 figures, 23 rules, 7 outputs, 11 worked examples)"),
        "{out}"
    );
    let bad = temp(
        "bad.yaml",
        "format: carebudget/1\nid: bad\ntitle: B\npublisher: p\njurisdiction: england\nversion: \"1\"\nrules:\n  a: {type: money, label: A, formula: nope}\n  b: {type: money, label: B, formula: {sum: [\"£1\", true]}}\n",
    );
    let (code, _, err) = run(&["check", &bad]);
    assert_eq!(code, 1);
    assert!(
        err.contains("bad.yaml:8:39: error: rules.a.formula: unknown name `nope`"),
        "{err}"
    );
    assert!(
        err.contains("bad.yaml:9:") && err.contains("rules.b.formula.sum[1]"),
        "{err}"
    );
    assert!(err.contains("2 errors"), "{err}");
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{err}");
}

#[test]
fn check_lints_unused_items_and_can_deny_warnings() {
    let f = temp(
        "lint.yaml",
        "format: carebudget/1\nid: lint\ntitle: L\npublisher: p\njurisdiction: england\nversion: \"1\"\nsources: {s: {title: S}}\nsections: {m: {title: M}}\nparameters:\n  unused: {type: money, label: U, source: s, values: [{from: 2025-01-01, value: \"1\"}]}\ninputs:\n  q: {type: money, section: m, question: Q}\nrules:\n  r: {type: money, label: R, formula: \"£1\"}\noutputs:\n  r: {rule: r, role: other}\n",
    );
    let (code, _, err) = run(&["check", &f]);
    assert_eq!(code, 0);
    assert!(
        err.contains("warning: parameters.unused: this parameter is not used"),
        "{err}"
    );
    assert!(err.contains("warning: inputs.q: this question is not used"), "{err}");
    let (code, _, _) = run(&["check", "--deny-warnings", &f]);
    assert_eq!(code, 1);
}

#[test]
fn eval_explains_in_words_and_in_json() {
    let (code, out, err) = run(&["eval", EXAMPLE, "--answers", ANSWERS, "--as-of", "2025-06-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Indicative weekly budget: £150.00 to £210.00"), "{out}");
    assert!(
        out.contains("£1 a week for every £250.00, or part of it, of £15,000.01 above £14,250.00: £4.00."),
        "{out}"
    );
    assert!(out.contains("not yet confirmed from an official source"), "{out}");
    assert!(out.contains("estimate"), "{out}");
    let (code, out, _) = run(&["eval", EXAMPLE, "--answers", ANSWERS, "--as-of", "2025-06-01", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let budget = v["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "budget")
        .unwrap();
    assert_eq!(
        budget["value"],
        serde_json::json!({"type": "range", "lower": 15000, "upper": 21000})
    );
    assert_eq!(budget["status"], "known");
    assert!(budget["steps"].as_array().unwrap().len() >= 3);
    let (_, out, _) = run(&[
        "eval",
        EXAMPLE,
        "--answers",
        ANSWERS,
        "--as-of",
        "2025-06-01",
        "--lang",
        "cy",
    ]);
    assert!(out.contains("£150.00 i £210.00"), "{out}");
    // The report's own words are Welsh too, not only the ruleset's.
    assert!(
        out.contains("Sut y cyfrifwyd hyn:") && !out.contains("How this was worked out"),
        "{out}"
    );
    assert!(out.contains("Amcangyfrif o'r rheolau cyhoeddedig"), "{out}");
}

#[test]
fn eval_lists_what_is_still_needed_and_refuses_bad_answers_clearly() {
    let partial = temp("partial.yaml", "impairment: true\n");
    let (code, out, _) = run(&[
        "eval",
        EXAMPLE,
        "--answers",
        &partial,
        "--as-of",
        "2025-06-01",
        "--json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let needs: Vec<&str> = v["outputs"][0]["needs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(needs, ["outcomes", "mobility", "family_help"]);
    let bad = temp("bad-answers.yaml", "capital: \"12.345\"\nmobility: flying\n");
    let (code, _, err) = run(&["eval", EXAMPLE, "--answers", &bad]);
    assert_eq!(code, 1);
    assert!(
        err.contains("answers.capital") && err.contains("more than two decimal places"),
        "{err}"
    );
    assert!(
        err.contains("answers.mobility") && err.contains("`flying` is not one of the options"),
        "{err}"
    );
    let (code, _, err) = run(&["eval", EXAMPLE, "--answers", ANSWERS, "--as-of", "2025-13-01"]);
    assert_eq!(code, 1);
    assert!(err.contains("--as-of") && err.contains("month 13"), "{err}");
    let (code, _, err) = run(&["eval", EXAMPLE, "--answers", "/nonexistent/answers.yaml"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read /nonexistent/answers.yaml"), "{err}");
}

#[test]
fn test_runs_worked_examples_and_case_files() {
    let (code, out, _) = run(&["test", EXAMPLE]);
    assert_eq!(code, 0);
    assert!(out.ends_with("11 passed, 0 failed\n"), "{out}");
    let cases = temp(
        "cases.yaml",
        &format!(
            "ruleset: {EXAMPLE}\ncases:\n  - name: right\n    as_of: 2025-06-01\n    answers: {{impairment: false}}\n    expect: {{eligible: false}}\n  - name: wrong on purpose\n    as_of: 2025-06-01\n    answers: {{impairment: false}}\n    expect: {{eligible: true}}\n"
        ),
    );
    let (code, out, _) = run(&["test", &cases]);
    assert_eq!(code, 1);
    assert!(
        out.contains("FAIL") && out.contains("wrong on purpose") && out.contains("eligible: expected yes, got no"),
        "{out}"
    );
    assert!(out.ends_with("1 passed, 1 failed\n"), "{out}");
}

#[test]
fn schema_is_json_schema_for_the_format() {
    let (code, out, _) = run(&["schema"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["title"], "Ruleset");
    for field in ["format", "id", "parameters", "inputs", "rules", "outputs", "examples"] {
        assert!(v["properties"][field].is_object(), "schema lacks {field}");
    }
    assert!(out.contains("\"tariff\""), "the expression operators are in the schema");
}

#[test]
fn build_publishes_json_that_loads_back_and_passes_the_same_examples() {
    let out_path = temp("example.json", "");
    let (code, out, err) = run(&["build", EXAMPLE, "-o", &out_path]);
    assert_eq!(code, 0, "{err}");
    let hash = out.split_whitespace().next().unwrap();
    assert_eq!(hash.len(), 64);
    let (code, out, _) = run(&["test", &out_path]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("11 passed, 0 failed\n"), "{out}");
}

#[test]
fn no_panic_or_backtrace_on_garbage() {
    for garbage in ["\u{0}\u{1}\u{2}", "{{{{", "- - - -", "format: 5", "[]", ""] {
        let f = temp("garbage.yaml", garbage);
        let (code, _, err) = run(&["check", &f]);
        assert_eq!(code, 1, "{garbage:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("internal error"),
            "{garbage:?}: {err}"
        );
    }
}

#[test]
fn a_yaml_file_written_as_one_flow_mapping_is_read_as_yaml() {
    // `{…}` is valid YAML; the file's name, not its first character, decides.
    let answers = temp(
        "flow.yaml",
        "{impairment: true, outcomes: [meals, toilet], mobility: full, family_help: false}\n",
    );
    let (code, out, err) = run(&[
        "eval",
        EXAMPLE,
        "--answers",
        &answers,
        "--as-of",
        "2025-06-01",
        "--json",
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["outputs"][0]["text"], "Yes");
}

#[test]
fn check_warns_of_rules_out_of_force_and_can_fail_once_they_are_stale() {
    // In force from 2015 to 2016: long out of force today, whatever today is.
    let old = temp(
        "old.yaml",
        "format: carebudget/1\nid: old\ntitle: O\npublisher: p\njurisdiction: england\nversion: \"1\"\nin_force: {from: 2015-04-01, to: 2016-03-31}\noutputs: {}\n",
    );
    let (code, _, err) = run(&["check", &old]);
    assert_eq!(code, 0, "out of force is a warning: {err}");
    assert!(
        err.contains("warning: in_force: the ruleset is not in force today")
            && err.contains("its figures are for 2015-04-01 to 2016-03-31, which ended"),
        "{err}"
    );
    let (code, _, err) = run(&["check", "--stale-after", "31", &old]);
    assert_eq!(code, 1);
    assert!(
        err.contains("error: in_force: out of force for more than 31 days"),
        "{err}"
    );
    // Open-ended rules are never stale.
    let open = temp(
        "open.yaml",
        "format: carebudget/1\nid: open\ntitle: O\npublisher: p\njurisdiction: england\nversion: \"1\"\nin_force: {from: 2015-04-01}\noutputs: {}\n",
    );
    let (code, _, err) = run(&["check", "--stale-after", "31", &open]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("in_force"), "{err}");
}

/// Issue 13: someone with no impairment but five outcomes they cannot achieve is told the
/// later conditions were not assessed, and why, in the text and in the JSON.
#[test]
fn eval_says_which_conditions_were_not_assessed_and_why() {
    let england = concat!(env!("CARGO_MANIFEST_DIR"), "/www/rules/england.yaml");
    let answers = temp(
        "no-impairment.yaml",
        "who: needs_care\nimpairment: false\nadult_nutrition: need_help\nadult_hygiene: need_help\nadult_toilet: need_help\nadult_clothing: need_help\nadult_home_safety: need_help\nadult_wellbeing: significant\n",
    );
    let (code, out, err) = run(&["eval", england, "--answers", &answers, "--as-of", "2026-06-01"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("because: “Needs come from a physical or mental condition” is not met."),
        "{out}"
    );
    assert!(
        out.contains("because: “Unable to achieve two or more of the ten outcomes” was not assessed: its questions were not asked, because “Needs come from a physical or mental condition” is not met."),
        "{out}"
    );
    assert!(!out.contains("0 of these 10 apply"), "{out}");
    let (_, json, _) = run(&[
        "eval",
        england,
        "--answers",
        &answers,
        "--as-of",
        "2026-06-01",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let eligible = v["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "eligible")
        .unwrap();
    let two = eligible["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["rule"] == "two_or_more_outcomes")
        .unwrap();
    assert_eq!(two["status"], "not-assessed");
    // The figures' period and the rules' limitations are in the JSON as well.
    assert_eq!(v["period"], "6 April 2026 to 5 April 2027");
    assert!(v["limitations"].as_array().is_some_and(|l| !l.is_empty()));
}
