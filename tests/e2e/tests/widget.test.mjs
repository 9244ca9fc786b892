// The element's promises, one test each: keyboard only, 320 px, strict CSP, hostile text,
// a pinned hash, no traffic or storage, the iframe page, printing, fallback, validation,
// wording for someone else, and Welsh.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { start, www } from '../lib/browser.mjs';
import {
  answer,
  axe,
  cli,
  journey,
  openAllSteps,
  readJson,
  ready,
  sha256,
  submit,
  where,
  widgetPage,
} from '../lib/journey.mjs';

const fixtures = join(import.meta.dirname, '../fixtures');
const people = join(import.meta.dirname, '../people');
const EXAMPLE = {
  date_of_birth: '1950-03-27',
  impairment: true,
  outcomes: ['meals', 'toilet'],
  mobility: 'some',
  family_help: false,
  capital: '15000.00',
  pension: { amount: '800.00', period: 'four-weekly' },
};

let env;
const pages = new Map();
let hostileJson;
before(async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'carebudget-fixture-'));
  execFileSync(cli, ['build', join(fixtures, 'hostile.yaml'), '-o', join(tmp, 'hostile.json'), '--program', join(tmp, 'hostile.cbp')]);
  hostileJson = readFileSync(join(tmp, 'hostile.cbp'));
  pages.set('/t/hostile.cbp', [hostileJson, 'application/octet-stream']);
  execFileSync(cli, ['build', join(fixtures, 'says-you.yaml'), '-o', join(tmp, 'says-you.json'), '--program', join(tmp, 'says-you.cbp')]);
  pages.set('/t/says-you.cbp', [readFileSync(join(tmp, 'says-you.cbp')), 'application/octet-stream']);
  env = await start({
    extra: (path) => {
      const p = pages.get(path);
      if (!p) return null;
      return Array.isArray(p) ? p : [p, 'text/html; charset=utf-8'];
    },
  });
});
after(() => env?.close());

async function open(attrs, opts = {}) {
  const path = `/t/${Math.random().toString(36).slice(2)}.html`;
  pages.set(path, widgetPage(attrs, opts));
  const page = await env.context.newPage();
  // As on a page served over plain http: browsers offer crypto.subtle only in secure contexts.
  if (opts.insecure) await page.addInitScript(() => Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined }));
  await page.goto(env.base + path);
  await ready(page);
  return page;
}

/** The focused element, looking inside the widget's shadow root. */
const focused = (page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? { tag: a.tagName.toLowerCase(), id: a.id, name: a.getAttribute('name'), value: a.value, text: a.textContent.trim().slice(0, 80), act: a.dataset?.act } : null;
  });

async function tabTo(page, match, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && match(f)) return f;
  }
  throw new Error('could not reach the control by Tab');
}

