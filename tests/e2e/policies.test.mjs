// 政策 tab and program pages (issue 3): browse every program, search in Chinese, filter by kind and
// "for me", and open a program to see its conditions, documents (tickable, saved) and where to apply.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { appReady, launch, watch, assertClean as clean, hostForTests, SHOTS } from './support.mjs';

const host = hostForTests();

const rows = (page) => page.locator('li.policy-row');
const count = async (page) => Number((await page.locator('p.count').innerText()).match(/\d+/)[0]);

async function open(context, path) {
  const page = await context.newPage();
  const seen = watch(page, host.origin);
  await page.goto(host.origin + path);
  await appReady(page);
  return { page, seen };
}

test('typing 贷款 finds 创业担保贷款, and its row opens the program page', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await open(context, '/policies');
    await rows(page).first().waitFor();
    const all = await count(page);
    assert.ok(all >= 40, `every program of the plan is listed (${all})`);
    assert.match(await page.locator('main').innerText(), /政策数据更新于 \d{4}-\d{2}-\d{2}/);
    await page.screenshot({ path: join(SHOTS, 'policies-list.png') });

    await page.getByLabel(/搜索政策/).fill('贷款');
    await page.waitForFunction((n) => Number(document.querySelector('p.count').textContent.match(/\d+/)[0]) < n, all);
    const names = await rows(page).locator('.policy-name').allInnerTexts();
    assert.ok(names.some((n) => n.includes('创业担保贷款')), `创业担保贷款 among ${names.join(' / ')}`);
    for (const text of await rows(page).allInnerTexts()) assert.match(text, /贷款/);
    await page.screenshot({ path: join(SHOTS, 'policies-search.png') });

    // Nothing matches: say so.
    await page.getByLabel(/搜索政策/).fill('没有这种政策');
    await page.waitForSelector('text=没有找到符合条件的政策');
    await page.getByLabel(/搜索政策/).fill('贷款');

    await rows(page).filter({ hasText: '创业担保贷款' }).first().locator('a').click();
    await page.waitForURL(/\/policies\/[a-z0-9-]+$/);
    assert.match(await page.locator('main h1').innerText(), /贷款/);
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('the kind filter narrows the list; employer measures are labelled 面向企业; "for me" needs answers first', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await open(context, '/policies');
    await rows(page).first().waitFor();
    const all = await count(page);
    await page.locator('label.chip', { hasText: '面向企业' }).click();
    await page.waitForFunction((n) => Number(document.querySelector('p.count').textContent.match(/\d+/)[0]) < n, all);
    const tags = await rows(page).locator('.kind-tag').allInnerTexts();
    assert.ok(tags.length > 0 && tags.every((t) => t === '面向企业'), tags.join(','));
    await page.locator('label.chip', { hasText: '全部' }).click();
    await page.waitForFunction((n) => Number(document.querySelector('p.count').textContent.match(/\d+/)[0]) === n, all);

    await page.getByLabel(/只看适合我的/).check();
    await page.waitForSelector('text=先做自测');
    // Before any answer only what is open to everyone can be "for me".
    await page.waitForFunction((n) => Number(document.querySelector('p.count').textContent.match(/\d+/)[0]) < n, all);
    assert.equal(await page.locator('li.policy-row[data-program="accident-insurance-subsidy"]').count(), 0);
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('a program page shows its conditions, documents to tick (kept after a reload), where to apply and its sources', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await open(context, '/policies/accident-insurance-subsidy');
    const main = page.locator('main');
    await page.waitForSelector('article.program');
    assert.match(await main.locator('h1').innerText(), /意外险补贴/);
    const text = await main.innerText();
    assert.match(text, /50%/);
    assert.match(text, /100元/);
    assert.match(text, /二、\(二\)6|二、(二)6/, 'the plan clause');
    assert.match(text, /可信度高/, 'sources with confidence');
    assert.match(text, /核对日期/, 'last verified');
    assert.match(text, /政策数据更新于/);
    // Nothing answered yet: every condition is "not known yet", never a verdict.
    const criteria = main.locator('ul.criteria li');
    assert.ok((await criteria.count()) >= 3, 'the conditions are listed');
    assert.equal(await main.locator('ul.criteria li[data-status="met"]').count(), 0);
    assert.match(await main.locator('.your-result').innerText(), /需要更多信息/);
    assert.equal(await main.locator('a[href="tel:12333"]').count(), 1, 'a phone link for 12333');
    assert.match(await main.locator('.exclusion').innerText(), /跑单受伤有保障/, 'the exclusion is flagged');

    // Tick the ID card, and save the program.
    const idCard = main.locator('.doc-list label', { hasText: '身份证' }).locator('input');
    await idCard.check();
    const save = main.locator('button.save-button');
    await page.waitForFunction(() => document.querySelector('button.save-button')?.getAttribute('aria-pressed') === 'true');
    assert.match(await save.innerText(), /已收藏/, 'ticking a document saves the program');
    await page.screenshot({ path: join(SHOTS, 'program-page.png'), fullPage: true });

    await page.reload();
    await appReady(page);
    await page.waitForSelector('article.program');
    await page.waitForFunction(() => document.querySelector('button.save-button')?.getAttribute('aria-pressed') === 'true');
    assert.ok(await main.locator('.doc-list label', { hasText: '身份证' }).locator('input').isChecked(), 'the tick is kept');
    assert.ok(!(await main.locator('.doc-list label', { hasText: '保单' }).locator('input').isChecked()));

    // Unsave.
    await save.click();
    await page.waitForFunction(() => document.querySelector('button.save-button')?.getAttribute('aria-pressed') === 'false');
    await page.reload();
    await appReady(page);
    await page.waitForSelector('article.program');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('button.save-button').getAttribute('aria-pressed'), 'false', 'unsaving is kept');
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('an employer measure is labelled and not checked against the person; an unknown id says so', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await open(context, '/policies/labour-liaison-officers');
    await page.waitForSelector('article.program');
    assert.match(await page.locator('.kind-tag').first().innerText(), /面向企业/);
    assert.equal(await page.locator('.your-result').count(), 0);
    await page.goto(host.origin + '/policies/no-such-program');
    await appReady(page);
    await page.waitForSelector('text=没有找到这项政策');
    await page.locator('main a', { hasText: '返回政策一览' }).click();
    await page.waitForURL(host.origin + '/policies');
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('a program page: one tap on the amount shows its source, confidence and as-of date', async () => {
  const { context, dispose } = await launch();
  try {
    const { page, seen } = await open(context, '/policies/skill-upgrade-subsidy');
    const amount = page.locator('details.benefit-figure');
    await amount.waitFor();
    // The figures come from the catalog's parameters, not from hand-written prose.
    const line = await amount.locator('summary .benefit-line').innerText();
    assert.match(line, /1000元.*1500元.*2000元/);
    assert.equal(await amount.locator('.figure-source').first().isVisible(), false, 'closed until tapped');
    await amount.locator('summary').tap();
    const source = amount.locator('.figure-source[data-parameter="skill_subsidy.amount.level4"]');
    await source.waitFor({ state: 'visible' });
    const shown = await source.innerText();
    assert.match(shown, /1500元/);
    assert.match(shown, /山东省失业保险技能提升补贴政策/);
    assert.match(shown, /可信度高/);
    assert.match(shown, /核对日期\s*\d{4}-\d{2}-\d{2}/);
    await page.screenshot({ path: join(SHOTS, 'program-figure-source.png') });

    // Every figure on the page is listed under 这些数字从哪来, each one tap from its source.
    const list = page.locator('.figure-list details.figure');
    assert.ok((await list.count()) >= 5, 'the subsidy shows at least five figures');
    const months = list.filter({ hasText: '发证后多久内申请' });
    await months.locator('summary').tap();
    assert.match(await months.locator('.figure-source').innerText(), /12个月[\s\S]*来源[\s\S]*可信度/);

    // A plan-only program says so in one plain line.
    await page.goto(host.origin + '/policies/returnee-bank-credit');
    await page.locator('p.plan-only').waitFor();
    assert.match(await page.locator('p.plan-only').innerText(), /只在2021年的《创业枣庄·乐业鲁南》行动方案里提到/);
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});
