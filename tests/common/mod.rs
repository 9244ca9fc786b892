//! Helpers for the integration tests: small rulesets from YAML snippets, evaluated directly.
#![allow(dead_code)]

use carebudget_core::date::Date;
use carebudget_core::eval::{Evaluation, Outcome, evaluate};
use carebudget_core::literal::Literal;
use carebudget_core::money::Money;
use carebudget_core::program::Value;
use carebudget_format::load::{SourceFile, parse};
use carebudget_format::{Diagnostic, Loaded};
use indexmap::IndexMap;

/// The metadata every test ruleset shares; `body` adds parameters, inputs, rules, outputs.
pub fn ruleset(body: &str) -> String {
    format!(
        "format: carebudget/1\nid: t\ntitle: T\npublisher: tests\njurisdiction: england\nversion: \"1\"\n\
         sources: {{s: {{title: A source}}}}\nsections: {{main: {{title: Main}}}}\n{body}"
    )
}

pub fn try_load(body: &str) -> Result<Loaded, Vec<Diagnostic>> {
    carebudget_format::load(SourceFile::new("t.yaml", ruleset(body)), &mut |_| None)
}

pub fn load(body: &str) -> Loaded {
    match try_load(body) {
        Ok(l) => l,
        Err(ds) => panic!(
            "ruleset did not load:\n{}",
            ds.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")
        ),
    }
}

/// The error messages (with paths) a ruleset produces.
pub fn errors(body: &str) -> Vec<Diagnostic> {
    match try_load(body) {
        Ok(_) => panic!("expected errors, but the ruleset loaded"),
        Err(ds) => ds,
    }
}

pub fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

pub fn run(l: &Loaded, answers_yaml: &str, as_of: &str) -> Evaluation {
    let raw: IndexMap<String, Literal> = if answers_yaml.trim().is_empty() {
        IndexMap::new()
    } else {
        parse(&SourceFile::new("answers.yaml", answers_yaml), 1 << 20).unwrap()
    };
    let answers = carebudget_core::answers::type_answers(&l.program, &raw).unwrap_or_else(|e| panic!("{e:?}"));
    evaluate(&l.program, &answers, date(as_of), true)
}

pub fn rule(l: &Loaded, ev: &Evaluation, name: &str) -> Outcome {
    ev.rules[l.program.rule_index(name).unwrap_or_else(|| panic!("no rule {name}")) as usize].clone()
}

/// Evaluates one rule of a ruleset snippet for some answers on 2025-06-01.
pub fn value(body: &str, answers: &str, name: &str) -> Outcome {
    let l = load(body);
    let ev = run(&l, answers, "2025-06-01");
    rule(&l, &ev, name)
}

pub fn money(s: &str) -> Outcome {
    Outcome::Known(Value::Money(Money::parse(s).unwrap()))
}

pub fn number(s: &str) -> Outcome {
    Outcome::Known(Value::Number(carebudget_core::money::parse_decimal(s).unwrap()))
}

pub fn yes(b: bool) -> Outcome {
    Outcome::Known(Value::Bool(b))
}
