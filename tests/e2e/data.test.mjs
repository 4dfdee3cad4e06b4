// 我的 → 数据 (issue 4): a person backs up, erases, restores, is protected from bad files, and sees
// how fresh the policy data is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, appReady, launch, watch, hostForTests, SHOTS } from './support.mjs';
import { refusals } from './backup-refusals.mjs';
import {
  DRIVER_COURSE, canonical, counts, dayAfter, driver, dump, exportBackup, importFile, newerPack, openDataScreen, seed, servedPack,
  sha256,
} from './data-world.mjs';

const host = hostForTests();

/** axe-core's WCAG 2 A/AA violations on the page (evaluated over CDP, so the app's CSP stays strict). */
async function axeViolations(page) {
  await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }));
  assert.ok(result.passes.length > 10, 'axe really checked the page');
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A fresh browser on the data screen, with the driver's records stored. */
async function withDriver(fn, { events = 3 } = {}) {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    await page.goto(host.origin + '/me');
    await appReady(page);
    await seed(page, driver(events));
    await openDataScreen(page, host.origin);
    await fn(page, seen);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(await seen.csp(), []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
    dispose();
  }
}

test('我的 leads to 数据, which shows what is stored, whether it is kept, space used and the policy data date', async () => {
  await withDriver(async (page) => {
    assert.equal(await page.locator('main h1').innerText(), '我的数据');
    assert.deepEqual(await counts(page), { answers: 3, saved: 2, events: 3, settings: 0 });
    await page.waitForSelector('.data-usage:has-text("已用")');
    assert.match(await page.locator('.data-usage').innerText(), /^已用 \d+(\.\d)? (KB|MB)/);
    assert.match(await page.locator('.data-durability').innerText(), /持久保存/);
    assert.match(await page.locator('.data-catalog-date').innerText(), /政策数据更新于\s*\d{4}-\d{2}-\d{2}/);
    assert.deepEqual(await axeViolations(page), [], 'no accessibility violations (WCAG 2 A/AA)');
    await page.locator('button.data-erase-start').click();
    assert.deepEqual(await axeViolations(page), [], 'none with the erase question open either');
    await page.screenshot({ path: join(SHOTS, 'data-erase-question.png') });
    await page.locator('button.data-erase-cancel').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'data-zh.png'), fullPage: true });
    await page.locator('button.lang-toggle').click();
    await page.waitForSelector('main h1:has-text("My data")');
    assert.match(await page.locator('.data-catalog-date').innerText(), /Policy data as of/);
    await page.screenshot({ path: join(SHOTS, 'data-en.png'), fullPage: true });
    await page.locator('.data-back a').click();
    await page.waitForURL(host.origin + '/me');
  });
});

