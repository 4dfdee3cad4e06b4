// The installable offline shell (issue 2): routes, offline reloads, installability, CSP, update flow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Host, TABS, appReady, copyBuild, launch, serviceWorkerControls, watch, hostForTests } from './support.mjs';
import { writeServiceWorker } from '../../tools/sw-manifest.mjs';

const host = hostForTests();

test('every tab route renders in Chinese, deep links and back work, without console errors or CSP violations', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    for (const tab of TABS) {
      await page.goto(host.origin + tab.path);
      await appReady(page);
      const current = page.locator('nav.tab-bar a[aria-current="page"]');
      assert.equal(await current.count(), 1, `one tab is current on ${tab.path}`);
      assert.match(await current.innerText(), new RegExp(tab.label), `the ${tab.label} tab is current on ${tab.path}`);
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
      assert.ok((await page.locator('main h1').innerText()).length > 0, `${tab.path} has a heading`);
    }
    // Tap through the tab bar, then go back.
    await page.goto(host.origin + '/');
    await appReady(page);
    await page.locator('nav.tab-bar a', { hasText: '政策' }).click();
    await page.waitForURL(host.origin + '/policies');
    await page.locator('nav.tab-bar a', { hasText: '我的' }).click();
    await page.waitForURL(host.origin + '/me');
    await page.goBack();
    await page.waitForURL(host.origin + '/policies');
    await page.waitForSelector('nav.tab-bar a[aria-current="page"]:has-text("政策")');

    assert.deepEqual(seen.errors, []);
    assert.deepEqual(await seen.csp(), []);
    assert.deepEqual(seen.foreign, [], 'no request leaves the app origin');
  } finally {
    await context.close();
    dispose();
  }
});

test('an unknown route shows a friendly 404 with a way home', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(host.origin + '/no/such/page');
    await appReady(page);
    assert.match(await page.locator('main h1').innerText(), /没有找到这个页面/);
    await page.locator('main a', { hasText: '回到首页' }).click();
    await page.waitForURL(host.origin + '/');
  } finally {
    await context.close();
    dispose();
  }
});

test('the language switch changes the text and <html lang>, and is remembered', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(host.origin + '/me');
    await appReady(page);
    await page.locator('button.lang-toggle').click();
    await page.waitForSelector('nav.tab-bar a:has-text("Policies")');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.reload();
    await appReady(page);
    await page.waitForSelector('nav.tab-bar a:has-text("Policies")');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
  } finally {
    await context.close();
    dispose();
  }
});

test('after the first visit every route reloads with the server stopped', async () => {
  const offlineHost = await new Host(copyBuild()).start();
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, offlineHost.origin);
    await page.goto(offlineHost.origin + '/');
    await appReady(page);
    await serviceWorkerControls(page);
    await offlineHost.stop();
    for (const tab of TABS) {
      await page.goto(offlineHost.origin + tab.path);
      await appReady(page);
      await page.waitForSelector(`nav.tab-bar a[aria-current="page"]:has-text("${tab.label}")`);
    }
    // The 404 route works offline too.
    await page.goto(offlineHost.origin + '/nowhere');
    await appReady(page);
    assert.match(await page.locator('main h1').innerText(), /没有找到这个页面/);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
    dispose();
    await offlineHost.stop();
  }
});

test('the app is installable (no installability errors in a persistent profile)', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(host.origin + '/');
    await appReady(page);
    await serviceWorkerControls(page);
    const cdp = await context.newCDPSession(page);
    let errors = [];
    // The manifest and worker are checked asynchronously; give Chromium a moment to settle.
    for (let i = 0; i < 10; i++) {
      ({ installabilityErrors: errors } = await cdp.send('Page.getInstallabilityErrors'));
      if (errors.length === 0) break;
      await page.waitForTimeout(500);
    }
    assert.deepEqual(errors, []);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, []);
  } finally {
    await context.close();
    dispose();
  }
});

