// Hostile inputs against the release build (issue 14): a catalog download that stalls, packs dated in the
// future or the past or packed wrongly, someone else's backup, a backup saved again with a byte order mark,
// a browser database that never answers, and two tabs writing at once. Nothing may wedge the app, hide a
// person's data or blame the wrong cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appReady, launch, watch, hostForTests } from './support.mjs';
import {
  DRIVER_COURSE, canonical, counts, driver, dump, exportBackup, importFile, newerPack, openDataScreen, seed,
  servedPack, sha256,
} from './data-world.mjs';

const host = hostForTests();

/** A fresh browser on the data screen, with the driver's records stored. */
async function withDriver(fn, { setup } = {}) {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    if (setup) await setup(page);
    await page.goto(host.origin + '/me');
    await appReady(page);
    await seed(page, driver());
    await openDataScreen(page, host.origin);
    await fn(page, seen, context);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(await seen.csp(), []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
    dispose();
  }
}

/** The phone's civil date shifted by `days`, as YYYY-MM-DD. */
async function phoneDate(page, days = 0) {
  return page.evaluate((days) => {
    const d = new Date();
    d.setHours(12, 0, 0, 0);
    d.setDate(d.getDate() + days);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  }, days);
}

/**
 * A real update's date: the day after the built-in data's (never "after today" by more than the day of
 * clock skew allowed, whatever day the built-in data was published).
 */
