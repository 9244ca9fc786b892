//! Native side of the peer benchmark (bench/run.py, behind bench/run.sh, drives it): carebudget, and GoRules ZEN
//! (the `zen-engine` crate, with `--features zen`), on the households bench/households.py
//! writes.
//!
//! ```text
//! carebudget-bench-native agree  ours|zen MODEL HOUSEHOLDS OUT
//! carebudget-bench-native time   ours|zen MODEL HOUSEHOLDS OUT [--batch N] [--quick]
//! carebudget-bench-native memory ours|zen MODEL HOUSEHOLDS [N]
//! carebudget-bench-native once   ours|zen MODEL HOUSEHOLDS
//! carebudget-bench-native publish ours MODEL OUT
//! carebudget-bench-native batch  ours MODEL HOUSEHOLDS [--batch N]    (for a profiler: the batch alone)
//! ```
//! MODEL is bench/model.yaml for ours (published to JSON first, as the widget loads it), or
//! that published JSON (bench/out/model.json, written by `publish`), and
//! bench/zen/model.json for ZEN. Results are [budget lower, budget upper, budget,
//! contribution, council pays] in pence; timings are min/median/max as JSON.

use carebudget_core::text::Lang;
use std::hint::black_box;
use std::time::{Duration, Instant};

use carebudget_core::answers::type_answers;
use carebudget_core::date::Date;
use carebudget_core::eval::{Answers, Evaluation, Outcome, evaluate};
use carebudget_core::literal::Literal;
use carebudget_core::program::{Program, Value};
use carebudget_format::{SourceFile, load, load_published};
use indexmap::IndexMap;
use serde_json::{Value as Json, json};

type Result5 = [i64; 5];
type Raw = IndexMap<String, Literal>;

fn as_of() -> Date {
    Date::new(2025, 6, 1).unwrap()
}

fn fail(msg: impl std::fmt::Display) -> ! {
    eprintln!("carebudget-bench-native: {msg}");
    std::process::exit(2)
}

// ---------- ours ----------

