// Journey benchmark (issue 12): three people use the release build in headless Chromium at 360x740, zh-CN,
// from 首页 to a complete answer, tapping as they would. Prints taps, screens and seconds for each; targets:
// the rider <= 12 taps, the graduate <= 10 taps, the all-不清楚 person <= 14 screens. Figures are printed, not
// asserted (tests/e2e/check*.test.mjs test the behaviour).
// The people and how taps are counted: tools/journeys.mjs.
// Usage: node tools/bench-journeys.mjs [--dir dist] [--json]
import { DATE_TAPS, GRADUATE, GRADUATE_ALL, RIDER, UNSURE, journey, programFacts, withServedApp } from './journeys.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dist = arg('dir', 'dist');

await withServedApp(dist, async (browser, origin) => {
  const needs = programFacts(dist);
  const rows = [];
  for (const person of [RIDER, GRADUATE, GRADUATE_ALL, UNSURE]) rows.push(await journey(browser, origin, person, needs));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    console.log(`journeys from 首页 to the answer, headless Chromium 360x740 zh-CN (a date = ${DATE_TAPS} taps):`);
    for (const r of rows) {
      const goal =
        r.target.taps !== undefined
          ? `target <= ${r.target.taps} taps`
          : r.target.screens !== undefined
            ? `target <= ${r.target.screens} screens`
            : 'no target';
      console.log(`  ${r.name.padEnd(30)} ${String(r.taps).padStart(3)} taps  ${String(r.screens).padStart(3)} screens  ${r.seconds.toFixed(1).padStart(5)} s  (${goal}; ${r.verdict})`);
      console.log(`    screens: ${r.asked.join(' | ')}`);
      if (r.errors.length) console.log(`    page errors: ${r.errors.join('; ')}`);
    }
  }
});
