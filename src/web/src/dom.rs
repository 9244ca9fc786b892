//! The bindings: `<care-budget>`'s calculator in the page, through wasm-bindgen and web-sys.
//!
//! `www/carebudget.js` (the custom element) fetches the compiled program and calls
//! [`Widget::mount`] with its shadow root. From then on this module draws every page the
//! journey ([`super::app`]) renders into that shadow root and hands it the page's events.
//!
//! Nothing here stores or sends anything: answers live in this object's memory only.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, EventTarget, FormData, HtmlElement, HtmlFormElement, HtmlInputElement, Node};

use crate::app::{App, Effect, esc, fill, text};
use crate::words::Words;
use carebudget_core::date::Date;
use carebudget_core::text::Lang;
use carebudget_html::Html;

// The widget's allocator (the default, dlmalloc, is larger and slower in WebAssembly).
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// What the element passes in from its attributes (camelCase in JavaScript).
#[derive(Default)]
pub struct Options {
    /// `en` or `cy`.
    pub lang: String,
    /// Apply the rules as of this date (`YYYY-MM-DD`); default today.
    pub as_of: Option<String>,
    /// Refuse the ruleset unless its SHA-256 is this (hex): the page's `rules-sha256`.
    pub sha256: Option<String>,
    /// The downloaded file's SHA-256 (hex), which `carebudget.js` asks the browser for
    /// (`crypto.subtle`, offered only in secure contexts: https or this machine). Absent
    /// when the browser would not compute it.
    pub digest: Option<String>,
    /// The static rules page to link to; default `<pagesBase><id>.html`.
    pub rules_page: Option<String>,
    pub pages_base: Option<String>,
    /// Where the ruleset came from, for messages.
    pub rules: Option<String>,
}

impl Options {
    /// The widget's language: Welsh for `cy`, English for anything else.
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.lang).unwrap_or(Lang::En)
    }

    /// Reads the options object; anything missing or not a string is left out. Six string
    /// properties do not need serde-wasm-bindgen, whose deserialiser brings float
    /// formatting into the module (11 KB of the widget's transfer, measured).
    fn read(o: &JsValue) -> Options {
        let get = |k: &str| {
            js_sys::Reflect::get(o, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
        };
        Options {
            lang: get("lang").unwrap_or_default(),
            as_of: get("asOf"),
            sha256: get("sha256"),
            digest: get("digest").filter(|d| !d.is_empty()),
            rules_page: get("rulesPage"),
            pages_base: get("pagesBase"),
            rules: get("rules"),
        }
    }
}