test('keyboard only: the whole journey, a change from check answers, focus on each new heading', async () => {
  const page = await open({ rules: '/rules/example.cbp', 'as-of': '2025-09-01' });
  try {
    await tabTo(page, (f) => f.id === 'cb-for-other');
    await page.keyboard.press('Space');
    await tabTo(page, (f) => f.tag === 'button');
    await page.keyboard.press('Enter');
    const headingFocused = async () => assert.equal((await focused(page)).tag, 'h1', 'focus moves to the new heading');
    while ((await where(page)) !== 'check') {
      await headingFocused();
      const at = await where(page);
      const id = at.slice(9);
      const v = EXAMPLE[id];
      if (id === 'date_of_birth') {
        await tabTo(page, (f) => f.name === 'day');
        await page.keyboard.type('27');
        await page.keyboard.press('Tab');
        await page.keyboard.type('3');
        await page.keyboard.press('Tab');
        await page.keyboard.type('1950');
        await page.keyboard.press('Enter');
      } else if (typeof v === 'boolean' || id === 'mobility') {
        // A radio group: Tab reaches it, arrows choose.
        await tabTo(page, (f) => f.name === 'answer');
        const want = typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
        for (let i = 0; i < 6 && (await focused(page)).value !== want; i++) await page.keyboard.press('ArrowDown');
        if ((await focused(page)).value === want) await page.keyboard.press('Space');
        await page.keyboard.press('Enter');
      } else if (Array.isArray(v)) {
        for (const opt of v) {
          await tabTo(page, (f) => f.value === opt);
          await page.keyboard.press('Space');
        }
        await tabTo(page, (f) => f.tag === 'button');
        await page.keyboard.press('Enter');
      } else if (typeof v === 'object') {
        await tabTo(page, (f) => f.name === 'amount');
        await page.keyboard.type(v.amount);
        await tabTo(page, (f) => f.name === 'period');
        for (let i = 0; i < 6 && (await focused(page)).value !== v.period; i++) await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Enter');
      } else {
        await tabTo(page, (f) => f.name === 'answer');
        await page.keyboard.type(v);
        await page.keyboard.press('Enter');
      }
      await page.waitForFunction((prev) => {
        const f = document.querySelector('care-budget').shadowRoot.querySelector('.cb-page form');
        return !f || `question:${f.dataset.input}` !== prev;
      }, at);
    }
    await headingFocused();
    // Change an answer from check answers, by keyboard, and come back to it.
    await tabTo(page, (f) => f.act === 'change' && f.text.includes('Moving around'));
    await page.keyboard.press('Enter');
    assert.equal(await where(page), 'question:mobility');
    await tabTo(page, (f) => f.name === 'answer');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('care-budget').shadowRoot.querySelector('form[data-form=check]'));
    await tabTo(page, (f) => f.tag === 'button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('care-budget').shadowRoot.querySelector('[data-output]'));
    await headingFocused();
    // "How we worked this out" opens from the keyboard.
    await tabTo(page, (f) => f.tag === 'summary');
    await page.keyboard.press('Enter');
    assert.ok(await page.locator('care-budget details[open]').count(), 'details open by keyboard');
    // Its steps are drawn as it opens.
    await page.locator('care-budget details[open] li[data-step]').first().waitFor({ timeout: 5000 });
  } finally {
    await page.close();
  }
});

test('320 px wide: nothing scrolls sideways on any step, and axe passes', async () => {
  const page = await env.context.newPage();
  await page.setViewportSize({ width: 320, height: 640 });
  pages.set('/t/narrow.html', widgetPage({ rules: '/rules/council-northbrook.cbp', 'as-of': '2025-09-01' }));
  try {
    await page.goto(env.base + '/t/narrow.html');
    await ready(page);
    const p = readJson(join(people, 'working-age-learning-disability.json'));
    await journey(page, p.answers, {
      check: false,
      onStep: async (at) => {
        const w = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(w <= 320, `${at}: the page is ${w}px wide at a 320px viewport`);
      },
    });
    await openAllSteps(page);
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(w <= 320, `result with every step open: ${w}px`);
    await axe(page, 'result at 320px');
  } finally {
    await page.close();
  }
});

test('strict CSP page: works with no policy violation', async () => {
  const page = await env.context.newPage();
  const problems = [];
  page.on('console', (m) => {
    // The browser's own request for /favicon.ico (404 here) is reported by URL, not in the
    // text: only the first page of a browser context asks, so this test run alone saw it.
    if (m.type() === 'error' && !/favicon/.test(m.location().url)) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    const res = await page.goto(env.base + '/strict-csp.html');
    assert.match(res.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
    await page.evaluate(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective), true);
    });
    await ready(page);
    const p = readJson(join(people, 'not-eligible.json'));
    await journey(page, p.answers, { check: false });
    await page.locator('care-budget details').first().locator('summary').click();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(problems, []);
    assert.equal(await page.locator('care-budget [data-output=eligible] [data-value]').textContent(), 'No');
  } finally {
    await page.close();
  }
});

