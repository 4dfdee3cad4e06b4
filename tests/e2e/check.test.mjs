// 自测 (issue 3): a person answers one question per screen by tapping, sees results grouped
// 可以申请 / 还差一点 / 需要更多信息 / 不符合, and can go back, resume after a reload and change answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appReady, launch, watch, assertClean as clean, hostForTests, SHOTS } from './support.mjs';

const host = hostForTests();

// ---- world: who is holding the phone ----

/** A ride-hailing driver on DiDi in Zaozhuang, registered, not a manager. Unlisted questions: 不清楚.
 *  The first screen: 网约车司机, and DiDi in the list of platforms it opens. */
const DRIVER = {
  roles: { multi: ['网约车司机', '滴滴出行'] },
  age_band: { tap: '25到49岁' },
  birth_date: { date: '1988-05-01' },
  hukou_place: { tap: '枣庄市' },
  work_city: { tap: '枣庄市' },
  platform_work: { multi: ['网约车'] },
  platforms: { multi: ['滴滴出行'] },
  platform_registered_local: { tap: '在枣庄注册' },
  platform_manager: { tap: '否' }, // on the checklist: left unticked
  employment_registered: { tap: '是' },
  edu_level: { tap: '高中/中专/技校' },
  business_form: { tap: '没有创业' },
  ui_months: { number: 0 },
  pension_enrolment: { tap: '自己以灵活就业身份交的职工养老保险' },
  cert_level: { tap: '没有' },
  situation: { ticks: [] },
};

/** Says 网约车 and then 不清楚 to everything. */
const UNSURE_DRIVER = { platform_work: { multi: ['网约车'] } };

// ---- find: what is on the screen ----

const question = (page) => page.locator('section.question');
const results = (page) => page.locator('section.results');

/** Waits for the next screen: a question (returns its fact ids) or the results (returns null). */
async function currentScreen(page) {
  await page.waitForSelector('section.question, section.results', { timeout: 15000 });
  if (await results(page).count()) return null;
  return (await question(page).getAttribute('data-fact')).split(' ');
}

// ---- action: what the person does ----

async function tapNext(page) {
  await question(page).getByRole('button', { name: '下一步', exact: true }).click();
}

/** Answers the question on screen as `persona` would, by tapping; 不清楚 when the persona has no answer. */
async function answer(page, facts, persona) {
  const q = question(page);
  if (facts.length > 1) {
    const plan = persona.situation;
    if (!plan) return q.getByRole('button', { name: '不清楚 / 跳过' }).click();
    for (const label of plan.ticks) await q.locator('label.choice', { hasText: label }).locator('input').check();
    return tapNext(page);
  }
  const plan = persona[facts[0]];
  if (!plan) return q.getByRole('button', { name: '不清楚 / 跳过' }).click();
  if (plan.tap) return q.locator('button.choice-button', { hasText: plan.tap }).first().click();
  if (plan.multi) {
    for (const label of plan.multi) await q.locator('label.choice', { hasText: label }).locator('input').check();
    return tapNext(page);
  }
  if (plan.date) {
    await q.locator('input[type="date"]').fill(plan.date);
    return tapNext(page);
  }
  if (plan.number !== undefined) {
    await q.locator('input[type="number"]').fill(String(plan.number));
    return tapNext(page);
  }
  throw new Error(`no way to answer ${facts}`);
}

/** Answers screen after screen until the results show; returns the fact ids asked, in order. */
async function answerAll(page, persona, { limit = 30 } = {}) {
  const asked = [];
  for (;;) {
    const facts = await currentScreen(page);
    if (!facts) return asked;
    assert.ok(asked.length < limit, `the questionnaire ends (asked so far: ${asked.join(', ')})`);
    asked.push(facts.join(' '));
    await answer(page, facts, persona);
    await page.waitForFunction(
      (prev) => {
        const q = document.querySelector('section.question');
        return document.querySelector('section.results') || (q && q.dataset.fact !== prev);
      },
      facts.join(' '),
      { timeout: 10000 },
    );
  }
}