/// An event listener: its target (the container or the window), event name, whether it
/// listens while the event is captured, and handler.
type Listener = (EventTarget, &'static str, bool, Closure<dyn FnMut(Event)>);

/// One calculator on the page.
///
/// Exported functions take JavaScript objects by value, not by reference: borrowed ones make
/// wasm-bindgen emit `table.fill`, which Debian's wasm-opt 108 cannot read. Dropping it (`free()` from JavaScript) removes its listeners.
#[wasm_bindgen]
pub struct Widget {
    app: Option<Rc<RefCell<App>>>,
    container: Option<Element>,
    listeners: Vec<Listener>,
}

#[wasm_bindgen]
impl Widget {
    /// Checks the compiled program `bytes` (its `digest` against `sha256` if the page pins
    /// one), reads it, and shows
    /// the start page in `root` (the element's shadow root). Problems are shown in `root`
    /// too, above the element's own fallback content.
    pub fn mount(root: Node, bytes: &[u8], options: JsValue) -> Widget {
        let root = &root;
        let opts = Options::read(&options);
        let w = Words::get(opts.lang());
        // The hash comes from the browser (SHA-256 in the module cost 2.5 KB of its
        // transfer, measured). A pin that cannot be checked is refused, not ignored.
        let got = opts.digest.clone();
        if let Some(want) = opts.sha256.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            let refusal = match &got {
                None => Some(message(w.hash_unchecked, &[("want", &code(want))])),
                Some(got) if !want.eq_ignore_ascii_case(got) => {
                    Some(message(w.hash_mismatch, &[("want", &code(want)), ("got", &code(got))]))
                }
                Some(_) => None,
            };
            if let Some(msg) = refusal {
                return Widget::failed_with(root, w, &msg);
            }
        }
        let program = match carebudget_core::compiled::decode(bytes) {
            Ok(p) => p,
            Err(e) => {
                let name = opts.rules.as_deref().unwrap_or("");
                let mut msg = Html::new();
                msg.raw(w.rules_invalid)
                    .raw("</p><ul class=\"cb-list\"><li><code>")
                    .text(name)
                    .raw("</code>: ")
                    .text(&e)
                    .raw("</li></ul><p>");
                return Widget::failed_with(root, w, &msg);
            }
        };
        // A date the page gives that cannot be read, or a clock that cannot, is said: never a
        // made-up date, which would pick the wrong year's figures without a word.
        let today = today();
        let as_of = match (opts.as_of.as_deref().map(str::trim).filter(|s| !s.is_empty()), today) {
            (Some(s), _) => match Date::parse(s) {
                Ok(d) => d,
                Err(_) => return Widget::failed_with(root, w, &message(w.bad_as_of, &[("got", &code(s))])),
            },
            (None, Some(d)) => d,
            (None, None) => return Widget::failed_with(root, w, &message(w.no_clock, &[])),
        };
        let id = program.info.id.clone();
        // The static rules page: `<id>.html`, or `<id>.cy.html` for the Welsh version.
        let welsh = opts.lang() == Lang::Cy && program.info.languages.contains(&Lang::Cy);
        let rules_page = opts.rules_page.clone().filter(|s| !s.is_empty()).or_else(|| {
            let suffix = if welsh { ".cy.html" } else { ".html" };
            opts.pages_base.as_ref().map(|b| format!("{b}{id}{suffix}"))
        });
        let app = App::new(program, opts.lang(), as_of, today, got, rules_page);
        // The document and window come from the element's own root: `web_sys::window()`
        // would bring wasm-bindgen's global-object lookup into the module and its glue.
        let Some(doc) = root.owner_document() else {
            return Widget::none();
        };
        let Some(container) = shell(root, &doc, w) else {
            return Widget::none();
        };
        let app = Rc::new(RefCell::new(app));
        let mut widget = Widget {
            app: Some(app.clone()),
            container: Some(container.clone()),
            listeners: Vec::new(),
        };
        for kind in ["click", "submit", "change"] {
            let (app, c) = (app.clone(), container.clone());
            let f = Closure::<dyn FnMut(Event)>::new(move |e: Event| handle(&app, &c, e));
            let _ = container.add_event_listener_with_callback(kind, f.as_ref().unchecked_ref());
            widget.listeners.push((container.clone().into(), kind, false, f));
        }
        // A result card's steps are drawn when it is opened. `toggle` does not bubble, so
        // listen while it is captured.
        {
            let app = app.clone();
            let f = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
                if let Some(d) = e.target().and_then(|t| t.dyn_into::<Element>().ok())
                    && d.has_attribute("open")
                {
                    fill_steps(&d, |id| app.borrow().steps_html(id));
                }
            });
            let _ = container.add_event_listener_with_callback_and_bool("toggle", f.as_ref().unchecked_ref(), true);
            widget.listeners.push((container.clone().into(), "toggle", true, f));
        }
        // Printing with Ctrl+P shows every step too.
        if let Some(win) = doc.default_view() {
            let (app, c) = (app.clone(), container.clone());
            let f = Closure::<dyn FnMut(Event)>::new(move |_e: Event| open_details(&app.borrow(), &c));
            let _ = win.add_event_listener_with_callback("beforeprint", f.as_ref().unchecked_ref());
            widget.listeners.push((win.into(), "beforeprint", false, f));
        }
        draw(&app.borrow(), &container);
        widget
    }

    /// Shows that the ruleset could not be fetched (`detail` says why).
    pub fn failed(root: Node, options: JsValue, detail: &str) -> Widget {
        let root = &root;
        let opts = Options::read(&options);
        let w = Words::get(opts.lang());
        let msg = message(w.fetch_failed, &[("detail", &text(detail))]);
        Widget::failed_with(root, w, &msg)
    }

    fn failed_with(root: &Node, w: &Words, msg: &Html) -> Widget {
        if let Some(doc) = root.owner_document()
            && let Ok(div) = doc.create_element("div")
        {
            div.set_class_name("cb cb-failed");
            let _ = div.set_attribute("lang", w.lang.code());
            let _ = div.set_attribute("role", "alert");
            let mut h = Html::new();
            h.raw("<h2 class=\"cb-m\">")
                .raw(w.load_failed)
                .raw("</h2><p data-error>")
                .html(msg)
                .raw("</p>");
            div.set_inner_html(h.as_str());
            // Above the page's own fallback content (the slot), which stays visible.
            let _ = root.insert_before(&div, root.first_child().and_then(|c| c.next_sibling()).as_ref());
        }
        Widget::none()
    }

    /// A widget that is not running (nothing to listen to).
    fn none() -> Widget {
        Widget {
            app: None,
            container: None,
            listeners: Vec::new(),
        }
    }

    /// True when the calculator is running (the ruleset was accepted).
    #[wasm_bindgen(getter)]
    pub fn ready(&self) -> bool {
        self.app.is_some()
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        for (target, kind, capture, f) in &self.listeners {
            let _ = target.remove_event_listener_with_callback_and_bool(kind, f.as_ref().unchecked_ref(), *capture);
        }
        let _ = &self.container;
    }
}