test('export a backup, erase everything, import it back: every record returns', async () => {
  await withDriver(async (page) => {
    const before = await dump(page);
    const { name, text } = await exportBackup(page);
    assert.deepEqual(await dump(page), before, 'exporting changes nothing stored');
    assert.match(name, /^leye-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(text);
    assert.equal(file.format, 'leye-backup');
    assert.equal(file.schema_version, 1);
    assert.equal(file.sha256, sha256(canonical(file.records)));
    assert.equal(file.records.training_events.length, 3);
    // The learning record (issue 5) travels with it: xAPI statements derived from the training events,
    // the private note left out.
    const record = file.records.learning_record;
    assert.equal(record.format, 'leye-learning-record');
    assert.deepEqual(record.statements.map((s) => s.verb.id.split('/').pop()), ['registered', 'experienced']);
    assert.ok(record.statements.every((s) => s.object.id === `urn:leye:course:${DRIVER_COURSE}`));
    assert.match(record.statements[0].actor.account.name, /^learner-/);
    assert.equal(record.statements[1].result.duration, 'PT2H');
    assert.doesNotMatch(JSON.stringify(record), /not bold/);

    await page.locator('button.data-erase-start').click();
    await page.locator('button.data-erase-confirm').click();
    await page.waitForSelector('#data-erase-outcome :text("本机数据已全部清除")');
    assert.deepEqual(await counts(page), { answers: 0, saved: 0, events: 0, settings: 0 });
    assert.deepEqual(await dump(page), { answers: [], saved: [], training_events: [], settings: [] });

    const result = await importFile(page, name, text);
    assert.equal(result.isError, false);
    assert.match(result.text, /已从备份恢复 8 条记录/);
    await page.waitForFunction(() => document.querySelector('.count-answers').textContent.includes('3'));
    assert.deepEqual(await counts(page), { answers: 3, saved: 2, events: 3, settings: 0 });
    assert.deepEqual(await dump(page), before);
    // Exact: exported again, the same records, learning record included (derived again, never stored).
    const again = JSON.parse((await exportBackup(page)).text);
    assert.deepEqual(again.records, file.records);
  });
});

test('after an import or an erase, the 培训 tab shows what is stored now, without reloading the page', async () => {
  await withDriver(async (page) => {
    const tab = (label) => page.locator('nav.tab-bar a', { hasText: label });
    const toData = async () => {
      await tab('我的').click();
      await page.locator('a.data-entry').click();
      await page.waitForURL(host.origin + '/me/data');
    };
    const myCourses = () => page.locator('.training-mine .my-course-name').allInnerTexts();
    await tab('培训').click();
    await page.waitForSelector('.training-mine .my-course');
    const enrolled = await myCourses();
    assert.equal(enrolled.length, 1);
    assert.match(await page.locator('.training-mine .figures').innerText(), /已学2小时/);

    await toData();
    const { name, text } = await exportBackup(page);
    await page.locator('button.data-erase-start').click();
    await page.locator('button.data-erase-confirm').click();
    await page.waitForSelector('#data-erase-outcome :text("本机数据已全部清除")');
    await tab('培训').click();
    await page.waitForSelector('.training-mine :text("还没有报名课程")');
    assert.deepEqual(await myCourses(), []);

    await toData();
    assert.equal((await importFile(page, name, text)).isError, false);
    await tab('培训').click();
    await page.waitForSelector('.training-mine .my-course');
    assert.deepEqual(await myCourses(), enrolled);
    assert.match(await page.locator('.training-mine .figures').innerText(), /已学2小时/);
  });
});

test('a bad backup is refused with a clear message and nothing changes', async () => {
  await withDriver(async (page) => {
    const { text } = await exportBackup(page);
    const before = await dump(page);
    // The same list pasted text goes through (inapp.test.mjs).
    const cases = refusals(text);
    for (const [what, contents, message] of cases) {
      const result = contents.path ? await importFile(page, contents.path) : await importFile(page, `${what}.json`, contents);
      assert.equal(result.isError, true, `${what} is shown as a refusal`);
      assert.match(result.text, message, what);
      assert.match(result.text, /没有做任何更改/, what);
      if (what === 'wrong checksum') await page.screenshot({ path: join(SHOTS, 'data-refused.png') });
      assert.deepEqual(await dump(page), before, `${what} changed nothing`);
      assert.deepEqual(await counts(page), { answers: 3, saved: 2, events: 3, settings: 0 }, what);
    }
  });
});

test('erase asks first; cancelling keeps everything', async () => {
  await withDriver(async (page) => {
    const before = await dump(page);
    await page.locator('button.data-erase-start').click();
    const question = page.locator('.data-confirm');
    assert.match(await question.innerText(), /确定要清除吗/);
    // Focus lands on the choice so a keyboard or screen-reader user hears the question.
    assert.equal(await page.evaluate(() => document.activeElement.className.includes('data-erase-confirm')), true);
    await page.locator('button.data-erase-cancel').click();
    assert.equal(await question.count(), 0);
    assert.deepEqual(await dump(page), before);
    assert.deepEqual(await counts(page), { answers: 3, saved: 2, events: 3, settings: 0 });
  });
});

test('检查更新: up to date, then a damaged pack is refused with its reason, then a newer pack switches and says what changed', async () => {
  await withDriver(async (page) => {
    const served = servedPack();
    const checkNow = async () => {
      await page.locator('button.data-check').click();
      await page.waitForFunction(() => {
        const el = document.querySelector('#data-catalog-outcome .data-outcome');
        return el && !/正在检查/.test(el.textContent);
      });
      return page.locator('#data-catalog-outcome .data-outcome').innerText();
    };
    const dateShown = () => page.locator('.data-catalog-date strong').innerText();
    const builtinDate = await dateShown();
    assert.equal(builtinDate, served.published);

    assert.match(await checkNow(), /政策数据已是最新/);
    assert.match(await page.locator('.data-last-check').innerText(), /上次检查更新: ?\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

    // The server now hands out a pack someone edited after it was checksummed.
    // Dated after the built-in data (whose figures were checked on its publication day).
    const later = dayAfter(served.published);
    const laterVersion = `${served.version}.1`;
    const damaged = newerPack(served, { published: later, version: laterVersion });
    damaged.payload.programs[0].name.zh = '被改过的名字';
    await page.route('**/catalog/pack.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(damaged) }));
    assert.match(await checkNow(), /新的政策数据未通过检查，继续使用当前数据/);
    await page.waitForSelector('.data-last-error');
    assert.match(await page.locator('.data-last-error').innerText(), /上次更新没有成功/);
    assert.equal(await dateShown(), builtinDate, 'the current data stays');

    // A valid newer pack with one more program anyone may use.
    const newer = newerPack(served, {
      published: later,
      version: laterVersion,
      addProgram: (programs) => {
        const open = programs.find((p) => p.id === 'job-matching');
        return { ...structuredClone(open), id: 'job-matching-weekend', name: { zh: '周末招聘会', en: 'Weekend job fairs' } };
      },
    });
    await page.unroute('**/catalog/pack.json');
    await page.route('**/catalog/pack.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(newer) }));
    const said = await checkNow();
    assert.match(said, /政策数据已更新/);
    assert.match(said, /新增1项你可以申请的政策:周末招聘会/);
    assert.equal(await dateShown(), later);
    assert.ok((await page.locator('.data-catalog-source').innerText()).includes(laterVersion));
    assert.equal(await page.locator('.data-last-error').count(), 0, 'a successful check clears the old reason');

    // The switch is kept: a reload starts with the downloaded data (checked today, so no new fetch).
    await page.unroute('**/catalog/pack.json');
    await page.reload();
    await appReady(page);
    await page.waitForSelector(`.data-catalog-date strong:has-text("${later}")`);
  });
});

test('offline, the data screen still works and 检查更新 says to try again when online', async () => {
  await withDriver(async (page) => {
    await page.context().setOffline(true);
    await page.waitForSelector('.banner-offline');
    await page.locator('button.data-check').click();
    await page.waitForSelector('#data-catalog-outcome .data-outcome:has-text("现在没有联网")');
    const { text } = await exportBackup(page);
    assert.equal(JSON.parse(text).records.answers.length, 3);
    await page.context().setOffline(false);
  });
});

test('when a newer version opens the data in another tab, this screen asks for a reload instead of failing silently', async () => {
  await withDriver(async (page) => {
    // Another tab (here: the test) opens the database at a newer schema version.
    await page.evaluate(() => new Promise((ok, fail) => {
      const req = indexedDB.open('leye', 99);
      req.onupgradeneeded = () => {};
      req.onsuccess = () => { req.result.close(); ok(); };
      req.onerror = () => fail(req.error);
      req.onblocked = () => fail(new Error('the app kept its connection open and blocked the upgrade'));
    }));
    await page.locator('button.data-export').click();
    // 正在导出 (a status) first, while the courses for the learning record are read; then the failure.
    const line = page.locator('#data-backup-outcome .data-outcome');
    await line.filter({ hasText: /请重新加载本页/ }).waitFor();
    assert.equal(await line.getAttribute('role'), 'alert');
    assert.match(await line.innerText(), /请重新加载本页，你的数据不会丢失/);
    assert.match(await page.locator('.banner-notice').innerText(), /请重新加载本页/);
  });
});

test('opened straight from a link on the first run, the screen shows the start-up check once it is done', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    await page.goto(host.origin + '/me/data');
    await appReady(page);
    await page.waitForSelector('.data-last-check:has-text("上次检查更新")');
    assert.match(await page.locator('.data-catalog-source').innerText(), /应用自带/);
    assert.equal(await page.locator('nav.tab-bar a[aria-current="page"]').innerText(), '我的');
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
    dispose();
  }
});

test('without IndexedDB (private mode), the screen says data lives only in memory and a backup can still be taken', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); },
      });
    });
    await page.goto(host.origin + '/me/data');
    await appReady(page);
    await page.waitForSelector('.banner-storage:has-text("数据不会被保存")');
    await page.waitForSelector('.data-durability:has-text("现在数据只在内存中")');
    await page.locator('button.lang-toggle').click(); // a setting, kept in memory
    await page.waitForSelector('main h1:has-text("My data")');
    // Back to Me and in again (no reload: a reload would lose what is only in memory).
    await page.locator('.data-back a').click();
    await page.locator('a.data-entry').click();
    await page.waitForFunction(() => document.querySelector('.count-settings')?.textContent.trim() === '1');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.data-export').click()]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(file.records.settings, [{ key: 'lang', value: 'en' }]);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
    dispose();
  }
});
