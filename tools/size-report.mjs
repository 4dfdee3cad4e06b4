// Prints raw, gzip and brotli bytes of every file in the build and the initial-load total
// (what index.html makes the browser fetch before the app runs: html + js + wasm + css, and the built-in
// catalog), then what each lazily loaded piece adds.
// Exits 1 when that total, brotli-compressed, exceeds the budget.
// Usage: node tools/size-report.mjs [--dir dist] [--budget-kb 120]
import { kb, readBuild } from './pieces.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dir = arg('dir', 'dist');
const budgetKb = Number(arg('budget-kb', '120'));

let build;
try {
  build = readBuild(dir);
} catch (e) {
  console.error(`size-report: ${e.message}`);
  process.exit(1);
}
const { files, sizes, initial, splits } = build;
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
