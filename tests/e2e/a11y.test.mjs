// Accessibility of every screen (issue 6, part 4): axe-core finds no violations in Chinese and English,
// every control is reachable with Tab and shows where the focus is, the layout holds at 200% text size, and
// nothing moves when the phone asks for reduced motion. Phone-size screenshots of each screen are written to
// target/screens/ for the README.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Host, ROOT, appReady, launch, watch } from './support.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SCREENS = join(ROOT, 'target', 'screens');

/** A food-delivery rider, so the results and summary screens have content to check. */
const RIDER = {
  platform_work: ['food_delivery'],
  platform_registered_local: 'zaozhuang',
  birth_date: '1990-05-01',
  employment_registered: true,
  platform_manager: false,
};

const FIXED_ROUTES = ['/', '/check', '/policies', '/training', '/me', '/summary', '/no/such/page'];

let host;
before(async () => {
  host = await new Host().start();
  mkdirSync(SCREENS, { recursive: true });
});
after(async () => {
  await host.stop();
});

// ---- world
async function answersOnPhone(page, answers) {
  await page.goto(host.origin + '/');
  await appReady(page);
  await page.evaluate(async (answers) => {
    const db = await new Promise((ok, fail) => {
      const req = indexedDB.open('leye');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    await new Promise((ok, fail) => {
      const tx = db.transaction('answers', 'readwrite');
      for (const [fact_id, value] of Object.entries(answers)) {
        tx.objectStore('answers').put({ fact_id, value, updated_at_ms: Date.now() });
      }
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, answers);
}

async function useLanguage(page, lang) {
  await page.goto(host.origin + '/me');
  await appReady(page);
  const current = await page.getAttribute('html', 'lang');
  if ((lang === 'en') !== (current === 'en')) {
    await page.locator('button.lang-toggle').click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang === 'en' ? 'en' : 'zh-CN');
  }
}

/** Opens a route and waits until the screen has settled (mounted, answers loaded, no loading line). */
async function visit(page, route) {
  await page.goto(host.origin + route);
  await appReady(page);
  await page.waitForSelector('main h1');
  await page.waitForFunction(() => !/正在加载|Loading…/.test(document.querySelector('main').innerText), null, {
    timeout: 10000,
  });
}

/** Routes that depend on the catalog: the first program page linked from 政策, a course page from 培训. */
async function discoveredRoutes(page) {
  const found = [];
  for (const [from, pattern] of [
    ['/policies', /^\/(policies|programs?|policy)\/[^/?#]+$/],
    ['/training', /^\/training\/[^/?#]+$/],
    ['/me', /^\/me\/[^/?#]+$/],
  ]) {
    await visit(page, from);
    const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const href = hrefs.find((h) => pattern.test(h));
    if (href) found.push(href);
  }
  return found;
}

// ---- checks
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
}

function describe(found) {
  return found
    .map((f) => `${f.route} [${f.lang}] ${f.id} (${f.impact}): ${f.help}\n    ${f.targets.join('\n    ')}`)
    .join('\n');
}

test('axe-core finds no violations on any screen, in Chinese and in English, before and after answering', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    const found = [];
    const checked = [];
    for (const [lang, answers] of [['zh', null], ['zh', RIDER], ['en', RIDER]]) {
      if (answers) await answersOnPhone(page, answers);
      await useLanguage(page, lang);
      const routes = [...FIXED_ROUTES, ...(await discoveredRoutes(page))];
      for (const route of routes) {
        await visit(page, route);
        for (const v of await axeViolations(page)) found.push({ route, lang: answers ? `${lang}, answered` : lang, ...v });
        checked.push(`${route} ${lang}`);
        if (answers) {
          const name = `${route === '/' ? 'home' : route.slice(1).replace(/\//g, '-')}-${lang}.png`;
          await page.screenshot({ path: join(SCREENS, name) });
        }
      }
    }
    assert.ok(checked.length >= FIXED_ROUTES.length * 3, `checked ${checked.length} screens`);
    assert.equal(found.length, 0, `axe violations:\n${describe(found)}`);
    assert.deepEqual(seen.errors, []);
  } finally {
    await context.close();
    dispose();
  }
});

test('the program page exists and is checked (found from the 政策 list)', async (t) => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const routes = await discoveredRoutes(page);
    const program = routes.find((r) => !r.startsWith('/training') && !r.startsWith('/me'));
    if (!program) {
      t.todo('no link to a program page on /policies in this build yet');
      return;
    }
    await visit(page, program);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describe(violations.map((v) => ({ route: program, lang: 'zh', ...v }))));
  } finally {
    await context.close();
    dispose();
  }
});

/** Everything a keyboard user should be able to reach, described so a failure names it. */
function interactiveElements() {
  const nodes = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')];
  return nodes
    .filter((el) => {
      if (el.disabled || el.getAttribute('tabindex') === '-1' || el.closest('[inert]')) return false;
      // checkVisibility: false inside a closed <details> (content-visibility: hidden) or display: none.
      return el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().width > 0;
    })
    .map((el) => {
      // A radio group is one Tab stop: arrow keys move inside it.
      const key = el.type === 'radio' ? `radio:${el.name}` : null;
      return { key, text: describeElement(el) };
    });
}

/** "input#cert-name" / "button "朗读"": enough to find the element in the page's source. */
function describeElement(el) {
  const id = el.id ? `#${el.id}` : '';
  const name = (el.innerText || el.getAttribute('aria-label') || el.getAttribute('href') || el.name || '').trim();
  return `${el.tagName.toLowerCase()}${id} "${name.slice(0, 40)}"`;
}

/** Opens every <details>, so what they hide is checked too. */
function openAllDetails() {
  for (const d of document.querySelectorAll('details')) d.open = true;
}

test('every control is reachable with Tab and shows a visible focus ring', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await answersOnPhone(page, RIDER);
    const problems = [];
    for (const route of FIXED_ROUTES) {
      await visit(page, route);
      await page.evaluate(openAllDetails);
      await page.evaluate(() => document.activeElement && document.activeElement.blur());
      await page.evaluate(`${describeElement}`.replace(/^function /, 'window.describeElement = function '));
      const expected = await page.evaluate(`(${interactiveElements})()`);
      const reached = new Map();
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('Tab');
        const info = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const s = getComputedStyle(el);
          const ring =
            (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || (s.boxShadow && s.boxShadow !== 'none');
          if (!el.dataset.a11yId) el.dataset.a11yId = String(Math.random());
          const key = el.type === 'radio' ? `radio:${el.name}` : null;
          return { id: el.dataset.a11yId, ring, key, text: window.describeElement(el) };
        });
        if (!info) continue;
        // Back at the first stop: wrapped around. (A date input keeps focus over its day/month/year parts.)
        if (reached.size > 1 && info.id === reached.keys().next().value) break;
        if (reached.has(info.id)) continue;
        reached.set(info.id, info);
        if (!info.ring) problems.push(`${route}: no visible focus on ${info.text}`);
      }
      const reachedKeys = new Set([...reached.values()].map((r) => r.key || r.text));
      for (const el of expected) {
        if (!reachedKeys.has(el.key || el.text)) problems.push(`${route}: Tab never reaches ${el.text}`);
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    dispose();
  }
});

test('at 200% text size nothing overflows sideways, in Chinese and English', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await answersOnPhone(page, RIDER);
    const problems = [];
    for (const lang of ['zh', 'en']) {
      await useLanguage(page, lang);
      for (const route of FIXED_ROUTES) {
        await visit(page, route);
        // CSSOM, not a style attribute: the CSP allows this, as it would a browser's text-size setting.
        await page.evaluate(openAllDetails);
        const overflow = await page.evaluate(async () => {
          document.documentElement.style.fontSize = '200%';
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const width = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll('body *')]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.right > width + 1 || r.left < -1) && el.checkVisibility() && !el.closest('.skip-link');
            })
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)}px)`);
          return { scroll: document.documentElement.scrollWidth, width, wide };
        });
        if (overflow.scroll > overflow.width || overflow.wide.length) {
          problems.push(`${route} [${lang}]: page ${overflow.scroll}px wide in a ${overflow.width}px screen: ${overflow.wide.join(', ')}`);
        }
        if (route === '/summary') await page.screenshot({ path: join(SCREENS, `summary-200-${lang}.png`) });
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    dispose();
  }
});

test('with reduced motion requested, nothing animates or transitions', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await answersOnPhone(page, RIDER);
    const moving = [];
    for (const route of FIXED_ROUTES) {
      await visit(page, route);
      const found = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .filter((el) => {
            const s = getComputedStyle(el);
            const animated = s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.01;
            const transitions = s.transitionDuration.split(',').some((d) => parseFloat(d) > 0.01);
            return animated || transitions || s.scrollBehavior === 'smooth';
          })
          .slice(0, 3)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
      );
      for (const f of found) moving.push(`${route}: ${f}`);
    }
    assert.deepEqual(moving, []);
  } finally {
    await context.close();
    dispose();
  }
});
