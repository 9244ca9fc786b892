//! Runs the bundled rulesets (their compiled programs, as the widget does) on answers built
//! from the input: for each question nothing, an option or several, or a value drawn from
//! the edges of what a person can type (zero, a penny, the largest money and decimal, 28
//! decimal places, negatives, far dates). Answers go through the same typing and bounds as
//! the command line's; whatever passes is evaluated as of a date from the input and
//! explained in both languages. Any panic, hang or overflow is a finding: evaluation must
//! turn every out-of-range step into an error message.
#![no_main]

use carebudget_core::text::Lang;
use std::sync::OnceLock;

use carebudget_core::date::Date;
use carebudget_core::literal::Literal;
use carebudget_core::vocab::InputType;
use carebudget_core::program::Program;
use indexmap::IndexMap;
use libfuzzer_sys::fuzz_target;

mod bundled;

/// The bundled programs, decoded once.
fn programs() -> &'static [Program] {
    static P: OnceLock<Vec<Program>> = OnceLock::new();
    P.get_or_init(|| {
        let decode = |b: &Vec<u8>| carebudget_core::compiled::decode(b).expect("a bundled program");
        bundled::programs().iter().map(decode).collect()
    })
}

const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "0.5",
    "0.0000000000000000000000000001",
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "7922816251426433759354395033.5",
    "99999999999999",
    "100",
    "65",
    "17",
];
const MONEY: &[&str] = &[
    "0",
    "0.01",
    "-0.01",
    "14250",
    "23250",
    "23250.01",
    "10000000000000",
    "-10000000000000",
    "9999999999999.99",
    "250",
    "1",
];
const DATES: &[&str] = &[
    "1900-01-01",
    "2025-06-01",
    "2025-06-02",
    "9999-12-31",
    "0001-01-01",
    "2000-02-29",
];
/// Dates the rules are applied as of: the range a date can hold, and the bundled rules' years.
const AS_OF: &[&str] = &["1900-01-01", "2015-04-01", "2024-04-08", "2025-06-01", "2200-12-31"];
const PERIODS: &[&str] = &["weekly", "fortnightly", "four-weekly", "monthly", "yearly"];

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.iter().copied();
    let mut next = move || bytes.next().unwrap_or(0) as usize;
    let ps = programs();
    let p = &ps[next() % ps.len()];
    let mut raw = IndexMap::new();
    for q in &p.inputs {
        let pick = next();
        if pick % 4 == 0 {
            continue; // unanswered
        }
        let lit = match q.kind {
            InputType::Choice => match q.options.get(pick % q.options.len().max(1)) {
                Some(o) => Literal::Text(o.clone()),
                None => continue,
            },
            InputType::Choices => Literal::List(
                q.options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| pick & (1 << (i % 8)) != 0)
                    .map(|(_, o)| Literal::Text(o.clone()))
                    .collect(),
            ),
            InputType::YesNo => Literal::Bool(pick % 2 == 0),
            InputType::Money if !q.periods.is_empty() => {
                let mut m = IndexMap::new();
                m.insert("amount".to_string(), Literal::Text(MONEY[pick % MONEY.len()].into()));
                m.insert(
                    "period".to_string(),
                    Literal::Text(PERIODS[next() % PERIODS.len()].into()),
                );
                Literal::Map(m)
            }
            InputType::Money => Literal::Text(MONEY[pick % MONEY.len()].into()),
            InputType::WholeNumber | InputType::Number => Literal::Text(NUMBERS[pick % NUMBERS.len()].into()),
            InputType::Date => Literal::Text(DATES[pick % DATES.len()].into()),
        };
        raw.insert(q.id.clone(), lit);
    }
    // Each answer is typed on its own, and one its question's bounds refuse is left out, as
    // the page would refuse it and keep asking.
    let mut answers = carebudget_core::eval::Answers(vec![None; p.inputs.len()]);
    for (id, lit) in raw {
        if let Ok(typed) = carebudget_core::answers::type_answers(p, &IndexMap::from([(id, lit)]))
            && let Some(at) = typed.0.iter().position(Option::is_some)
        {
            answers.0[at] = typed.0[at].clone();
        }
    }
    let as_of = Date::parse(AS_OF[next() % AS_OF.len()]).expect("a date in range");
    let ev = carebudget_core::eval::evaluate(p, &answers, as_of, true);
    let _ = carebudget_core::explain::explain(p, &ev, Lang::En, false);
    let _ = carebudget_core::explain::explain(p, &ev, Lang::Cy, true);
});
