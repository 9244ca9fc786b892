//! Reads arbitrary bytes as a compiled program (what the widget fetches), after the file's
//! header so the fuzzer starts inside the encoding, and when one is accepted evaluates and
//! explains it with no answers and with each question's first option. Any panic, hang or
//! overflow is a finding: `decode` must refuse whatever it cannot run safely.
#![no_main]

use carebudget_core::text::Lang;
use carebudget_core::compiled::{MAGIC, VERSION, decode};
use carebudget_core::date::Date;
use carebudget_core::eval::{Answers, evaluate};
use carebudget_core::program::Value;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut bytes = MAGIC.to_vec();
    bytes.push(VERSION);
    bytes.extend_from_slice(data);
    let Ok(p) = decode(&bytes) else { return };
    let none = Answers(vec![None; p.inputs.len()]);
    let first = Answers(
        p.inputs
            .iter()
            .map(|i| i.options.first().map(|o| Value::Choice(o.clone())))
            .collect(),
    );
    for answers in [none, first] {
        let ev = evaluate(&p, &answers, Date::new(2025, 6, 1).unwrap(), true);
        let _ = carebudget_core::explain::explain(&p, &ev, Lang::En, false);
        let _ = carebudget_core::explain::explain(&p, &ev, Lang::Cy, true);
    }
});
