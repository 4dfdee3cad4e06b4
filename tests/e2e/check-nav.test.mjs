// 自测 (issue 12): the phone's back button goes to the previous question, not to 首页; a reload keeps 上一题 and
// the screens before it; at 200% text the question and its first answer are on screen without scrolling,
// 下一步 is never under the tab bar, and checkboxes keep a 24 px target however their label wraps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appReady, launch, watch, assertClean as clean, hostForTests, SHOTS } from './support.mjs';

const host = hostForTests();

// ---- world ----

/** A delivery rider: what he ticks or taps on the first screens. On the first one, 外卖骑手 says his kind
 *  of platform work and opens the list of platforms, where he ticks 美团. */
const RIDER = [
  { fact: 'roles', ticks: ['外卖骑手', '美团'] },
  { fact: 'platform_registered_local', tap: '在枣庄注册' },
  { fact: 'edu_level', tap: '高中/中专/技校' },
  { fact: 'business_form', tap: '没有创业' },
];

const pressed = (page, label) =>
  question(page).locator('button.choice-button', { hasText: label }).first().getAttribute('aria-pressed');

// ---- find ----

const question = (page) => page.locator('section.question');
const factOnScreen = (page) => question(page).getAttribute('data-fact');

async function waitForFact(page, fact) {
  await page.waitForFunction((want) => document.querySelector('section.question')?.dataset.fact === want, fact, {
    timeout: 10000,
  });
}

// ---- act ----

async function answer(page, step) {
  const q = question(page);
  if (step.tap) return q.locator('button.choice-button', { hasText: step.tap }).first().click();
  for (const label of step.ticks) await q.locator('label.choice', { hasText: label }).first().locator('input').check();
  await q.getByRole('button', { name: '下一步', exact: true }).click();
}

async function startAtHome(context, origin) {
  const page = await context.newPage();
  const seen = watch(page, origin);
  await page.goto(origin + '/');
  await appReady(page);
  await page.locator('nav.tab-bar a.tab', { hasText: '自测' }).click();
  await question(page).waitFor();
  return { page, seen };
}

// ---- check ----

