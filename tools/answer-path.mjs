// The answer path (issue 16): every byte a first visit fetches from 首页 to the rider's complete results, the
// same journey as the check benchmark (tools/journeys.mjs), in headless Chromium with the service worker
// blocked (its precache fetches would be invisible to the page and fill the cache behind its back). Icons and
// the daily catalog check (the pack itself and the code only that check needs) are left out, as the issue
// defines the path. Files are counted at brotli quality 11, as tools/size-report.mjs counts them; the bytes the
// test server actually sent (quality 9) are printed beside them.
//
// Also: the whole install, what the service worker precaches (sw.js's list plus sw.js itself), brotli.
//
// Usage: node tools/answer-path.mjs [--dir dist] [--budget-kb N] [--install-budget-kb N] [--json]
// Exits 1 when a given budget is exceeded. As a module: measureAnswerPath(dir), installBytes(dir).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RIDER, journey, programFacts, withServedApp } from './journeys.mjs';
import { kb, readBuild } from './pieces.mjs';

const isIcon = (f) => f.startsWith('icons/');

/** Drives the rider journey on a fresh context and returns what it fetched. */
export async function measureAnswerPath(dir, build = readBuild(dir)) {
  return withServedApp(dir, async (browser, origin) => {
    const fetched = new Map(); // file → bytes on the wire (response headers included)
    const onPage = async (page) => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      const urls = new Map();
      cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
      cdp.on('Network.loadingFinished', (e) => {
        const url = urls.get(e.requestId);
        if (!url || !url.startsWith(origin)) return;
        let file = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
        if (file === '' || !build.sizes.has(file)) file = 'index.html';
        fetched.set(file, (fetched.get(file) || 0) + e.encodedDataLength);
      });
    };
    const run = await journey(browser, origin, RIDER, programFacts(dir), {
      context: { serviceWorkers: 'block' },
      onPage,
    });
    // Let anything the results started (idle-time loads) finish before counting.
    await new Promise((r) => setTimeout(r, 2500));
    return { run, ...count(build, fetched) };
  });
}

/** Splits what was fetched into the answer path and what is left out (icons, the catalog check). */
function count(build, fetched) {
  // The catalog check's own pieces: its split modules and the chunks no other fetched piece needs.
  const fetchedSplits = [...build.splits.entries()].filter(([, files]) => fetched.has(files[0]));
  const needed = new Set([...build.initial]);
  for (const [name, files] of fetchedSplits) if (name !== 'catalog_packs') files.forEach((f) => needed.add(f));
  const checkOnly = new Set(['catalog/pack.json']);
  for (const [name, files] of fetchedSplits) {
    if (name === 'catalog_packs') files.filter((f) => !needed.has(f)).forEach((f) => checkOnly.add(f));
  }
  const path = [];
  const left = [];
  for (const [file, wire] of fetched) {
    const row = { file, brotli: build.sizes.get(file)?.brotli ?? 0, wire };
    (isIcon(file) || checkOnly.has(file) ? left : path).push(row);
  }
  path.sort((a, b) => b.brotli - a.brotli);
  const sum = (rows, k) => rows.reduce((n, r) => n + r[k], 0);
  return { path, left, brotli: sum(path, 'brotli'), wire: sum(path, 'wire') };
}

/** Everything the service worker precaches, plus sw.js: the bytes an install costs. */
export function installBytes(dir, build = readBuild(dir)) {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  const list = JSON.parse(sw.match(/const PRECACHE = (\[[^\]]*\])/)[1]).map((u) => u.replace(/^\//, ''));
  const files = [...new Set([...list, 'sw.js'])];
  const missing = files.filter((f) => !build.sizes.has(f));
  if (missing.length) throw new Error(`sw.js precaches files not in ${dir}/: ${missing.join(', ')}`);
  const brotli = files.reduce((n, f) => n + build.sizes.get(f).brotli, 0);
  const icons = files.filter(isIcon).map((f) => ({ file: f, brotli: build.sizes.get(f).brotli }));
  return { files: files.length, brotli, icons };
}

/** Prints both; returns the failures against the budgets given. */
export async function reportAnswerPath(dir, { budgetKb, installBudgetKb, iconBudgetKb } = {}, build = readBuild(dir)) {
  const ap = await measureAnswerPath(dir, build);
  const inst = installBytes(dir, build);
  const failures = [];
  console.log(`answer path: the rider's journey from 首页 to his results (${ap.run.taps} taps, ${ap.run.verdict}), service worker blocked`);
  for (const r of ap.path) console.log(`  ${r.file.padEnd(42)} ${kb(r.brotli)} br KB ${kb(r.wire)} sent`);
  for (const r of ap.left) console.log(`  ${`(left out) ${r.file}`.padEnd(42)} ${kb(r.brotli)} br KB ${kb(r.wire)} sent`);
  console.log(`${'answer path (brotli 11)'.padEnd(44)} ${kb(ap.brotli)} KB   (${(ap.wire / 1024).toFixed(1)} KB sent by the test server)`);
  console.log(`${`whole install (${inst.files} files the service worker precaches)`.padEnd(44)} ${kb(inst.brotli)} KB`);
  for (const i of inst.icons) console.log(`  ${i.file.padEnd(42)} ${kb(i.brotli)} KB`);
  if (ap.run.verdict !== 'complete') failures.push(`the rider's journey did not reach a complete answer (${ap.run.verdict})`);
  if (budgetKb !== undefined && ap.brotli > budgetKb * 1024) {
    failures.push(`answer path ${(ap.brotli / 1024).toFixed(1)} KB is over its ${budgetKb} KB gate`);
  }
  if (installBudgetKb !== undefined && inst.brotli > installBudgetKb * 1024) {
    failures.push(`whole install ${(inst.brotli / 1024).toFixed(1)} KB is over its ${installBudgetKb} KB gate`);
  }
  if (iconBudgetKb !== undefined) {
    for (const i of inst.icons) if (i.brotli > iconBudgetKb * 1024) failures.push(`${i.file} is over ${iconBudgetKb} KB`);
  }
  return { answerPath: ap, install: inst, failures };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const dir = process.argv.includes('--dir') ? process.argv[process.argv.indexOf('--dir') + 1] : 'dist';
  const { failures } = await reportAnswerPath(dir, {
    budgetKb: arg('budget-kb'),
    installBudgetKb: arg('install-budget-kb'),
    iconBudgetKb: arg('icon-budget-kb'),
  });
  for (const f of failures) console.log(`FAIL: ${f}`);
  process.exit(failures.length ? 1 : 0);
}
