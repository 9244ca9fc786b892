//! Runs worked examples: the answers, the date, and the results the rules must give.

use crate::model::{Example, ValueType};
use carebudget_core::answers::type_answers;
use carebudget_core::eval::{Outcome, evaluate};
use carebudget_core::literal::Literal;
use carebudget_core::program::{Program, Ty};
use carebudget_core::typing::literal_value;
use carebudget_core::value::plain;

/// What one example found: empty `failures` means it passed.
#[derive(Debug)]
pub struct ExampleResult {
    pub name: String,
    pub failures: Vec<String>,
}

/// Runs one example and lists every way the result differs from what it expects.
pub fn run_example(p: &Program, ex: &Example) -> ExampleResult {
    let mut failures = Vec::new();
    let answers = match type_answers(p, &ex.answers) {
        Ok(a) => a,
        Err(errs) => {
            return ExampleResult {
                name: ex.name.clone(),
                failures: errs.iter().map(|d| format!("{}: {}", d.path, d.message)).collect(),
            };
        }
    };
    let ev = evaluate(p, &answers, ex.as_of, false);
    if ex.expect.is_empty() && ex.expect_needs.is_empty() {
        failures.push("the example expects nothing; give `expect` or `expect_needs`".into());
    }
    for (name, want) in &ex.expect {
        let output = p.outputs.iter().position(|o| &o.id == name);
        // `not-applicable`: the output's `applies_when` is false for these answers.
        if *want == Literal::Text("not-applicable".into()) {
            match output {
                None => failures.push(format!("`{name}` is not an output, so it cannot be not-applicable")),
                Some(o) if ev.applies(o) => failures.push(format!(
                    "{name}: expected it not to apply, but it applies (its value: {})",
                    show(&ev.rules[p.outputs[o].rule as usize])
                )),
                Some(_) => {}
            }
            continue;
        }
        // An output id, else a rule id. An output that does not apply shows no value, so a
        // value expected of it is not what a person would see: name its rule to check that.
        if let Some(o) = output
            && !ev.applies(o)
        {
            failures.push(format!(
                "{name}: expected {}, but this output does not apply to these answers (expect \
                 `not-applicable`, or name its rule `{}` to check the rule's value)",
                want.scalar_text()
                    .map(|t| format!("`{t}`"))
                    .unwrap_or_else(|| want.kind().into()),
                p.rules[p.outputs[o].rule as usize].id
            ));
            continue;
        }
        let rule = output.map(|o| p.outputs[o].rule).or_else(|| p.rule_index(name));
        let Some(rule) = rule else {
            failures.push(format!("`{name}` is not an output or rule"));
            continue;
        };
        let ty = p.rules[rule as usize].ty;
        let got = &ev.rules[rule as usize];
        if *want == Literal::Text("unknown".into()) {
            if !matches!(got, Outcome::Unknown(_)) {
                failures.push(format!("{name}: expected it to be not yet known, got {}", show(got)));
            }
            continue;
        }
        let want_value = match literal_value(
            want,
            Ty::of_value_type(ty),
            if ty == ValueType::Percentage {
                ValueType::Percentage
            } else {
                ValueType::Number
            },
        ) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{name}: the expected value is not valid: {e}"));
                continue;
            }
        };
        if *got != Outcome::Known(want_value.clone()) {
            failures.push(format!("{name}: expected {}, got {}", plain(&want_value), show(got)));
        }
    }
    for (out_id, want) in &ex.expect_needs {
        let Some(o) = p.outputs.iter().position(|o| &o.id == out_id) else {
            failures.push(format!("expect_needs: `{out_id}` is not an output"));
            continue;
        };
        let mut got: Vec<String> = ev
            .needs(p, o)
            .iter()
            .map(|i| p.inputs[*i as usize].id.clone())
            .collect();
        let mut want = want.clone();
        got.sort();
        want.sort();
        if got != want {
            failures.push(format!(
                "{out_id}: expected to still need [{}], but it needs [{}]",
                want.join(", "),
                got.join(", ")
            ));
        }
    }
    ExampleResult {
        name: ex.name.clone(),
        failures,
    }
}

fn show(o: &Outcome) -> String {
    match o {
        Outcome::Known(v) => plain(v),
        Outcome::Unknown(_) => "not yet known (answers missing)".into(),
        Outcome::Failed(e) => format!("an error: {e}"),
    }
}
