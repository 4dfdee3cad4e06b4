// Opened from WeChat, on any phone (issue 13): real Chromium made to look like each environment — WeChat's user
// agents on Android and iOS, no service worker, no WebAssembly, downloads that fail or vanish — and in each the
// app does what it can, says plainly what it cannot, logs no error, and leaves what is stored as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, appReady, launch, watch, hostForTests, SHOTS } from './support.mjs';
import { counts, driver, dump, exportBackup, openDataScreen, seed } from './data-world.mjs';
import { refusals } from './backup-refusals.mjs';

/** WeChat 8.0.49 on Android: XWeb, its Chromium-based engine. */
const WECHAT_ANDROID =
  'Mozilla/5.0 (Linux; Android 13; V2148A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160117 MMWEBSDK/20240404 MMWEBID/2307 ' +
  'MicroMessenger/8.0.49.2600(0x28003133) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';
/** WeChat 8.0.47 on iOS: a WKWebView, which has no service worker. */
const WECHAT_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 ' +
  'MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN';

// Init scripts: each takes away what the environment lacks, before any of the page's scripts run.
const NO_SERVICE_WORKER = () => {
  delete Navigator.prototype.serviceWorker;
};
const NO_WEBASSEMBLY = () => {
  delete globalThis.WebAssembly;
};
const NO_OBJECT_URLS = () => {
  URL.createObjectURL = () => {
    throw new DOMException('Blob URLs are not allowed here', 'SecurityError');
  };
};
/** Clicking `<a download>` does nothing, silently, as in WeChat; counts the tries. */
const DOWNLOADS_IGNORED = () => {
  window.__ignoredDownloads = 0;
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.hasAttribute('download')) {
      window.__ignoredDownloads += 1;
      return;
    }
    return click.call(this);
  };
};

const IN_APP_LINE = /右上角 ··· → 在浏览器打开/;

const host = hostForTests();

/** axe-core's WCAG 2 A/AA violations on the page (evaluated over CDP, so the app's CSP stays strict). */
async function axeViolations(page) {
  await page.evaluate(readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } }));
  assert.ok(result.passes.length > 5, 'axe really checked the page');
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A fresh phone: `userAgent` (default Chromium's), `init` scripts, `grant` permissions. */
async function onPhone({ userAgent, init = [], grant = [] }, fn) {
  const { context, dispose } = await launch(userAgent ? { userAgent } : {});
  try {
    if (grant.length) await context.grantPermissions(grant, { origin: host.origin });
    const page = await context.newPage();
    for (const script of init) await page.addInitScript(script);
    const seen = watch(page, host.origin);
    await fn(page, seen, context);
    assert.deepEqual(seen.errors, [], 'no console errors or uncaught exceptions');
    assert.deepEqual(await seen.csp(), []);
    assert.deepEqual(seen.foreign, []);
  } finally {
    await context.close();
    dispose();
  }
}

/** Opens `path` and waits for the app; then stores the driver's records and returns them as stored. */
async function withDriverStored(page, path = '/me', events = 3) {
  await page.goto(host.origin + path);
  await appReady(page);
  await seed(page, driver(events));
  return dump(page);
}

test('WeChat on Android: the app works as elsewhere, with one calm line on opening it in the phone browser, at most once a day', async () => {
  await onPhone({ userAgent: WECHAT_ANDROID }, async (page) => {
    const stored = await withDriverStored(page, '/');
    const line = page.locator('.banner-inapp');
    await line.waitFor();
    assert.match(await line.innerText(), IN_APP_LINE);
    assert.equal(await line.getAttribute('role'), 'note', 'a note, not an alert');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(SHOTS, 'inapp-android.png') });
    // It blocks nothing: the tabs and screens work with it shown.
    await page.locator('nav.tab-bar a', { hasText: '政策' }).click();
    await page.locator('main h1', { hasText: '政策一览' }).waitFor();
    assert.equal(await line.count(), 1, 'still there until closed');
    await line.locator('button', { hasText: '知道了' }).click();
    assert.equal(await line.count(), 0);
    // Not again today, on any screen.
    await page.reload();
    await appReady(page);
    await page.goto(host.origin + '/');
    await appReady(page);
    await page.waitForTimeout(300);
    assert.equal(await line.count(), 0, 'shown at most once a day');
    // The next day it comes back once.
    await page.evaluate(() => localStorage.setItem('leye.inapp-shown', '2020-01-01'));
    await page.reload();
    await appReady(page);
    await line.waitFor();
    // XWeb has service workers: 数据 does not warn about offline use.
    await openDataScreen(page, host.origin);
    assert.equal(await page.locator('.data-no-offline').count(), 0);
    assert.deepEqual(await dump(page), stored, 'stored data intact');
  });
});

