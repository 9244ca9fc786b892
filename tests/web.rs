//! The widget's bindings, in headless Chromium (wasm-bindgen-test; run by
//! scripts/test.d/40-web.sh). Natively this file is empty.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use carebudget::date::Date;
use carebudget::program::Value;
use carebudget::web::Widget;
use carebudget::web::app::{App, Effect, Page, esc};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Published by scripts/build-web.sh before these tests are built: the compiled program,
/// which the widget reads.
const EXAMPLE: &[u8] = include_bytes!("../www/rules/example.cbp");

fn app(lang: &str) -> App {
    let program = carebudget::compiled::decode(EXAMPLE).expect("example decodes");
    let d = Date::parse("2025-09-01").unwrap();
    App::new(program, lang, d, d, Some("ab".repeat(32)), None)
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

fn options(js: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(js).unwrap()
}

/// A host element with an open shadow root holding a stylesheet link and a fallback slot,
/// as carebudget.js makes it.
fn host() -> (web_sys::Element, web_sys::Node) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    el.set_inner_html("<p class=\"fallback\">fallback</p>");
    doc.body().unwrap().append_child(&el).unwrap();
    let root = el
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    root.set_inner_html("<link rel=\"stylesheet\" href=\"x.css\"><slot></slot>");
    (el, root.unchecked_into())
}

fn shadow_html(root: &web_sys::Node) -> String {
    root.clone().unchecked_into::<web_sys::ShadowRoot>().inner_html()
}

#[wasm_bindgen_test]
fn escaping_covers_markup_and_quotes() {
    assert_eq!(
        esc("<a href=\"x\" onclick='y'>&</a>"),
        "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
    );
}

#[wasm_bindgen_test]
fn mount_renders_the_start_page_into_the_shadow_root() {
    let (_el, root) = host();
    let w = Widget::mount(root.clone(), EXAMPLE, options(r#"{"lang":"en","asOf":"2025-09-01"}"#));
    assert!(w.ready());
    let html = shadow_html(&root);
    assert!(html.contains("Check what care and support you could get"));
    assert!(html.contains("<link rel=\"stylesheet\""), "the stylesheet stays");
    assert!(!html.contains("<slot"), "the fallback is replaced");
    assert!(html.contains("role=\"status\""), "a live region for results");
}

#[wasm_bindgen_test]
fn a_pinned_hash_that_differs_or_cannot_be_checked_is_refused_and_the_fallback_kept() {
    // The file's digest is the browser's (carebudget.js asks crypto.subtle for it).
    let got = "cd".repeat(32);
    let want = "ab".repeat(32);
    let (_el, root) = host();
    let w = Widget::mount(
        root.clone(),
        EXAMPLE,
        options(&format!(r#"{{"sha256":"{want}","digest":"{got}"}}"#)),
    );
    assert!(!w.ready());
    let html = shadow_html(&root);
    assert!(html.contains(&want) && html.contains(&got), "{html}");
    assert!(html.contains("<slot"), "fallback still shown");
    // The right hash, in capitals, is accepted.
    let (_el, root) = host();
    let right = got.to_uppercase();
    assert!(
        Widget::mount(
            root,
            EXAMPLE,
            options(&format!(r#"{{"sha256":"{right}","digest":"{got}"}}"#))
        )
        .ready()
    );
    // A pin the browser could not check (no digest: a page not served securely) is
    // refused, and says why.
    let (_el, root) = host();
    let w = Widget::mount(root.clone(), EXAMPLE, options(&format!(r#"{{"sha256":"{want}"}}"#)));
    assert!(!w.ready());
    let html = shadow_html(&root);
    assert!(
        html.contains("served securely (https)") && html.contains(&want),
        "{html}"
    );
    assert!(html.contains("<slot"), "fallback still shown");
    // Without a pin, a missing digest only leaves the receipt without it.
    let (_el, root) = host();
    assert!(Widget::mount(root, EXAMPLE, options("{}")).ready());
}

#[wasm_bindgen_test]
fn a_broken_ruleset_is_reported_with_its_errors() {
    let (_el, root) = host();
    // A ruleset's JSON where the compiled program belongs.
    let w = Widget::mount(
        root.clone(),
        b"{\"format\": \"carebudget/1\"",
        options(r#"{"rules":"/rules/x.json"}"#),
    );
    assert!(!w.ready());
    let html = shadow_html(&root);
    assert!(html.contains("could not be read") && html.contains("/rules/x.json"));
    assert!(html.contains("not a compiled carebudget program"));
    // A program cut short.
    let (_el, root) = host();
    let w = Widget::mount(root.clone(), &EXAMPLE[..EXAMPLE.len() / 2], options("{}"));
    assert!(!w.ready());
    assert!(shadow_html(&root).contains("the program is damaged"));
    let (_el, root) = host();
    Widget::failed(root.clone(), options(r#"{"lang":"cy"}"#), "HTTP 404");
    assert!(shadow_html(&root).contains("HTTP 404") && shadow_html(&root).contains("Mae'n ddrwg gennym"));
}

#[wasm_bindgen_test]
fn submit_in_the_dom_moves_to_the_first_question() {
    let (_el, root) = host();
    let _w = Widget::mount(root.clone(), EXAMPLE, options(r#"{"asOf":"2025-09-01"}"#));
    let sr: web_sys::ShadowRoot = root.clone().unchecked_into();
    let button: web_sys::HtmlElement = sr
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    let html = shadow_html(&root);
    assert!(html.contains("data-input=\"date_of_birth\""), "{html}");
    // Focus moved to the new heading.
    let active = sr.active_element().unwrap();
    assert_eq!(active.tag_name(), "H1");
}

#[wasm_bindgen_test]
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
        matches!(a.read_answer(i("capital"), &pairs(&[("answer", "£1,250.5")])), Ok(Value::Money(m)) if m.0 == 125_050)
    );
    let periodic = a.read_answer(i("pension"), &pairs(&[("amount", "100")])).unwrap_err();
    assert_eq!(periodic[0].field, "cb-p");
    assert_eq!(
        err("pension", &[("amount", "100"), ("period", "yearly")]),
        "Select how often",
        "a period the question does not offer"
    );
}

#[wasm_bindgen_test]
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

#[wasm_bindgen_test]
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
