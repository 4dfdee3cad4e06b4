// Prints raw, gzip and brotli bytes of every file in the build and the initial-load total
// (what index.html makes the browser fetch before the app runs: html + js + wasm + css).
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
// The loader imports the wasm-bindgen glue, which fetches the main wasm: initial even if not preloaded. The chunks
// of the lazily loaded screens (wasm-split) are fetched only when such a screen is opened, so they are not.
for (const f of files) if (/^wasm-[0-9a-f]+\/(leye\.js|leye_bg\.wasm|__wasm_split\.js)$/.test(f)) initial.add(f);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(44)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}  initial`);
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const f of files) {
  const s = sizes.get(f);
  const isInitial = initial.has(f);
  if (isInitial) for (const k of Object.keys(total)) total[k] += s[k];
  console.log(`${f.padEnd(44)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}  ${isInitial ? 'yes' : ''}`);
}
for (const f of initial) if (!sizes.has(f)) console.log(`warning: index.html names ${f}, which is not in ${dir}/`);
console.log(`${'initial load (html + js + wasm + css)'.padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
const over = total.brotli > budgetKb * 1024;
console.log(`budget: ${budgetKb} KB brotli for the initial load — ${over ? 'OVER' : 'within'} (${(total.brotli / 1024).toFixed(1)} KB)`);
process.exit(over ? 1 : 0);