test('WeChat on iOS, without service workers: no error, no update offer, and 数据 says it cannot keep the app offline', async () => {
  await onPhone({ userAgent: WECHAT_IOS, init: [NO_SERVICE_WORKER] }, async (page) => {
    const stored = await withDriverStored(page, '/');
    assert.equal(await page.evaluate(() => 'serviceWorker' in navigator), false);
    await page.locator('.banner-inapp').waitFor();
    await openDataScreen(page, host.origin);
    const note = page.locator('.data-no-offline');
    assert.match(await note.innerText(), /这个浏览器不能让乐业通离线使用/);
    assert.match(await note.innerText(), IN_APP_LINE);
    assert.deepEqual(await counts(page), { answers: 3, saved: 2, events: 3, settings: 0 });
    await page.screenshot({ path: join(SHOTS, 'inapp-ios-data.png'), fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    // Every tab still opens; nothing offers an install or an update that cannot happen.
    for (const [label, heading] of [['自测', /./], ['培训', /培训/], ['我的', /我的/]]) {
      await page.locator('nav.tab-bar a', { hasText: label }).click();
      await page.locator('main h1').filter({ hasText: heading }).first().waitFor();
    }
    await page.waitForTimeout(1500); // past the app's after-load work
    assert.equal(await page.locator('.banner-update').count(), 0);
    await page.locator('button.lang-toggle').click();
    await page.locator('nav.tab-bar a[href="/me"]:has-text("Me")').waitFor();
    await page.locator('a.data-entry').click();
    assert.match(await page.locator('.data-no-offline').innerText(), /cannot keep LeYe for offline use/);
    await page.locator('button.lang-toggle').click();
    await page.locator('nav.tab-bar a[href="/me"]:has-text("我的")').waitFor();
    const now = await dump(page);
    // The language choice is a setting the person made; everything else as it was.
    assert.deepEqual({ ...now, settings: [] }, { ...stored, settings: [] }, 'stored data intact');
  });
});

test('without WebAssembly, the prerendered 首页 stays readable and says what to do in place of the buttons', async () => {
  await onPhone({}, async (page, seen, context) => {
    const stored = await withDriverStored(page, '/');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('no-app')), false,
      'where the app runs, nothing of this shows');
    assert.equal(await page.locator('.app-missing').isVisible(), false);

    const old = await context.newPage();
    await old.addInitScript(NO_WEBASSEMBLY);
    const oldSeen = watch(old, host.origin);
    await old.goto(host.origin + '/');
    await old.waitForSelector('html.no-app');
    assert.equal(await old.locator('#boot main h1').innerText(), '查一查,你能领哪些补贴');
    assert.ok(await old.locator('#boot main h1').isVisible());
    assert.match(await old.locator('#boot .card').innerText(), /适合谁用/);
    const missing = old.locator('#boot .app-missing');
    assert.ok(await missing.isVisible());
    assert.match(await missing.innerText(), IN_APP_LINE);
    assert.match(await missing.innerText(), /把微信更新到最新版/);
    // In place of the buttons that need the app (and the tabs and language switch, which need it too).
    assert.equal(await old.locator('#boot .needs-app').count(), 4);
    for (const button of await old.locator('#boot .needs-app').all()) assert.equal(await button.isVisible(), false);
    assert.equal(await old.locator('#boot nav.tab-bar').isVisible(), false);
    await old.screenshot({ path: join(SHOTS, 'no-wasm-home.png'), fullPage: true });
    assert.deepEqual(await axeViolations(old), []);
    // It stays that way: no spinner, nothing replaced it.
    await old.waitForTimeout(2500);
    assert.ok(await missing.isVisible());
    // A link to another screen (a shared program link): the name and the same sentence, not an empty page.
    await old.goto(host.origin + '/policies');
    await old.waitForSelector('html.no-app');
    assert.equal(await old.locator('#boot .boot-mark').innerText(), '乐业通');
    assert.match(await old.locator('#boot .app-missing').innerText(), IN_APP_LINE);
    // In English for someone who chose it.
    await old.evaluate(() => localStorage.setItem('leye.lang', 'en'));
    await old.goto(host.origin + '/');
    await old.waitForSelector('html.no-app');
    assert.match(await old.locator('#boot .app-missing').innerText(), /Open in browser/);
    await old.goto(host.origin + '/training');
    await old.waitForSelector('html.no-app');
    assert.match(await old.locator('#boot .app-missing').innerText(), /update WeChat/);
    await old.evaluate(() => localStorage.removeItem('leye.lang'));
    assert.deepEqual(oldSeen.errors, [], 'no uncaught error, no console error');
    assert.deepEqual(await oldSeen.csp(), []);
    await old.close();

    // Back in a browser that runs it, everything stored is there.
    await page.reload();
    await appReady(page);
    assert.deepEqual(await dump(page), stored, 'stored data intact');
  });
});

