// Web benchmark: Lighthouse 12.2.3 (mobile profile) scores for the release build, and first content
// of the app against a static HTML copy of the same first screen, both measured in this run.
// Figures are printed, not asserted (the size budget is what gates CI).
// Usage: node tools/bench-web.mjs [--dir dist] [--runs 7] [--lighthouse-runs 5]
import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dist = arg('dir', 'dist');
const runs = Number(arg('runs', '7'));
const lhRuns = Number(arg('lighthouse-runs', '5'));
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

// A static copy of the first screen: the app's rendered DOM for "/", with no scripts.
async function makeStaticCopy(origin, dir) {
  const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS.slice(1) });
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(origin + '/');
  await page.waitForFunction(() => !document.getElementById('boot') && document.querySelector('nav.tab-bar a.tab'));
  let html = await page.content();
  await browser.close();
  html = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link rel="(modulepreload|preload|manifest)"[^>]*>/g, '');
  writeFileSync(join(dir, 'static-first-screen.html'), html);
}

/** Cold loads of `path`: first contentful paint, and for the app the moment its tabs are mounted. `cpu` slows
 *  the CPU down as Lighthouse's mobile profile does (4), where a cheap phone's compile and mount show. */
async function firstContent(origin, path, cpu = 1) {
  const times = [];
  const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS.slice(1) });
  for (let i = 0; i < runs; i++) {
    // A fresh context each run: nothing cached, no service worker.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    if (cpu > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    }
    await page.goto(origin + path, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0].startTime);
    let ready = null;
    if (path === '/') {
      // The app's own tabs, not the prerendered copy's: that copy (#boot) is removed in the task that draws
      // them. Timed in the page, at the first animation frame that finds them.
      const mounted = await page.waitForFunction(
        () => !document.getElementById('boot') && document.querySelector('nav.tab-bar a.tab') && performance.now(),
        null,
        { polling: 'raf' },
      );
      ready = await mounted.jsonValue();
    }
    times.push({ fcp, ready });
    await context.close();
  }
  await browser.close();
  return times;
}

async function lighthouseScores(url) {
  const require = createRequire(new URL('./lighthouse/package.json', import.meta.url));
  const lighthouse = (await import(require.resolve('lighthouse'))).default;
  const chromeLauncher = await import(require.resolve('chrome-launcher'));
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: FLAGS });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
    });
    const { categories, audits } = result.lhr;
    const failing = (cat) =>
      categories[cat].auditRefs
        .filter((r) => r.weight > 0 && audits[r.id].score !== null && audits[r.id].score < 1)
        .map((r) => `${r.id} (${audits[r.id].score})`);
    return {
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      bestPractices: Math.round(categories['best-practices'].score * 100),
      fcp: audits['first-contentful-paint'].displayValue,
      lcp: audits['largest-contentful-paint'].displayValue,
      tbt: audits['total-blocking-time'].displayValue,
      tbtMs: audits['total-blocking-time'].numericValue,
      lcpMs: audits['largest-contentful-paint'].numericValue,
      cls: audits['cumulative-layout-shift'].displayValue,
      longTasks: (audits['long-tasks'].details?.items || []).map(
        (t) => `${String(t.url || '').replace(/^https?:\/\/[^/]+/, '') || '?'} ${Math.round(t.duration)} ms`,
      ),
      failing: {
        performance: failing('performance'),
        accessibility: failing('accessibility'),
        bestPractices: failing('best-practices'),
      },
    };
  } finally {
    await chrome.kill();
  }
}

const work = mkdtempSync(join(tmpdir(), 'leye-bench-'));
cpSync(dist, work, { recursive: true });
const server = await serve({ dir: work, port: 0 });
const origin = `http://127.0.0.1:${server.address().port}`;
try {
  await makeStaticCopy(origin, work);
  const ratios = [];
  for (const cpu of [1, 4]) {
    const app = await firstContent(origin, '/', cpu);
    const stat = await firstContent(origin, '/static-first-screen.html', cpu);
    const appFcp = median(app.map((t) => t.fcp));
    const appReady = median(app.map((t) => t.ready));
    const staticFcp = median(stat.map((t) => t.fcp));
    const slow = cpu > 1 ? `, CPU ${cpu}x slower` : '';
    console.log(`first content, median of ${runs} cold loads in headless Chromium (360x740${slow}):`);
    console.log(`  static HTML copy of the first screen   FCP ${staticFcp.toFixed(0)} ms  (the floor)`);
    console.log(`  乐业通 (prerendered first screen)       FCP ${appFcp.toFixed(0)} ms  (${(appFcp / staticFcp).toFixed(2)}x the floor; target <= 3x)`);
    console.log(`  乐业通 app mounted (tabs rendered)       ${appReady.toFixed(0)} ms  (${(appReady / staticFcp).toFixed(2)}x the floor; target <= 5x)`);
    ratios.push(`${(appReady / staticFcp).toFixed(1)}x (CPU ${cpu}x)`);
  }
  // Lighthouse's simulated timings scale the long tasks it observed, so one run on a busy machine says little:
  // several runs, each printed, and their median.
  console.log(`Lighthouse 12.2.3, mobile profile (simulated throttling), ${lhRuns} runs:`);
  const results = [];
  for (let i = 0; i < lhRuns; i++) {
    const lh = await lighthouseScores(origin + '/');
    results.push(lh);
    console.log(`  run ${i + 1}: performance ${lh.performance}, accessibility ${lh.accessibility}, best practices ${lh.bestPractices}; FCP ${lh.fcp}, LCP ${lh.lcp}, TBT ${lh.tbt}, CLS ${lh.cls}`);
    if (lh.longTasks.length) console.log(`    long tasks (simulated): ${lh.longTasks.join(', ')}`);
    for (const [cat, list] of Object.entries(lh.failing)) if (list.length) console.log(`    ${cat} audits below 1: ${list.join(', ')}`);
  }
  const med = (key) => median(results.map((r) => r[key]));
  console.log(`  median: performance ${med('performance')} (target >= 98), accessibility ${med('accessibility')} (target 100), best practices ${med('bestPractices')} (target 100)`);
  console.log(`  median: TBT ${median(results.map((r) => r.tbtMs)).toFixed(0)} ms (target <= 100), LCP ${(median(results.map((r) => r.lcpMs)) / 1000).toFixed(2)} s`);
  console.log(`summary: mounted/floor ${ratios.join(', ')}; Lighthouse TBT median ${median(results.map((r) => r.tbtMs)).toFixed(0)} ms, performance ${med('performance')}`);
} finally {
  server.closeAllConnections();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