test('a ruleset whose labels hold HTML and script shows them as text', async () => {
  const page = await open({ rules: '/t/hostile.cbp', 'as-of': '2025-09-01' });
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.dismiss();
  });
  try {
    const text = async () => page.locator('care-budget .cb-page').innerText();
    assert.match(await text(), /<script>window.__pwned = 1<\/script>Hostile <b>rules<\/b>/);
    await submit(page);
    assert.match(await text(), /<img src=x onerror="window.__pwned = 7">Which one\?/);
    assert.match(await text(), /"><img src=x onerror="window.__pwned = 9">Option B/);
    await answer(page, 'a');
    await submit(page);
    await page.locator('care-budget input[name=answer]').waitFor();
    assert.match(await text(), /How much\? <\/label><script>window.__pwned = 10<\/script>/);
    await answer(page, '150');
    await submit(page);
    await page.locator('care-budget form[data-form=check]').waitFor();
    await submit(page);
    await page.locator('care-budget [data-output]').waitFor();
    await page.locator('care-budget summary').click();
    await page.locator('care-budget details[open] li[data-step]').first().waitFor();
    const all = await text();
    assert.match(all, /<h1>Eligible<\/h1>/);
    assert.match(all, /<svg onload="window.__pwned = 4">Evil source/);
    const found = await page.evaluate(() => {
      const root = document.querySelector('care-budget').shadowRoot;
      return {
        pwned: window.__pwned ?? null,
        elements: root.querySelectorAll('.cb-page script, .cb-page img, .cb-page svg, .cb-page iframe, .cb-page b, .cb-page i, .cb-page marquee, .cb-page u, .cb-page em').length,
        scriptLinks: [...root.querySelectorAll('a[href]')].filter((a) => !/^(#|https?:|\/)/.test(a.getAttribute('href'))).length,
      };
    });
    assert.deepEqual(found, { pwned: null, elements: 0, scriptLinks: 0 });
    assert.equal(dialogs, 0);
  } finally {
    await page.close();
  }
});

test('a wrong rules-sha256 is refused with a clear message; the right one is accepted', async () => {
  const wrong = '0'.repeat(64);
  const page = await open({ rules: '/rules/example.cbp', 'rules-sha256': wrong });
  try {
    const msg = await page.locator('care-budget .cb-failed').innerText();
    assert.match(msg, /could not start/);
    assert.match(msg, /not the one this page expects/);
    assert.ok(msg.includes(wrong), 'names the hash the page asked for');
    assert.ok(msg.includes(sha256(join(www, 'rules/example.cbp'))), 'names the hash of the file');
    assert.equal(await page.locator('care-budget form').count(), 0, 'no calculator');
    assert.ok(await page.locator('care-budget .fallback').isVisible(), 'the fallback stays visible');
    await axe(page, 'refused ruleset');
  } finally {
    await page.close();
  }
  const ok = await open({ rules: '/rules/example.cbp', 'rules-sha256': sha256(join(www, 'rules/example.cbp')).toUpperCase() });
  try {
    assert.equal(await where(ok), 'start');
  } finally {
    await ok.close();
  }
});

test('where the browser cannot work out a hash (not https), a pinned rules-sha256 is refused, saying why', async () => {
  const want = sha256(join(www, 'rules/example.cbp'));
  const page = await open({ rules: '/rules/example.cbp', 'rules-sha256': want }, { insecure: true });
  try {
    const msg = await page.locator('care-budget .cb-failed').innerText();
    assert.match(msg, /could not start/);
    assert.match(msg, /served securely \(https\)/);
    assert.ok(msg.includes(want), 'names the hash the page asked for');
    assert.equal(await page.locator('care-budget form').count(), 0, 'no calculator');
    assert.ok(await page.locator('care-budget .fallback').isVisible(), 'the fallback stays visible');
  } finally {
    await page.close();
  }
  // Without a pin the calculator runs (its receipt says the fingerprint is not available).
  const ok = await open({ rules: '/rules/example.cbp' }, { insecure: true });
  try {
    assert.equal(await where(ok), 'start');
  } finally {
    await ok.close();
  }
});

test('a ruleset that cannot be fetched is reported, with the fallback', async () => {
  const page = await open({ rules: '/rules/missing.cbp' });
  try {
    assert.match(await page.locator('care-budget .cb-failed').innerText(), /could not be downloaded \(HTTP 404\)/);
    assert.ok(await page.locator('care-budget .fallback').isVisible());
  } finally {
    await page.close();
  }
});

test('no network request after load but the ruleset; no cookie or storage written', async () => {
  const page = await env.context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  pages.set('/t/net.html', widgetPage({ rules: '/rules/example.cbp', 'as-of': '2025-09-01' }));
  try {
    await page.goto(env.base + '/t/net.html');
    await ready(page);
    const loaded = requests.map((u) => new URL(u).pathname).filter((p) => p !== '/favicon.ico');
    assert.deepEqual(loaded.sort(), ['/carebudget.js', '/pkg/carebudget.css', '/pkg/engine.js', '/pkg/engine_bg.wasm', '/rules/example.cbp', '/t/net.html']);
    assert.ok(requests.every((u) => u.startsWith(env.base)), 'all from this site');
    requests.length = 0;
    await journey(page, EXAMPLE, { check: false });
    await page.locator('care-budget summary').first().click();
    await page.locator('care-budget [data-act=change]').first().click();
    await submit(page);
    assert.deepEqual(requests, [], 'nothing fetched or sent during the journey');
    const stored = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
    }));
    assert.deepEqual(stored, { cookie: '', local: 0, session: 0, idb: 0, caches: 0 });
    assert.deepEqual(await env.context.cookies(), []);
  } finally {
    await page.close();
  }
});

