//! Drives the widget's journey (`web::app::App`, the same code the WebAssembly build runs)
//! through the bundled rulesets with steps taken from the input: forms sent with whatever a
//! person might type (or a hostile page might send), back, change, restart, and the result's
//! steps drawn. After every step the page is rendered. Any panic, hang or overflow is a
//! finding, and so is markup from typed text: what was typed is shown again escaped.
#![no_main]

use carebudget_core::date::Date;
use carebudget_core::text::Lang;
use carebudget_core::vocab::InputType;
use carebudget_core::program::Program;
use carebudget_web::app::{App, Page};
use libfuzzer_sys::fuzz_target;

mod bundled;

/// What a person (or a page's script) might put in a field.
const TYPED: &[&str] = &[
    "",
    " ",
    "0",
    "12",
    "12.5",
    "£1,234.56",
    "1,2,3",
    "-5",
    "1e5",
    "0.001",
    "١٢",
    "99999999999999999999999999999999",
    "9223372036854775807",
    "10000000000000.01",
    "31",
    "29",
    "2",
    "13",
    "1899",
    "2024",
    "2201",
    "weekly",
    "monthly",
    "yearly",
    "yes",
    "no",
    "-none",
    "<script>alert(1)</script>",
    "\" onfocus=\"x",
    "&amp;",
];
const FIELDS: &[&str] = &["answer", "amount", "period", "day", "month", "year", "for_other"];

fuzz_target!(|data: &[u8]| {
    let mut bytes = data.iter().copied();
    let mut next = move || bytes.next().map(usize::from);
    let Some(which) = next() else { return };
    let all = bundled::programs();
    let p: Program = carebudget_core::compiled::decode(&all[which % all.len()]).expect("a bundled program");
    let lang = if which & 0x80 != 0 { Lang::Cy } else { Lang::En };
    let day = Date::new(2025, 6, 1).unwrap();
    let mut app = App::new(
        p,
        lang,
        day,
        Some(day),
        Some("0".repeat(64)),
        Some("https://example.org/rules.html".into()),
    );
    let form_of = |page: Page| match page {
        Page::Start => "start",
        Page::Question(_) => "question",
        Page::Check | Page::Result => "check",
    };
    // At most 256 steps, each then rendered.
    for _ in 0..256 {
        let Some(op) = next() else { break };
        match op % 8 {
            // Answer the current question as a person would, so journeys reach the result.
            3 => {
                let pick = next().unwrap_or(0);
                let pairs: Vec<(String, String)> = match app.page {
                    Page::Question(i) => {
                        let q = &app.program.inputs[i as usize];
                        let one = |k: &str, v: &str| (k.to_string(), v.to_string());
                        match q.kind {
                            InputType::Choice | InputType::Choices if !q.options.is_empty() => {
                                vec![one("answer", &q.options[pick % q.options.len()])]
                            }
                            InputType::YesNo => vec![one("answer", if pick % 2 == 0 { "yes" } else { "no" })],
                            InputType::Money if !q.periods.is_empty() => {
                                vec![one("amount", TYPED[pick % 6]), one("period", q.periods[0].name())]
                            }
                            InputType::Date => vec![one("day", "15"), one("month", "6"), one("year", "1950")],
                            _ => vec![one("answer", TYPED[pick % 6])],
                        }
                    }
                    _ => Vec::new(),
                };
                app.submit(form_of(app.page), &pairs);
            }
            // Send the page's own form with fields picked at random: its question's options,
            // or typed text.
            0..=2 => {
                let mut pairs = Vec::new();
                for _ in 0..(op / 8) % 4 {
                    let field = FIELDS[next().unwrap_or(0) % FIELDS.len()];
                    let pick = next().unwrap_or(0);
                    let options = match app.page {
                        Page::Question(i) => &app.program.inputs[i as usize].options,
                        _ => &Vec::new(),
                    };
                    let value = match options.get(pick % 16) {
                        Some(o) if pick & 0x80 == 0 => o.clone(),
                        _ => TYPED[pick % TYPED.len()].to_string(),
                    };
                    pairs.push((field.to_string(), value));
                }
                app.submit(form_of(app.page), &pairs);
            }
            4 => {
                app.act("back", "");
            }
            5 => {
                let n = app.program.inputs.len();
                let id = match next().unwrap_or(0) % (n + 2) {
                    i if i < n => app.program.inputs[i].id.clone(),
                    i if i == n => String::new(),
                    _ => "no-such-question".to_string(),
                };
                app.act("change", &id);
            }
            6 => {
                app.act("restart", "");
            }
            _ => {
                let _ = app.all_steps_html();
                let _ = app.announcement();
            }
        }
        let html = app.render();
        if std::env::var_os("JOURNEY_SHOW_PAGES").is_some() {
            eprintln!("page {:?}", app.page);
        }
        assert!(!html.contains("<script"), "typed markup was drawn as markup");
        assert!(!html.contains("\" onfocus="), "typed text broke out of an attribute");
    }
});