test('a wasm that fails to start (damaged on the way) gets the same sentence, not a blank screen', async () => {
  await onPhone({}, async (page, seen) => {
    await page.route(/\/leye_bg\.wasm$/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm at all') }));
    await page.goto(host.origin + '/');
    await page.waitForSelector('html.no-app');
    assert.ok(await page.locator('#boot .app-missing').isVisible());
    assert.ok(await page.locator('#boot main h1').isVisible());
    // The browser names the file that failed its integrity check; the page adds no error of its own.
    const own = seen.errors.filter((e) => !/integrity|leye_bg\.wasm/.test(e));
    assert.deepEqual(own, []);
    seen.errors.length = 0;
  });
});

test('where object URLs are refused, every export says so and offers copy and the text; the text pasted back restores everything', async () => {
  await onPhone({ init: [NO_OBJECT_URLS], grant: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    const stored = await withDriverStored(page, '/me');
    await openDataScreen(page, host.origin);
    await page.locator('button.data-export').click();
    const panel = page.locator('section:has(#data-backup-title) .export-other');
    await panel.waitFor();
    assert.match(await panel.locator('.export-other-intro').innerText(), /这个浏览器不能直接下载文件/);
    assert.match(await page.locator('#data-backup-outcome').innerText(), /不能直接下载文件/);
    const text = await panel.locator('textarea.export-text').inputValue();
    const backup = JSON.parse(text);
    assert.equal(backup.format, 'leye-backup');
    assert.equal(backup.records.training_events.length, 3);
    assert.equal(await panel.locator('textarea.export-text').getAttribute('readonly'), '');
    await panel.locator('button.export-copy').click();
    await panel.locator('.export-copied:has-text("已复制")').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
    await page.screenshot({ path: join(SHOTS, 'export-blocked.png'), fullPage: true });
    await page.locator('details.data-paste summary').click();
    assert.deepEqual(await axeViolations(page), [], 'the export panel and the paste box');

    // Erase, then restore by pasting the copied text.
    await page.locator('button.data-erase-start').click();
    await page.locator('button.data-erase-confirm').click();
    await page.waitForSelector('#data-erase-outcome :text("本机数据已全部清除")');
    assert.deepEqual(await counts(page), { answers: 0, saved: 0, events: 0, settings: 0 });
    const result = await pasteRestore(page, text);
    assert.equal(result.isError, false, result.text);
    assert.match(result.text, /已从备份恢复 8 条记录/);
    await page.waitForFunction(() => document.querySelector('.count-answers').textContent.includes('3'));
    assert.deepEqual(await dump(page), stored, 'every record back');

    // The 培训 exports: the calendar file and the learning record.
    await page.goto(host.origin + '/training');
    await appReady(page);
    await page.waitForSelector('.training-mine .my-course');
    await page.locator('button.export-record').click();
    const record = page.locator('section.training-record .export-other');
    await record.waitFor();
    assert.match(await record.innerText(), /这个浏览器不能直接下载文件/);
    assert.equal(JSON.parse(await record.locator('textarea').inputValue()).format, 'leye-learning-record');
    // A certificate from a month ago brings a claim deadline, which the calendar file carries.
    const issued = await page.evaluate(() => new Date(Date.now() - 30 * 86400000).toISOString().slice(0, 10));
    const certs = page.locator('section.training-certs');
    await certs.locator('details.add-form > summary').click();
    await certs.locator('input[name="cert-name"]').fill('电工');
    await certs.locator('select[name="cert-level"]').selectOption('level5');
    await certs.locator('input[name="cert-number"]').fill('DG-1');
    await certs.locator('input[name="cert-issued"]').fill(issued);
    await certs.locator('form button[type="submit"]').click();
    const deadlines = page.locator('section.training-deadlines');
    await deadlines.locator('button.export-ics').click();
    const ics = deadlines.locator('.export-other textarea');
    await ics.waitFor();
    assert.match(await deadlines.locator('.export-other').innerText(), /这个浏览器不能直接下载文件/);
    assert.match(await ics.inputValue(), /^BEGIN:VCALENDAR/);
    assert.match(await ics.inputValue(), /电工/);
    const withCertificate = await dump(page);
    assert.equal(withCertificate.training_events.length, 4);
    await deadlines.locator('button.export-copy').click();
    await deadlines.locator('.export-copied:has-text("已复制")').waitFor();
    // The clipboard gets the file as made (CRLF line ends, as iCalendar wants); a text box shows them as LF.
    const copiedIcs = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copiedIcs, /^BEGIN:VCALENDAR\r\n/);
    assert.equal(copiedIcs.replace(/\r\n/g, '\n'), await ics.inputValue());
    assert.deepEqual(await dump(page), withCertificate, 'exports change nothing stored');
  });
});