test('back goes to the previous question, and a reload keeps 上一题 and the screens before it', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await startAtHome(context, host.origin);
    assert.equal(await factOnScreen(page), 'roles', 'the first screen asks who the person is');
    assert.equal(await question(page).getByRole('button', { name: /上一题/ }).count(), 0, 'nothing before it');
    const platforms = question(page).locator('fieldset[data-fact="platforms"]');
    assert.ok(await platforms.isHidden(), 'the platforms show only once a platform role is ticked');
    for (const [i, step] of RIDER.slice(0, 3).entries()) {
      await waitForFact(page, step.fact);
      await answer(page, step);
      await page.waitForFunction((prev) => document.querySelector('section.question')?.dataset.fact !== prev, step.fact);
      assert.match(await question(page).locator('.progress-line').innerText(), new RegExp(`第${i + 2}题`));
    }
    await waitForFact(page, 'business_form');

    // The phone's back button: the previous question, with its answer marked; not 首页.
    await page.goBack();
    await waitForFact(page, 'edu_level');
    assert.equal(new URL(page.url()).pathname, '/check');
    assert.equal(await pressed(page, '高中/中专/技校'), 'true');
    await page.goBack();
    await waitForFact(page, 'platform_registered_local');
    assert.equal(await pressed(page, '在枣庄注册'), 'true');

    // A reload keeps this screen, 上一题 and what came before.
    await page.reload();
    await appReady(page);
    await waitForFact(page, 'platform_registered_local');
    assert.match(await question(page).locator('.progress-line').innerText(), /第2题/);
    await question(page).getByRole('button', { name: /上一题/ }).click();
    await waitForFact(page, 'roles');
    assert.ok(await question(page).locator('label.choice', { hasText: '外卖骑手' }).locator('input').isChecked());
    assert.ok(await question(page).locator('label.choice', { hasText: '美团' }).locator('input').isChecked(), 'his platform too');

    // Forward again with the same answer: on to the first question not yet answered, numbered after the
    // three answered.
    await question(page).getByRole('button', { name: '下一步', exact: true }).click();
    await waitForFact(page, 'business_form');
    assert.match(await question(page).locator('.progress-line').innerText(), /第4题/);
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('back from the first question leaves the check for the screen it was opened from', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await startAtHome(context, host.origin);
    await answer(page, RIDER[0]);
    await waitForFact(page, 'platform_registered_local');
    await page.goBack();
    await waitForFact(page, 'roles');
    await page.goBack();
    await page.waitForFunction(() => location.pathname === '/');
    await page.waitForSelector('nav.tab-bar a.tab[aria-current="page"]', { state: 'attached' });
    assert.equal(await page.locator('section.question').count(), 0, '首页, not a question');
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('the remaining-questions line never goes up by more than one, and the last question says so', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await startAtHome(context, host.origin);
    const left = [];
    for (let i = 0; i < 40; i++) {
      await page.waitForSelector('section.question, section.results');
      if (await page.locator('section.results').count()) break;
      const line = await question(page).locator('.progress-line').innerText();
      if (i === 0) {
        // The first screen has no count yet: what it asks decides which questions follow.
        assert.match(line, /还有几题,看你怎么选/);
      } else {
        const m = line.match(/还有约(\d+)个问题/);
        left.push(m ? Number(m[1]) : 0);
      }
      const fact = await factOnScreen(page);
      await question(page).getByRole('button', { name: '不清楚 / 跳过' }).click();
      await page.waitForFunction(
        (prev) => document.querySelector('section.results') || document.querySelector('section.question')?.dataset.fact !== prev,
        fact,
      );
    }
    assert.ok(left.length > 2 && left.length < 14, `screens for someone who answers 不清楚: ${left.length + 1}`);
    for (let i = 1; i < left.length; i++) assert.ok(left[i] <= left[i - 1] + 1, `estimates: ${left.join(', ')}`);
    assert.equal(left.at(-1), 0, `the last question says it is the last: ${left.join(', ')}`);
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('at 200% text the question and its first answer fit, 下一步 stays above the tab bar, boxes keep 24 px', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await startAtHome(context, host.origin);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    for (const step of RIDER) {
      await waitForFact(page, step.fact);
      // On the first screen, 外卖骑手 opens the platforms: measured with them shown.
      if (step.fact === 'roles') await question(page).locator('label.choice', { hasText: '外卖骑手' }).locator('input').check();
      await page.evaluate(() => window.scrollTo(0, 0));
      const m = await page.evaluate(() => {
        const box = (el) => el.getBoundingClientRect();
        const tabTop = box(document.querySelector('nav.tab-bar')).top;
        const q = document.querySelector('section.question');
        const first = q.querySelector('.choice-button, label.choice, input[type="date"], input[type="number"]');
        return {
          tabTop,
          height: window.innerHeight,
          title: box(q.querySelector('h2')),
          first: box(first),
          boxes: [...q.querySelectorAll('label.choice input')].map((i) => [box(i).width, box(i).height]),
          scrollX: document.documentElement.scrollWidth - window.innerWidth,
        };
      });
      assert.ok(m.title.top >= 0 && m.title.bottom <= m.tabTop, `${step.fact}: the question is on screen (${JSON.stringify(m.title)}, tab bar at ${m.tabTop})`);
      assert.ok(m.first.bottom <= m.tabTop, `${step.fact}: the first answer is on screen without scrolling (${m.first.bottom} > ${m.tabTop})`);
      // Brought into view from below, as the browser does when scrolling down to it or moving the focus to
      // it, 下一步 stops above the tab bar, not under it: a tap on it reaches it.
      const next = await page.evaluate(() => {
        const button = document.querySelector('section.question .button-primary');
        if (!button) return null;
        button.scrollIntoView({ block: 'end' });
        const b = button.getBoundingClientRect();
        const hit = document.elementFromPoint(b.left + b.width / 2, b.bottom - 2);
        return { bottom: b.bottom, tabTop: document.querySelector('nav.tab-bar').getBoundingClientRect().top, hit: button.contains(hit) };
      });
      if (next) assert.ok(next.hit && next.bottom <= next.tabTop, `${step.fact}: 下一步 is above the tab bar (${JSON.stringify(next)})`);
      await page.evaluate(() => window.scrollTo(0, 0));
      for (const [w, h] of m.boxes) assert.ok(w >= 24 && h >= 24, `${step.fact}: a checkbox of ${w}x${h}`);
      assert.ok(m.scrollX <= 1, `${step.fact}: nothing runs off the side`);
      if (step.fact === 'roles') await page.screenshot({ path: join(SHOTS, 'check-200-roles.png') });
      if (step.fact === 'roles') await page.screenshot({ path: join(SHOTS, 'check-200-platforms.png'), fullPage: true });
      await answer(page, step);
    }
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});
