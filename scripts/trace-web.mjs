#!/usr/bin/env node
// Where an answer change's time goes, from Chromium's own timeline (a benchmark that prints
// figures, not a test):   node scripts/trace-web.mjs [--runs N]   (after scripts/build-web.sh)
//
// The same Northbrook journey as scripts/bench-web.mjs; for each run it traces one answer
// change (the submit handler and the frame after it) and prints, per kind of browser work,
// the median time over the runs, split into what happens inside the handler and after it.
// Tracing slows the page a little, so read these as shares, and bench-web.mjs for times.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, repo } from '../tests/e2e/lib/browser.mjs';
import { journey, where, widgetPage } from '../tests/e2e/lib/journey.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 8;
const person = JSON.parse(readFileSync(join(repo, 'tests/e2e/people/working-age-learning-disability.json'), 'utf8'));
const CHANGE = { id: 'ras_shopping', to: 'most' };
const html = widgetPage({ rules: `/rules/${person.rules}.cbp`, lang: 'en', 'as-of': person.asOf });
const env = await start({ extra: (p) => (p === '/bench.html' ? [html, 'text/html; charset=utf-8'] : null) });
// Kinds of work the timeline names (other events nest inside these or are negligible).
const KINDS = ['ParseHTML', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint'];

const samples = {};
const add = (k, v) => (samples[k] ||= []).push(v);
try {
  for (let r = 0; r < runs; r++) {
    const page = await env.context.newPage();
    await page.goto(`${env.base}/bench.html`);
    await page.waitForFunction(() => document.querySelector('care-budget')?.shadowRoot?.querySelector('.cb-page form'));
    await page.locator('care-budget .cb-page form [type=submit]').first().click();
    await page.locator('care-budget [data-act=back]').first().click();
    await journey(page, person.answers, { forOther: person.forOther, check: false });
    await page.locator(`care-budget [data-act=change][data-arg=${CHANGE.id}]`).first().click();
    await page.locator(`care-budget input[name=answer][value="${CHANGE.to}"]`).check();

    const cdp = await env.context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
    const handler = await page.evaluate(
      () =>
        new Promise((done) => {
          const form = document.querySelector('care-budget').shadowRoot.querySelector('.cb-page form');
          const t0 = performance.now();
          form.requestSubmit();
          const t1 = performance.now();
          requestAnimationFrame(() => setTimeout(() => done(t1 - t0), 0));
        }),
    );
    await cdp.send('Tracing.end');
    await complete;
    if ((await where(page)) !== 'result') throw new Error('the changed answer did not lead back to the result');
    await page.close();

    const timed = events.filter((e) => e.ph === 'X' && e.dur);
    const dispatch = timed.filter((e) => e.name === 'EventDispatch').sort((a, b) => b.dur - a.dur)[0];
    const inside = (e) => dispatch && e.ts >= dispatch.ts && e.ts + e.dur <= dispatch.ts + dispatch.dur;
    add('handler (traced)', handler);
    const browserInHandler = { sum: 0 };
    for (const kind of KINDS) {
      const of = timed.filter((e) => e.name === kind);
      const inH = of.filter(inside).reduce((s, e) => s + e.dur / 1000, 0);
      add(`${kind}, in the handler`, inH);
      add(`${kind}, after it`, of.filter((e) => !inside(e)).reduce((s, e) => s + e.dur / 1000, 0));
      browserInHandler.sum += inH;
    }
    add('handler less the browser work above (WebAssembly and JavaScript)', handler - browserInHandler.sum);
  }
} finally {
  await env.close();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`## Where an answer change's time goes (${person.rules}, median of ${runs} traced changes)\n`);
console.log('| work | median |\n|---|---:|');
for (const [k, v] of Object.entries(samples)) console.log(`| ${k} | ${median(v).toFixed(2)} ms |`);