test('where <a download> is silently ignored (WeChat), the file can still be shared, copied or long-pressed', async () => {
  const SHARE_FILES = () => {
    window.__shared = [];
    Navigator.prototype.canShare = function (data) {
      return !!(data && data.files && data.files.length === 1 && data.files[0] instanceof File);
    };
    Navigator.prototype.share = async function (data) {
      window.__shared.push({ name: data.files[0].name, type: data.files[0].type, text: await data.files[0].text() });
    };
  };
  await onPhone({ userAgent: WECHAT_ANDROID, init: [DOWNLOADS_IGNORED, SHARE_FILES] }, async (page) => {
    const stored = await withDriverStored(page, '/me');
    await openDataScreen(page, host.origin);
    await page.locator('button.data-export').click();
    const panel = page.locator('section:has(#data-backup-title) .export-other');
    await panel.waitFor();
    assert.equal(await page.evaluate(() => window.__ignoredDownloads), 1, 'the download was tried');
    assert.match(await panel.locator('.export-other-intro').innerText(), /没看到下载的文件/);
    const text = await panel.locator('textarea.export-text').inputValue();
    await panel.locator('button.export-share').click();
    await page.waitForFunction(() => window.__shared.length === 1);
    const shared = await page.evaluate(() => window.__shared[0]);
    assert.match(shared.name, /^leye-backup-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(shared.type, 'application/json');
    assert.equal(shared.text, text);
    assert.deepEqual(await dump(page), stored, 'stored data intact');
  });
});

/** Pastes `text` (or `{ bytes }` spaces, made in the page) into 粘贴备份 and taps restore; the message shown. */
async function pasteRestore(page, text) {
  const details = page.locator('details.data-paste');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await page.locator('#data-paste-text').evaluate((box, text) => {
    box.value = typeof text === 'string' ? text : ' '.repeat(text.bytes);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
  // The line still shows the previous outcome until the app has redrawn it: wait for a new one. (The callers never
  // expect the same message twice in a row.)
  const line = page.locator('#data-backup-outcome .data-outcome');
  const previous = (await line.count()) ? await line.innerText() : '';
  await page.locator('button.data-paste-restore').click();
  await page.waitForFunction((previous) => {
    const el = document.querySelector('#data-backup-outcome .data-outcome');
    return el && !/正在|Checking/.test(el.textContent) && el.innerText !== previous;
  }, previous, { timeout: 30000 });
  return { text: await line.innerText(), isError: (await line.getAttribute('role')) === 'alert' };
}

test('pasted text goes through every check a backup file goes through, and a refusal changes nothing', async () => {
  await onPhone({}, async (page) => {
    const stored = await withDriverStored(page, '/me');
    await openDataScreen(page, host.origin);
    const { text } = await exportBackup(page);
    for (const [what, contents, message] of refusals(text)) {
      const pasted = contents.path ? { bytes: contents.bytes } : contents.toString();
      const result = await pasteRestore(page, pasted);
      assert.equal(result.isError, true, `${what} is shown as a refusal`);
      assert.match(result.text, message, what);
      assert.match(result.text, /没有做任何更改/, what);
      assert.deepEqual(await dump(page), stored, `${what} changed nothing`);
      assert.deepEqual(await counts(page), { answers: 3, saved: 2, events: 3, settings: 0 }, what);
    }
    await page.locator('#data-paste-text').fill('');
  });
});

test('a 备份 reminder in 我的 once the log is worth keeping and may be cleared, at most weekly', async () => {
  const reminder = (page) => page.locator('.backup-reminder');
  const openMe = async (page) => {
    await page.goto(host.origin + '/me');
    await appReady(page);
    await page.waitForTimeout(500); // the check reads storage after the screen shows
  };
  // WeChat may clear its storage whatever it promised: three entries are not yet worth a reminder, five are.
  await onPhone({ userAgent: WECHAT_ANDROID }, async (page) => {
    await withDriverStored(page, '/me', 3);
    await openMe(page);
    assert.equal(await reminder(page).count(), 0, 'three entries: no reminder yet');
    const stored = await withDriverStored(page, '/me', 5);
    await openMe(page);
    await reminder(page).waitFor();
    assert.match(await reminder(page).innerText(), /建议备份一份/);
    await reminder(page).locator('button', { hasText: '以后再说' }).click();
    assert.equal(await reminder(page).count(), 0);
    await openMe(page);
    assert.equal(await reminder(page).count(), 0, 'not again within the week');
    await page.evaluate(() => localStorage.setItem('leye.backup-reminder-shown', '2020-01-01'));
    await openMe(page);
    await reminder(page).locator('a', { hasText: '去备份' }).click();
    await page.waitForURL(host.origin + '/me/data');
    assert.deepEqual(await dump(page), stored, 'stored data intact');
  });
  // A phone browser: only while the browser has not promised to keep the data.
  for (const kept of [true, false]) {
    const init = kept ? [() => { StorageManager.prototype.persisted = async () => true; }]
      : [() => { StorageManager.prototype.persisted = async () => false; }];
    await onPhone({ init }, async (page) => {
      await withDriverStored(page, '/me', 5);
      await openMe(page);
      assert.equal(await page.locator('.banner-inapp').count(), 0, 'no in-app line in a phone browser');
      assert.equal(await reminder(page).count(), kept ? 0 : 1, kept ? 'kept: no reminder' : 'not kept: reminder');
    });
  }
});
