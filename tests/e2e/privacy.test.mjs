// Privacy (issue 4): during a whole session (every tab, both languages, export, import, erase and
// a catalog check) every request goes to the app's own origin, and nothing is sent anywhere:
// the only requests are GETs of the app's own files and its catalog pack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TABS, appReady, launch, watch, hostForTests } from './support.mjs';
import { driver, exportBackup, importFile, openDataScreen, seed } from './data-world.mjs';

const host = hostForTests();

test('a full session sends nothing anywhere: only GETs of the app origin', async () => {
  const { context, dispose } = await launch();
  const requests = [];
  // Context-wide, so the service worker's own fetches are seen as well as the page's.
  context.on('request', (req) => requests.push({ url: req.url(), method: req.method(), body: req.postData() }));
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    for (const tab of TABS) {
      await page.goto(host.origin + tab.path);
      await appReady(page);
    }
    await page.locator('button.lang-toggle').click();
    await page.waitForSelector('nav.tab-bar a:has-text("Me")');
    for (const tab of TABS) {
      await page.locator('nav.tab-bar a').nth(TABS.indexOf(tab)).click();
      await page.waitForURL(host.origin + tab.path);
    }
    await page.locator('button.lang-toggle').click();
    await page.waitForSelector('nav.tab-bar a:has-text("我的")');

    await seed(page, driver(20));
    await openDataScreen(page, host.origin);
    const backup = await exportBackup(page);
    await page.locator('button.data-erase-start').click();
    await page.locator('button.data-erase-confirm').click();
    await page.waitForSelector('#data-erase-outcome :text("本机数据已全部清除")');
    const restored = await importFile(page, backup.name, backup.text);
    assert.equal(restored.isError, false);
    await page.locator('button.data-check').click();
    await page.waitForSelector('#data-catalog-outcome .data-outcome:not(:has-text("正在检查"))');

    const own = (u) => u.startsWith(host.origin + '/') || u.startsWith('data:') || u.startsWith('blob:');
    assert.deepEqual(requests.filter((r) => !own(r.url)).map((r) => r.url), [], 'no request leaves the app origin');
    assert.deepEqual(seen.foreign, []);
    assert.deepEqual(requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`), [], 'nothing is posted');
    assert.ok(requests.some((r) => r.url === host.origin + '/catalog/pack.json'), 'the catalog check did run');
    // The person's data never appears in any URL (e.g. as a query string).
    const leaked = requests.filter((r) => /birth_date|1988-04-02|internet-plus-training|ev-000/.test(decodeURIComponent(r.url)));
    assert.deepEqual(leaked, []);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(await seen.csp(), []);
  } finally {
    await context.close();
    dispose();
  }
});
