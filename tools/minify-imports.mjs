// Shortens the names of the main wasm module's imports from its JS glue (issue 16). wasm-bindgen names each
// one `__wbg_<method>_<16 hex digits>`: 300 names, 10 KB in the wasm and again in the glue, and the hashes do
// not compress. This renames every import of the glue module ("./leye_bg.js") whose name occurs exactly once in
// the glue (as the key of the imports object) to a short one (`$0`, `$1`, …), in both files. Names used more
// than once in the glue are left alone, so nothing the glue calls by name can break.
// Runs in scripts/build.sh between wasm-bindgen and wasm-opt.
// Usage: node tools/minify-imports.mjs <dir with leye_bg.wasm and leye.js>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renameImports, section, sections } from './wasm-binary.mjs';

const GLUE_MODULE = './leye_bg.js';
const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/minify-imports.mjs <dir>');
  process.exit(2);
}
const wasmPath = join(dir, 'leye_bg.wasm');
const jsPath = join(dir, 'leye.js');
const wasm = readFileSync(wasmPath);
let js = readFileSync(jsPath, 'utf8');

const escape = (s) => s.replace(/[$]/g, '\\$');
const count = (s) => js.match(new RegExp(`(?<![\\w$])${escape(s)}(?![\\w$])`, 'g'))?.length ?? 0;

let renamed = 0;
let saved = 0;
const shorten = (module, field) => {
  if (module !== GLUE_MODULE || count(field) !== 1) return [module, field];
  const short = `$${(renamed++).toString(36)}`;
  js = js.replace(new RegExp(`(?<![\\w$])${escape(field)}(?![\\w$])`), short);
  saved += field.length - short.length;
  return [module, short];
};
const out = [wasm.subarray(0, 8)];
for (const { id, body, whole } of sections(wasm, wasmPath)) {
  out.push(id === 2 ? section(2, renameImports(body, shorten)) : whole);
}
writeFileSync(wasmPath, Buffer.concat(out));
writeFileSync(jsPath, js);
console.log(`minify-imports: ${renamed} import names shortened, ${(saved / 1024).toFixed(1)} KB less in each of leye_bg.wasm and leye.js`);
