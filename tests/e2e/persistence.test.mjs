// Nothing is lost (issue 4): what a person chose and saved survives a reload, closing and reopening
// the browser with the same profile, and installing a new version of the app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Host, appReady, copyBuild, launch, serviceWorkerControls, watch, hostForTests } from './support.mjs';
import { counts, driver, dump, openDataScreen, seed, settingStored } from './data-world.mjs';
import { writeServiceWorker } from '../../tools/sw-manifest.mjs';

const host = hostForTests();

/** English chosen on 我的 by tapping the radio, as a person does. */
async function chooseEnglish(page) {
  await page.locator('label.choice:has-text("English") input').check();
  await page.waitForSelector('nav.tab-bar a:has-text("Me")');
}

async function expectEnglishAndRecords(page, stored, origin = host.origin) {
  await page.goto(origin + '/me');
  await appReady(page);
  await page.waitForSelector('nav.tab-bar a:has-text("Me")');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('label.choice:has-text("English") input').isChecked(), true);
  assert.deepEqual(await dump(page), stored);
}

test('language and saved records survive a reload and a browser restart with the same profile', async () => {
  const first = await launch();
  let stored;
  try {
    const page = await first.context.newPage();
    const seen = watch(page, host.origin);
    await page.goto(host.origin + '/me');
    await appReady(page);
    await chooseEnglish(page);
    await seed(page, driver(2));
    // The language is a setting in IndexedDB, not only the localStorage mirror used for first paint.
    await settingStored(page, 'lang', 'en');
    stored = await dump(page);
    assert.equal(stored.answers.length, 3);

    await page.reload();
    await expectEnglishAndRecords(page, stored);
    assert.deepEqual(seen.errors, []);
  } finally {
    await first.context.close();
  }

  // Close the browser; open it again on the same profile. Drop the mirror: IndexedDB alone must do.
  const second = await launch({ profile: first.userDataDir });
  try {
    const page = await second.context.newPage();
    const seen = watch(page, host.origin);
    await page.goto(host.origin + '/');
    await appReady(page);
    await page.evaluate(() => localStorage.clear());
    await expectEnglishAndRecords(page, stored);
    await openDataScreen(page, host.origin);
    assert.deepEqual(await counts(page), { answers: 3, saved: 2, events: 2, settings: 1 });
    assert.deepEqual(seen.errors, []);
  } finally {
    await second.context.close();
    second.dispose();
  }
});

test('installing a new version of the app keeps everything the person saved', async () => {
  const buildA = copyBuild();
  const buildB = copyBuild();
  const indexB = join(buildB, 'index.html');
  writeFileSync(indexB, readFileSync(indexB, 'utf8').replace('</head>', '<meta name="leye-build" content="B"></head>'));
  writeServiceWorker(buildB);
  const updateHost = await new Host(buildA).start();
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, updateHost.origin);
    await page.goto(updateHost.origin + '/me');
    await appReady(page);
    await serviceWorkerControls(page);
    await chooseEnglish(page);
    await seed(page, driver(5));
    await settingStored(page, 'lang', 'en');
    const stored = await dump(page);

    await updateHost.stop();
    await updateHost.start(buildB);
    await page.reload();
    await appReady(page);
    const banner = page.locator('.banner-update button');
    await banner.waitFor({ timeout: 20000 });
    await Promise.all([page.waitForEvent('load', { timeout: 20000 }), banner.click()]);
    await appReady(page);
    assert.equal(await page.locator('meta[name="leye-build"]').getAttribute('content'), 'B');
    await expectEnglishAndRecords(page, stored, updateHost.origin);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
    dispose();
    await updateHost.stop();
  }
});
