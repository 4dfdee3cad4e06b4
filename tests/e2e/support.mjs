// Shared fixtures for the end-to-end tests: a server for a build folder, a headless Chromium with a
// persistent profile, and watchers for console errors, CSP violations and off-origin requests.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../../tools/serve.mjs';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const DIST = process.env.LEYE_DIST || join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
/** Where the tests' screenshots go (the README shows some of them). */
export const SHOTS = process.env.LEYE_SHOTS || join(ROOT, 'target', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** The tab routes and the heading each one shows in Chinese. */
export const TABS = [
  { path: '/', label: '首页' },
  { path: '/check', label: '自测' },
  { path: '/policies', label: '政策' },
  { path: '/training', label: '培训' },
  { path: '/me', label: '我的' },
];

/** A server for `dir` that can be stopped and started again on the same port (same origin). */
export class Host {
  constructor(dir = DIST, port = 0) {
    this.dir = dir;
    this.port = port;
    this.server = null;
  }
  get origin() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start(dir = this.dir) {
    this.dir = dir;
    this.server = await serve({ dir, port: this.port });
    this.port = this.server.address().port;
    return this;
  }
  async stop() {
    if (!this.server) return;
    const s = this.server;
    this.server = null;
    s.closeAllConnections();
    await new Promise((ok) => s.close(ok));
  }
}

/** The build served to one test file: started before its tests, stopped after them. */
export function hostForTests(dir = DIST) {
  const host = new Host(dir);
  before(() => host.start());
  after(() => host.stop());
  return host;
}

const tempDirs = [];
process.on('exit', () => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh temp folder, removed when this test file's process exits. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** A copy of the build in a temp folder, so a test may change it. */
export function copyBuild(from = DIST) {
  const dir = tempDir('leye-build-');
  cpSync(from, dir, { recursive: true });
  return dir;
}

/**
 * Chromium with a persistent profile (installability needs one; service workers survive restarts). `options`
 * go to Playwright as they are (e.g. `userAgent`, to be WeChat).
 */
export async function launch({ profile, ...options } = {}) {
  const userDataDir = profile || tempDir('leye-profile-');
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...options,
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  return { context, userDataDir, dispose: () => rmSync(userDataDir, { recursive: true, force: true }) };
}

/**
 * Watches a page for console errors, uncaught exceptions, CSP violations and requests to any origin
 * but `origin`. `problems()` lists everything seen so far.
 */
export function watch(page, origin) {
  const errors = [];
  const foreign = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`exception: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return {
    errors,
    foreign,
    async csp() {
      return page.evaluate(() => window.__cspViolations || []);
    },
  };
}

/** Asserts a watched page (see `watch`) had no console error, no CSP violation and no off-origin request. */
export async function assertClean(seen) {
  assert.deepEqual(seen.errors, [], 'no console errors');
  assert.deepEqual(await seen.csp(), [], 'no CSP violations');
  assert.deepEqual(seen.foreign, [], 'no request leaves the app origin');
}

/** Waits until the wasm app has mounted (the tab bar is there, the boot placeholder gone, the screen shown). */
export async function appReady(page) {
  await page.waitForSelector('nav.tab-bar a.tab', { timeout: 15000 });
  await page.waitForSelector('#boot', { state: 'detached', timeout: 15000 });
  // Every screen but 首页 is a lazily loaded chunk that renders once it and the catalog are in.
  await page.waitForSelector('main#main > :not(script)', { timeout: 15000 });
}

/** Waits until a service worker controls the page (after the first visit's install + claim). */
export async function serviceWorkerControls(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 20000,
  });
}