/** Skips with 不清楚 (or answers as `persona` would) until the question about `fact` shows. */
async function skipUntil(page, fact, persona = {}) {
  for (let i = 0; i < 30; i++) {
    const facts = await currentScreen(page);
    assert.ok(facts, `the question ${fact} comes before the results`);
    if (facts.includes(fact)) return;
    await answer(page, facts, persona);
    await page.waitForFunction((prev) => document.querySelector('section.question')?.dataset.fact !== prev, facts.join(' '));
  }
  assert.fail(`${fact} was never asked`);
}

const card = (page, group, program) =>
  page.locator(`details[data-group="${group}"] article[data-program="${program}"]`);

async function start(context, origin) {
  const page = await context.newPage();
  const seen = watch(page, origin);
  await page.goto(origin + '/check');
  await appReady(page);
  return { page, seen };
}

// ---- check: the stories ----

test('a ride-hailing driver taps through the questions and sees the accident-insurance subsidy under 可以申请', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await start(context, host.origin);
    const first = question(page);
    await first.waitFor();
    // The first screen (你是做什么的?) says what choosing does, not a count of every program's questions.
    assert.match(await first.locator('.progress-line').innerText(), /第1题 · 还有几题,看你怎么选/);
    assert.equal(await first.locator('progress').count(), 1, 'a progress bar');
    assert.ok(await first.getByRole('button', { name: '不清楚 / 跳过' }).isVisible(), 'always a 不清楚 choice');
    await page.screenshot({ path: join(SHOTS, 'check-question.png') });

    const asked = await answerAll(page, DRIVER);
    console.log(`# driver answered ${asked.length} screens: ${asked.join(' | ')}`);

    const accident = card(page, 'can-apply', 'accident-insurance-subsidy');
    await accident.waitFor();
    const text = await accident.innerText();
    assert.match(text, /50%/, 'the share of the premium');
    assert.match(text, /100元/, 'the yearly cap');
    assert.match(text, /原因/, 'a one-line why');
    assert.match(await accident.locator('.next-step').innerText(), /^去哪里办:\S/, 'one line: where to apply');
    assert.match(await results(page).innerText(), /政策数据更新于 \d{4}-\d{2}-\d{2}/);
    // It cannot be combined with occupational injury protection: flagged on both programs.
    assert.match(await accident.locator('.exclusion').innerText(), /跑单受伤有保障/);
    const injury = page.locator('article[data-program="occupational-injury-protection"] .exclusion');
    assert.match(await injury.textContent(), /意外险补贴/, 'folded or not, the other program says it too');
    // Documents to bring and where to apply, with a phone link for 12333.
    await accident.locator('details.result-more > summary').click();
    assert.match(await accident.locator('.doc-list').innerText(), /身份证/);
    assert.equal(await accident.locator('a[href="tel:12333"]').count(), 1);
    // Groups that say "no" stay folded; employer measures are apart and labelled.
    assert.equal(await page.locator('details[data-group="not-eligible"]').getAttribute('open'), null);
    assert.equal(await page.locator('details[data-group="can-apply"]').getAttribute('open'), '');
    assert.match(await page.locator('details[data-group="for-employers"] > summary').innerText(), /面向企业/);
    await page.screenshot({ path: join(SHOTS, 'check-results.png'), fullPage: true });
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('not knowing leads to 需要更多信息, never to a verdict', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await start(context, host.origin);
    await answerAll(page, UNSURE_DRIVER);
    const r = card(page, 'needs-info', 'accident-insurance-subsidy');
    await r.waitFor({ state: 'attached' });
    assert.equal(await page.locator('details[data-group="can-apply"] article[data-program="accident-insurance-subsidy"]').count(), 0);
    assert.equal(await page.locator('details[data-group="not-eligible"] article[data-program="accident-insurance-subsidy"]').count(), 0);
    await page.locator('details[data-group="needs-info"] > summary').click();
    assert.match(await r.locator('.next-step').innerText(), /^先弄清楚:问站长或平台客服/, 'says how to find out');
    assert.equal(await r.locator('.answer-here[data-fact="platform_registered_local"]').count(), 1, 'or answer right there');
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('the age is one tap: a band whose limits are the rules\' own, and the birth date is then not asked', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await start(context, host.origin);
    await skipUntil(page, 'age_band');
    const q = question(page);
    assert.deepEqual(await q.locator('button.choice-button').allInnerTexts(), ['不到16岁', '16到24岁', '25到49岁', '50岁及以上']);
    await q.locator('button.choice-button', { hasText: '25到49岁' }).click();
    await page.waitForFunction(() => document.querySelector('section.question')?.dataset.fact !== 'age_band');
    const rest = await answerAll(page, {});
    assert.ok(!rest.some((s) => s.split(' ').includes('birth_date')), `no birth date asked: ${rest.join(', ')}`);
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

// The age is asked as a one-tap band (the birth date only when a band cannot decide a rule), so the date
// question checked here is the graduation date of someone with a degree.
test('an impossible date is refused at the question with a clear message', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await start(context, host.origin);
    await skipUntil(page, 'graduation_date', { roles: { multi: ['毕业生'] }, edu_level: { tap: '本科' } });
    const q = question(page);
    // Someone typing a year two centuries ago.
    await q.locator('input[type="date"]').fill('1826-01-01');
    await tapNext(page);
    await page.waitForSelector('.field-error:not(:empty)');
    assert.match(await q.locator('.field-error').innerText(), /不能早于.*请检查年份/);
    assert.equal(await q.getAttribute('data-fact'), 'graduation_date', 'still on the same question');
    await page.screenshot({ path: join(SHOTS, 'check-refused.png') });
    // A date in the future.
    await q.locator('input[type="date"]').fill('2099-01-01');
    await tapNext(page);
    await page.waitForFunction(() => /还没到/.test(document.querySelector('.field-error')?.textContent || ''));
    // A possible one goes through.
    await q.locator('input[type="date"]').fill('1990-03-15');
    await tapNext(page);
    await page.waitForFunction(() => document.querySelector('section.question')?.dataset.fact !== 'graduation_date');
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('answers are saved at once: a reload resumes where the person was, and 上一题 goes back', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await start(context, host.origin);
    const firstFacts = await currentScreen(page);
    await answer(page, firstFacts, DRIVER);
    await page.waitForFunction((prev) => document.querySelector('section.question')?.dataset.fact !== prev, firstFacts.join(' '));
    const second = await currentScreen(page);
    await answer(page, second, DRIVER);
    await page.waitForFunction((prev) => document.querySelector('section.question')?.dataset.fact !== prev, second.join(' '));
    const third = await currentScreen(page);
    assert.match(await question(page).locator('.progress-line').innerText(), /第3题/);

    await page.reload();
    await appReady(page);
    assert.deepEqual(await currentScreen(page), third, 'the same question after a reload');
    assert.match(await question(page).locator('.progress-line').innerText(), /第3题/);

    // Back to the previous question (in this visit): answer it again.
    await answer(page, third, DRIVER);
    await page.waitForFunction((prev) => document.querySelector('section.question')?.dataset.fact !== prev, third.join(' '));
    await question(page).getByRole('button', { name: /上一题/ }).click();
    await page.waitForFunction((want) => document.querySelector('section.question')?.dataset.fact === want, third.join(' '));
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('answers can be reviewed and changed from the results', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await start(context, host.origin);
    await answerAll(page, DRIVER);
    await card(page, 'can-apply', 'accident-insurance-subsidy').waitFor();
    const answers = page.locator('details.answers');
    await answers.locator('summary').click();
    const row = answers.locator('li[data-fact="employment_registered"]');
    assert.match(await row.innerText(), /是/);
    await row.getByRole('button', { name: '修改' }).click();
    const q = question(page);
    await q.waitFor();
    assert.equal(await q.getAttribute('data-fact'), 'employment_registered');
    assert.equal(await q.locator('button[aria-pressed="true"]').innerText(), '是', 'the current answer is shown');
    await q.locator('button.choice-button', { hasText: '否' }).click();
    // Still complete, so the results come back: now 还差一点 with what to do.
    const almost = card(page, 'almost-there', 'accident-insurance-subsidy');
    await almost.waitFor();
    assert.match(await almost.innerText(), /就业登记/);
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});