function nextDay(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Taps 检查更新 and returns what the catalog section says once the check is over. */
async function checkNow(page, timeout = 10000) {
  await page.locator('button.data-check').click();
  await page.waitForFunction(() => {
    const el = document.querySelector('#data-catalog-outcome .data-outcome');
    return el && !/正在检查/.test(el.textContent);
  }, null, { timeout });
  return page.locator('#data-catalog-outcome .data-outcome').innerText();
}

/** Serves `pack` (an object, or text) as /catalog/pack.json from now on. */
async function servePack(page, pack) {
  await page.unroute('**/catalog/pack.json');
  await page.route('**/catalog/pack.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: typeof pack === 'string' ? pack : JSON.stringify(pack) }));
}

const dateShown = (page) => page.locator('.data-catalog-date strong').innerText();

/** A backup text with its records changed by `edit`, checksum made right again (a well-made file). */
function edited(text, edit) {
  const file = JSON.parse(text);
  edit(file);
  file.sha256 = sha256(canonical(file.records));
  return JSON.stringify(file);
}

// ---- item 1: a stalled catalog download ----

test('a catalog download that stalls is given up with a reason, and backup, restore and erase work meanwhile', async () => {
  await withDriver(async (page) => {
    const builtin = await dateShown(page);
    // The server accepts the request and then never answers.
    await page.route('**/catalog/pack.json', () => {});
    const started = Date.now();
    await page.locator('button.data-check').click();
    await page.waitForSelector('#data-catalog-outcome .data-outcome:has-text("正在检查")');
    // While the check hangs, the other sections are not held up.
    assert.equal(await page.locator('button.data-export').isEnabled(), true, '导出 is usable during the check');
    assert.equal(await page.locator('#data-import-file').isEnabled(), true, '恢复 is usable during the check');
    assert.equal(await page.locator('button.data-erase-start').isEnabled(), true, '清除 is usable during the check');
    const { text } = await exportBackup(page);
    assert.equal(JSON.parse(text).records.answers.length, 3);
    // The download is given up after its deadline, and the person is told why.
    await page.waitForFunction(() => {
      const el = document.querySelector('#data-catalog-outcome .data-outcome');
      return el && !/正在检查/.test(el.textContent);
    }, null, { timeout: 40000 });
    const said = await page.locator('#data-catalog-outcome .data-outcome').innerText();
    assert.match(said, /网络太慢/);
    assert.match(said, /继续使用当前数据/);
    assert.ok(Date.now() - started < 35000, 'given up within the deadline');
    assert.equal(await dateShown(page), builtin);
    assert.equal(await page.locator('button.data-check').isEnabled(), true, '检查更新 can be tapped again');
    await page.unroute('**/catalog/pack.json');
  });
});

// ---- item 2: packs dated in the future ----

test('a valid pack dated after today is refused for its date; real updates still get through', async () => {
  await withDriver(async (page) => {
    const served = servedPack();
    const builtin = await dateShown(page);
    const future = newerPack(served, { published: await phoneDate(page, 20), version: '2099.1.1' });
    await servePack(page, future);
    const said = await checkNow(page);
    assert.match(said, /晚于今天/, said);
    assert.equal(await dateShown(page), builtin, 'the future pack did not take over');
    // A real update is taken.
    const later = nextDay(served.published);
    await servePack(page, newerPack(served, { published: later, version: '2026.99.1' }));
    assert.match(await checkNow(page), /政策数据已更新/);
    assert.equal(await dateShown(page), later);
  });
});

test('a future-dated pack already stored is dropped at start-up with a notice, and the next real update is taken', async () => {
  await withDriver(async (page) => {
    const served = servedPack();
    const builtin = await dateShown(page);
    // Stored by an older app that did not check dates.
    const published = await phoneDate(page, 30);
    const pack = newerPack(served, { published, version: '2099.1.1' });
    const text = JSON.stringify(pack);
    await page.evaluate(async ({ text, published }) => {
      const db = await new Promise((ok, fail) => {
        const req = indexedDB.open('leye');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const tx = db.transaction('catalog', 'readwrite');
      tx.objectStore('catalog').put({
        version: '2099.1.1', published, sha256: 'stored-by-an-older-app', installed_at_ms: Date.now(), pack_json: text,
      }, 'pack');
      await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
      db.close();
    }, { text, published });
    // A real update is what the server has; it must not be hidden by the stored pack.
    const later = nextDay(served.published);
    await servePack(page, newerPack(served, { published: later, version: '2026.99.1' }));
    await page.reload();
    await appReady(page);
    await page.waitForSelector('.banner-notice:has-text("已停用一份标注日期在未来")');
    assert.match(await page.locator('.banner-notice').innerText(), new RegExp(published));
    assert.notEqual(await dateShown(page), published);
    const stored = await page.evaluate(async () => {
      const db = await new Promise((ok) => { const r = indexedDB.open('leye'); r.onsuccess = () => ok(r.result); });
      const v = await new Promise((ok) => { const r = db.transaction('catalog').objectStore('catalog').get('pack'); r.onsuccess = () => ok(r.result); });
      db.close();
      return v ? v.published : null;
    });
    assert.notEqual(stored, published, 'the future-dated pack is gone from storage');
    // The next check (a tap, or the start-up one 8 s after loading, whichever comes first) takes the
    // real update: the dropped pack no longer hides it.
    if ((await dateShown(page)) !== later) {
      assert.match(await checkNow(page), /政策数据已更新|政策数据已是最新/);
    }
    await page.waitForSelector(`.data-catalog-date strong:has-text("${later}")`);
    assert.notEqual(builtin, later);
  });
});

// ---- item 3: restore asks first, and can be undone ----

test('restoring someone else\'s backup shows file against phone, asks, and one tap undoes it', async () => {
  await withDriver(async (page) => {
    const before = await dump(page);
    const { name, text } = await exportBackup(page);
    // Someone else's backup: one answer, nothing saved, no training.
    const theirs = edited(text, (file) => {
      file.records.answers = [{ fact_id: 'birth_date', value: '1999-09-09', updated_at_ms: 1 }];
      file.records.saved = [];
      file.records.training_events = [];
      delete file.records.learning_record;
    });
    await page.locator('#data-import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(theirs) });
    const question = page.locator('.data-restore-question');
    await question.waitFor();
    const row = async (label) => (await question.locator(`tr:has(th:text-is("${label}")) td`).allInnerTexts());
    assert.deepEqual(await row('自测回答'), ['1 条', '3 条']);
    assert.deepEqual(await row('收藏的政策'), ['0 项', '2 项']);
    assert.deepEqual(await row('报名的课程'), ['0 门', '1 门']);
    assert.deepEqual(await row('学习时长'), ['0 小时', '2 小时']);
    assert.deepEqual(await row('证书'), ['0 张', '0 张']);
    assert.equal(await page.evaluate(() => document.activeElement.className.includes('data-restore-cancel')), true);
    assert.deepEqual(await dump(page), before, 'asking changes nothing');

    // Cancel: nothing changes.
    await page.locator('button.data-restore-cancel').click();
    await page.waitForSelector('#data-backup-outcome :text("没有恢复")');
    assert.deepEqual(await dump(page), before);

    // Again, and replace.
    await page.locator('#data-import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(theirs) });
    await question.waitFor();
    await page.locator('button.data-restore-confirm').click();
    await page.waitForSelector('#data-backup-outcome :text("已从备份恢复")');
    assert.deepEqual(await counts(page), { answers: 1, saved: 0, events: 0, settings: 0 });

    // The replaced data was kept: one tap brings it back.
    await page.waitForSelector('.data-undo-note:has-text("学习时长 2 小时")');
    await page.locator('button.data-undo-button').click();
    await page.waitForSelector('#data-backup-outcome :text("已撤销恢复")');
    await page.waitForFunction(() => document.querySelector('.count-answers').textContent.includes('3'));
    assert.deepEqual(await dump(page), before, 'every record is back');
    // And the undo can itself be undone (the other person's data was kept in turn).
    await page.waitForSelector('.data-undo-note:has-text("自测回答 1 条")');
  });
});

// ---- item 4: a catalog update that drops an enrolled course ----

/**
 * Drops the parameters and sources nothing in `payload` refers to any more (a catalog whose programs carry
 * dated parameters refuses orphans), so a pack without some program is still a valid pack.
 */
function pruneUnused(payload) {
  if (Array.isArray(payload.parameters)) {
    const uses = JSON.stringify({ ...payload, parameters: [] });
    payload.parameters = payload.parameters.filter((p) => uses.includes(p.id));
  }
  if (Array.isArray(payload.sources)) {
    const uses = JSON.stringify({ ...payload, sources: [] });
    payload.sources = payload.sources.filter((s) => uses.includes(`"${s.id}"`));
  }
}

test('an update that no longer lists an enrolled course says so, and the hours logged for it stay visible', async () => {
  await withDriver(async (page) => {
    const tab = (label) => page.locator('nav.tab-bar a', { hasText: label });
    await tab('培训').click();
    await page.waitForSelector('.training-mine .my-course .figures:has-text("已学2小时")');
    await tab('我的').click();
    await page.locator('a.data-entry').click();
    await page.waitForURL(host.origin + '/me/data');

    const served = servedPack();
    const course = served.payload.courses.find((c) => c.id === DRIVER_COURSE);
    const pack = newerPack(served, { published: nextDay(served.published), version: '2026.99.3' });
    pack.payload.courses = pack.payload.courses.filter((c) => c.id !== DRIVER_COURSE);
    // The driver saved this program too; the update drops it as well.
    const loan = served.payload.programs.find((p) => p.id === 'startup-guaranteed-loan');
    pack.payload.programs = pack.payload.programs.filter((p) => p.id !== loan.id);
    pruneUnused(pack.payload);
    pack.sha256 = sha256(canonical(pack.payload));
    await servePack(page, pack);
    const said = await checkNow(page);
    assert.match(said, /政策数据已更新/, said);
    assert.doesNotMatch(said, /没有变化/, said);
    assert.match(said, /不在新的政策数据中/, said);
    assert.ok(said.includes(course.name.zh), said);
    assert.ok(said.includes(loan.name.zh), said);
    // The saved program is still counted, and named as no longer listed.
    assert.equal((await counts(page)).saved, 2);
    await page.waitForSelector(`.data-unlisted-saved:has-text("${loan.id}")`);

    await tab('培训').click();
    const mine = page.locator('.training-mine .my-course');
    await mine.first().waitFor();
    assert.match(await mine.first().innerText(), /已学2小时/);
    assert.match(await mine.first().locator('.my-course-unlisted-note').innerText(), /已不在当前的政策数据中/);
  });
});

// ---- item 6: the real reason, every time ----

test('backups: schema 0 is not blamed on a newer app; a byte order mark is accepted', async () => {
  await withDriver(async (page) => {
    const before = await dump(page);
    const { name, text } = await exportBackup(page);
    const zero = JSON.parse(text);
    zero.schema_version = 0;
    const refused = await importFile(page, 'zero.json', JSON.stringify(zero));
    assert.equal(refused.isError, true);
    assert.match(refused.text, /格式版本（0）不是乐业通写出的/);
    assert.doesNotMatch(refused.text, /更新版本/);
    assert.match(refused.text, /没有做任何更改/);
    assert.deepEqual(await dump(page), before);

    // Saved again by an editor that puts a UTF-8 byte order mark in front: the same backup.
    await page.locator('button.data-erase-start').click();
    await page.locator('button.data-erase-confirm').click();
    await page.waitForSelector('#data-erase-outcome :text("本机数据已全部清除")');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const result = await importFile(page, name, withBom);
    assert.equal(result.isError, false, result.text);
    assert.match(result.text, /已从备份恢复/);
    assert.deepEqual(await dump(page), before);
  });
});

test('packs: a wrongly packed one is not called damaged, an older one is not called full of errors', async () => {
  await withDriver(async (page) => {
    const served = servedPack();
    // Arrived whole (checksum right), but its envelope names another version than its contents.
    const mismatched = newerPack(served, { published: nextDay(served.published), version: '2026.99.1' });
    mismatched.version = '2026.99.2';
    await servePack(page, mismatched);
    const said = await checkNow(page);
    assert.match(said, /版本号或日期与其中的内容不一致/, said);
    assert.doesNotMatch(said, /校验失败|损坏/, said);
    // Older than the data in use: nothing to update, not "errors in its content".
    await servePack(page, newerPack(served, { published: '2025-01-15', version: '2025.1.1' }));
    const older = await checkNow(page);
    assert.match(older, /政策数据已是最新/, older);
    assert.doesNotMatch(older, /错误/, older);
  });
});

test('a browser database that never answers is not blamed on another tab', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    // The open request is accepted and then nothing ever happens: no success, no error, no "blocked".
    await page.addInitScript(() => {
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (name, ...rest) {
        if (name === 'leye') return {};
        return open.call(this, name, ...rest);
      };
    });
    await page.goto(host.origin + '/me/data');
    await appReady(page);
    const banner = page.locator('.banner-storage');
    await banner.waitFor({ timeout: 20000 });
    const text = await banner.innerText();
    assert.match(text, /8秒内没有响应/);
    assert.match(text, /重新加载/);
    assert.doesNotMatch(text, /旧版本|另一个标签页/);
  } finally {
    await context.close();
    dispose();
  }
});

// ---- item 5: two tabs ----

/** The course page of the driver's course, ready. */
async function openCourse(page) {
  await page.goto(host.origin + '/training/' + DRIVER_COURSE);
  await appReady(page);
  await page.waitForSelector('.course-progress .figures');
}

async function logHours(page, hours, date) {
  const form = page.locator('section.log form');
  await form.locator('input[name="log-kind"]').first().check();
  await form.locator('input[name="log-date"]').fill(date);
  await form.locator('input[name="log-hours"]').fill(String(hours));
  await form.locator('button[type="submit"]').click();
}

/** Minutes stored for `date`, over all courses, undone entries left out. */
async function storedMinutes(page, date) {
  const { training_events: events } = await dump(page);
  const undone = new Set(events.filter((e) => e.event.what.type === 'undo').map((e) => e.event.what.target));
  return events
    .filter((e) => e.event.what.type === 'hours_studied' && e.event.on === date && !undone.has(e.event.id))
    .reduce((sum, e) => sum + e.event.what.minutes, 0);
}

test('two tabs: each sees the other\'s hours at once, and a day never holds more than 24 hours', async () => {
  const { context, dispose } = await launch();
  try {
    const a = await context.newPage();
    const seenA = watch(a, host.origin);
    await a.goto(host.origin + '/me');
    await appReady(a);
    await seed(a, driver());
    await openCourse(a);
    const b = await context.newPage();
    const seenB = watch(b, host.origin);
    await openCourse(b);
    await b.waitForSelector('.course-progress .figures:has-text("已学2小时")');

    // Tab A logs 20 hours today; tab B shows them without a reload.
    const today = await phoneDate(a);
    await logHours(a, 20, today);
    await a.waitForSelector('.course-progress .figures:has-text("已学22小时")');
    await b.waitForSelector('.course-progress .figures:has-text("已学22小时")', { timeout: 10000 });
    // So tab B refuses another 20 hours for the same day, next to the field.
    await logHours(b, 20, today);
    await b.waitForSelector('section.log .field-error');
    assert.match(await b.locator('section.log .field-error').innerText(), /24/);
    assert.equal(await storedMinutes(a, today), 20 * 60);

    // A tab that cannot tell the others (an older app version, here the test writing directly) stores
    // 20 hours for yesterday; tab B has not seen them, and its 20 more are refused by the write itself.
    const yesterday = await phoneDate(a, -1);
    await seed(a, {
      training_events: [{
        event_id: 'other-tab-1', course_id: DRIVER_COURSE, recorded_at_ms: Date.now(),
        event: { id: 'other-tab-1', on: yesterday, course: DRIVER_COURSE, what: { type: 'hours_studied', minutes: 1200 } },
      }],
    });
    await logHours(b, 20, yesterday);
    await b.waitForSelector('.banner-notice:has-text("24")', { timeout: 10000 });
    assert.equal(await storedMinutes(a, yesterday), 20 * 60, 'the day holds 20 hours, not 40');
    for (const seen of [seenA, seenB]) {
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.foreign, []);
    }
  } finally {
    await context.close();
    dispose();
  }
});
