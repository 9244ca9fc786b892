//! The widget's bindings to the page (`dom`), in headless Chromium (wasm-bindgen-test; run
//! by scripts/test.d/40-web.sh). Natively this file is empty; the journey's own tests are
//! in journey.rs, run both ways.
#![cfg(all(target_arch = "wasm32", feature = "dom"))]

use carebudget_web::Widget;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Published by scripts/build-web.sh before these tests are built: the compiled program,
/// which the widget reads.
const EXAMPLE: &[u8] = include_bytes!("../../../www/rules/example.cbp");

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
fn a_date_the_page_gives_that_is_not_a_date_is_said_not_replaced() {
    let (_el, root) = host();
    let w = Widget::mount(root.clone(), EXAMPLE, options(r#"{"asOf":"2026-13-45"}"#));
    assert!(!w.ready());
    let html = shadow_html(&root);
    assert!(html.contains("2026-13-45") && html.contains("YYYY-MM-DD"), "{html}");
    // Blank is no date at all: today's is used.
    let (_el, root) = host();
    assert!(Widget::mount(root, EXAMPLE, options(r#"{"asOf":"  "}"#)).ready());
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