test('a new deployment shows the update banner; a tap makes it live and keeps the user settings', async () => {
  const buildA = copyBuild();
  const buildB = copyBuild();
  // Build B: the same app with a marker, and a service worker regenerated from its files.
  const indexB = join(buildB, 'index.html');
  writeFileSync(indexB, readFileSync(indexB, 'utf8').replace('</head>', '<meta name="leye-build" content="B"></head>'));
  writeServiceWorker(buildB);
  assert.notEqual(readFileSync(join(buildA, 'sw.js'), 'utf8'), readFileSync(join(buildB, 'sw.js'), 'utf8'));

  const updateHost = await new Host(buildA).start();
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, updateHost.origin);
    await page.goto(updateHost.origin + '/me');
    await appReady(page);
    await serviceWorkerControls(page);
    await page.locator('button.lang-toggle').click(); // something the user chose, to survive the update
    await page.waitForSelector('nav.tab-bar a:has-text("Me")');

    await updateHost.stop();
    await updateHost.start(buildB);
    await page.reload(); // the browser checks sw.js on navigation and installs B beside A
    await appReady(page);
    assert.equal(await page.locator('meta[name="leye-build"]').count(), 0, 'A still serves until the tap');
    const banner = page.locator('.banner-update button');
    await banner.waitFor({ timeout: 20000 });
    assert.match(await banner.innerText(), /new version|新版本/i);

    await Promise.all([page.waitForEvent('load', { timeout: 20000 }), banner.click()]);
    await appReady(page);
    assert.equal(await page.locator('meta[name="leye-build"]').getAttribute('content'), 'B');
    await page.waitForSelector('nav.tab-bar a:has-text("Me")'); // the language choice survived
    assert.equal(await page.locator('.banner-update').count(), 0);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
    dispose();
    await updateHost.stop();
  }
});

test('a failed service worker registration never blocks the app and says nothing alarming', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    await page.route('**/sw.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(host.origin + '/policies');
    await appReady(page);
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.banner-update').count(), 0);
    assert.ok(await page.locator('main h1').isVisible());
    // The browser itself reports the failed fetch of sw.js; the app adds no error of its own.
    assert.deepEqual(seen.errors.filter((e) => !/sw\.js|404/.test(e)), []);
  } finally {
    await context.close();
    dispose();
  }
});

test('a screen whose code cannot be downloaded says so and offers a reload, and the rest of the app still works', async () => {
  const { context, dispose } = await launch();
  try {
    // The first visit on a failing network: the policy screens' piece (政策, program pages, summary) cannot
    // be fetched (by the page or by the service worker's precache).
    let failing = true;
    await context.route(/\/split_policy_screens\.wasm$/, (route) =>
      failing ? route.abort('internetdisconnected') : route.continue(),
    );
    const page = await context.newPage();
    await page.goto(host.origin + '/policies');
    await appReady(page);
    await page.locator('main h1', { hasText: '这个页面没能打开' }).waitFor();
    assert.match(await page.locator('main').innerText(), /网络不稳定.*刷新页面/s);
    // A screen of another piece opens as usual: the app did not stop.
    await page.locator('nav.tab-bar a', { hasText: '我的' }).click();
    await page.waitForURL(host.origin + '/me');
    await page.locator('main h1:not(:has-text("没能打开"))').waitFor();
    // Back on 政策 with the network back, 重新加载 brings the screen.
    await page.goBack();
    await page.locator('main h1', { hasText: '这个页面没能打开' }).waitFor();
    failing = false;
    await page.locator('main button', { hasText: '重新加载' }).click();
    await page.locator('main h1', { hasText: '政策一览' }).waitFor();
  } finally {
    await context.close();
    dispose();
  }
});

