//! Partial evaluation (what is still needed) and the trace and its explanation.

mod common;
use carebudget_core::text::Lang;
use common::*;

use carebudget_core::eval::Outcome;
use carebudget_core::explain::explain;

const BODY: &str = "parameters:
  upper: {type: money, label: Upper capital limit, source: s, values: [{from: 2015-04-01, value: \"23250\", verify: true}]}
inputs:
  impairment: {type: yes-no, section: main, question: Do you have an impairment?, question_for_other: Do they have an impairment?}
  count: {type: whole-number, section: main, question: How many?, label: Outcomes}
  carer: {type: yes-no, section: main, question: Are you a carer?}
  capital: {type: money, section: main, question: Savings?, label: Savings}
  income: {type: money, section: main, question: Income?, ask_when: {le: [capital, upper]}, default: \"0\"}
rules:
  two: {type: yes-no, label: Two or more outcomes, formula: {ge: [count, 2]}}
  eligible:
    type: yes-no
    label: Eligible
    source: s
    explain: Eligible because both conditions hold.
    explain_if_not: Not eligible.
    formula: {all: [impairment, two]}
  either: {type: yes-no, label: Either, formula: {any: [impairment, carer]}}
  over: {type: yes-no, label: Over the limit, formula: {gt: [capital, upper]}}
  pays:
    type: money
    label: Pays
    explain:
      en: \"Over the limit: {over}; income {income}; you pay {value}.\"
      for_other: \"Over the limit: {over}; income {income}; they pay {value}.\"
    formula: {cases: [{if: over, then: \"£100\"}, {else: {min: [income, \"£100\"]}}]}
  income_seen: {type: money, label: Income seen, formula: income}
outputs:
  eligible: {rule: eligible, role: eligibility}
  pays: {rule: pays, role: contribution, label: {en: Pays, for_other: What they pay}}
  income: {rule: income_seen, role: other}
";

fn needs(l: &carebudget_format::Loaded, ev: &carebudget_core::eval::Evaluation, output: &str) -> Vec<String> {
    let o = l.program.outputs.iter().position(|o| o.id == output).unwrap();
    ev.needs(&l.program, o)
        .iter()
        .map(|i| l.program.inputs[*i as usize].id.clone())
        .collect()
}

#[test]
fn missing_answers_leave_outputs_unknown_with_what_is_needed() {
    let l = load(BODY);
    let ev = run(&l, "", "2025-06-01");
    assert_eq!(needs(&l, &ev, "eligible"), ["impairment", "count"]);
    // Whether income is asked depends on capital: ask capital first.
    assert_eq!(needs(&l, &ev, "pays"), ["capital"]);
    let ev = run(&l, "impairment: true", "2025-06-01");
    assert_eq!(needs(&l, &ev, "eligible"), ["count"]);
    assert_eq!(rule(&l, &ev, "either"), yes(true)); // decided by one known true
}

#[test]
fn logic_decides_as_soon_as_the_known_part_settles_it() {
    let l = load(BODY);
    let ev = run(&l, "impairment: false", "2025-06-01");
    assert_eq!(rule(&l, &ev, "eligible"), yes(false));
    assert!(needs(&l, &ev, "eligible").is_empty());
    assert_eq!(
        rule(&l, &ev, "either"),
        Outcome::Unknown(vec![l.program.input_index("carer").unwrap()])
    );
}

#[test]
fn questions_not_asked_use_their_default_and_ignore_stale_answers() {
    let l = load(BODY);
    // Capital over the limit: income is not asked, so its answer (left from before) is ignored.
    let ev = run(&l, "capital: \"30000\"\nincome: \"50\"", "2025-06-01");
    let income = l.program.input_index("income").unwrap() as usize;
    assert_eq!(ev.asked[income], Some(false));
    assert_eq!(ev.inputs[income], money("0.00"));
    assert_eq!(rule(&l, &ev, "pays"), money("100.00"));
    // Under the limit: asked, and needed until answered.
    let ev = run(&l, "capital: \"1000\"", "2025-06-01");
    assert_eq!(ev.asked[income], Some(true));
    assert_eq!(needs(&l, &ev, "pays"), ["income"]);
    let ev = run(&l, "capital: \"1000\"\nincome: \"42.50\"", "2025-06-01");
    assert_eq!(rule(&l, &ev, "pays"), money("42.50"));
}

#[test]
fn trace_records_failed_conditions_with_margins() {
    let l = load(BODY);
    let ev = run(
        &l,
        "impairment: true\ncount: 1\ncapital: \"23250.00\"\nincome: \"10\"",
        "2025-06-01",
    );
    let r = explain(&l.program, &ev, Lang::En, false);
    let elig = r.outputs.iter().find(|o| o.id == "eligible").unwrap();
    assert_eq!(elig.text, "No");
    let steps: Vec<&str> = elig.steps.iter().map(|s| s.rule.as_str()).collect();
    assert_eq!(steps, ["two", "eligible"]);
    let two = &elig.steps[0];
    assert_eq!(two.because, ["Outcomes (1) is 1 below 2. It needs to be at least 2."]);
    let last = &elig.steps[1];
    assert_eq!(last.text, "Not eligible.");
    assert_eq!(last.because, ["“Two or more outcomes” is not met."]);
    // Thresholds are the comparisons only (a condition that is merely not met is not one),
    // their figures and gap without what the condition needs.
    assert_eq!(two.thresholds, ["Outcomes (1) is 1 below 2."]);
    assert!(last.thresholds.is_empty());
    assert_eq!(last.source.as_ref().unwrap().title, "A source");
    // A comparison that held shows its margin, which is what would change the result.
    let pays = r.outputs.iter().find(|o| o.id == "pays").unwrap();
    let over = pays.steps.iter().find(|s| s.rule == "over").unwrap();
    assert_eq!(
        over.because,
        [
            "Savings (£23,250.00) is the same as Upper capital limit (£23,250.00). It needs to be more than Upper capital limit (£23,250.00)."
        ]
    );
    assert_eq!(
        over.thresholds,
        ["Savings (£23,250.00) is the same as Upper capital limit (£23,250.00)."]
    );
}

#[test]
fn trace_lists_figures_with_their_dates_sources_and_verify_status() {
    let l = load(BODY);
    let ev = run(&l, "capital: \"30000\"", "2025-06-01");
    let r = explain(&l.program, &ev, Lang::En, false);
    let pays = r.outputs.iter().find(|o| o.id == "pays").unwrap();
    assert_eq!(pays.text, "£100.00");
    let over = pays.steps.iter().find(|s| s.rule == "over").unwrap();
    let figure = over.uses.iter().find(|u| u.kind == "figure").unwrap();
    assert_eq!((figure.id.as_str(), figure.value.as_str()), ("upper", "£23,250.00"));
    assert_eq!(figure.from.as_deref(), Some("1 April 2015"));
    assert!(figure.unverified);
    assert_eq!(figure.source.as_ref().unwrap().title, "A source");
    let answer = over.uses.iter().find(|u| u.kind == "answer").unwrap();
    assert_eq!(
        (answer.label.as_str(), answer.value.as_str()),
        ("Savings", "£30,000.00")
    );
    // Templates fill in the names the rule uses.
    let last = pays.steps.last().unwrap();
    assert_eq!(last.text, "Over the limit: Yes; income £0.00; you pay £100.00.");
    // Only the branch taken is shown: over the limit, income played no part.
    let used: Vec<&str> = last.uses.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(used, ["over"]);
    // An unasked question says so where it is used.
    let seen = r.outputs.iter().find(|o| o.id == "income").unwrap();
    assert_eq!(seen.steps[0].uses[0].value, "£0.00 (not asked)");
    // Under the limit the other branch, and so income, is what counts.
    let ev = run(&l, "capital: \"100\"\nincome: \"20\"", "2025-06-01");
    let r = explain(&l.program, &ev, Lang::En, false);
    let pays = r.outputs.iter().find(|o| o.id == "pays").unwrap();
    let used: Vec<&str> = pays.steps.last().unwrap().uses.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(used, ["over", "income"]);
}

#[test]
fn welsh_and_someone_elses_wording() {
    let l = load(BODY);
    let ev = run(&l, "impairment: true\ncount: 3", "2025-06-01");
    let cy = explain(&l.program, &ev, Lang::Cy, false);
    let elig = cy.outputs.iter().find(|o| o.id == "eligible").unwrap();
    assert_eq!(elig.text, "Ie");
    assert_eq!(
        cy.outputs.iter().find(|o| o.id == "pays").unwrap().text,
        "heb ei wybod eto"
    );
    let ev = run(&l, "count: 3", "2025-06-01");
    let other = explain(&l.program, &ev, Lang::En, true);
    let n = &other.outputs.iter().find(|o| o.id == "eligible").unwrap().needs;
    assert_eq!(n[0].question, "Do they have an impairment?");
    let mine = explain(&l.program, &ev, Lang::En, false);
    assert_eq!(mine.outputs[0].needs[0].question, "Do you have an impairment?");
    // Any text's wording for someone else (`for_other`): an output's label, a rule's
    // explanation; in Welsh, which these have none of, the English for someone else.
    let label = |r: &carebudget_core::explain::Report| r.outputs.iter().find(|o| o.id == "pays").unwrap().label.clone();
    assert_eq!(
        (label(&other).as_str(), label(&mine).as_str()),
        ("What they pay", "Pays")
    );
    let ev = run(&l, "capital: \"30000\"", "2025-06-01");
    let said = |lang, for_other| {
        let r = explain(&l.program, &ev, lang, for_other);
        let pays = r.outputs.iter().find(|o| o.id == "pays").unwrap();
        pays.steps.last().unwrap().text.clone()
    };
    assert_eq!(
        said(Lang::En, false),
        "Over the limit: Yes; income £0.00; you pay £100.00."
    );
    assert_eq!(
        said(Lang::En, true),
        "Over the limit: Yes; income £0.00; they pay £100.00."
    );
    assert_eq!(
        said(Lang::Cy, true),
        "Over the limit: Ie; income £0.00; they pay £100.00."
    );
}

#[test]
fn evaluation_of_the_bundled_example_matches_its_worked_examples() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/rules/example.yaml")).unwrap();
    let l = carebudget_format::load(carebudget_format::SourceFile::new("example.yaml", text), &mut |_| None).unwrap();
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    let examples = l.ruleset.examples.clone();
    assert!(examples.len() >= 10);
    for ex in &examples {
        let r = carebudget_format::examples::run_example(&l.program, ex);
        assert!(r.failures.is_empty(), "{}: {:?}", r.name, r.failures);
    }
}

#[test]
fn results_outside_the_rules_period_carry_a_warning() {
    let l = load(&format!("in_force: {{from: 2025-04-07, to: 2026-04-05}}\n{BODY}"));
    let inside = explain(&l.program, &run(&l, "", "2025-06-01"), Lang::En, false);
    assert!(inside.warnings.is_empty());
    let after = explain(&l.program, &run(&l, "", "2026-06-01"), Lang::En, false);
    assert_eq!(
        after.warnings,
        [
            "These rules are for 7 April 2025 to 5 April 2026, but the date asked about is 1 June 2026: the figures may have changed since."
        ]
    );
    // Before the period the figures have not "changed since": the rules then may differ.
    let before = explain(&l.program, &run(&l, "", "2024-06-01"), Lang::En, false);
    assert_eq!(
        before.warnings,
        [
            "These rules are for 7 April 2025 to 5 April 2026, but the date asked about is 1 June 2024, before that: the rules then may have been different."
        ]
    );
    assert_eq!(inside.period.as_deref(), Some("7 April 2025 to 5 April 2026"));
    let cy = explain(&l.program, &run(&l, "", "2024-06-01"), Lang::Cy, false);
    assert!(cy.warnings[0].contains("7 Ebrill 2025"), "{:?}", cy.warnings);
}

/// `applies_when` on outputs: one answer for carers, one for everyone else.
const APPLIES: &str = "inputs:
  who: {type: choice, section: main, question: Who is this for?, options: {me: {label: Me}, carer: {label: A carer}}}
  impairment: {type: yes-no, section: main, question: Do you have an impairment?, ask_when: adult, default: false}
  caring: {type: yes-no, section: main, question: Do you provide necessary care?, ask_when: carer, default: false}
rules:
  adult: {type: yes-no, label: Checking own care, formula: {answer_in: {answer: who, options: [me]}}}
  carer: {type: yes-no, label: Checking as a carer, formula: {answer_in: {answer: who, options: [carer]}}}
  adult_ok: {type: yes-no, label: Adult eligible, formula: {all: [adult, impairment]}}
  carer_ok: {type: yes-no, label: Carer eligible, formula: {all: [carer, caring]}}
outputs:
  eligible: {rule: adult_ok, role: eligibility, applies_when: adult}
  carer_eligible: {rule: carer_ok, role: eligibility, applies_when: carer}
";

#[test]
fn an_output_that_does_not_apply_is_not_applicable_not_no() {
    let l = load(APPLIES);
    // Before `who`: whether either applies is unknown, so `who` is what each needs.
    let ev = run(&l, "", "2025-06-01");
    assert_eq!(needs(&l, &ev, "eligible"), ["who"]);
    assert_eq!(needs(&l, &ev, "carer_eligible"), ["who"]);
    // Checking own care: the carer answer does not apply (its rule is No) and needs nothing.
    let ev = run(&l, "who: me", "2025-06-01");
    assert_eq!(rule(&l, &ev, "carer_ok"), yes(false));
    assert!(!ev.applies(1) && ev.applies(0));
    assert!(needs(&l, &ev, "carer_eligible").is_empty());
    assert_eq!(needs(&l, &ev, "eligible"), ["impairment"]);
    for lang in Lang::ALL {
        let r = explain(&l.program, &ev, lang, false);
        let carer = r.outputs.iter().find(|o| o.id == "carer_eligible").unwrap();
        assert_eq!(carer.status, "not-applicable");
        assert!(carer.value.is_none() && carer.steps.is_empty() && carer.needs.is_empty());
        assert_eq!(
            carer.text,
            if lang == Lang::En {
                "does not apply"
            } else {
                "nid yw'n berthnasol"
            }
        );
        assert_eq!(r.outputs.iter().find(|o| o.id == "eligible").unwrap().status, "unknown");
    }
    // A carer: the adult answer does not apply, the carer one is decided as usual.
    let ev = run(&l, "who: carer\ncaring: true", "2025-06-01");
    let r = explain(&l.program, &ev, Lang::En, false);
    assert_eq!(r.outputs[0].status, "not-applicable");
    assert_eq!(
        (r.outputs[1].status.name(), r.outputs[1].text.as_str()),
        ("known", "Yes")
    );
}

#[test]
fn a_worked_example_cannot_expect_a_value_of_an_output_that_does_not_apply() {
    let l = load(&format!(
        "{APPLIES}examples:
  - {{name: the answer a person sees, as_of: 2025-06-01, answers: {{who: me}}, expect: {{carer_eligible: not-applicable}}}}
  - {{name: the rule behind it, as_of: 2025-06-01, answers: {{who: me}}, expect: {{carer_ok: false}}}}
  - {{name: a value nobody is shown, as_of: 2025-06-01, answers: {{who: me}}, expect: {{carer_eligible: false}}}}
"
    ));
    let results: Vec<_> = l
        .ruleset
        .examples
        .iter()
        .map(|ex| carebudget_format::examples::run_example(&l.program, ex))
        .collect();
    assert!(results[0].failures.is_empty(), "{:?}", results[0].failures);
    assert!(results[1].failures.is_empty(), "{:?}", results[1].failures);
    assert_eq!(
        results[2].failures,
        [
            "carer_eligible: expected yes/no, but this output does not apply to these answers (expect `not-applicable`, or name its rule `carer_ok` to check the rule's value)"
        ]
    );
}

#[test]
fn applies_when_must_be_a_yes_no_that_can_be_true() {
    let not_yes_no = APPLIES.replace("applies_when: adult}", "applies_when: \"£5\"}");
    let ds = errors(&not_yes_no);
    assert!(
        ds.iter()
            .any(|d| d.path == "outputs.eligible.applies_when" && d.message.contains("must be yes/no")),
        "{ds:?}"
    );
    let never = APPLIES.replace("applies_when: adult}", "applies_when: false}");
    let ds = errors(&never);
    assert!(ds.iter().any(|d| d.message.contains("never applies")), "{ds:?}");
    let unknown = APPLIES.replace("applies_when: adult}", "applies_when: adlt}");
    let ds = errors(&unknown);
    assert!(
        ds.iter().any(|d| d.path.starts_with("outputs.eligible.applies_when")),
        "{ds:?}"
    );
}

#[test]
fn a_step_a_decided_result_does_not_depend_on_says_so() {
    let l = load(BODY);
    // No impairment: not eligible, whatever the count (not given) would make `two`.
    // An `all` that is No rests only on its parts that are No: the undecided count is not
    // one of the steps at all (it used to be listed as "not needed for this result").
    let r = explain(&l.program, &run(&l, "impairment: false", "2025-06-01"), Lang::En, false);
    let eligible = r.outputs.iter().find(|o| o.id == "eligible").unwrap();
    assert_eq!(eligible.status, "known");
    assert!(eligible.steps.iter().all(|s| s.rule != "two"), "{:?}", eligible.steps);
    // While the result itself is undecided, an unknown step is just not known yet.
    let r = explain(&l.program, &run(&l, "impairment: true", "2025-06-01"), Lang::En, false);
    let eligible = r.outputs.iter().find(|o| o.id == "eligible").unwrap();
    assert_eq!(eligible.status, "unknown");
    let two = eligible.steps.iter().find(|s| s.rule == "two").unwrap();
    assert_eq!(two.value, "not known yet");
}

/// Three thresholds in one answer: a minimum of £0, the savings limit and the count of outcomes.
const NEAREST: &str = "parameters:
  minimum: {type: money, label: Minimum, source: s, values: [{from: 2015-04-01, value: \"0\"}]}
  upper: {type: money, label: Upper capital limit, source: s, values: [{from: 2015-04-01, value: \"23250\"}]}
inputs:
  count: {type: whole-number, section: main, question: How many?, label: Outcomes}
  capital: {type: money, section: main, question: Savings?, label: Savings}
rules:
  under: {type: yes-no, label: Under the minimum, formula: {lt: [capital, minimum]}}
  over: {type: yes-no, label: Over the limit, formula: {gt: [capital, upper]}}
  two: {type: yes-no, label: Two or more outcomes, formula: {ge: [count, 2]}}
  pays: {type: money, label: Pays, formula: {cases: [{if: under, then: \"£1\"}, {if: over, then: \"£100\"}, {if: two, then: \"£50\"}, {else: \"£0\"}]}}
outputs:
  pays: {rule: pays, role: contribution}
";

#[test]
fn what_would_change_a_result_is_the_threshold_nearest_to_being_crossed() {
    let l = load(NEAREST);
    let nearest = |answers: &str| {
        let r = explain(&l.program, &run(&l, answers, "2025-06-01"), Lang::En, false);
        r.outputs[0].nearest.clone().unwrap()
    };
    // £3,250 short of £23,250 is 0.14 of the limit; 3 outcomes are 1 over 2, 0.33 of 3; the
    // savings are £20,000 above the minimum, 1 of themselves.
    assert_eq!(
        nearest("count: 3\ncapital: \"20000\""),
        "Over the limit: Savings (£20,000.00) is £3,250.00 below Upper capital limit (£23,250.00)."
    );
    // £18,250 short is 0.78 of the limit: now the count is nearer.
    assert_eq!(
        nearest("count: 3\ncapital: \"5000\""),
        "Two or more outcomes: Outcomes (3) is 1 above 2."
    );
    // Equal figures are as near as can be: no gap at all.
    assert_eq!(
        nearest("count: 0\ncapital: \"23250\""),
        "Over the limit: Savings (£23,250.00) is the same as Upper capital limit (£23,250.00)."
    );
    // But £0 against a minimum of £0 is not measured (nothing is below it): the count, 0.33,
    // is nearer than £23,250 short of the limit, 1.
    assert_eq!(
        nearest("count: 3\ncapital: \"0\""),
        "Two or more outcomes: Outcomes (3) is 1 above 2."
    );
}

#[test]
fn words_that_say_you_are_warned_of_unless_worded_for_someone_else() {
    // BODY's carer question says "you" and has no wording for someone else; its other
    // questions and texts that say "you" have it (or say no "you" at all).
    let l = load(BODY);
    let warned: Vec<&str> = l
        .warnings
        .iter()
        .filter(|d| d.message.contains("no `for_other` wording"))
        .map(|d| d.path.as_str())
        .collect();
    assert_eq!(warned, ["inputs.carer.question"]);
    assert!(l.program.info.says_you);
    let worded = BODY.replace(
        "question: Are you a carer?}",
        "question: {en: Are you a carer?, for_other: Are they a carer?}}",
    );
    let l = load(&worded);
    assert!(!l.warnings.iter().any(|d| d.message.contains("for_other")));
    assert!(!l.program.info.says_you);
}

/// An `all` whose first part fails stops the later parts' questions being asked.
const GATED: &str = "parameters:
  rate: {type: money, label: Rate, source: s, values: [{from: 2025-04-06, value: \"10.00\"}, {from: 2026-04-06, value: \"12.50\"}]}
inputs:
  impairment: {type: yes-no, section: main, question: Do you have an impairment?, label: Impairment}
  count: {type: whole-number, section: main, question: How many outcomes?, label: Outcomes, ask_when: impairment, default: 0}
  wellbeing: {type: yes-no, section: main, question: Significant impact?, label: Impact, ask_when: impairment, default: false}
  hours: {type: whole-number, section: main, question: Hours?}
rules:
  two: {type: yes-no, label: Two or more outcomes, formula: {ge: [count, 2]}}
  eligible: {type: yes-no, label: Eligible, formula: {all: [impairment, two, wellbeing]}}
  cost: {type: money, label: Cost, formula: {product: {of: [hours, rate], round: {direction: down}}}}
outputs:
  eligible: {rule: eligible, role: eligibility}
  cost: {rule: cost, role: other, label: Weekly cost}
limitations:
  - {en: Couples are assessed as single., cy: Asesir cyplau fel pobl sengl.}
";

#[test]
fn conditions_after_one_not_met_are_not_assessed_not_failed() {
    let l = load(GATED);
    // No impairment, though the (unasked) answers say 5 outcomes and a significant impact.
    let ev = run(
        &l,
        "impairment: false\ncount: 5\nwellbeing: true\nhours: 1",
        "2025-06-01",
    );
    for lang in Lang::ALL {
        let r = explain(&l.program, &ev, lang, false);
        let eligible = r.outputs.iter().find(|o| o.id == "eligible").unwrap();
        assert_eq!(eligible.status, "known");
        let two = eligible.steps.iter().find(|s| s.rule == "two").unwrap();
        assert_eq!(two.status, "not-assessed");
        assert!(two.because.is_empty(), "{:?}", two.because);
        let last = eligible.steps.last().unwrap();
        if lang == Lang::En {
            assert_eq!(
                two.text,
                "Two or more outcomes: not assessed: its questions were not asked"
            );
            assert_eq!(
                last.because,
                [
                    "“Impairment” is not met.",
                    "“Two or more outcomes” was not assessed: its questions were not asked, because “Impairment” is not met.",
                    "“Impact” was not assessed: its questions were not asked, because “Impairment” is not met.",
                ]
            );
        } else {
            assert!(
                last.because[1].starts_with("Ni aseswyd “Two or more outcomes”"),
                "{:?}",
                last.because
            );
        }
    }
    // With the impairment, the same count fails on its own merits: "not met", with its margin.
    let ev = run(
        &l,
        "impairment: true\ncount: 1\nwellbeing: true\nhours: 1",
        "2025-06-01",
    );
    let r = explain(&l.program, &ev, Lang::En, false);
    let eligible = r.outputs.iter().find(|o| o.id == "eligible").unwrap();
    let two = eligible.steps.iter().find(|s| s.rule == "two").unwrap();
    assert_eq!((two.status.name(), two.value.as_str()), ("known", "No"));
    assert_eq!(
        eligible.steps.last().unwrap().because,
        ["“Two or more outcomes” is not met."]
    );
}

#[test]
fn a_question_added_later_is_assumed_from_answers_saved_before_it() {
    let l = load(
        "inputs:
  kinds:
    type: choices
    section: main
    question: Which of these do you get?
    options: {pension: {label: A pension}, other: {label: Anything else}}
    if_unanswered: {answered: [other_income], assume: [other]}
  pension: {type: money, section: main, question: Pension?, ask_when: {includes: {answer: kinds, options: [pension]}}, default: \"0\"}
  other_income: {type: money, section: main, question: Other income?, ask_when: {includes: {answer: kinds, options: [other]}}, default: \"0\"}
rules:
  total: {type: money, label: Total, formula: {sum: [pension, other_income]}}
outputs:
  total: {rule: total, role: other}
",
    );
    // An answers file from before `kinds` existed: the lump sum counts as "anything else".
    let ev = run(&l, "other_income: \"150\"", "2025-06-01");
    assert_eq!(rule(&l, &ev, "total"), money("150"));
    let r = explain(&l.program, &ev, Lang::En, false);
    let step = &r.outputs[0].steps[0];
    let kinds = step.uses.iter().find(|u| u.id == "other_income").unwrap();
    assert_eq!(kinds.value, "£150.00");
    // Nothing answered: the question is still needed, not assumed.
    let ev = run(&l, "", "2025-06-01");
    assert_eq!(needs(&l, &ev, "total"), ["kinds"]);
    // An answer to the new question wins.
    let ev = run(
        &l,
        "kinds: [pension]\npension: \"90\"\nother_income: \"150\"",
        "2025-06-01",
    );
    assert_eq!(rule(&l, &ev, "total"), money("90"));
}

#[test]
fn if_unanswered_must_name_questions_and_a_valid_answer() {
    let ds = errors(
        "inputs:
  kinds: {type: choices, section: main, question: Which?, options: {a: {label: A}}, if_unanswered: {answered: [nope], assume: [b]}}
outputs: {}
",
    );
    let msgs: Vec<String> = ds.iter().map(|d| d.to_string()).collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("inputs.kinds.if_unanswered.answered[0]") && m.contains("no question `nope`")),
        "{msgs:?}"
    );
}

#[test]
fn limitations_reach_every_result_and_later_figures_are_shown() {
    let l = load(GATED);
    let ev = run(&l, "impairment: false\nhours: 3", "2025-06-01");
    let r = explain(&l.program, &ev, Lang::En, false);
    assert_eq!(r.limitations, ["Couples are assessed as single."]);
    let cy = explain(&l.program, &ev, Lang::Cy, false);
    assert_eq!(cy.limitations, ["Asesir cyplau fel pobl sengl."]);
    // 3 hours × £10.00 now; × £12.50 = £37.50 from 6 April 2026, when the rate changes.
    let answers = {
        let raw = carebudget_format::load::parse(
            &carebudget_format::load::SourceFile::new("a.yaml", "impairment: false\nhours: 3"),
            1 << 20,
        )
        .unwrap();
        carebudget_core::answers::type_answers(&l.program, &raw).unwrap()
    };
    let later = carebudget_core::explain::later(&l.program, &answers, &ev, Lang::En, false).unwrap();
    assert_eq!(later.as_of, "2026-04-06");
    assert_eq!(
        later.heading,
        "From 6 April 2026, with the figures that take effect then:"
    );
    assert_eq!(later.changes, ["Weekly cost: £37.50 (now £30.00)"]);
    // Nothing later than the last figures.
    let ev = run(&l, "impairment: false\nhours: 3", "2026-06-01");
    assert!(carebudget_core::explain::later(&l.program, &answers, &ev, Lang::En, false).is_none());
}