/// The model as published JSON (what the widget and any deployment load): a `.json` MODEL is
/// already published and is read as it is; a YAML one is loaded, checked and published.
fn publish(model_path: &str) -> String {
    let text = std::fs::read_to_string(model_path).unwrap_or_else(|e| fail(format!("{model_path}: {e}")));
    if model_path.ends_with(".json") {
        return text;
    }
    let loaded = load(SourceFile::new(model_path, text), &mut |_| None)
        .unwrap_or_else(|ds| fail(ds.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")));
    serde_json::to_string(&loaded.ruleset).unwrap()
}

struct Ours {
    p: Program,
    /// Rules behind the outputs: budget_range, budget, contribution, council_pays.
    rules: [usize; 4],
}

impl Ours {
    fn load(json: &str) -> Ours {
        let p = load_published("bench-model.json", json)
            .unwrap_or_else(|ds| fail(ds.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")))
            .program;
        let rule = |id: &str| {
            let o = p
                .outputs
                .iter()
                .position(|o| o.id == id)
                .unwrap_or_else(|| fail(format!("no output {id}")));
            p.outputs[o].rule as usize
        };
        let rules = [
            rule("budget_range"),
            rule("budget"),
            rule("contribution"),
            rule("council_pays"),
        ];
        Ours { p, rules }
    }

    fn answers(&self, raw: &Raw) -> Answers {
        type_answers(&self.p, raw).unwrap_or_else(|ds| fail(format!("answers: {}", ds[0])))
    }

    fn result(&self, ev: &Evaluation) -> Result5 {
        let money = |r: usize| match &ev.rules[r] {
            Outcome::Known(Value::Money(m)) => m.pence(),
            other => fail(format!("rule {} is {other:?}", self.p.rules[r].id)),
        };
        let (lo, hi) = match &ev.rules[self.rules[0]] {
            Outcome::Known(Value::Range(lo, hi)) => (lo.pence(), hi.pence()),
            other => fail(format!("budget range is {other:?}")),
        };
        [lo, hi, money(self.rules[1]), money(self.rules[2]), money(self.rules[3])]
    }

    /// One household from its answers as given (typed against the questions, then evaluated).
    fn eval(&self, raw: &Raw, trace: bool) -> Result5 {
        let ev = evaluate(&self.p, &self.answers(raw), as_of(), trace);
        self.result(&ev)
    }

    /// …and the plain-language explanation of every output, as the widget shows it.
    fn eval_explain(&self, raw: &Raw) -> (Result5, usize) {
        let ev = evaluate(&self.p, &self.answers(raw), as_of(), true);
        let report = carebudget_core::explain::explain(&self.p, &ev, Lang::En, false);
        (self.result(&ev), report.outputs.iter().map(|o| o.steps.len()).sum())
    }
}

fn ours_raw(households: &[Json]) -> Vec<Raw> {
    households
        .iter()
        .map(|h| match serde_json::from_value::<Literal>(h.clone()) {
            Ok(Literal::Map(m)) => m,
            other => fail(format!("household is not a mapping: {other:?}")),
        })
        .collect()
}

// ---------- ZEN ----------

#[cfg(feature = "zen")]
mod zen {
    use std::sync::Arc;

    use serde_json::Value as Json;
    use zen_engine::Variable;
    use zen_engine::model::DecisionContent;
    use zen_engine::{Decision, DecisionEngine, EvaluationOptions};

    use super::{Result5, fail};

    pub struct Zen {
        pub decision: Decision,
    }

    pub fn load(text: &str, compile: bool) -> Zen {
        let content: DecisionContent = serde_json::from_str(text).unwrap_or_else(|e| fail(format!("zen model: {e}")));
        let mut decision = DecisionEngine::default()
            .create_decision(Arc::new(content))
            .unwrap_or_else(|e| fail(format!("zen model: {e:?}")));
        if compile {
            decision.compile();
        }
        Zen { decision }
    }

    /// The household as ZEN's request: money as JSON numbers in pounds (as its bindings pass them).
    pub fn request(h: &Json) -> Json {
        let mut h = h.clone();
        let num = |v: &Json| {
            let s = v.as_str().unwrap_or_else(|| fail("money must be text"));
            Json::from(s.parse::<f64>().unwrap_or_else(|e| fail(e)))
        };
        for k in ["capital", "disability_benefit", "housing_costs", "dre_claimed"] {
            h[k] = num(&h[k]);
        }
        h["pension"]["amount"] = num(&h["pension"]["amount"]);
        h
    }

    impl Zen {
        pub fn eval(&self, request: &Json, trace: bool) -> Result5 {
            let context = Variable::from(request); // ZEN's own conversion from JSON, by reference
            let options = EvaluationOptions {
                trace,
                ..Default::default()
            };
            let response = pollster::block_on(self.decision.evaluate_with_opts(context, options))
                .unwrap_or_else(|e| fail(format!("zen: {e:?}")));
            let pence = |key: &str| -> i64 {
                let d = response
                    .result
                    .dot(key)
                    .and_then(|v| v.as_number())
                    .unwrap_or_else(|| fail(format!("zen: no number {key}")));
                let p = d * rust_decimal::Decimal::ONE_HUNDRED;
                if !p.fract().is_zero() {
                    fail(format!("zen: {key} = {d} is not whole pence"));
                }
                p.mantissa() as i64 / 10i64.pow(p.scale())
            };
            [
                pence("budgetLower"),
                pence("budgetUpper"),
                pence("budget"),
                pence("contribution"),
                pence("councilPays"),
            ]
        }
    }
}

// ---------- timing ----------

/// `f` over every item of `sample`, timed as `time_runs` does, reported per item in µs.
fn per_household<H>(runs: usize, min_time: Duration, sample: &[H], f: impl Fn(&H)) -> Json {
    let n = sample.len() as u32;
    time_runs(runs, min_time, || sample.iter().for_each(&f), |d| us(d / n))
}

/// Calls `f` once per run, `runs` runs at least and for `min_time` at least;
/// returns min / median / max of `per(elapsed)`.
fn time_runs(runs: usize, min_time: Duration, mut f: impl FnMut(), per: impl Fn(Duration) -> f64) -> Json {
    let mut samples = Vec::new();
    let start = Instant::now();
    while samples.len() < runs || start.elapsed() < min_time {
        let t = Instant::now();
        f();
        samples.push(per(t.elapsed()));
        if samples.len() >= 10_000 {
            break;
        }
    }
    stats(samples, "us")
}

fn stats(mut s: Vec<f64>, unit: &str) -> Json {
    s.sort_by(|a, b| a.partial_cmp(b).unwrap());
    json!({"min": s[0], "median": s[s.len() / 2], "max": s[s.len() - 1], "unit": unit, "runs": s.len()})
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0)
}

struct Opts {
    batch: usize,
    quick: bool,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 4 {
        fail("usage: agree|time|memory|once ours|zen MODEL HOUSEHOLDS [OUT] [--batch N] [--quick]");
    }
    let (mode, imp, model, households_path) = (&args[0], &args[1], &args[2], &args[3]);
    if mode == "publish" {
        // The ruleset as published JSON (`publish ours MODEL OUT.json`), and beside it the
        // compiled program the widget loads (`OUT.cbp`), which the browser bench reads.
        let json = publish(model);
        let loaded = load_published("bench-model.json", &json)
            .unwrap_or_else(|ds| fail(ds.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n")));
        let program = carebudget_core::compiled::encode(&loaded.program).unwrap_or_else(|e| fail(e));
        std::fs::write(std::path::Path::new(households_path).with_extension("cbp"), program)
            .unwrap_or_else(|e| fail(e));
        return std::fs::write(households_path, json).unwrap_or_else(|e| fail(e));
    }
    let rest = &args[4..];
    let opts = Opts {
        batch: rest
            .iter()
            .position(|a| a == "--batch")
            .and_then(|i| rest.get(i + 1))
            .map(|n| n.parse().unwrap_or_else(|e| fail(e)))
            .unwrap_or(1_000_000),
        quick: rest.iter().any(|a| a == "--quick"),
    };
    let text = std::fs::read_to_string(households_path).unwrap_or_else(|e| fail(format!("{households_path}: {e}")));
    let households: Vec<Json> = serde_json::from_str(&text).unwrap_or_else(|e| fail(e));
    let out = rest.first().filter(|a| !a.starts_with("--")).cloned();
    match imp.as_str() {
        "ours" => run_ours(mode, model, &households, out, &opts),
        #[cfg(feature = "zen")]
        "zen" => run_zen(mode, model, &households, out, &opts),
        other => fail(format!("unknown implementation `{other}` (ZEN needs --features zen)")),
    }
}

fn write(out: Option<String>, v: &Json) {
    let path = out.unwrap_or_else(|| fail("an output file is needed"));
    std::fs::write(&path, serde_json::to_string_pretty(v).unwrap()).unwrap_or_else(|e| fail(format!("{path}: {e}")));
}

fn run_ours(mode: &str, model: &str, households: &[Json], out: Option<String>, o: &Opts) {
    let json = publish(model);
    let raw = ours_raw(households);
    match mode {
        "once" => {
            let ours = Ours::load(&json);
            println!("{:?}", ours.eval(&raw[0], false));
        }
        "agree" => {
            let ours = Ours::load(&json);
            let results: Vec<Result5> = raw.iter().map(|r| ours.eval(r, false)).collect();
            // The traced evaluation and the explanation must give the same figures.
            for (i, r) in raw.iter().enumerate().take(1000) {
                if ours.eval(r, true) != results[i] || ours.eval_explain(r).0 != results[i] {
                    fail(format!("household {i}: traced result differs"));
                }
            }
            write(out, &json!({"results": results}));
        }
        "batch" => {
            // The batch loop alone, nothing else, for `perf record` (docs/benchmarks.md).
            let ours = Ours::load(&json);
            let t = Instant::now();
            let mut n = 0usize;
            while n < o.batch {
                for h in &raw {
                    black_box(ours.eval(h, false));
                }
                n += raw.len();
            }
            println!("{n} households, {:.0}/s", n as f64 / t.elapsed().as_secs_f64());
        }
        "memory" => {
            let ours = Ours::load(&json);
            for r in raw.iter().take(1000) {
                black_box(ours.eval(r, false));
            }
            println!("{}", peak_rss_kib());
        }
        "time" => {
            let (runs, min) = if o.quick {
                (5, Duration::from_millis(50))
            } else {
                (30, Duration::from_millis(700))
            };
            let sample = &raw[..100.min(raw.len())];
            let mut r = serde_json::Map::new();
            r.insert(
                "cold".into(),
                time_runs(
                    runs,
                    min,
                    || {
                        black_box(Ours::load(&json).eval(&raw[0], false));
                    },
                    us,
                ),
            );
            let ours = Ours::load(&json);
            r.insert(
                "warm".into(),
                per_household(runs, min, sample, |h| {
                    black_box(ours.eval(h, false));
                }),
            );
            r.insert(
                "warm_trace".into(),
                per_household(runs, min, sample, |h| {
                    black_box(ours.eval(h, true));
                }),
            );
            r.insert(
                "warm_explain".into(),
                per_household(runs, min, sample, |h| {
                    black_box(ours.eval_explain(h));
                }),
            );
            // Evaluation alone, answers typed beforehand.
            let typed: Vec<Answers> = sample.iter().map(|h| ours.answers(h)).collect();
            r.insert(
                "warm_evaluate_only".into(),
                per_household(runs, min, &typed, |a| {
                    black_box(evaluate(&ours.p, a, as_of(), false));
                }),
            );
            // Batch: the households over and over to `batch`, one core, no trace.
            let reps = (o.batch / raw.len()).max(1);
            let total = reps * raw.len();
            let mut tp = Vec::new();
            let mut tp_typed = Vec::new();
            let all_typed: Vec<Answers> = raw.iter().map(|h| ours.answers(h)).collect();
            for _ in 0..(if o.quick { 1 } else { 3 }) {
                let t = Instant::now();
                let mut check = 0i64;
                for _ in 0..reps {
                    for h in &raw {
                        check = check.wrapping_add(black_box(ours.eval(h, false))[3]);
                    }
                }
                tp.push(total as f64 / t.elapsed().as_secs_f64());
                black_box(check);
                let t = Instant::now();
                for _ in 0..reps {
                    for a in &all_typed {
                        black_box(ours.result(&evaluate(&ours.p, a, as_of(), false)));
                    }
                }
                tp_typed.push(total as f64 / t.elapsed().as_secs_f64());
            }
            r.insert("batch".into(), stats(tp, "households/s"));
            r.insert("batch_typed".into(), stats(tp_typed, "households/s"));
            r.insert("batch_size".into(), json!(total));
            r.insert("published_json_bytes".into(), json!(json.len()));
            write(out, &Json::Object(r));
        }
        other => fail(format!("unknown mode {other}")),
    }
}

#[cfg(feature = "zen")]
fn run_zen(mode: &str, model: &str, households: &[Json], out: Option<String>, o: &Opts) {
    let text = std::fs::read_to_string(model).unwrap_or_else(|e| fail(format!("{model}: {e}")));
    let requests: Vec<Json> = households.iter().map(zen::request).collect();
    match mode {
        "once" => println!("{:?}", zen::load(&text, false).eval(&requests[0], false)),
        "agree" => {
            let z = zen::load(&text, true);
            let results: Vec<Result5> = requests.iter().map(|r| z.eval(r, false)).collect();
            for (i, r) in requests.iter().enumerate().take(1000) {
                if z.eval(r, true) != results[i] {
                    fail(format!("zen: household {i}: traced result differs"));
                }
            }
            write(out, &json!({"results": results}));
        }
        "memory" => {
            let z = zen::load(&text, true);
            for r in requests.iter().take(1000) {
                black_box(z.eval(r, false));
            }
            println!("{}", peak_rss_kib());
        }
        "time" => {
            let (runs, min) = if o.quick {
                (5, Duration::from_millis(50))
            } else {
                (30, Duration::from_millis(700))
            };
            let sample = &requests[..100.min(requests.len())];
            let mut r = serde_json::Map::new();
            r.insert(
                "cold".into(),
                time_runs(
                    runs,
                    min,
                    || {
                        black_box(zen::load(&text, false).eval(&requests[0], false));
                    },
                    us,
                ),
            );
            r.insert(
                "cold_compiled".into(),
                time_runs(
                    runs,
                    min,
                    || {
                        black_box(zen::load(&text, true).eval(&requests[0], false));
                    },
                    us,
                ),
            );
            let z = zen::load(&text, true);
            r.insert(
                "warm".into(),
                per_household(runs, min, sample, |h| {
                    black_box(z.eval(h, false));
                }),
            );
            r.insert(
                "warm_trace".into(),
                per_household(runs, min, sample, |h| {
                    black_box(z.eval(h, true));
                }),
            );
            let reps = (o.batch / requests.len()).max(1);
            let total = reps * requests.len();
            let mut tp = Vec::new();
            for _ in 0..(if o.quick { 1 } else { 3 }) {
                let t = Instant::now();
                for _ in 0..reps {
                    for h in &requests {
                        black_box(z.eval(h, false));
                    }
                }
                tp.push(total as f64 / t.elapsed().as_secs_f64());
            }
            r.insert("batch".into(), stats(tp, "households/s"));
            r.insert("batch_size".into(), json!(total));
            write(out, &Json::Object(r));
        }
        other => fail(format!("unknown mode {other}")),
    }
}
