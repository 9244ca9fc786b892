// Driving <care-budget> like a person would, and reading what it shows.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { repo } from './browser.mjs';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
export const cli = join(repo, 'target/debug/carebudget');

/** A test page: one <care-budget> with these attributes (no inline script or style). */
export function widgetPage(attrs, { title = 'carebudget test', fallback = 'Fallback: <a href="/pages/x.html">read the rules</a>' } = {}) {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${String(v).replace(/"/g, '&quot;')}"`)
    .join('');
  return `<!doctype html><html lang="${attrs.lang || 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<script type="module" src="/carebudget.js"></script></head>
<body><main><h1 class="page-title">${title}</h1><care-budget${a}><p class="fallback">${fallback}</p></care-budget></main></body></html>`;
}

/** Waits until the widget has drawn a page (or refused its ruleset). */
export async function ready(page) {
  await page.locator('care-budget .cb-page > *, care-budget .cb-failed').first().waitFor({ timeout: 15000 });
}

/** Which page is showing: start, question:<id>, check, result. */
export async function where(page) {
  return page.evaluate(() => {
    const root = document.querySelector('care-budget').shadowRoot;
    const form = root.querySelector('.cb-page form');
    if (root.querySelector('[data-output]')) return 'result';
    if (!form) return 'none';
    const kind = form.dataset.form;
    return kind === 'question' ? `question:${form.dataset.input}` : kind;
  });
}

/**
 * Checks the widget with axe-core: no violation at WCAG 2.2 A/AA.
 *
 * The widget's stylesheet lets the browser skip drawing result cards and answer lists until
 * they are scrolled near (`content-visibility: auto`), drawing them exactly as they would
 * otherwise be once they are. Skipped content has no geometry or colours yet, so axe reports
 * false failures on it (target-size) and leaves its colours unchecked (color-contrast
 * "incomplete"; axe-core issue 2768). So for the check everything is drawn, as scrolling to
 * it would be: measured on a result page, 3 target-size failures and 20 unchecked contrasts
 * as drawn, none of either once scrolled through or drawn.
 */
export async function axe(page, label) {
  await page.evaluate(() => {
    const root = document.querySelector('care-budget').shadowRoot;
    const drawAll = new CSSStyleSheet();
    drawAll.replaceSync('* { content-visibility: visible !important; }');
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, drawAll];
  });
  try {
    const results = await new AxeBuilder({ page }).include('care-budget').withTags(WCAG_TAGS).analyze();
    const v = results.violations.map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).join('; ')})`);
    assert.deepEqual(v, [], `axe violations on ${label}`);
    // Every text's contrast decided, not left "incomplete" (so not checked at all): the only
    // exception is text of symbols alone, such as the start button's arrow, which axe does
    // not measure.
    const undecided = results.incomplete
      .filter((x) => x.id === 'color-contrast')
      .flatMap((x) => x.nodes)
      .filter((n) => !n.any.every((a) => a.data?.messageKey === 'nonBmp'))
      .map((n) => `${n.target.join(' ')}: ${n.any.map((a) => a.message).join('; ')}`);
    assert.deepEqual(undecided, [], `contrast that axe could not check on ${label}`);
  } finally {
    await page.evaluate(() => {
      const root = document.querySelector('care-budget').shadowRoot;
      root.adoptedStyleSheets = root.adoptedStyleSheets.slice(0, -1);
    });
  }
}

const q = (sel) => `care-budget ${sel}`;

/** Answers the question showing, from `value` (the answers-file form of the answer). */
export async function answer(page, value) {
  const radios = page.locator(q('input[type=radio][name=answer]'));
  const boxes = page.locator(q('input[type=checkbox][name=answer]'));
  if (await radios.count()) {
    const v = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
    await page.locator(q(`input[name=answer][value="${v}"]`)).check();
  } else if (await boxes.count()) {
    for (const b of await boxes.all()) if (await b.isChecked()) await b.uncheck();
    const list = value.length ? value : ['-none'];
    for (const v of list) await page.locator(q(`input[name=answer][value="${v}"]`)).check();
  } else if (await page.locator(q('input[name=amount]')).count()) {
    await page.locator(q('input[name=amount]')).fill(String(value.amount));
    await page.locator(q(`input[name=period][value="${value.period}"]`)).check();
  } else if (await page.locator(q('input[name=day]')).count()) {
    const [y, m, d] = value.split('-');
    await page.locator(q('input[name=day]')).fill(String(Number(d)));
    await page.locator(q('input[name=month]')).fill(String(Number(m)));
    await page.locator(q('input[name=year]')).fill(y);
  } else {
    await page.locator(q('input[name=answer]')).fill(String(value));
  }
}

