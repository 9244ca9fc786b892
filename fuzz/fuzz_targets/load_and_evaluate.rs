//! Loads arbitrary bytes as a ruleset (YAML or JSON, chosen by the first byte), and when it
//! loads, evaluates it with answers also taken from the input, as of a date from the input,
//! and explains the result in both languages. Any panic, hang or overflow is a finding.
#![no_main]

use carebudget_core::text::Lang;
use carebudget_core::date::Date;
use carebudget_core::literal::Literal;
use carebudget_format::load::{SourceFile, parse};
use indexmap::IndexMap;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // `ruleset \n---answers---\n answers`
    let (rules, answers) = text.split_once("\n---answers---\n").unwrap_or((text, ""));
    let name = if rules.starts_with('{') {
        "fuzz.json"
    } else {
        "fuzz.yaml"
    };
    let Ok(loaded) = carebudget_format::load(SourceFile::new(name, rules), &mut |_| None) else {
        return;
    };
    let p = &loaded.program;
    let raw: IndexMap<String, Literal> = parse(&SourceFile::new("answers.yaml", answers), 1 << 16).unwrap_or_default();
    let typed = carebudget_core::answers::type_answers(p, &raw).unwrap_or_default();
    let typed = if typed.0.len() == p.inputs.len() {
        typed
    } else {
        carebudget_core::eval::Answers(vec![None; p.inputs.len()])
    };
    let day = (data.len() % 28) as u8 + 1;
    for as_of in [Date::new(2025, 6, day).unwrap(), Date::new(2015, 4, 1).unwrap()] {
        let ev = carebudget_core::eval::evaluate(p, &typed, as_of, true);
        let _ = carebudget_core::explain::explain(p, &ev, Lang::En, false);
        let _ = carebudget_core::explain::explain(p, &ev, Lang::Cy, true);
    }
    for ex in &loaded.ruleset.examples {
        let _ = carebudget_format::examples::run_example(p, ex);
    }
    // What loads must publish and load back, and compile to a program that reads back.
    let json = serde_json::to_string(&loaded.ruleset).expect("a loaded ruleset serialises");
    carebudget_format::load_published("published.json", &json).expect("a published ruleset loads back");
    let bytes = carebudget_core::compiled::encode(p).expect("a program encodes");
    carebudget_core::compiled::decode(&bytes).expect("a compiled program reads back");
});
