// Five people go through the whole journey in Chromium; every step passes axe-core at
// WCAG 2.2 A/AA, and every figure the result page shows (each answer and the value of every
// step of "how we worked this out") equals `carebudget eval --json` for the same answers.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { start, www } from '../lib/browser.mjs';
import { axe, cliEval, expected, journey, readJson, ready, shown, widgetPage } from '../lib/journey.mjs';

const dir = join(import.meta.dirname, '../people');
const people = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ slug: f.replace(/\.json$/, ''), ...readJson(join(dir, f)) }));

let env;
const pages = new Map();
before(async () => {
  env = await start({ extra: (path) => (pages.has(path) ? [pages.get(path), 'text/html; charset=utf-8'] : null) });
});
after(() => env?.close());

const byId = (a, b) => a.id.localeCompare(b.id);

for (const p of people) {
  test(`${p.slug}: ${p.name}`, async () => {
    const path = `/t/${p.slug}.html`;
    pages.set(path, widgetPage({ rules: `/rules/${p.rules}.cbp`, lang: p.lang, 'as-of': p.asOf }));
    const page = await env.context.newPage();
    try {
      await page.goto(env.base + path);
      await ready(page);
      const { given, seen } = await journey(page, p.answers, { forOther: p.forOther });
      assert.ok(seen.length > 4, 'a journey of several steps');
      const report = cliEval(join(www, 'rules', `${p.rules}.json`), given, {
        asOf: p.asOf,
        lang: p.lang,
        forOther: p.forOther,
      });
      // Worked out from the person's `who` answer and the rulesets' `applies_when`.
      const notApplicable = report.outputs.filter((o) => o.status === 'not-applicable').map((o) => o.id);
      assert.deepEqual(notApplicable, p.notApplicable, 'the answers that do not apply to this person');
      for (const o of report.outputs) {
        if (!notApplicable.includes(o.id)) assert.equal(o.status, 'known', `${o.id} is decided`);
      }
      assert.deepEqual((await shown(page)).sort(byId), expected(report).sort(byId));
      // A step several answers share is explained in full once, then named with its value.
      const full = await page.evaluate(() =>
        [...document.querySelector('care-budget').shadowRoot.querySelectorAll('li.cb-step:not(.cb-step-seen)')].map(
          (li) => li.dataset.step,
        ),
      );
      assert.equal(new Set(full).size, full.length, 'no step is explained twice');
      // A council's result names, by title, the national ruleset each of its steps came from.
      const published = readJson(join(www, 'rules', `${p.rules}.json`)).based_on ?? {};
      const bases = new Map(Object.entries(published).map(([id, t]) => [id, t[p.lang] ?? t.en]));
      const origins = new Map(report.outputs.flatMap((o) => o.steps).map((s) => [s.rule, s.origin]));
      const feet = await page.evaluate(() =>
        [...document.querySelector('care-budget').shadowRoot.querySelectorAll('li.cb-step:not(.cb-step-seen)')].map(
          (li) => [li.dataset.step, li.querySelector(':scope > .cb-step-source')?.textContent ?? ''],
        ),
      );
      let national = 0;
      for (const [rule, foot] of feet) {
        if (!bases.has(origins.get(rule))) continue;
        national++;
        assert.ok(foot.includes(`${p.lang === 'cy' ? 'O' : 'From'}: ${bases.get(origins.get(rule))}`), `${rule}: ${foot}`);
      }
      assert.equal(national > 0, bases.size > 0, 'steps from the national rules, when the rules build on them');
      await axe(page, 'result with every step open');
      // Announced to screen readers.
      const live = await page.locator('care-budget [data-live]').textContent();
      assert.match(live, p.lang === 'cy' ? /amcangyfrif yn barod/ : /estimate is ready/);
    } finally {
      await page.close();
    }
  });
}
