// In-browser timings: carebudget's engine (WebAssembly, bench/wasm) and Publicodes (its
// ES module as published on npm), on the same households, in the same page.
// bench/browser/run.mjs calls window.runBench(options) and reads back the JSON it returns.
import { situation, publicodesEvaluate } from '/js/peers.mjs';

const now = () => performance.now();

function stats(samples, unit) {
  const s = [...samples].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1], unit, runs: s.length };
}

/** Runs `f` `runs` times; each sample is `per(ms)`. */
function timeRuns(runs, f, per) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    f();
    out.push(per(now() - t));
  }
  return out;
}

const getText = async (url) => (await fetch(url)).text();
const getBytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());

window.runBench = async ({ quick = false, agreeOnly = false, asOf = '2025-06-01' } = {}) => {
  const households = JSON.parse(await getText('/out/households.json'));
  // Ours: the compiled program, as the widget loads it (written beside model.json by `publish`).
  const ourRules = await getBytes('/out/model.cbp');
  if (agreeOnly) {
    // The agreement check (before any timing): our engine's figures, as WebAssembly.
    const wasm = await import('/out/wasm/bench.js');
    await wasm.default({ module_or_path: '/out/wasm/bench_bg.wasm' });
    const b = new wasm.Bench(ourRules, asOf);
    return { ours: { results: households.map((h) => Array.from(b.evaluate(h, false))) } };
  }
  const pcRules = await getText('/out/model.publicodes.json');
  const sample = households.slice(0, 100);
  const us = (ms) => ms * 1000;
  const perHousehold = (ms) => (ms * 1000) / sample.length;
  const R = { crossOriginIsolated: self.crossOriginIsolated, userAgent: navigator.userAgent, ours: {}, publicodes: {} };

  // --- start: fetch, compile and instantiate the engine (from localhost) ---
  let t = now();
  const wasm = await import('/out/wasm/bench.js');
  await wasm.default({ module_or_path: '/out/wasm/bench_bg.wasm' });
  R.ours.start = { value: us(now() - t), unit: 'us' };
  t = now();
  const { default: Engine } = await import('/js/node_modules/publicodes/dist/index.js');
  R.publicodes.start = { value: us(now() - t), unit: 'us' };
  const quiet = { log() {}, warn() {}, error: (m) => console.error(m) };

  // --- ours ---
  const runs = quick ? 3 : 30;
  R.ours.cold = stats(timeRuns(runs, () => { const b = new wasm.Bench(ourRules, asOf); b.evaluate(households[0], false); b.free(); }, us), 'us');
  const bench = new wasm.Bench(ourRules, asOf);
  // One untimed pass of each kind first, so that no warm figure includes the JIT's warm-up.
  sample.forEach((h) => { bench.evaluate(h, false); bench.evaluate(h, true); bench.explain(h); });
  R.ours.warm = stats(timeRuns(runs, () => sample.forEach((h) => bench.evaluate(h, false)), perHousehold), 'us');
  R.ours.warm_trace = stats(timeRuns(runs, () => sample.forEach((h) => bench.evaluate(h, true)), perHousehold), 'us');
  R.ours.warm_explain = stats(timeRuns(runs, () => sample.forEach((h) => bench.explain(h)), perHousehold), 'us');
  let results = [];
  const tp = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    t = now();
    results = households.map((h) => Array.from(bench.evaluate(h, false)));
    tp.push(households.length / ((now() - t) / 1000));
  }
  R.ours.batch = stats(tp, 'households/s');
  R.ours.results = results;

  // --- Publicodes ---
  const pcRuns = quick ? 2 : 10;
  R.publicodes.cold = stats(timeRuns(pcRuns, () => publicodesEvaluate(new Engine(JSON.parse(pcRules), { logger: quiet }), situation(households[0])), us), 'us');
  const engine = new Engine(JSON.parse(pcRules), { logger: quiet });
  const sits = sample.map(situation);
  sits.forEach((s) => publicodesEvaluate(engine, s));
  R.publicodes.warm = stats(timeRuns(pcRuns, () => sits.forEach((s) => publicodesEvaluate(engine, s)), perHousehold), 'us');
  const all = households.map(situation);
  const pctp = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    t = now();
    results = all.map((s) => publicodesEvaluate(engine, s));
    pctp.push(all.length / ((now() - t) / 1000));
  }
  R.publicodes.batch = stats(pctp, 'households/s');
  R.publicodes.results = results;
  R.batch_size = households.length;
  return R;
};
window.benchReady = true;