fn code(s: &str) -> Html {
    let mut h = Html::new();
    h.raw("<code class=\"cb-hash\">").text(s).raw("</code>");
    h
}

/// One of our messages as text, its placeholders filled with pieces of HTML.
fn message(template: &'static str, values: &[(&str, &Html)]) -> Html {
    let mut h = Html::new();
    fill(&mut h, template, true, values);
    h
}

/// Replaces the fallback `<slot>` with the calculator's container (keeping the stylesheet
/// link) and returns the element pages are drawn into.
fn shell(root: &Node, doc: &Document, w: &Words) -> Option<Element> {
    // Remove everything but the stylesheet: the fallback slot and any earlier error.
    let mut child = root.first_child();
    while let Some(c) = child {
        child = c.next_sibling();
        let keep = c
            .dyn_ref::<Element>()
            .is_some_and(|e| e.tag_name().eq_ignore_ascii_case("link"));
        if !keep {
            let _ = root.remove_child(&c);
        }
    }
    let outer = doc.create_element("div").ok()?;
    outer.set_class_name("cb");
    let _ = outer.set_attribute("lang", w.lang.code());
    outer.set_inner_html(
        "<div class=\"cb-page\"></div><div class=\"cb-vh\" role=\"status\" aria-live=\"polite\" data-live></div>",
    );
    let _ = root.append_child(&outer);
    Some(outer)
}

fn draw(app: &App, outer: &Element) {
    let Ok(Some(page)) = outer.query_selector(".cb-page") else {
        return;
    };
    let (html, announcement) = app.render_announced();
    page.set_inner_html(&html);
    if app.moved
        && let Ok(Some(el)) = page.query_selector("[data-autofocus]")
        && let Ok(el) = el.dyn_into::<HtmlElement>()
    {
        let _ = el.focus();
    }
    if let Ok(Some(live)) = outer.query_selector("[data-live]") {
        live.set_text_content(announcement.as_deref());
    }
}

