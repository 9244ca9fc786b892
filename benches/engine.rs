//! Engine timings, printed side by side (not asserted): parse the published JSON and check
//! it, or read the compiled program (what the widget does instead), evaluate with and
//! without the trace, and explain — for each bundled ruleset.
//! Run: `cargo bench --bench engine`. The brief's target: load + evaluate with full trace
//! of a council ruleset in at most 100 µs natively.

use carebudget_core::text::Lang;
use std::hint::black_box;
use std::time::{Duration, Instant};

use carebudget_core::literal::Literal;
use carebudget_format::load::{SourceFile, parse};
use indexmap::IndexMap;

/// Runs `f` in batches until ~0.3 s have passed; returns min/median/max per call.
fn time<T>(mut f: impl FnMut() -> T) -> [Duration; 3] {
    let mut per_call = Vec::new();
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(300) || per_call.len() < 5 {
        let t = Instant::now();
        let n = 20;
        for _ in 0..n {
            black_box(f());
        }
        per_call.push(t.elapsed() / n);
    }
    per_call.sort();
    [per_call[0], per_call[per_call.len() / 2], per_call[per_call.len() - 1]]
}

fn us(d: Duration) -> String {
    format!("{:.1}", d.as_nanos() as f64 / 1000.0)
}

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/rules");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    println!(
        "| ruleset | JSON bytes | parse+check µs (median) | program bytes | decode+verify µs | check ÷ decode | evaluate µs | evaluate+trace µs | explain µs | load+evaluate+trace µs (min / median / max) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let dir = path.parent().unwrap().to_owned();
        let loaded = match carebudget_format::load(SourceFile::new(path.display().to_string(), text), &mut |id| {
            std::fs::read_to_string(dir.join(format!("{id}.yaml")))
                .ok()
                .map(|t| SourceFile::new(id, t))
        }) {
            Ok(l) => l,
            Err(_) => continue,
        };
        let json = serde_json::to_string(&loaded.ruleset).unwrap();
        // The first worked example's answers and date, or none.
        let (raw, as_of) = match loaded.ruleset.examples.first() {
            Some(ex) => (ex.answers.clone(), ex.as_of),
            None => (
                IndexMap::<String, Literal>::new(),
                carebudget_core::date::Date::new(2025, 6, 1).unwrap(),
            ),
        };
        let p = &loaded.program;
        let answers = carebudget_core::answers::type_answers(p, &raw).unwrap_or_default();
        let answers = if answers.0.len() == p.inputs.len() {
            answers
        } else {
            carebudget_core::eval::Answers(vec![None; p.inputs.len()])
        };
        let load = time(|| carebudget_format::load_published("r.json", &json).unwrap());
        let compiled = carebudget_core::compiled::encode(&loaded.program).unwrap();
        let decode = time(|| carebudget_core::compiled::decode(&compiled).unwrap());
        let eval = time(|| carebudget_core::eval::evaluate(p, &answers, as_of, false));
        let trace = time(|| carebudget_core::eval::evaluate(p, &answers, as_of, true));
        let ev = carebudget_core::eval::evaluate(p, &answers, as_of, true);
        let explain = time(|| carebudget_core::explain::explain(p, &ev, Lang::En, false));
        let whole = time(|| {
            let l = carebudget_format::load_published("r.json", &json).unwrap();
            let raw2: IndexMap<String, Literal> = parse(
                &SourceFile::new("a.json", serde_json::to_string(&raw).unwrap()),
                1 << 20,
            )
            .unwrap();
            let a = carebudget_core::answers::type_answers(&l.program, &raw2).unwrap_or_default();
            let a = if a.0.len() == l.program.inputs.len() {
                a
            } else {
                carebudget_core::eval::Answers(vec![None; l.program.inputs.len()])
            };
            let ev = carebudget_core::eval::evaluate(&l.program, &a, as_of, true);
            carebudget_core::explain::explain(&l.program, &ev, Lang::En, false)
        });
        println!(
            "| {} | {} | {} | {} | {} | {:.1}× | {} | {} | {} | {} / {} / {} |",
            p.info.id,
            json.len(),
            us(load[1]),
            compiled.len(),
            us(decode[1]),
            load[1].as_secs_f64() / decode[1].as_secs_f64(),
            us(eval[1]),
            us(trace[1]),
            us(explain[1]),
            us(whole[0]),
            us(whole[1]),
            us(whole[2])
        );
    }
}
