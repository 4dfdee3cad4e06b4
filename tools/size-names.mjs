// What takes the bytes, from a names build (scripts/size-names.sh): per crate, and the largest functions and
// data segments, for the main module and for the answer path (the main module plus the pieces the rider's
// journey loads: the built-in catalog, the code that reads it, 自测 and their shared chunks).
// Sizes are raw bytes of optimised wasm (names left out); brotli shrinks code about 3x, text more.
// Usage: node tools/size-names.mjs [--pkg target/names-pkg] [--top 20]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSplits } from './pieces.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const pkg = arg('pkg', 'target/names-pkg');
const top = Number(arg('top', '20'));
const ANSWER_PATH = ['builtin_catalog', 'load_data', 'check_screen'];

const splits = readSplits(pkg);

/** twiggy's rows of one module: [name, bytes], names and custom sections left out. */
function rows(file) {
  let csv;
  try {
    csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', join(pkg, file)], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch {
    // A module of data only (the built-in catalog's text): twiggy wants a code section.
    return [[`data segment (all of ${file})`, readFileSync(join(pkg, file)).length]];
  }
  const out = [];
  for (const line of csv.split('\n').slice(1)) {
    const m = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
    if (!m) continue;
    const name = m[1].replace(/^"|"$/g, '').replace(/""/g, '"');
    if (name.startsWith('custom section') || name.includes('function names')) continue;
    out.push([name, Number(m[2])]);
  }
  return out;
}

/** The crate an item belongs to (its Self type's crate for `<T as Trait>::f`); data and wasm structure apart. */
function crateOf(name) {
  if (name.startsWith('data segment') || name.startsWith('data[')) return '(data: strings, tables)';
  if (/^(elem|type|import|export|table|global|memory|code section|data section)/.test(name)) return '(wasm structure)';
  let n = name.replace(/\[[0-9a-f]+\]/g, '');
  // `<T as tachys::…>::f`, `<f64 as core::fmt::Display>::fmt`: a generic or foreign Self, so the trait's crate.
  const m = n.match(/^<+(?:&(?:mut )?)?(?:dyn )?([\w:]+)(?:<.*?>)? as ([\w:]+)/) || n.match(/^<+(?:&(?:mut )?)?(?:dyn )?([\w:]+)/);
  if (m) n = m[2] && !m[1].includes('::') ? m[2] : m[1];
  if (/^(code|data) section/.test(name)) return '(wasm structure)';
  return n.split('::')[0];
}

const tidy = (name) => name.replace(/\[[0-9a-f]+\]/g, '').replace(/::h[0-9a-f]{16}$/, '');

function report(title, files) {
  const byCrate = new Map();
  const byItem = new Map();
  let total = 0;
  for (const f of files) {
    for (const [name, bytes] of rows(f)) {
      total += bytes;
      const c = crateOf(name);
      byCrate.set(c, (byCrate.get(c) || 0) + bytes);
      const t = tidy(name);
      byItem.set(t, (byItem.get(t) || 0) + bytes);
    }
  }
  const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
  console.log(`\n== ${title}: ${files.length} module(s), ${(total / 1024).toFixed(1)} KB of code and data (raw)`);
  console.log('by crate:');
  for (const [c, n] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(n / 1024).toFixed(1).padStart(7)} KB ${pct(n)}  ${c}`);
  }
  console.log(`the ${top} largest items (monomorphised copies of one function summed):`);
  for (const [c, n] of [...byItem].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(n / 1024).toFixed(1).padStart(7)} KB ${pct(n)}  ${c.slice(0, 140)}`);
  }
}

report('main module (leye_bg.wasm, the initial load)', ['leye_bg.wasm']);
const path = new Set(['leye_bg.wasm']);
for (const s of ANSWER_PATH) for (const f of splits.get(s) || []) path.add(f);
report(`answer path (main + ${ANSWER_PATH.join(', ')})`, [...path]);