test('iframe page: sized to its content, works inside the frame', async () => {
  const page = await env.context.newPage();
  try {
    await page.goto(env.base + '/charity.html');
    const frame = page.frameLocator('iframe[data-care-budget]');
    await frame.locator('care-budget .cb-page h1').waitFor({ timeout: 15000 });
    const embedRes = await page.request.get(env.base + '/embed.html');
    assert.match(embedRes.headers()['content-security-policy'], /default-src 'self'/);
    const h1 = await page.waitForFunction(() => Number(document.querySelector('iframe[data-care-budget]').getAttribute('height') || 0));
    const before = await h1.jsonValue();
    assert.ok(before > 300, `frame sized to content (${before}px)`);
    await frame.locator('care-budget button[type=submit]').click();
    await page.waitForFunction((b) => Number(document.querySelector('iframe[data-care-budget]').getAttribute('height')) !== b, before);
    // The Welsh element on the same page.
    await page.locator('#wales care-budget .cb-page h1').waitFor();
    assert.match(await page.locator('#wales care-budget .cb-page h1').innerText(), /Gwiriwch/);
  } finally {
    await page.close();
  }
});

test('receipt: printing shows the steps, the rules version, hash and date, without buttons', async () => {
  const page = await open({ rules: '/rules/example.cbp', 'as-of': '2025-09-01' });
  try {
    await journey(page, EXAMPLE, { check: false });
    const step = page.locator('care-budget li[data-step]').first();
    assert.equal(await step.count(), 0, 'steps are drawn only when opened or printed');
    // What the browser does when someone prints (Ctrl+P or the Print button).
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    assert.ok(await step.isVisible(), 'steps show when printed');
    assert.ok(await page.locator('care-budget .cb-receipt').isVisible());
    assert.ok(!(await page.locator('care-budget [data-act=print]').isVisible()), 'no buttons on paper');
    assert.ok(!(await page.locator('care-budget .cb-back').isVisible()));
    const hash = await page.locator('care-budget [data-sha256]').textContent();
    assert.equal(hash, sha256(join(www, 'rules/example.cbp')));
    assert.equal(await page.locator('care-budget [data-version]').textContent(), '2025.1');
    assert.match(await page.locator('care-budget .cb-page').innerText(), /Rules applied as of\s+1 September 2025/);
    await page.emulateMedia({ media: 'screen' });
  } finally {
    await page.close();
  }
});