/// Opens every "How we worked this out", with its steps, for printing: the browser prints
/// straight after `beforeprint`, before any `toggle` event could draw them. One explanation
/// serves every card.
fn open_details(app: &App, outer: &Element) {
    let Ok(list) = outer.query_selector_all("details") else {
        return;
    };
    let mut all = None;
    for i in 0..list.length() {
        if let Some(d) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            fill_steps(&d, |id| {
                let all = all.get_or_insert_with(|| app.all_steps_html());
                all.iter().find(|(o, _)| o == id).map(|(_, h)| h.clone())
            });
            let _ = d.set_attribute("open", "");
        }
    }
}

/// Draws the steps into a result card's `<details data-steps>`, once: `steps` gives them
/// for the card's output id.
fn fill_steps(details: &Element, steps: impl FnOnce(&str) -> Option<String>) {
    let Some(id) = details.get_attribute("data-steps") else {
        return;
    };
    if let Ok(Some(list)) = details.query_selector("ol.cb-steps")
        && list.child_element_count() == 0
        && let Some(h) = steps(&id)
    {
        list.set_inner_html(&h);
    }
}

/// The fields of a form as (name, value) pairs, in document order.
fn form_pairs(form: &HtmlFormElement) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(data) = FormData::new_with_form(form) else {
        return out;
    };
    // `Array.from` turns the form's entries into [name, value] pairs in one call, where
    // `js_sys::try_iter` would bring the iterator protocol's checks into the module.
    let entries = js_sys::Array::from(&data);
    for i in 0..entries.length() {
        let pair: js_sys::Array = entries.get(i).unchecked_into();
        if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
            out.push((k, v));
        }
    }
    out
}

fn handle(app: &Rc<RefCell<App>>, outer: &Element, e: Event) {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let effect = match e.type_().as_str() {
        "submit" => {
            e.prevent_default();
            let Ok(form) = target.dyn_into::<HtmlFormElement>() else {
                return;
            };
            let kind = form.get_attribute("data-form").unwrap_or_default();
            let pairs = form_pairs(&form);
            app.borrow_mut().submit(&kind, &pairs)
        }
        "click" => {
            let Ok(Some(el)) = target.closest("[data-act]") else {
                return;
            };
            let act = el.get_attribute("data-act").unwrap_or_default();
            let arg = el.get_attribute("data-arg").unwrap_or_default();
            e.prevent_default();
            if act == "focus" {
                // Error summary links: move to the field (ids are inside the shadow root).
                if let Ok(Some(f)) = outer.query_selector(&format!("#{}", esc(&arg)))
                    && let Ok(f) = f.dyn_into::<HtmlElement>()
                {
                    let _ = f.focus();
                }
                return;
            }
            app.borrow_mut().act(&act, &arg)
        }
        "change" => {
            // "None of these" unticks the others, and the others untick it.
            let Ok(input) = target.dyn_into::<HtmlInputElement>() else {
                return;
            };
            if input.type_() == "checkbox" && input.checked() {
                let exclusive = input.has_attribute("data-exclusive");
                if let Ok(list) = outer.query_selector_all("input[type=checkbox][name=answer]") {
                    for i in 0..list.length() {
                        if let Some(other) = list.item(i).and_then(|n| n.dyn_into::<HtmlInputElement>().ok())
                            && other != input
                            && (exclusive || other.has_attribute("data-exclusive"))
                        {
                            other.set_checked(false);
                        }
                    }
                }
            }
            Effect::None
        }
        _ => Effect::None,
    };
    match effect {
        Effect::None => {}
        Effect::Render => draw(&app.borrow(), outer),
        Effect::Print => {
            open_details(&app.borrow(), outer);
            if let Some(w) = outer.owner_document().and_then(|d| d.default_view()) {
                let _ = w.print();
            }
        }
    }
}

/// Today's date from the browser's clock; `None` if it gives no usable date.
fn today() -> Option<Date> {
    let d = js_sys::Date::new_0();
    let (y, m, day) = (d.get_full_year(), d.get_month() + 1, d.get_date());
    if !(1..=9999).contains(&y) {
        return None;
    }
    Date::new(y as u16, m as u8, day as u8).ok()
}