export async function submit(page) {
  await page.locator(q('.cb-page form button[type=submit]')).click();
}

/**
 * Goes through the whole journey with `answers`, checking every step with axe when
 * `check` is set. Returns the answers actually asked for and given, in order.
 */
export async function journey(page, answers, { forOther = false, check = true, onStep } = {}) {
  const given = {};
  const seen = [];
  for (let guard = 0; guard < 200; guard++) {
    const at = await where(page);
    seen.push(at);
    if (check) await axe(page, at);
    if (onStep) await onStep(at);
    if (at === 'start') {
      if (forOther) await page.locator(q('#cb-for-other')).check();
      await submit(page);
    } else if (at.startsWith('question:')) {
      const id = at.slice(9);
      assert.ok(id in answers, `the widget asked "${id}", which this person has no answer for`);
      await answer(page, answers[id]);
      given[id] = answers[id];
      await submit(page);
    } else if (at === 'check') {
      await submit(page);
    } else if (at === 'result') {
      return { given, seen };
    } else {
      throw new Error(`unexpected page state: ${at}`);
    }
    await page.waitForFunction(
      (prev) => {
        const root = document.querySelector('care-budget').shadowRoot;
        const form = root.querySelector('.cb-page form');
        const now = root.querySelector('[data-output]')
          ? 'result'
          : form
            ? form.dataset.form === 'question'
              ? `question:${form.dataset.input}`
              : form.dataset.form
            : 'none';
        return now !== prev || root.querySelector('.cb-error-summary');
      },
      at,
    );
    if (await page.locator(q('.cb-error-summary')).count()) {
      throw new Error(`validation error at ${at}: ${await page.locator(q('.cb-error-summary')).innerText()}`);
    }
  }
  throw new Error('the journey did not end');
}

/** Opens every "How we worked this out" and waits until its steps are drawn. */
export async function openAllSteps(page) {
  await page.evaluate(() => {
    for (const d of document.querySelector('care-budget').shadowRoot.querySelectorAll('details[data-steps]')) d.open = true;
  });
  await page.waitForFunction(() =>
    [...document.querySelector('care-budget').shadowRoot.querySelectorAll('details[data-steps]')].every((d) =>
      d.querySelector('li[data-step]'),
    ),
  );
}

/** What the result page shows: per output, its value and every step's value (all opened). */
export async function shown(page) {
  await openAllSteps(page);
  return page.evaluate(() => {
    const root = document.querySelector('care-budget').shadowRoot;
    return [...root.querySelectorAll('section[data-output]')].map((s) => ({
      id: s.dataset.output,
      status: s.querySelector('[data-status]').dataset.status,
      text: s.querySelector('[data-value]').textContent,
      steps: [...s.querySelectorAll('li[data-step]')].map((li) => [
        li.dataset.step,
        li.querySelector('[data-step-value]').textContent,
      ]),
      because: [...s.querySelectorAll('.cb-not-met li')].map((li) => li.textContent),
    }));
  });
}

/** `carebudget eval --json` for the same ruleset file, answers and options. */
export function cliEval(rulesFile, answers, { asOf, lang = 'en', forOther = false }) {
  const dir = mkdtempSync(join(tmpdir(), 'carebudget-answers-'));
  const file = join(dir, 'answers.json');
  writeFileSync(file, JSON.stringify(answers));
  const args = ['eval', rulesFile, '--answers', file, '--json', '--lang', lang];
  if (asOf) args.push('--as-of', asOf);
  if (forOther) args.push('--for-other');
  return JSON.parse(execFileSync(cli, args, { encoding: 'utf8' }));
}

/** The same view of a CLI report as `shown` gives of the page. */
export function expected(report) {
  // An answer that does not apply to the person is not shown at all.
  return report.outputs.filter((o) => o.status !== 'not-applicable').map((o) => ({
    id: o.id,
    status: o.status,
    text: o.text,
    steps: o.steps.map((s) => [s.rule, s.value]),
    because:
      o.role === 'eligibility' && o.value && o.value.value === false ? (o.steps.at(-1)?.because ?? []) : [],
  }));
}

export function sha256(file) {
  return execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0];
}

export const readJson = (f) => JSON.parse(readFileSync(f, 'utf8'));
