//! Each kind of bad input gets a clear error naming where it is: path and line:column.

mod common;
use common::*;

use carebudget_core::diagnostic::Diagnostic;
use carebudget_format::SourceFile;

fn one(ds: &[Diagnostic], path: &str, words: &str) -> Diagnostic {
    ds.iter()
        .find(|d| d.path == path && d.message.contains(words))
        .unwrap_or_else(|| {
            panic!(
                "no error at `{path}` saying `{words}` in:\n{}",
                ds.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
            )
        })
        .clone()
}

fn load_text(name: &str, text: &str) -> Result<carebudget_format::Loaded, Vec<Diagnostic>> {
    carebudget_format::load(SourceFile::new(name, text), &mut |_| None)
}

#[test]
fn malformed_yaml_names_line_and_column() {
    let ds = load_text("bad.yaml", "format: carebudget/1\nid: [unclosed\n").unwrap_err();
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].file, "bad.yaml");
    assert!(ds[0].line.is_some(), "{}", ds[0]);
    assert!(ds[0].message.contains("not valid YAML"), "{}", ds[0]);
}

#[test]
fn malformed_json_names_line_and_column() {
    let ds = load_text("bad.json", "{\n  \"format\": \"carebudget/1\",\n  \"id\": \n}").unwrap_err();
    assert_eq!(ds[0].line, Some(4), "{}", ds[0]);
    assert!(ds[0].column.is_some());
}

#[test]
fn wrong_field_types_name_the_path() {
    let ds = errors("inputs:\n  a: {type: money, section: main, question: [not, text]}\n");
    assert_eq!(ds[0].path, "inputs.a.question", "{}", ds[0]);
    assert_eq!((ds[0].line, ds[0].column), (Some(10), Some(35)), "{}", ds[0]); // the `question` key
    let ds = errors("inputs:\n  a: {type: moneyy, section: main, question: Q}\n");
    assert!(ds[0].path.starts_with("inputs.a"), "{}", ds[0]);
    assert!(ds[0].message.contains("moneyy"), "{}", ds[0]);
}

#[test]
fn unknown_fields_and_operators_are_refused() {
    let ds = errors("rules:\n  r: {type: money, label: R, formula: \"£1\", colour: red}\n");
    assert!(ds[0].message.contains("colour"), "{}", ds[0]);
    let ds = errors("rules:\n  r: {type: money, label: R, formula: {summ: [\"£1\"]}}\n");
    assert!(ds[0].message.contains("`summ` is not an operator"), "{}", ds[0]);
    let ds = errors("rules:\n  r: {type: money, label: R, formula: {sum: [\"£1\"], max: [\"£2\"]}}\n");
    assert!(ds[0].message.contains("exactly one operator"), "{}", ds[0]);
}

#[test]
fn text_for_someone_else_is_one_level_deep_and_languages_are_named() {
    let ds = errors("rules:\n  r: {type: money, label: {en: R, for_other: {en: S, for_other: T}}, formula: \"£1\"}\n");
    assert_eq!(ds[0].path, "rules.r.label", "{}", ds[0]);
    assert!(
        ds[0].message.contains("cannot have a `for_other` of its own"),
        "{}",
        ds[0]
    );
    let ds = errors("rules:\n  r: {type: money, label: {en: R, fr: S}, formula: \"£1\"}\n");
    assert!(
        ds[0]
            .message
            .contains("unknown language `fr` (expected `en` or `cy`, or `for_other`"),
        "{}",
        ds[0]
    );
    let ds = errors("rules:\n  r: {type: money, label: {en: R, for_other: S, for_other: T}, formula: \"£1\"}\n");
    assert!(ds[0].message.contains("for_other"), "{}", ds[0]);
}

#[test]
fn a_question_is_worded_for_someone_else_once() {
    let ds = errors(
        "inputs:\n  a: {type: money, section: main, question: {en: Q?, for_other: Their Q?}, question_for_other: Their Q?}\n",
    );
    one(&ds, "inputs.a.question_for_other", "worded for someone else twice");
    let ds = errors(
        "inputs:\n  a: {type: money, section: main, question: Q?, question_for_other: {en: Their Q?, for_other: Q?}}\n",
    );
    one(&ds, "inputs.a.question_for_other", "worded for someone else twice");
}

#[test]
fn unknown_names_suggest_the_near_miss_and_every_error_is_reported_at_once() {
    let ds = errors(
        "inputs:\n  capital: {type: money, section: main, question: Q}\nrules:\n  a: {type: money, label: A, formula: {sum: [capitl, \"£1\"]}}\n  b: {type: money, label: B, formula: nothing_like_it}\n  c: {type: money, label: C, formula: {gt: [capital, \"£1\"]}}\n",
    );
    let a = one(
        &ds,
        "rules.a.formula.sum[0]",
        "unknown name `capitl` (did you mean `capital`?)",
    );
    assert_eq!((a.line, a.column), (Some(12), Some(46)), "{a}"); // the `c` of `capitl`
    one(&ds, "rules.b.formula", "unknown name `nothing_like_it`");
    one(&ds, "rules.c.formula", "declared money but its formula gives yes/no");
    assert_eq!(ds.iter().filter(|d| d.is_error()).count(), 3);
}