test('without JavaScript the fallback and its rules-page link show', async () => {
  const ctx = await env.context.browser()?.newContext({ javaScriptEnabled: false });
  // A persistent context has no browser() handle: use a page with JavaScript turned off instead.
  const page = ctx ? await ctx.newPage() : await env.context.newPage();
  try {
    if (!ctx) {
      const cdp = await env.context.newCDPSession(page);
      await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    }
    await page.goto(env.base + '/council.html');
    const link = page.locator('care-budget a');
    assert.ok(await link.isVisible());
    assert.equal(await link.getAttribute('href'), 'pages/council-northbrook.html');
  } finally {
    await page.close();
  }
});

test('validation: error summary, focus, messages per field, answers kept', async () => {
  const page = await open({ rules: '/rules/example.cbp', 'as-of': '2025-09-01' });
  try {
    await submit(page);
    await submit(page); // date of birth, empty
    const summary = page.locator('care-budget .cb-error-summary');
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('care-budget').shadowRoot.activeElement?.className), 'cb-error-summary');
    assert.match(await summary.innerText(), /Enter a date, like 27 3 1950/);
    await summary.locator('a').click();
    assert.equal(await page.evaluate(() => document.querySelector('care-budget').shadowRoot.activeElement?.id), 'cb-d');
    await answer(page, '1950-02-31');
    await submit(page);
    assert.match(await page.locator('care-budget .cb-error-summary').innerText(), /must be a real date/);
    assert.equal(await page.locator('care-budget input[name=day]').inputValue(), '31', 'what was typed is kept');
    await axe(page, 'question with errors');
    await answer(page, '1950-03-27');
    await submit(page);
    await page.locator('care-budget input[name=answer][value=yes]').check();
    await submit(page);
    await submit(page); // outcomes: nothing ticked
    assert.match(await page.locator('care-budget .cb-error-summary').innerText(), /Select all that apply, or select ‘None of these’/);
    await page.locator('care-budget input[value=meals]').check();
    await page.locator('care-budget input[value="-none"]').check();
    assert.equal(await page.locator('care-budget input[value=meals]').isChecked(), false, '“None of these” unticks the others');
    await page.locator('care-budget input[value=washing]').check();
    assert.equal(await page.locator('care-budget input[value="-none"]').isChecked(), false);
    await submit(page);
    // The engine asks next whatever decides the most: answer until it asks about savings.
    for (let at = await where(page); at !== 'question:capital'; at = await where(page)) {
      await answer(page, { mobility: 'full', family_help: true }[at.slice(9)]);
      await submit(page);
    }
    await page.locator('care-budget input[name=answer]').fill('£12.345');
    await submit(page);
    assert.match(await page.locator('care-budget .cb-error-summary').innerText(), /using numbers only/);
    await page.locator('care-budget input[name=answer]').fill('-5');
    await submit(page);
    assert.match(await page.locator('care-budget .cb-error-summary').innerText(), /Enter an amount in pounds/);
    await page.locator('care-budget input[name=answer]').fill('£1,000');
    await submit(page);
    await page.locator('care-budget input[name=amount]').waitFor();
    await page.locator('care-budget input[name=amount]').fill('100');
    await submit(page);
    assert.match(await page.locator('care-budget .cb-error-summary').innerText(), /Select how often/);
    // Back keeps the answers.
    await page.locator('care-budget .cb-back').click();
    assert.equal(await page.locator('care-budget input[name=answer]').inputValue(), '1000');
  } finally {
    await page.close();
  }
});

