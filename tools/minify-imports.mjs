// Shortens the names of the main wasm module's imports from its JS glue (issue 16). wasm-bindgen names each
// one `__wbg_<method>_<16 hex digits>`: 300 names, 10 KB in the wasm and again in the glue, and the hashes do
// not compress. This renames every import of the glue module ("./leye_bg.js") whose name occurs exactly once in
// the glue (as the key of the imports object) to a short one (`$0`, `$1`, …), in both files. Names used more
// than once in the glue are left alone, so nothing the glue calls by name can break.
// Runs in scripts/build.sh between wasm-bindgen and wasm-opt.
// Usage: node tools/minify-imports.mjs <dir with leye_bg.wasm and leye.js>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

const readU32 = (buf, at) => {
  let result = 0;
  let shift = 0;
  let p = at;
  for (;;) {
    const b = buf[p++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [result, p];
  }
};
const u32 = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
};
const name = (s) => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([u32(b.length), b]);
};

if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath} is not a wasm module`);
const escape = (s) => s.replace(/[$]/g, '\\$');
const count = (s) => js.match(new RegExp(`(?<![\\w$])${escape(s)}(?![\\w$])`, 'g'))?.length ?? 0;

const out = [wasm.subarray(0, 8)];
let p = 8;
let renamed = 0;
let saved = 0;
while (p < wasm.length) {
  const id = wasm[p];
  const [len, bodyAt] = readU32(wasm, p + 1);
  const end = bodyAt + len;
  if (id !== 2) {
    out.push(wasm.subarray(p, end));
    p = end;
    continue;
  }
  // The import section: module, field, then a descriptor copied as it is.
  let q = bodyAt;
  const [n, first] = readU32(wasm, q);
  q = first;
  const entries = [u32(n)];
  for (let i = 0; i < n; i++) {
    const [ml, ma] = readU32(wasm, q);
    const module = wasm.subarray(ma, ma + ml).toString('utf8');
    const [fl, fa] = readU32(wasm, ma + ml);
    const field = wasm.subarray(fa, fa + fl).toString('utf8');
    const descAt = fa + fl;
    let d = descAt + 1;
    const kind = wasm[descAt];
    if (kind === 0) d = readU32(wasm, d)[1];
    else if (kind === 1 || kind === 2) {
      if (kind === 1) d++; // reference type
      const flags = wasm[d++];
      d = readU32(wasm, d)[1];
      if (flags & 1) d = readU32(wasm, d)[1];
    } else if (kind === 3) d += 2;
    else if (kind === 4) d = readU32(wasm, d + 1)[1];
    else throw new Error(`import ${module}.${field}: unknown kind ${kind}`);
    let newField = field;
    if (module === GLUE_MODULE && count(field) === 1) {
      newField = `$${(renamed++).toString(36)}`;
      js = js.replace(new RegExp(`(?<![\\w$])${escape(field)}(?![\\w$])`), newField);
      saved += field.length - newField.length;
    }
    entries.push(name(module), name(newField), wasm.subarray(descAt, d));
    q = d;
  }
  if (q !== end) throw new Error('the import section did not parse to its end');
  const body = Buffer.concat(entries);
  out.push(Buffer.from([2]), u32(body.length), body);
  p = end;
}
writeFileSync(wasmPath, Buffer.concat(out));
writeFileSync(jsPath, js);
console.log(`minify-imports: ${renamed} import names shortened, ${(saved / 1024).toFixed(1)} KB less in each of leye_bg.wasm and leye.js`);