#[test]
fn type_errors() {
    let body = "inputs:\n  x: {type: money, section: main, question: X}\n  n: {type: number, section: main, question: N}\n  c: {type: choice, section: main, question: C, options: {a: {label: A}}}\nrules:\n";
    let cases = [
        (
            "{sum: [x, n]}",
            "rules.r.formula.sum[1]",
            "expected money like the others",
        ),
        ("{product: [x, x]}", "rules.r.formula.product", "at most one operand"),
        (
            "{product: [x, n]}",
            "rules.r.formula.product.round",
            "must say how to round",
        ),
        (
            "{divide: [x, n]}",
            "rules.r.formula.divide.round",
            "must say how to round",
        ),
        (
            "{gt: [x, n]}",
            "rules.r.formula.gt",
            "cannot compare money with a number",
        ),
        ("{gt: [c, x]}", "rules.r.formula.gt", "use `answer_in`"),
        (
            "{lookup: {answer: x, table: {}}}",
            "rules.r.formula.lookup.answer",
            "needs a choice question",
        ),
        (
            "{lookup: {answer: c, table: {b: 1}}}",
            "rules.r.formula.lookup.table.b",
            "not an option",
        ),
        (
            "{weekly: {value: x, round: {direction: down}}}",
            "rules.r.formula.weekly.value",
            "converts money given per period",
        ),
        (
            "{cases: [{if: n, then: x}, {else: x}]}",
            "rules.r.formula.cases[0].if",
            "needs yes/no",
        ),
        (
            "{cases: [{if: {gt: [n, 1]}, then: x}]}",
            "rules.r.formula.cases",
            "must end with `{else: …}`",
        ),
        (
            "{round: {value: x, direction: persons-favour}}",
            "rules.r.formula.round.better",
            "better: lower",
        ),
        (
            "{bands: {value: n, bands: [{from: 2, value: \"£1\"}, {from: 1, value: \"£2\"}]}}",
            "rules.r.formula.bands.bands[1]",
            "increase strictly",
        ),
        (
            "{answer_in: {answer: c, options: [z]}}",
            "rules.r.formula.answer_in.options",
            "`z` is not an option",
        ),
        ("{age: x}", "rules.r.formula.age", "date-of-birth question"),
        (
            "{at_least: {n: 3, of: [true, false]}}",
            "rules.r.formula.at_least.n",
            "between 1 and the number",
        ),
    ];
    for (formula, path, words) in cases {
        let ds = errors(&format!("{body}  r: {{type: money, label: R, formula: {formula}}}\n"));
        one(&ds, path, words);
    }
}

#[test]
fn cycles_are_named_with_their_path() {
    let ds = errors(
        "rules:\n  a: {type: money, label: A, formula: b}\n  b: {type: money, label: B, formula: {sum: [c, \"£1\"]}}\n  c: {type: money, label: C, formula: a}\n  d: {type: money, label: D, formula: d}\n",
    );
    one(&ds, "rules.a.formula", "rules.a → rules.b → rules.c → rules.a");
    one(&ds, "rules.d.formula", "rules.d → rules.d");
    // A question asked only when a rule that uses it says so.
    let ds = errors(
        "inputs:\n  q: {type: money, section: main, question: Q, ask_when: {gt: [r, \"£1\"]}, default: \"0\"}\nrules:\n  r: {type: money, label: R, formula: q}\n",
    );
    one(&ds, "inputs.q.ask_when", "inputs.q → rules.r → inputs.q");
}

#[test]
fn duplicate_ids_are_refused() {
    // The same key twice in one mapping.
    let ds = errors(
        "rules:\n  a: {type: money, label: A, formula: \"£1\"}\n  a: {type: money, label: A, formula: \"£2\"}\n",
    );
    assert!(ds[0].message.to_lowercase().contains("duplicate"), "{}", ds[0]);
    // The same name as a question and a rule.
    let ds = errors(
        "inputs:\n  a: {type: money, section: main, question: Q}\nrules:\n  a: {type: money, label: A, formula: \"£1\"}\n",
    );
    one(&ds, "rules.a", "already used in inputs");
}

#[test]
fn bad_dates_and_money_are_refused_where_they_are() {
    let ds =
        errors("parameters:\n  p: {type: money, label: P, source: s, values: [{from: 2025-02-30, value: \"1\"}]}\n");
    assert!(ds[0].message.contains("no day 30"), "{}", ds[0]);
    assert!(ds[0].path.starts_with("parameters.p.values[0]"), "{}", ds[0]);
    let ds = errors(
        "parameters:\n  p: {type: money, label: P, source: s, values: [{from: 2025-04-01, value: \"1.234\"}]}\n",
    );
    one(&ds, "parameters.p.values[0].value", "more than two decimal places");
    let ds = errors("rules:\n  r: {type: money, label: R, formula: \"£1.234\"}\n");
    assert!(ds[0].message.contains("more than two decimal places"), "{}", ds[0]);
    // Unquoted decimals would pass through binary floating point: refused.
    let ds = errors("rules:\n  r: {type: number, label: R, formula: {sum: [1.5, 1]}}\n");
    assert!(ds[0].message.contains("in quotes"), "{}", ds[0]);
    let ds = errors(
        "parameters:\n  p: {type: money, label: P, source: s, values: [{from: 2025-04-01, value: \"1\"}, {from: 2025-04-01, value: \"2\"}]}\n",
    );
    one(&ds, "parameters.p.values[1].from", "dates must increase");
}

