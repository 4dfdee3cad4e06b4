// Prints raw, gzip and brotli bytes of every file in the build and the initial-load total
// (what index.html makes the browser fetch before the app runs: html + js + wasm + css, and the built-in
// catalog), then what each lazily loaded piece adds; then the answer path (what a first visit fetches on the
// rider's way to his results, tools/answer-path.mjs: drives headless Chromium) and the whole install.
// Exits 1 when a figure is over its gate in tools/budgets.json (a flag overrides one).
// Usage: node tools/size-report.mjs [--dir dist] [--budget-kb N] [--answer-path-kb N] [--install-kb N]
//        [--no-answer-path]   (the static report only, without a browser)
import { readFileSync } from 'node:fs';
import { reportAnswerPath } from './answer-path.mjs';
import { kb, readBuild } from './pieces.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dir = arg('dir', 'dist');
const gates = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'));
const budgetKb = Number(arg('budget-kb', gates.initial_load));

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
  if (name === 'builtin_catalog') continue;
  const e = extra(name);
  console.log(`${`  + ${name} (lazy)`.padEnd(44)} ${kb(e.raw)} ${kb(e.gzip)} ${kb(e.brotli)}`);
}
const failures = [];
if (total.brotli > budgetKb * 1024) failures.push(`initial load ${(total.brotli / 1024).toFixed(1)} KB is over its ${budgetKb} KB gate`);
let figures = '';
if (!process.argv.includes('--no-answer-path')) {
  const answer = await reportAnswerPath(
    dir,
    {
      budgetKb: Number(arg('answer-path-kb', gates.answer_path)),
      installBudgetKb: Number(arg('install-kb', gates.install)),
      iconBudgetKb: gates.icon,
    },
    build,
  );
  failures.push(...answer.failures);
  figures = `; answer path ${(answer.answerPath.brotli / 1024).toFixed(1)} KB (gate ${arg('answer-path-kb', gates.answer_path)}, target 200); whole install ${(answer.install.brotli / 1024).toFixed(1)} KB (gate ${arg('install-kb', gates.install)}, target 500)`;
}
console.log(`budget: initial load ${(total.brotli / 1024).toFixed(1)} KB (gate ${budgetKb})${figures}`);
for (const f of failures) console.log(`OVER: ${f}`);
process.exit(failures.length ? 1 : 0);
