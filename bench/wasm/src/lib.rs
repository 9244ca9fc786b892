//! The bench's browser entry: read a compiled program (as the widget does), then evaluate
//! households.

use carebudget::eval::{Evaluation, Outcome, evaluate};
use carebudget::literal::Literal;
use carebudget::program::{Program, Value};
use indexmap::IndexMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Bench {
    p: Program,
    rules: [usize; 4],
    as_of: carebudget::date::Date,
}

#[wasm_bindgen]
impl Bench {
    /// Reads and verifies a compiled program (`carebudget build --program`, the file the
    /// widget loads); evaluations are as of `as_of`.
    #[wasm_bindgen(constructor)]
    pub fn new(program: &[u8], as_of: &str) -> Result<Bench, JsError> {
        let p = carebudget::compiled::decode(program).map_err(|e| JsError::new(&e))?;
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
        let as_of = carebudget::date::Date::parse(as_of).map_err(|e| JsError::new(&e))?;
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
        let report = carebudget::explain::explain(&self.p, &ev, "en", false);
        let mut out = self.result(&ev)?;
        out.push(report.outputs.iter().map(|o| o.steps.len()).sum::<usize>() as f64);
        Ok(out)
    }
}

impl Bench {
    fn run(&self, answers: JsValue, trace: bool) -> Result<Evaluation, JsError> {
        let raw: IndexMap<String, Literal> =
            serde_wasm_bindgen::from_value(answers).map_err(|e| JsError::new(&e.to_string()))?;
        let answers = carebudget::answers::type_answers(&self.p, &raw)
            .map_err(|ds| JsError::new(&ds.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")))?;
        Ok(evaluate(&self.p, &answers, self.as_of, trace))
    }

    fn result(&self, ev: &Evaluation) -> Result<Vec<f64>, JsError> {
        let money = |r: usize| match &ev.rules[r] {
            Outcome::Known(Value::Money(m)) => Ok(m.pence() as f64),
            other => Err(JsError::new(&format!("{other:?}"))),
        };
        let (lo, hi) = match &ev.rules[self.rules[0]] {
            Outcome::Known(Value::Range(lo, hi)) => (lo.pence() as f64, hi.pence() as f64),
            other => return Err(JsError::new(&format!("{other:?}"))),
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
