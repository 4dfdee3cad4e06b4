// The check's journeys (issue 12): the people, and driving the release build in headless Chromium from 首页 to
// a complete answer, counting taps and screens. Used by tools/bench-journeys.mjs (taps, screens, seconds) and
// tools/answer-path.mjs (the bytes a first visit fetches on the rider's way to his answer, issue 16).
//
// How taps are counted: a tap on a button, a tab or a checkbox is one tap; a date is DATE_TAPS taps (open the
// phone's date picker, pick, confirm: the fewest a picker allows); a number already shown by the stepper costs
// nothing, another number one tap per step of the stepper, as a person who does not type would do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Serves the build in `dir` and runs `use(browser, origin)` in headless Chromium; cleans both up. */
export async function withServedApp(dir, use) {
  const server = await serve({ dir, port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROME,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
  });
  try {
    return await use(browser, origin);
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}
export const DATE_TAPS = 3;

// ---- the people ----

/** Issue 12's rider: Meituan, 34, platform registered in Zaozhuang, 就业登记 done, not a manager, high
 *  school, no certificate, no unemployment insurance. Anything not listed: 不清楚 (a checklist: nothing ticked). */
export const RIDER = {
  name: 'rider (Meituan, 34)',
  target: { taps: 12 },
  answers: {
    // The first screen: 外卖骑手, and his platform in the list that opens under it.
    roles: { ticks: ['外卖骑手', '美团'] },
    age_band: { tap: '25到49岁' },
    birth_date: { date: yearsAgo(34, '05-20') },
    hukou_place: { tap: '枣庄市' },
    work_city: { tap: '枣庄市' },
    platform_work: { ticks: ['外卖配送'] },
    platforms: { ticks: ['美团'] },
    platform_registered_local: { tap: '在枣庄注册' },
    platform_manager: { tap: '否' },
    employment_registered: { tap: '是' },
    edu_level: { tap: '高中/中专/技校' },
    business_form: { tap: '没有创业' },
    cert_level: { tap: '没有' },
    ui_months: { number: 0 },
    ui_insured_now: { tap: '否' },
    receiving_ui_benefit: { tap: '否' },
    pension_enrolment: { tap: '没有交' },
    // The checklist: not a manager, no unemployment insurance now, not receiving it, not a student.
    situation: { ticks: [] },
  },
};

/** A 2026 本科 graduate working in Zaozhuang who wants to know about 圆梦计划 (the rent and living subsidy):
 *  looks at the results as soon as everything that program asks about is answered. */
export const GRADUATE = {
  name: 'graduate (2026 本科, 圆梦计划)',
  target: { taps: 10 },
  goal: 'graduate-living-rent-subsidy',
  answers: {
    roles: { ticks: ['毕业生'] },
    age_band: { tap: '16到24岁' },
    birth_date: { date: '2003-05-10' },
    hukou_place: { tap: '山东省其他市' },
    work_city: { tap: '枣庄市' },
    platform_work: { ticks: ['都没有'] },
    edu_level: { tap: '本科' },
    graduation_date: { date: '2026-06-30' },
    business_form: { tap: '没有创业' },
    cert_level: { tap: '没有' },
    pension_enrolment: { tap: '单位给交的职工养老保险' },
    situation: { ticks: [] },
  },
};

/** The same graduate answering every question the check asks, for comparison. */
export const GRADUATE_ALL = { ...GRADUATE, name: 'graduate, every question', target: {}, goal: undefined };

/** Someone who answers 不清楚 to everything. */
export const UNSURE = { name: 'all 不清楚', target: { screens: 14 }, answers: {}, unsure: true };

function yearsAgo(years, monthDay) {
  return `${new Date().getFullYear() - years}-${monthDay}`;
}

// ---- driving the app ----

const question = (page) => page.locator('section.question');

async function currentScreen(page) {
  await page.waitForSelector('section.question, section.results', { timeout: 15000 });
  if (await page.locator('section.results').count()) return null;
  return (await question(page).getAttribute('data-fact')).split(' ');
}

/** Answers one screen as `person` would; returns the taps it took. */
async function answerScreen(page, facts, person) {
  const q = question(page);
  const plan = facts.length > 1 ? person.answers.situation : person.answers[facts[0]];
  if (!plan || person.unsure) {
    await q.getByRole('button', { name: '不清楚 / 跳过' }).click();
    return 1;
  }
  let taps = 0;
  if (plan.tap) {
    await q.locator('button.choice-button', { hasText: plan.tap }).first().click();
    return 1;
  }
  if (plan.ticks) {
    for (const label of plan.ticks) {
      await q.locator('label.choice', { hasText: label }).first().locator('input').check();
      taps++;
    }
  } else if (plan.date) {
    await q.locator('input[type="date"]').fill(plan.date);
    taps += DATE_TAPS;
  } else if (plan.number !== undefined) {
    const input = q.locator('input[type="number"]');
    const shown = Number(await input.inputValue());
    taps += Math.abs(plan.number - shown);
    await input.fill(String(plan.number));
  }
  await q.getByRole('button', { name: '下一步', exact: true }).click();
  return taps + 1;
}

/** Facts each program's criteria test, from the catalog pack the build ships. */
export function programFacts(dir) {
  const pack = JSON.parse(readFileSync(join(dir, 'catalog', 'pack.json'), 'utf8'));
  const out = new Map();
  for (const p of pack.payload.programs) out.set(p.id, new Set((p.criteria || []).map((c) => c.fact)));
  return out;
}

/** Drives `person` from 首页 to the answer. `options.context` adds browser-context options (the answer-path
 *  measurement blocks the service worker); `options.onPage(page)` runs before the first navigation. */
export async function journey(browser, origin, person, needs, options = {}) {
  const context = await browser.newContext({
    ...options.context,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (options.onPage) await options.onPage(page);
  await page.goto(origin + '/');
  await page.waitForSelector('nav.tab-bar a.tab');
  await page.waitForSelector('#boot', { state: 'detached', timeout: 15000 });
  const started = performance.now();
  let taps = 1;
  await page.locator('nav.tab-bar a.tab', { hasText: '自测' }).click();
  const asked = [];
  const answered = new Set();
  let peeked = false;
  for (;;) {
    const facts = await currentScreen(page);
    if (!facts) break;
    if (asked.length > 40) throw new Error(`${person.name}: no end to the questions: ${asked.join(', ')}`);
    const t = await answerScreen(page, facts, person);
    asked.push(`${facts.join('+')} (${t})`);
    taps += t;
    facts.forEach((f) => answered.add(f));
    await page.waitForFunction(
      (prev) => document.querySelector('section.results') || document.querySelector('section.question')?.dataset.fact !== prev,
      facts.join(' '),
      { timeout: 10000 },
    );
    // The graduate looks at the results once everything the program he cares about asks is answered.
    if (person.goal && [...needs.get(person.goal)].every((f) => answered.has(f))) {
      if (await page.locator('section.question').count()) {
        await question(page).getByRole('button', { name: '先看看目前的结果' }).click();
        taps++;
        peeked = true;
      }
      break;
    }
  }
  await page.waitForSelector('section.results');
  let verdict = 'complete';
  if (person.goal) {
    const card = page.locator(`section.results article[data-program="${person.goal}"]`);
    await card.first().waitFor({ state: 'attached' });
    const group = await card.first().evaluate((el) => el.closest('[data-group]')?.dataset.group);
    verdict = `${person.goal}: ${group}${peeked ? ' (looked at the results before the last questions)' : ''}`;
  } else if (await page.locator('section.results .banner-inline').count()) {
    verdict = 'INCOMPLETE';
  }
  const seconds = (performance.now() - started) / 1000;
  await context.close();
  return { name: person.name, taps, screens: asked.length, seconds, verdict, asked, errors, target: person.target };
}

