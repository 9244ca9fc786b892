//! The widget's journey (`carebudget_web::app`: state, validation, pages as HTML), natively
//! with `cargo test` and in headless Chromium with wasm-bindgen-test (scripts/test.d/40-web.sh),
//! so the same assertions hold in both.

use carebudget_core::date::Date;
use carebudget_core::program::{Program, Value};
use carebudget_core::text::Lang;
use carebudget_web::app::{App, Effect, Page, esc};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

/// The example ruleset as the widget gets it: in the browser the compiled program
/// `scripts/build-web.sh` publishes before these tests are built; natively the same ruleset
/// compiled from its source.
#[cfg(target_arch = "wasm32")]
fn example() -> Program {
    carebudget_core::compiled::decode(include_bytes!("../../../www/rules/example.cbp")).expect("example decodes")
}

#[cfg(not(target_arch = "wasm32"))]
fn example() -> Program {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/rules/example.yaml")).unwrap();
    let loaded = carebudget_format::load_published("example.yaml", &text).expect("example checks");
    // Through the compiled file, as the widget reads it.
    carebudget_core::compiled::decode(&carebudget_core::compiled::encode(&loaded.program).unwrap()).unwrap()
}

fn app(lang: &str) -> App {
    let d = Date::parse("2025-09-01").unwrap();
    App::new(
        example(),
        Lang::parse(lang).unwrap(),
        d,
        Some(d),
        Some("ab".repeat(32)),
        None,
    )
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn escaping_covers_markup_and_quotes() {
    assert_eq!(
        esc("<a href=\"x\" onclick='y'>&</a>"),
        "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn answers_are_read_and_checked_per_type() {
    let a = app("en");
    let i = |id: &str| a.program.input_index(id).unwrap();
    let err = |id: &str, p: &[(&str, &str)]| a.read_answer(i(id), &pairs(p)).unwrap_err()[0].message.clone();
    assert_eq!(
        a.read_answer(
            i("date_of_birth"),
            &pairs(&[("day", "7"), ("month", "4"), ("year", "1950")])
        ),
        Ok(Value::Date(Date::parse("1950-04-07").unwrap()))
    );
    assert_eq!(err("date_of_birth", &[]), "Enter a date, like 27 3 1950");
    assert_eq!(
        err("date_of_birth", &[("day", "30"), ("month", "2"), ("year", "1950")]),
        "The date must be a real date, like 27 3 1950"
    );
    assert_eq!(
        err("date_of_birth", &[("day", "1"), ("month", "1"), ("year", "1850")]),
        "The date must be a real date, like 27 3 1950"
    );
    assert_eq!(err("impairment", &[]), "Select yes or no");
    assert_eq!(err("mobility", &[("answer", "flying")]), "Select an answer");
    assert_eq!(err("outcomes", &[]), "Select all that apply, or select ‘None of these’");
    assert_eq!(
        err("outcomes", &[("answer", "meals"), ("answer", "-none")]),
        "Select ‘None of these’ on its own, or untick it"
    );
    assert_eq!(
        a.read_answer(i("outcomes"), &pairs(&[("answer", "-none")])),
        Ok(Value::Choices(vec![]))
    );
    assert_eq!(
        err("capital", &[("answer", "")]),
        "Enter an amount in pounds, like 150 or 150.50"
    );
    assert_eq!(
        err("capital", &[("answer", "12.345")]),
        "Enter an amount in pounds using numbers only, like 150 or 150.50"
    );
    assert_eq!(
        err("capital", &[("answer", "-1")]),
        "Enter an amount in pounds using numbers only, like 150 or 150.50"
    );
    assert!(
        matches!(a.read_answer(i("capital"), &pairs(&[("answer", "£1,250.5")])), Ok(Value::Money(m)) if m.pence() == 125_050)
    );
    let periodic = a.read_answer(i("pension"), &pairs(&[("amount", "100")])).unwrap_err();
    assert_eq!(periodic[0].field, "cb-p");
    assert_eq!(
        err("pension", &[("amount", "100"), ("period", "yearly")]),
        "Select how often",
        "a period the question does not offer"
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_journey_asks_only_what_is_needed_and_returns_after_a_change() {
    let mut a = app("en");
    assert_eq!(a.submit("start", &pairs(&[("for_other", "yes")])), Effect::Render);
    assert!(a.for_other);
    let mut asked = Vec::new();
    let answers = [
        (
            "date_of_birth",
            pairs(&[("day", "1"), ("month", "3"), ("year", "1950")]),
        ),
        ("impairment", pairs(&[("answer", "no")])),
        ("outcomes", pairs(&[("answer", "meals")])),
        ("mobility", pairs(&[("answer", "fine")])),
        ("family_help", pairs(&[("answer", "no")])),
        ("capital", pairs(&[("answer", "30000")])),
        ("pension", pairs(&[("amount", "100"), ("period", "weekly")])),
    ];
    while let Page::Question(i) = a.page {
        let id = a.program.inputs[i as usize].id.clone();
        asked.push(id.clone());
        let p = &answers.iter().find(|(k, _)| *k == id).expect("a known question").1;
        a.submit("question", p);
        assert!(a.errors.is_empty(), "{id}: {:?}", a.errors);
    }
    assert_eq!(a.page, Page::Check);
    // Savings over the upper limit: the pension question is not asked.
    assert!(!asked.contains(&"pension".to_string()), "{asked:?}");
    a.submit("check", &[]);
    assert_eq!(a.page, Page::Result);
    assert!(a.announcement().unwrap().starts_with("The estimate is ready."));
    // Change savings from the result page: the pension question now matters, then back to the result.
    a.act("change", "capital");
    assert_eq!(a.page, Page::Question(a.program.input_index("capital").unwrap()));
    a.submit("question", &pairs(&[("answer", "100")]));
    assert_eq!(a.page, Page::Question(a.program.input_index("pension").unwrap()));
    a.submit("question", &pairs(&[("amount", "100"), ("period", "weekly")]));
    assert_eq!(a.page, Page::Result);
    let html = a.render();
    assert!(html.contains("What would change this"));
    // Steps are drawn per card when it is opened, not with the page.
    assert!(!html.contains("data-step=\""), "no steps in the page itself");
    let cards: Vec<&str> = html
        .split("data-steps=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(!cards.is_empty());
    for id in &cards {
        let steps = a.steps_html(id).expect("each card's steps");
        assert!(steps.contains("data-step=\""), "{id}: {steps}");
    }
    assert_eq!(a.steps_html("no-such-output"), None);
    // The receipt gives the file's fingerprint; where the browser would not compute it
    // (a page not served securely), it says so.
    assert!(html.contains(&format!("data-sha256>{}</code>", "ab".repeat(32))));
    let fingerprint = a.sha256.take();
    assert!(
        a.render()
            .contains("Not available: browsers work it out only on pages served securely")
    );
    a.sha256 = fingerprint;
    // Printing draws every card from one explanation: the same steps, card by card.
    let all = a.all_steps_html();
    assert_eq!(all.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), cards);
    for (id, h) in &all {
        assert_eq!(a.steps_html(id).as_ref(), Some(h), "{id}");
    }
    a.act("back", "");
    assert_eq!(a.page, Page::Check);
    a.act("restart", "");
    assert_eq!(a.page, Page::Start);
    assert!(a.answers.iter().all(Option::is_none) && !a.for_other);
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn welsh_words_for_the_widget_and_english_marked_where_the_rules_have_none() {
    let mut a = app("cy");
    let start = a.render();
    assert!(start.contains("Dechrau nawr"));
    a.submit("start", &[]);
    let q = a.render();
    assert!(q.contains("Parhau") && q.contains("Yn ôl"));
    assert!(
        q.contains("Beth yw eich dyddiad geni?"),
        "the example has Welsh questions"
    );
}
