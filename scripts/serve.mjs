#!/usr/bin/env node
// Serves www/ on 127.0.0.1 for the demo and the browser tests (Node only, no packages).
//   node scripts/serve.mjs [--port 8080] [--root www]
// .wasm is served as application/wasm (WebAssembly.instantiateStreaming needs it). The
// strict-CSP demo and the iframe page are sent with the strict Content-Security-Policy.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.cbp': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};
const CSP_PAGES = new Set(['/strict-csp.html', '/embed.html']);

/** A server for `dir`. `extra(path)` may return [body, type] to serve something else (tests). */
export function serve(dir, { port = 8080, host = '127.0.0.1', extra } = {}) {
  const base = resolve(dir);
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
    if (CSP_PAGES.has(path)) headers['Content-Security-Policy'] = STRICT_CSP;
    const special = extra?.(path);
    if (special) {
      res.writeHead(200, { ...headers, 'Content-Type': special[1] }).end(special[0]);
      return;
    }
    const file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let st;
    try {
      st = statSync(file);
    } catch {
      st = null;
    }
    if (!st || !st.isFile()) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    headers['Content-Type'] = TYPES[extname(file)] || 'application/octet-stream';
    headers['Content-Length'] = st.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : def;
  };
  const port = Number(arg('--port', process.env.PORT || 8080));
  const dir = arg('--root', join(fileURLToPath(new URL('..', import.meta.url)), 'www'));
  const server = await serve(dir, { port });
  console.log(`serving ${dir} on http://127.0.0.1:${server.address().port}/ (Ctrl+C to stop)`);
}
