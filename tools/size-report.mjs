// Prints raw, gzip and brotli bytes of every file in the build and the initial-load total
// (what index.html makes the browser fetch before the app runs: html + js + wasm + css, and the built-in
// catalog), then what each lazily loaded piece adds.
// Exits 1 when that total, brotli-compressed, exceeds the budget.
// Usage: node tools/size-report.mjs [--dir dist] [--budget-kb 120]
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dir = arg('dir', 'dist');
const budgetKb = Number(arg('budget-kb', '120'));

const files = [];
const walk = (d) => {
  for (const e of readdirSync(d)) {
    const p = join(d, e);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(relative(dir, p).split(sep).join('/'));
  }
};
walk(dir);
files.sort();

const sizes = new Map();
for (const f of files) {
  const data = readFileSync(join(dir, f));
  sizes.set(f, {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}

// The initial load: index.html plus every script, module preload, wasm preload and stylesheet it names.
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = new Set(['index.html']);
for (const m of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\/([^"]+)"[^>]*>/g)) {
  const tag = m[0];
  if (/<script/.test(tag) || /rel="(modulepreload|preload|stylesheet)"/.test(tag)) initial.add(m[1]);
}
// The loader imports the wasm-bindgen glue, which fetches the main wasm: initial even if not preloaded.
const pkgDir = files.find((f) => /^wasm-[0-9a-f]+\/leye\.js$/.test(f))?.split('/')[0];
if (!pkgDir) {
  console.error(`size-report: no wasm-<hash>/leye.js in ${dir}/`);
  process.exit(1);
}
for (const f of ['leye.js', 'leye_bg.wasm', '__wasm_split.js']) initial.add(`${pkgDir}/${f}`);

// The lazily loaded pieces (wasm-split): each split function's module and the shared chunks it needs, read from
// the link module. A screen's pieces are fetched when it is first opened.
const link = readFileSync(join(dir, pkgDir, '__wasm_split.js'), 'utf8');
const chunkFile = new Map(
  [...link.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
);
const splits = new Map();
for (const m of link.matchAll(/export const __wasm_split_load_(\w+?)(?:_\d+)? = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]/g)) {
  const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d));
  splits.set(m[1], [m[2], ...deps].map((f) => `${pkgDir}/${f}`));
}
// The built-in catalog is a piece of its own (`builtin_catalog_json`, src/state.rs): its bytes count as initial,
// as issue 6 defines the initial load (html + js + wasm + css + the built-in catalog). The code that reads it
// (`load_data`) is fetched when a screen first needs the catalog or when the phone is idle after the first
// screen, and is listed below with the other lazy pieces.
if (!splits.has('builtin_catalog_json')) {
  console.error('size-report: the link module has no builtin_catalog_json split; the initial load cannot be computed');
  process.exit(1);
}
for (const f of splits.get('builtin_catalog_json')) initial.add(f);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(44)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}  initial`);
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const f of files) {
  const s = sizes.get(f);
  const isInitial = initial.has(f);
  if (isInitial) for (const k of Object.keys(total)) total[k] += s[k];
  if (/\/chunk_\d+\.wasm$/.test(f)) continue; // dozens of small shared chunks: summed per split below
  console.log(`${f.padEnd(44)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}  ${isInitial ? 'yes' : ''}`);
}
for (const f of initial) if (!sizes.has(f)) console.log(`warning: index.html names ${f}, which is not in ${dir}/`);
console.log(`${'initial load (html + js + wasm + css + catalog)'.padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
// What each lazily loaded piece adds on top of the initial load, the first time it is needed.
const extra = (name) => {
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of new Set(splits.get(name))) {
    if (initial.has(f)) continue;
    for (const k of Object.keys(sum)) sum[k] += sizes.get(f)[k];
  }
  return sum;
};
for (const name of [...splits.keys()].sort()) {
  if (name === 'builtin_catalog_json') continue;
  const e = extra(name);
  console.log(`${`  + ${name} (lazy)`.padEnd(44)} ${kb(e.raw)} ${kb(e.gzip)} ${kb(e.brotli)}`);
}
const over = total.brotli > budgetKb * 1024;
console.log(`budget: ${budgetKb} KB brotli for the initial load — ${over ? 'OVER' : 'within'} (${(total.brotli / 1024).toFixed(1)} KB)`);
process.exit(over ? 1 : 0);
