// Node side of the benchmark (bench/run.py drives it).
//
//   node runner.mjs publicodes|zen agree HOUSEHOLDS OUT
//   node runner.mjs publicodes|zen time HOUSEHOLDS OUT [--quick]
//   node runner.mjs publicodes|zen once HOUSEHOLDS
//   node runner.mjs publicodes|zen memory HOUSEHOLDS [N]   peak RSS (KiB) after N (1000) households
//
// Publicodes is timed here (Node) and in the browser. ZEN runs here through its Node binding
// (@gorules/zen-engine, the same Rust core prebuilt) for the quick agreement check, so the
// smoke test needs no Rust build of zen-engine; its timings come from the native crate.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { situation, publicodesEvaluate, zenRequest, zenResult } from './peers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const [impl, mode, householdsPath, out, ...rest] = process.argv.slice(2);
const households = JSON.parse(fs.readFileSync(householdsPath, 'utf8'));
const quiet = { log() {}, warn() {}, error: (m) => console.error(m) };

// Publicodes models are published as JSON (what `publicodes compile` emits); run.py writes it from the YAML.
const publicodesJson = () => fs.readFileSync(path.join(here, '..', 'out', 'model.publicodes.json'), 'utf8');
const zenJson = () => fs.readFileSync(path.join(here, '..', 'zen', 'model.json'));

async function load() {
  if (impl === 'publicodes') {
    const { default: Engine } = await import('publicodes');
    return {
      cold: (h) => publicodesEvaluate(new Engine(JSON.parse(publicodesJson()), { logger: quiet }), situation(h)),
      engine: () => {
        const engine = new Engine(JSON.parse(publicodesJson()), { logger: quiet });
        return { prepare: situation, evaluate: (s) => publicodesEvaluate(engine, s) };
      },
    };
  }
  if (impl === 'zen') {
    const { ZenEngine } = await import('@gorules/zen-engine');
    const engine = new ZenEngine();
    return {
      cold: async (h) => zenResult((await new ZenEngine().createDecision(zenJson()).evaluate(zenRequest(h))).result),
      engine: () => {
        const d = engine.createDecision(zenJson());
        return { prepare: zenRequest, evaluate: async (r, trace = false) => zenResult((await d.evaluate(r, { trace })).result) };
      },
    };
  }
  throw new Error(`unknown implementation ${impl}`);
}

function stats(samples, unit) {
  const s = [...samples].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1], unit, runs: s.length };
}

const peers = await load();
if (mode === 'once') {
  console.log(JSON.stringify(await peers.cold(households[0])));
} else if (mode === 'memory') {
  const e = peers.engine();
  for (const h of households.slice(0, Number(out ?? 1000))) await e.evaluate(e.prepare(h));
  console.log(process.resourceUsage().maxRSS);
} else if (mode === 'agree') {
  const e = peers.engine();
  const results = [];
  for (const h of households) results.push(await e.evaluate(e.prepare(h)));
  fs.writeFileSync(out, JSON.stringify({ results }));
} else if (mode === 'time') {
  const quick = rest.includes('--quick');
  const r = {};
  const cold = [];
  for (let i = 0; i < (quick ? 3 : 15); i++) {
    const t = performance.now();
    await peers.cold(households[0]);
    cold.push((performance.now() - t) * 1000);
  }
  r.cold = stats(cold, 'us');
  const e = peers.engine();
  const sample = households.slice(0, 100).map((h) => e.prepare(h));
  for (const s of sample) await e.evaluate(s, true); // untimed: the JIT's warm-up
  const runs = quick ? 3 : 15;
  for (const [key, trace] of [['warm', false], ['warm_trace', true]]) {
    const per = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      for (const s of sample) await e.evaluate(s, trace);
      per.push(((performance.now() - t) * 1000) / sample.length);
    }
    r[key] = stats(per, 'us');
  }
  // Throughput on the whole 10k batch, answers prepared beforehand.
  const all = households.map((h) => e.prepare(h));
  const tp = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const t = performance.now();
    for (const s of all) await e.evaluate(s);
    tp.push(all.length / ((performance.now() - t) / 1000));
  }
  r.batch = stats(tp, 'households/s');
  r.batch_size = all.length;
  r.peak_rss_kib = process.resourceUsage().maxRSS;
  fs.writeFileSync(out, JSON.stringify(r, null, 1));
} else {
  throw new Error(`unknown mode ${mode}`);
}