test('“for someone else” changes the wording; Welsh throughout with lang="cy"', async () => {
  const page = await open({ rules: '/rules/example.cbp', 'as-of': '2025-09-01' });
  try {
    await page.locator('care-budget #cb-for-other').check();
    await submit(page);
    assert.equal(await page.locator('care-budget h1').innerText(), 'What is their date of birth?');
    // On to the result: the ruleset's wording for someone else (example.yaml's `for_other`
    // on the contribution's label). Every one of its words that says "you" has such
    // wording, so no note about "you" is needed.
    await journey(page, EXAMPLE, { check: false });
    assert.equal(await page.locator('care-budget #cb-o-contribution').innerText(), 'What they would pay each week');
    assert.doesNotMatch(await page.locator('care-budget .cb-page').innerText(), /still says “you”/);
  } finally {
    await page.close();
  }
  // A ruleset whose words still say "you": the result says whom it means.
  const you = await open({ rules: '/t/says-you.cbp', 'as-of': '2025-09-01' });
  try {
    await journey(you, { help: true }, { check: false, forOther: true });
    assert.match(await you.locator('care-budget .cb-page').innerText(), /still says “you”, it means the person you are filling this in for/);
  } finally {
    await you.close();
  }
  const cy = await open({ rules: '/rules/example.cbp', lang: 'cy', 'as-of': '2025-09-01' });
  try {
    assert.equal(await cy.locator('care-budget h1').innerText(), 'Gwiriwch pa ofal a chymorth y gallech eu cael');
    assert.equal(await cy.locator('care-budget .cb').getAttribute('lang'), 'cy');
    await submit(cy);
    assert.equal(await cy.locator('care-budget h1').innerText(), 'Beth yw eich dyddiad geni?');
    assert.match(await cy.locator('care-budget .cb-page').innerText(), /Diwrnod[\s\S]*Mis[\s\S]*Blwyddyn[\s\S]*Parhau/);
    await submit(cy);
    assert.match(await cy.locator('care-budget .cb-error-summary').innerText(), /Mae problem wedi codi[\s\S]*Rhowch ddyddiad/);
    const { seen } = await journey(cy, EXAMPLE, { check: true });
    assert.ok(seen.includes('result'));
    const text = await cy.locator('care-budget .cb-page').innerText();
    assert.match(text, /Eich amcangyfrif/);
    assert.match(text, /Sut y gwnaethom gyfrifo hyn/);
    assert.match(text, /Amcangyfrif yw hwn, nid penderfyniad/);
    assert.doesNotMatch(text, /How we worked this out|Continue|Check your answers/);
  } finally {
    await cy.close();
  }
});

// Issue 13: rules out of date are never silent, and later figures are shown. A council's
// page (built on England's rules) asked about 1 September 2025 (before its 2026-27 rules): the start screen says which
// period's figures the rules hold and that the date is outside it; the result lists the
// rules' limitations and, from the figures the rules hold for 6 April 2026, what the same
// answers give then — each line equal to `carebudget eval`'s.
test('out-of-period dates are said before the questions; limitations and later figures equal the CLI', async () => {
  const person = readJson(join(people, 'working-age-learning-disability.json'));
  const page = await open({ rules: '/rules/council-northbrook.cbp', 'as-of': '2025-09-01' });
  try {
    const figures = await page.locator('care-budget [data-figures]').first().innerText();
    assert.equal(figures, 'Figures for 6 April 2026 to 5 April 2027. They change every April.');
    assert.match(
      await page.locator('care-budget [data-out-of-force]').innerText(),
      /These rules are for 6 April 2026 to 5 April 2027, but the date asked about is 1 September 2025, before that/,
    );
    await axe(page, 'start screen with the out-of-period note');
    const { given } = await journey(page, person.answers, { check: false });
    const dir = mkdtempSync(join(tmpdir(), 'carebudget-answers-'));
    const file = join(dir, 'a.json');
    writeFileSync(file, JSON.stringify(given));
    const report = JSON.parse(
      execFileSync(cli, ['eval', join(www, 'rules', 'council-northbrook.json'), '--answers', file, '--json', '--as-of', '2025-09-01'], {
        encoding: 'utf8',
      }),
    );
    assert.ok(report.later, 'the CLI finds later figures for these answers');
    const later = await page.locator('care-budget [data-later]').innerText();
    assert.ok(later.startsWith(report.later.heading), later);
    for (const line of report.later.changes) assert.ok(later.includes(line), `${line} in ${later}`);
    const limits = await page.locator('care-budget [data-limitations] li').allInnerTexts();
    assert.deepEqual(limits, report.limitations);
    await axe(page, 'result with limitations and later figures');
  } finally {
    await page.close();
  }
});
