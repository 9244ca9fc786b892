// Publishes bench/publicodes/model.publicodes.yaml as JSON (the form a Publicodes model is
// shipped in, as `publicodes compile` would emit it), and checks the engine accepts it.
//   node bench/js/compile-publicodes.mjs OUT
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import Engine from 'publicodes';

const here = path.dirname(fileURLToPath(import.meta.url));
const [out] = process.argv.slice(2);
if (!out) throw new Error('usage: node compile-publicodes.mjs OUT');
const rules = parse(fs.readFileSync(path.join(here, '..', 'publicodes', 'model.publicodes.yaml'), 'utf8'));
new Engine(rules); // throws on a broken model
fs.writeFileSync(out, JSON.stringify(rules));