test('首页 is in index.html as plain HTML, shown before the wasm only where it is the right screen', async () => {
  const { context, dispose } = await launch();
  try {
    // The app's code never arrives: what the phone shows first is index.html alone.
    await context.route(/\/boot-[0-9a-f]{16}\.js$/, (route) => route.abort('failed'));
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    await page.goto(host.origin + '/');
    const boot = page.locator('#boot');
    assert.equal(await boot.getAttribute('class'), 'boot-first');
    assert.equal(await page.locator('#boot main#main h1').innerText(), '查一查,你能领哪些补贴');
    assert.equal(await page.locator('#boot nav.tab-bar a.tab').count(), 5);
    assert.equal(await page.locator('#boot a[aria-current="page"]').innerText(), '首页');
    // Its links are real links: they work before the app does.
    assert.equal(await page.locator('#boot a.button-primary').getAttribute('href'), '/check');
    assert.equal(await page.title(), '乐业通 · 枣庄就业创业政策助手');
    // Another route: the plain mark, not a 首页 that is not the screen asked for. (The app never starts here,
    // so the page also says what to do: inapp.test.mjs.)
    await page.goto(host.origin + '/policies');
    assert.equal(await boot.getAttribute('class'), 'boot');
    assert.equal(await boot.locator('.boot-mark').innerText(), '乐业通');
    // English chosen earlier: the English 首页.
    await page.goto(host.origin + '/');
    await page.evaluate(() => localStorage.setItem('leye.lang', 'en'));
    await page.reload();
    assert.equal(await boot.getAttribute('class'), 'boot-first');
    assert.equal(await page.locator('#boot main#main h1').innerText(), 'See which support you can get');
    assert.equal(await page.locator('#boot a[aria-current="page"]').innerText(), 'Home');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    // The page title (the tab, the task switcher, a screen reader's first words) is English from the start,
    // on every route, not only once the app has mounted.
    assert.equal(await page.title(), 'LeYe · Zaozhuang jobs & startup guide');
    await page.goto(host.origin + '/training');
    assert.equal(await boot.locator('.boot-mark').innerText(), '乐业通');
    assert.equal(await page.title(), 'LeYe · Zaozhuang jobs & startup guide');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual(await seen.csp(), []);

    // With the app: it replaces the static copy (one main region, no leftover) and nothing moves.
    await context.unroute(/\/boot-[0-9a-f]{16}\.js$/);
    await page.evaluate(() => localStorage.removeItem('leye.lang'));
    await page.goto(host.origin + '/');
    await appReady(page);
    assert.equal(await page.locator('main').count(), 1);
    assert.equal(await page.locator('#boot, #boot-en').count(), 0);
    assert.deepEqual(await seen.csp(), []);
  } finally {
    await context.close();
    dispose();
  }
});

test('the app takes over from the prerendered 首页 with no frame blank or doubled', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    // A slow phone: the app's first mount is two tasks (src/app.rs), and at this speed the browser paints
    // between them. Each frame is looked at just before it is painted.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      const frames = (window.leyeFrames = []);
      const shown = (selector) => [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length > 0).length;
      const look = () => {
        frames.push({
          boot: Boolean(document.getElementById('boot')),
          headings: shown('main h1'),
          topBars: shown('header.top-bar'),
          tabBars: shown('nav.tab-bar'),
        });
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await page.goto(host.origin + '/');
    await appReady(page);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const frames = await page.evaluate(() => window.leyeFrames);
    // From the first painted content on (frames before the body was parsed show nothing yet).
    const painted = frames.slice(frames.findIndex((f) => f.headings > 0));
    assert.ok(painted.some((f) => f.boot), 'a frame showed the prerendered copy');
    assert.ok(painted.some((f) => !f.boot), 'a frame showed the app');
    for (const [i, f] of painted.entries()) {
      assert.deepEqual(
        { headings: f.headings, topBars: f.topBars, tabBars: f.tabBars },
        { headings: 1, topBars: 1, tabBars: 1 },
        `frame ${i} of ${painted.length} (${f.boot ? 'prerendered copy up' : 'app'}) shows one screen`,
      );
    }
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
    dispose();
  }
});

test('the README gives hosts the same Content-Security-Policy the app is served with', async () => {
  const { CSP_HEADER } = await import('../../tools/headers.mjs');
  const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
  const documented = readme.match(/\*\*Content-Security-Policy\*\*[\s\S]*?`(default-src [^`]+)`/);
  assert.ok(documented, 'README.md documents the CSP');
  // (The inline script's hash changes whenever that script does: the README must follow.)
  assert.equal(documented[1].replace(/\s+/g, ' '), CSP_HEADER);
});
