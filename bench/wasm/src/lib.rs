//! The bench's browser entry: read a compiled program (as the widget does), then evaluate
//! households.
//!
//! Answers come in as JavaScript objects and are read with js_sys, as the widget reads its
//! options: serde-wasm-bindgen would bring float formatting into the module (about 11 KB of
//! brotli in the widget, measured), and this module's size is the peer bench's "engine
//! alone" row, which should be the engine's, not an input adapter's.

use carebudget_core::text::Lang;
use carebudget_core::eval::{Evaluation, Outcome, evaluate};
use carebudget_core::literal::Literal;
use carebudget_core::program::{Program, Value};
use indexmap::IndexMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

// The widget's allocator, as in src/web/dom.rs.
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen]
pub struct Bench {
    p: Program,
    rules: [usize; 4],
    as_of: carebudget_core::date::Date,
}

#[wasm_bindgen]
impl Bench {
    /// Reads and verifies a compiled program (`carebudget build --program`, the file the
    /// widget loads); evaluations are as of `as_of`.
    #[wasm_bindgen(constructor)]
    pub fn new(program: &[u8], as_of: &str) -> Result<Bench, JsError> {
        let p = carebudget_core::compiled::decode(program).map_err(|e| JsError::new(&e))?;
        let mut rules = [0; 4];
        for (k, id) in ["budget_range", "budget", "contribution", "council_pays"]
            .iter()
            .enumerate()
        {
            let o = p
                .outputs
                .iter()
                .position(|o| o.id == *id)
                .ok_or_else(|| JsError::new(id))?;
            rules[k] = p.outputs[o].rule as usize;
        }
        let as_of = carebudget_core::date::Date::parse(as_of).map_err(|e| JsError::new(&e))?;
        Ok(Bench { p, rules, as_of })
    }

    /// One household's answers (a JavaScript object) → [lower, upper, budget, contribution,
    /// council pays] in pence. `trace` records why each condition held or failed.
    pub fn evaluate(&self, answers: JsValue, trace: bool) -> Result<Vec<f64>, JsError> {
        let ev = self.run(answers, trace)?;
        self.result(&ev)
    }

    /// As `evaluate`, and the plain-language explanation of every output (as the widget
    /// shows it); returns the figures followed by the number of explained steps.
    pub fn explain(&self, answers: JsValue) -> Result<Vec<f64>, JsError> {
        let ev = self.run(answers, true)?;
        let report = carebudget_core::explain::explain(&self.p, &ev, Lang::En, false);
        let mut out = self.result(&ev)?;
        out.push(report.outputs.iter().map(|o| o.steps.len()).sum::<usize>() as f64);
        Ok(out)
    }
}

impl Bench {
    fn run(&self, answers: JsValue, trace: bool) -> Result<Evaluation, JsError> {
        let Literal::Map(raw) = literal(&answers).map_err(|e| JsError::new(&format!("answers{e}")))? else {
            return Err(JsError::new("answers: expected an object"));
        };
        let answers = carebudget_core::answers::type_answers(&self.p, &raw)
            .map_err(|ds| JsError::new(&ds.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")))?;
        Ok(evaluate(&self.p, &answers, self.as_of, trace))
    }

    fn result(&self, ev: &Evaluation) -> Result<Vec<f64>, JsError> {
        let money = |r: usize| match &ev.rules[r] {
            Outcome::Known(Value::Money(m)) => Ok(m.pence() as f64),
            _ => Err(JsError::new(&format!("rule {r}: not a known amount of money"))),
        };
        let (lo, hi) = match &ev.rules[self.rules[0]] {
            Outcome::Known(Value::Range(lo, hi)) => (lo.pence() as f64, hi.pence() as f64),
            _ => return Err(JsError::new("budget_range: not a known range")),
        };
        Ok(vec![
            lo,
            hi,
            money(self.rules[1])?,
            money(self.rules[2])?,
            money(self.rules[3])?,
        ])
    }
}

/// A JavaScript value as answers-file data: strings, whole numbers, yes/no, lists and
/// objects. Money comes as strings (`"12.50"`), so the only number read is a whole one (an
/// age or a count), refused if it has a fraction. An error says where, as `.key[2]: why`;
/// that path is built only on the way out of an error (building it for every value made a
/// warm evaluation slower).
fn literal(v: &JsValue) -> Result<Literal, String> {
    if let Some(s) = v.as_string() {
        Ok(Literal::Text(s))
    } else if let Some(b) = v.as_bool() {
        Ok(Literal::Bool(b))
    } else if let Some(n) = v.as_f64() {
        // Only JavaScript's safe integers are exact (and fit an i64): larger ones, like
        // fractions, must be written as strings, as serde-wasm-bindgen's reader required.
        if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 {
            Ok(Literal::Int(n as i64))
        } else {
            Err(": numbers with a fraction or beyond 2^53 must be strings".into())
        }
    } else if v.is_null() || v.is_undefined() {
        Ok(Literal::Null)
    } else if let Some(list) = v.dyn_ref::<js_sys::Array>() {
        let mut out = Vec::new();
        for (i, item) in list.iter().enumerate() {
            out.push(literal(&item).map_err(|e| format!("[{i}]{e}"))?);
        }
        Ok(Literal::List(out))
    } else if v.is_object() {
        let mut out = IndexMap::new();
        for pair in js_sys::Object::entries(v.unchecked_ref()).iter() {
            let pair: js_sys::Array = pair.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            let value = literal(&pair.get(1)).map_err(|e| format!(".{key}{e}"))?;
            out.insert(key, value);
        }
        Ok(Literal::Map(out))
    } else {
        Err(": not an answer".into())
    }
}
