#!/usr/bin/env node
// The widget's size and speed, measured (a benchmark that prints figures, not a test):
//   node scripts/bench-web.mjs [--runs N] [--changes N] [--slow]   (after scripts/build-web.sh)
//
//   - transfer sizes of the widget's files, raw / gzip / brotli (scripts/web.mjs size)
//   - in Debian's headless Chromium, per page load (min / median / max over N loads; the
//     first load of a fresh profile reported on its own, as "cold"):
//       page load → start screen drawn (performance.now() at the first render into the
//         shadow root: fetching and compiling the wasm, fetching and reading the compiled program)
//       "Start now" → first question (the submit handler: Rust evaluates and renders)
//       an answer changed from the result page → updated result (the submit handler, and
//         to the next animation frame, which includes style and layout)
//   - with --changes N, N more answer changes on each loaded page (the answer changed back
//     and forth), to the next frame: a page already in use, where the first change after
//     a load may still run code the browser has not optimised yet
//   - with --slow, every page on an emulated slow mobile connection (SLOW below; the test
//     server sends files uncompressed, so this overstates the transfer: read it as a
//     comparison between builds, not as a phone's time)
// The journey is the learning-disability person of tests/e2e against Northbrook, the
// largest bundled ruleset (a council extending England).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, repo } from '../tests/e2e/lib/browser.mjs';
import { journey, where, widgetPage } from '../tests/e2e/lib/journey.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return (i >= 0 && Number(process.argv[i + 1])) || fallback;
};
const runs = arg('--runs', 15);
const changes = arg('--changes', 0);
const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (0.75e6 / 8) | 0 };
const slow = process.argv.includes('--slow');
const person = JSON.parse(readFileSync(join(repo, 'tests/e2e/people/working-age-learning-disability.json'), 'utf8'));
// The answer changed on the result page, and what it is changed to.
const CHANGE = { id: 'ras_shopping', from: person.answers.ras_shopping, to: 'most' };

const html = widgetPage({ rules: `/rules/${person.rules}.cbp`, lang: 'en', 'as-of': person.asOf });
const env = await start({ extra: (p) => (p === '/bench.html' ? [html, 'text/html; charset=utf-8'] : null) });

// Records when the first page is drawn into <care-budget>'s shadow root.
const firstDraw = () => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver((_, obs) => {
      if (root.querySelector('.cb-page > *, .cb-failed')) {
        window.__cbFirstDraw = performance.now();
        obs.disconnect();
      }
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
};
await env.context.addInitScript(firstDraw);

// Submits the page's form; times the (synchronous) handler and the next frame.
const timedSubmit = (page) =>
  page.evaluate(
    () =>
      new Promise((done) => {
        const root = document.querySelector('care-budget').shadowRoot;
        const form = root.querySelector('.cb-page form');
        const t0 = performance.now();
        form.requestSubmit();
        const t1 = performance.now();
        requestAnimationFrame(() => done({ handler: t1 - t0, frame: performance.now() - t0 }));
      }),
  );

const samples = { load: [], start: [], change: [], changeFrame: [], again: [] };
let cold;
try {
  for (let r = 0; r < runs + 1; r++) {
    const page = await env.context.newPage();
    if (slow) {
      const cdp = await env.context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW);
    }
    await page.goto(`${env.base}/bench.html`);
    await page.waitForFunction(() => window.__cbFirstDraw !== undefined, null, { timeout: 30000 });
    const load = await page.evaluate(() => window.__cbFirstDraw);
    if ((await where(page)) !== 'start') throw new Error('the start screen did not show');
    const s = await timedSubmit(page);
    if (!(await where(page)).startsWith('question:')) throw new Error('"Start now" did not lead to a question');
    await page.locator('care-budget [data-act=back]').first().click();
    await journey(page, person.answers, { forOther: person.forOther, check: false });
    const before = await page.locator('care-budget [data-output] [data-value]').allTextContents();
    await page.locator(`care-budget [data-act=change][data-arg=${CHANGE.id}]`).first().click();
    await page.locator(`care-budget input[name=answer][value="${CHANGE.to}"]`).check();
    const c = await timedSubmit(page);
    if ((await where(page)) !== 'result') throw new Error('the changed answer did not lead back to the result');
    const after = await page.locator('care-budget [data-output] [data-value]').allTextContents();
    if (JSON.stringify(before) === JSON.stringify(after)) throw new Error(`changing ${CHANGE.id} changed nothing`);
    for (let k = 0; k < changes && r > 0; k++) {
      await page.locator(`care-budget [data-act=change][data-arg=${CHANGE.id}]`).first().click();
      await page.locator(`care-budget input[name=answer][value="${k % 2 ? CHANGE.to : CHANGE.from}"]`).check();
      samples.again.push((await timedSubmit(page)).frame);
      if ((await where(page)) !== 'result') throw new Error('a changed answer did not lead back to the result');
    }
    await page.close();
    if (r === 0) {
      cold = { load, start: s.handler, change: c.handler, changeFrame: c.frame };
      continue;
    }
    samples.load.push(load);
    samples.start.push(s.handler);
    samples.change.push(c.handler);
    samples.changeFrame.push(c.frame);
  }
} finally {
  await env.close();
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s.at(-1) };
};
const ms = (x) => `${x.toFixed(1)} ms`;

const { rows, total, limit, target, aim } = JSON.parse(
  execFileSync(process.execPath, [join(repo, 'scripts/web.mjs'), 'size', '--json', '--report-only'], { encoding: 'utf8' }),
);
console.log('## Widget transfer size\n');
console.log('| file | raw | gzip | brotli |\n|---|---:|---:|---:|');
for (const r of [...rows, { file: '**total**', ...total }]) {
  console.log(`| ${r.file} | ${r.raw} B | ${r.gzip} B | ${r.brotli} B |`);
}
console.log(
  `\nBrotli total ${(total.brotli / 1024).toFixed(1)} KB; the target is ${(target / 1024).toFixed(1)} KB (${(total.brotli / target).toFixed(2)}× it), the aim ${(aim / 1024).toFixed(1)} KB; the build fails above ${(limit / 1024).toFixed(1)} KB.`,
);
console.log(`\n## Widget speed (Chromium headless, ${person.rules}, ${runs} loads after a cold one${slow ? `; emulated ${SLOW.latency} ms round trip, ${(SLOW.downloadThroughput * 8) / 1e6} Mbit/s down` : ''})\n`);
console.log('| measure | cold | min | median | max |\n|---|---:|---:|---:|---:|');
const line = (label, key) => {
  const s = stats(samples[key]);
  console.log(`| ${label} | ${ms(cold[key])} | ${ms(s.min)} | ${ms(s.median)} | ${ms(s.max)} |`);
};
line('page load → start screen drawn', 'load');
line('"Start now" → first question (handler)', 'start');
line('answer changed → updated result (handler)', 'change');
line('answer changed → next frame', 'changeFrame');
if (changes) {
  const s = stats(samples.again);
  const over = samples.again.filter((x) => x > 1000 / 60).length;
  console.log(`| answer changed again, same page → next frame (${samples.again.length}) | | ${ms(s.min)} | ${ms(s.median)} | ${ms(s.max)} |`);
  console.log(`\n${over} of ${samples.again.length} changes on a page already in use took longer than a frame.`);
}
console.log('\nOne frame at 60 Hz is 16.7 ms.');
