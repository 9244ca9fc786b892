// Runs bench/browser/page.html in Debian's headless Chromium (playwright-core, never a
// downloaded browser) and writes what window.runBench returns.
//   node bench/browser/run.mjs OUT [--quick] [--agree]
// Serves bench/ from 127.0.0.1 with cross-origin isolation (so performance.now() has its
// finest resolution) and a fresh user-data directory; nothing leaves the machine.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const bench = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(bench, 'js', 'package.json'));
const { chromium } = require('playwright-core');
const [out, ...flags] = process.argv.slice(2);
const quick = flags.includes('--quick');
const agreeOnly = flags.includes('--agree');

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm' };
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const file = path.join(bench, path.normalize(decodeURIComponent(url.pathname)));
  if (!file.startsWith(bench + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'content-type': types[path.extname(file)] ?? 'application/octet-stream',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cache-control': 'no-store',
  });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'carebudget-bench-chromium-'));
const context = await chromium.launchPersistentContext(userData, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => { if (m.type() === 'error') console.error('page:', m.text()); });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://127.0.0.1:${port}/browser/page.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 });
  const result = await page.evaluate((o) => window.runBench(o), { quick, agreeOnly });
  result.chromium = context.browser()?.version() ?? null;
  fs.writeFileSync(out, JSON.stringify(result));
} finally {
  await context.close();
  server.close();
  fs.rmSync(userData, { recursive: true, force: true });
}
