#!/usr/bin/env node
// Helpers for scripts/build-web.sh (Node only, no packages):
//   node scripts/web.mjs size [--report-only] [--json]  sizes raw/gzip/brotli; fails over budget
//   node scripts/web.mjs pin                             updates rules-sha256 pins in www/*.html
//   node scripts/web.mjs package <dir>                   assembles the npm package from pkg-config/
//   node scripts/web.mjs css                             www/carebudget.css minified → www/pkg/
//                                                        (lightningcss, from scripts/web-tools)
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [cmd, ...args] = process.argv.slice(2);

export function sizes() {
  const budget = JSON.parse(readFileSync(join(root, 'pkg-config/size-budget.json'), 'utf8'));
  const rows = budget.files.map((f) => {
    const data = readFileSync(join(root, f));
    return {
      file: f,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
  return { budget, rows, total };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (cmd === 'size') {
  const { budget, rows, total } = sizes();
  if (args.includes('--json')) {
    console.log(
      JSON.stringify({
        rows,
        total,
        limit: budget.limit_brotli_bytes,
        target: budget.target_brotli_bytes,
      }),
    );
  } else {
    const line = (f, r) =>
      `${f.padEnd(28)} ${String(r.raw).padStart(8)} ${String(r.gzip).padStart(8)} ${String(r.brotli).padStart(8)}`;
    console.log(`${'file'.padEnd(28)} ${'raw'.padStart(8)} ${'gzip'.padStart(8)} ${'brotli'.padStart(8)}  (bytes)`);
    for (const r of rows) console.log(line(r.file, r));
    console.log(line('total', total));
    console.log(
      `widget transfer (brotli): ${kb(total.brotli)}; the build fails above ${kb(budget.limit_brotli_bytes)} (the hard limit); ` +
        `aim ${kb(budget.target_brotli_bytes)}`,
    );
    if (total.brotli > budget.target_brotli_bytes) {
      console.log(
        `size: ${(total.brotli / budget.target_brotli_bytes).toFixed(2)}× the ${kb(budget.target_brotli_bytes)} aim, not yet met (docs/widget.md, "Size")`,
      );
    }
  }
  if (total.brotli > budget.limit_brotli_bytes) {
    const over = `OVER THE LIMIT by ${kb(total.brotli - budget.limit_brotli_bytes)} (${(total.brotli / budget.limit_brotli_bytes).toFixed(2)}× the limit in pkg-config/size-budget.json)`;
    if (args.includes('--report-only')) {
      console.log(`size: ${over}`);
    } else {
      console.error(`size: ${over}. See docs/widget.md "Size" for the profile.`);
      process.exit(1);
    }
  }
} else if (cmd === 'pin') {
  // <care-budget rules="/rules/X.cbp" rules-sha256="…">: the pin follows the published file,
  // except on elements marked data-pin="keep" (the demo of a refused ruleset).
  const www = join(root, 'www');
  for (const f of readdirSync(www).filter((n) => n.endsWith('.html'))) {
    const path = join(www, f);
    const html = readFileSync(path, 'utf8');
    const out = html.replace(/<care-budget\b[^>]*>/g, (tag) => {
      if (/data-pin="keep"/.test(tag)) return tag;
      const rules = /\brules="\/?rules\/([\w.-]+\.cbp)"/.exec(tag);
      if (!rules || !/rules-sha256="/.test(tag)) return tag;
      const json = join(www, 'rules', rules[1]);
      if (!existsSync(json)) return tag;
      const hash = createHash('sha256').update(readFileSync(json)).digest('hex');
      return tag.replace(/rules-sha256="[^"]*"/, `rules-sha256="${hash}"`);
    });
    if (out !== html) {
      writeFileSync(path, out);
      console.error(`pin: updated rules-sha256 in www/${f}`);
    }
  }
} else if (cmd === 'package') {
  const out = join(root, args[0] || 'target/npm');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'pkg'), { recursive: true });
  const version = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1];
  const manifest = readFileSync(join(root, 'pkg-config/package.json'), 'utf8').replace('{{version}}', version);
  writeFileSync(join(out, 'package.json'), manifest);
  for (const f of ['carebudget.d.ts', 'README.md']) cpSync(join(root, 'pkg-config', f), join(out, f));
  cpSync(join(root, 'www/carebudget.js'), join(out, 'carebudget.js'));
  for (const f of ['engine.js', 'engine.d.ts', 'engine_bg.wasm', 'engine_bg.wasm.d.ts', 'carebudget.css']) {
    cpSync(join(root, 'www/pkg', f), join(out, 'pkg', f));
  }
  // Every file the manifest lists must be there.
  for (const f of JSON.parse(manifest).files) {
    if (!existsSync(join(out, f))) throw new Error(`package: ${f} is listed but missing`);
  }
} else if (cmd === 'css') {
  // www/carebudget.css is the source, commented for whoever themes or changes it; pages load
  // the minified copy (smaller: docs/widget.md, "Size").
  const { transform } = createRequire(join(root, 'scripts/web-tools/package.json'))('lightningcss');
  const { code, warnings } = transform({
    filename: 'carebudget.css',
    code: readFileSync(join(root, 'www/carebudget.css')),
    minify: true,
  });
  for (const w of warnings) console.error(`css: ${w.message}`);
  mkdirSync(join(root, 'www/pkg'), { recursive: true });
  writeFileSync(join(root, 'www/pkg/carebudget.css'), code);
} else {
  console.error('usage: node scripts/web.mjs size|pin|package|css');
  process.exit(2);
}