#[test]
fn every_figure_needs_a_source() {
    let ds = errors(
        "parameters:\n  p: {type: money, label: P, values: [{from: 2025-04-01, value: \"1\"}]}\nrules:\n  r: {type: money, label: R, formula: p}\n",
    );
    one(&ds, "parameters.p.values[0].source", "every figure needs a source");
    let ds = errors(
        "parameters:\n  p: {type: money, label: P, source: nowhere, values: [{from: 2025-04-01, value: \"1\"}]}\n",
    );
    one(&ds, "parameters.p.source", "no source `nowhere`");
}

#[test]
fn questions_with_conditions_need_defaults_and_sections_must_exist() {
    let ds = errors(
        "inputs:\n  a: {type: yes-no, section: main, question: A}\n  b: {type: money, section: elsewhere, question: B, ask_when: a}\n",
    );
    one(&ds, "inputs.b.section", "no section `elsewhere`");
    one(&ds, "inputs.b.default", "needs a `default`");
    let ds = errors("inputs:\n  a: {type: money, section: main, question: A, ask_when: false, default: \"0\"}\n");
    one(&ds, "inputs.a.ask_when", "can never be asked");
}

#[test]
fn templates_may_only_name_what_the_rule_uses() {
    let ds = errors(
        "inputs:\n  x: {type: money, section: main, question: X}\nrules:\n  r: {type: money, label: R, explain: \"{x} and {y}\", formula: x}\n",
    );
    one(&ds, "rules.r.explain.en", "`{y}` is not `{value}`");
}

#[test]
fn extends_errors() {
    let child = "format: carebudget/1\nid: child\ntitle: C\npublisher: p\njurisdiction: england\nversion: \"1\"\nextends: missing\n";
    let ds = carebudget_format::load(SourceFile::new("child.yaml", child), &mut |_| None).unwrap_err();
    assert!(ds[0].message.contains("cannot find the ruleset `missing`"), "{}", ds[0]);
    // A circle: a extends b extends a.
    let a = "format: carebudget/1\nid: a\ntitle: A\npublisher: p\njurisdiction: england\nversion: \"1\"\nextends: b\n";
    let b = "format: carebudget/1\nid: b\ntitle: B\npublisher: p\njurisdiction: england\nversion: \"1\"\nextends: a\n";
    let ds = carebudget_format::load(SourceFile::new("a.yaml", a), &mut |id| match id {
        "a" => Some(SourceFile::new("a.yaml", a)),
        "b" => Some(SourceFile::new("b.yaml", b)),
        _ => None,
    })
    .unwrap_err();
    assert!(ds[0].message.contains("circle"), "{}", ds[0]);
}

#[test]
fn errors_in_a_parent_ruleset_point_into_the_parent_file() {
    let parent =
        ruleset("rules:\n  base: {type: money, label: B, formula: missing_name}\n").replace("id: t", "id: nation");
    let child = "format: carebudget/1\nid: council\ntitle: C\npublisher: p\njurisdiction: england\nversion: \"1\"\nextends: nation\nrules:\n  extra: {type: money, label: E, formula: base}\n";
    let ds = carebudget_format::load(SourceFile::new("council.yaml", child), &mut |id| {
        (id == "nation").then(|| SourceFile::new("nation.yaml", parent.clone()))
    })
    .unwrap_err();
    let d = one(&ds, "rules.base.formula", "unknown name `missing_name`");
    assert_eq!(d.file, "nation.yaml");
    assert_eq!(d.line, Some(10), "{d}");
}

#[test]
fn bad_answers_are_named() {
    let l = load(
        "inputs:\n  x: {type: money, section: main, question: X, min: \"0\"}\n  c: {type: choice, section: main, question: C, options: {a: {label: A}}}\n  p: {type: money, section: main, question: P, periods: [weekly]}\nrules:\n  r: {type: money, label: R, formula: x}\n",
    );
    let raw = |y: &str| {
        carebudget_format::load::parse::<indexmap::IndexMap<String, carebudget_core::literal::Literal>>(
            &SourceFile::new("a.yaml", y),
            1 << 20,
        )
        .unwrap()
    };
    let ds = carebudget_core::answers::type_answers(
        &l.program,
        &raw("x: \"-1\"\nc: b\nzzz: 1\np: {amount: \"5\", period: monthly}\nr: \"1\"\n"),
    )
    .unwrap_err();
    one(&ds, "answers.x", "below the smallest allowed");
    one(&ds, "answers.c", "`b` is not one of the options");
    one(&ds, "answers.zzz", "there is no question `zzz`");
    one(&ds, "answers.p", "not monthly");
    one(&ds, "answers.r", "it is a rule");
}
