// Transfer sizes for the browser peers, each file compressed with brotli at quality 11 (as a
// web server would send it, and as scripts/web.mjs measures the widget). Prints JSON.
//   node bench/js/sizes.mjs
// - ours: the <care-budget> widget, the files pkg-config/size-budget.json lists (engine and
//   user interface); built by scripts/build-web.sh. The ruleset is not counted for anyone.
// - Publicodes: the engine as an application would ship it: `import Engine from 'publicodes'`
//   bundled and minified by esbuild (smaller than the package's unminified dist/index.js,
//   which is reported too).
// - GoRules ZEN: the @gorules/zen-engine-wasm package's JavaScript and WebAssembly.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const brotli = (data) =>
  brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).length;

function measure(files, base) {
  const datas = files.map((f) => fs.readFileSync(path.join(base, f)));
  const each = datas.map(brotli);
  return {
    files,
    raw: datas.reduce((t, d) => t + d.length, 0),
    brotli: each.reduce((t, b) => t + b, 0),
    brotli_each: Object.fromEntries(files.map((f, i) => [f, each[i]])),
  };
}

// Our engine alone, without the widget's user interface: bench/wasm as built by bench/setup.sh.
const engineDir = path.join(here, '..', 'out', 'wasm');
const oursEngine = fs.existsSync(path.join(engineDir, 'bench_bg.wasm'))
  ? { ...measure(['bench_bg.wasm', 'bench.js'], engineDir), wasm_opt: fs.existsSync(path.join(engineDir, 'wasm-opt.done')) }
  : null;

const budget = JSON.parse(fs.readFileSync(path.join(root, 'pkg-config', 'size-budget.json'), 'utf8'));
const ours = measure(budget.files, root);

const bundle = await build({
  stdin: { contents: "import Engine from 'publicodes'; export default Engine;", resolveDir: here, loader: 'js' },
  bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error',
});
const min = bundle.outputFiles[0].contents;
const published = measure(['dist/index.js'], path.join(here, 'node_modules', 'publicodes'));
const publicodes = { what: 'publicodes engine, bundled and minified with esbuild', raw: min.length, brotli: brotli(min), published_brotli: published.brotli };

const zenDir = path.join(here, 'node_modules', '@gorules', 'zen-engine-wasm');
const zenFiles = ['index.js', 'dist/zen_engine_wasm.js', 'dist/zen_engine_wasm_bg.wasm', ...fs.readdirSync(path.join(zenDir, 'util')).filter((f) => f.endsWith('.js')).map((f) => `util/${f}`)];
const zen = { what: `@gorules/zen-engine-wasm: ${zenFiles.join(' + ')}`, ...measure(zenFiles, zenDir) };

console.log(JSON.stringify({ ours, ours_engine: oursEngine, publicodes, zen }));
