// Puts the first screen (the shell and 首页, in Chinese, and in English in a <template>) into index.html as plain
// HTML, so a phone paints it as soon as the HTML and CSS are in, before the wasm has arrived. The markup is the app's own: the build opens
// the assembled app in headless Chromium and keeps what it rendered, so it cannot drift from the components.
// When the wasm mounts, the app removes it (src/app.rs) and renders the same screen in its place.
// Before the first paint, a small inline script (hashed into the CSP, tools/headers.mjs) swaps in the English
// copy (and the English page title) for someone who chose English, or the plain 乐业通 mark on any other route.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { PRERENDER_GATE } from './headers.mjs';
import { serve } from './serve.mjs';

const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const BOOT = /<div id="boot"[^>]*>[\s\S]*?<\/div>/;

const escapeAttribute = (text) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Renders `dir`'s app at "/" and writes the result into `dir`/index.html. */
export async function prerender(dir) {
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  if (!BOOT.test(html)) throw new Error('prerender: index.html has no <div id="boot">');
  const server = await serve({ dir, port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROME,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  } catch (e) {
    server.close();
    throw new Error(`prerender: cannot start ${CHROME} (scripts/setup.sh installs chromium): ${e.message}`);
  }
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', serviceWorkers: 'block' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const render = async () => {
      await page.goto(origin + '/');
      await page.waitForSelector('#boot', { state: 'detached', timeout: 30000 });
      await page.waitForSelector('nav.tab-bar a.tab', { timeout: 30000 });
      const body = await page.evaluate(() => {
        const copy = document.body.cloneNode(true);
        for (const el of copy.querySelectorAll('script, noscript, template')) el.remove();
        // Leptos' placeholders (empty comments) mean nothing in static HTML.
        const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
        const comments = [];
        while (walker.nextNode()) comments.push(walker.currentNode);
        for (const c of comments) c.remove();
        return copy.innerHTML.trim();
      });
      if (errors.length) throw new Error(`prerender: the app failed while rendering: ${errors.join('; ')}`);
      if (!body.includes('class="tab-bar') || !body.includes('id="main"')) {
        throw new Error('prerender: the rendered page lacks the tab bar or the main region');
      }
      if (/<script/i.test(body)) throw new Error('prerender: a script ended up in the rendered markup');
      return body;
    };
    const zh = await render();
    // The same screen for someone who chose English (the app reads the choice from localStorage first).
    await page.evaluate(() => localStorage.setItem('leye.lang', 'en'));
    const en = await render();
    if (zh === en) throw new Error('prerender: the English 首页 is not English');
    const enTitle = escapeAttribute(await page.title());
    const boot =
      `<div id="boot" class="boot-first">${zh}</div>\n` +
      `    <template id="boot-en" data-title="${enTitle}">${en}</template>\n` +
      `    <script>${PRERENDER_GATE}</script>`;
    writeFileSync(indexPath, html.replace(BOOT, () => boot));
    await context.close();
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
}
