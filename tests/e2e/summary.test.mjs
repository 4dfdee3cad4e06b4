// The summary to take along (issue 6, parts 1–3): a rider's list of what to apply for, the merged documents,
// where to go with only confirmed details, share/copy, print styles, the on-device QR code read back, and
// reading a program aloud in Mandarin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, appReady, launch, watch, hostForTests } from './support.mjs';

const JSQR = readFileSync(join(ROOT, 'node_modules/jsqr/dist/jsQR.js'), 'utf8');

/** A food-delivery rider registered in Zaozhuang: the catalog's own case for the accident insurance subsidy. */
const RIDER = {
  platform_work: ['food_delivery'],
  platform_registered_local: 'zaozhuang',
  birth_date: '1990-05-01',
  employment_registered: true,
  platform_manager: false,
};

const host = hostForTests();

// ---- world: put a person's answers on the phone as the check screen would have saved them.
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
      const store = tx.objectStore('answers');
      for (const [fact_id, value] of Object.entries(answers)) store.put({ fact_id, value, updated_at_ms: Date.now() });
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, answers);
}

async function openSummary(page) {
  await page.goto(host.origin + '/summary');
  await appReady(page);
  await page.waitForSelector('main h1');
  await page.waitForFunction(() => !document.querySelector('main .summary > p.note:not(.summary-disclaimer)'));
}

// ---- check: the QR code on screen, drawn into a canvas and decoded by jsQR (no network, no camera).
async function readQr(page) {
  await page.evaluate(JSQR);
  const bytes = await page.evaluate(() => {
    const svg = document.querySelector('svg.qr');
    const side = Number(svg.getAttribute('viewBox').split(' ')[2]);
    const scale = 6;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = side * scale;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.fillStyle = '#000';
    ctx.fill(new Path2D(svg.querySelector('path').getAttribute('d')));
    const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const code = window.jsQR(img.data, img.width, img.height);
    return code ? Array.from(code.binaryData) : null;
  });
  assert.ok(bytes, 'the QR code can be read');
  return new TextDecoder().decode(new Uint8Array(bytes));
}

test('a rider sees what to apply for, the documents once each, where to go, and a QR code that reads back', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    await answersOnPhone(page, RIDER);
    await openSummary(page);

    assert.match(await page.locator('main h1').innerText(), /带去办事的清单/);
    const canApply = page.locator('section.summary-can-apply');
    await canApply.waitFor();
    const program = canApply.locator('li.summary-program', { hasText: '意外伤害保险' });
    assert.equal(await program.count(), 1, 'the accident insurance subsidy is listed under 可以申请');
    assert.match(await program.innerText(), /100元/, 'with its amount from the catalog');
    assert.match(await program.innerText(), /去哪里办/);

    // Every amount either is a number from the catalog or says to check the latest notice.
    for (const amount of await page.locator('.summary-amount').allInnerTexts()) {
      assert.ok(/\d/.test(amount) || /以当地最新通知为准|免费|不涉及/.test(amount), `amount shown as fact: ${amount}`);
    }

    // The merged checklist names each document once.
    const docs = (await page.locator('.checklist li > span:nth-child(2)').allInnerTexts()).map((t) => t.trim());
    assert.ok(docs.length > 0, 'documents to bring are listed');
    assert.ok(docs.includes('身份证'), 'the ID card is on the list');
    assert.equal(new Set(docs).size, docs.length, `no document twice: ${docs.join(' | ')}`);

    // Where to go: every district, 12333 as a tel: link, no invented phone numbers.
    const where = page.locator('section.where-to-go');
    for (const d of ['市中区', '薛城区', '峄城区', '台儿庄区', '山亭区', '滕州市', '枣庄高新区']) {
      assert.equal(await where.locator('.where-office', { hasText: d }).count(), 1, `${d} is listed`);
    }
    const tels = await page.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(tels, ['tel:12333'], 'the only phone link is the confirmed hotline');
    assert.equal(await where.locator('a[href="https://zzhrss.zaozhuang.gov.cn/"]').count(), 1);
    // No district has verified details: each is one line that says how to find the address, not a card.
    const short = where.locator('.where-office-short');
    assert.equal(await short.count(), 7, 'each district is one line');
    for (const line of await short.allInnerTexts()) assert.match(line, /地址请拨12333询问/);

    // The QR code is made on the phone and carries the list's text.
    const text = await readQr(page);
    assert.match(text, /^乐业通·我的政策清单\(\d{4}-\d{2}-\d{2}\)/);
    assert.match(text, /意外伤害保险/);
    assert.match(text, /12333/);
    assert.ok(Buffer.byteLength(text) <= 500, `QR text is compact: ${Buffer.byteLength(text)} bytes`);

    mkdirSync(join(ROOT, 'target', 'screens'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'target', 'screens', 'summary-rider-full.png'), fullPage: true });
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(await seen.csp(), []);
    assert.deepEqual(seen.foreign, [], 'nothing leaves the phone, the QR code included');
  } finally {
    await context.close();
    dispose();
  }
});

test('with no answers yet the summary sends you to the check, and still says where to ask', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await openSummary(page);
    await page.waitForSelector(".summary-empty");
    assert.match(await page.locator(".summary-empty").innerText(), /你还没有做自测/);
    await page.locator('.summary-empty a', { hasText: '去自测' }).click();
    // (the check then keeps its screens in the address: /check?s=…)
    await page.waitForURL((url) => url.origin === host.origin && url.pathname === '/check');
    await page.goBack();
    await page.waitForSelector('section.where-to-go a[href="tel:12333"]');
  } finally {
    await context.close();
    dispose();
  }
});

test('the summary is reachable from the home screen and switches to English', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await answersOnPhone(page, RIDER);
    await page.locator('main a[href="/summary"]').click();
    await page.waitForURL(host.origin + '/summary');
    await page.locator('button.lang-toggle').click();
    await page.waitForSelector('main h1:has-text("Summary to take along")');
    assert.match(await page.locator('section.summary-can-apply').innerText(), /You can apply for/);
    assert.match(await readQr(page), /^LeYe: my programs/);
  } finally {
    await context.close();
    dispose();
  }
});

test('without Web Share the button copies the text, and says so', async () => {
  const { context, dispose } = await launch();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
    const page = await context.newPage();
    await page.addInitScript(() => {
      delete Navigator.prototype.share;
    });
    await answersOnPhone(page, RIDER);
    await openSummary(page);
    const button = page.locator('button.summary-share');
    assert.equal((await button.innerText()).trim(), '复制文字');
    await button.click();
    await page.waitForSelector('.notice-region:has-text("已复制")');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^乐业通·我的政策清单/);
    assert.match(copied, /意外伤害保险/);
    assert.match(copied, /带上材料:.*身份证/);
  } finally {
    await context.close();
    dispose();
  }
});

test('when the clipboard refuses, the text is shown to copy by hand', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      delete Navigator.prototype.share;
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await answersOnPhone(page, RIDER);
    await openSummary(page);
    await page.locator('button.summary-share').click();
    await page.waitForSelector('.summary-copy-fallback [role="alert"]');
    const value = await page.locator('#summary-share-text').inputValue();
    assert.match(value, /意外伤害保险/);
  } finally {
    await context.close();
    dispose();
  }
});

test('with Web Share the button opens the share sheet with the list', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shared = [];
      Navigator.prototype.share = function (data) {
        window.__shared.push(data);
        return Promise.resolve();
      };
    });
    await answersOnPhone(page, RIDER);
    await openSummary(page);
    const button = page.locator('button.summary-share');
    assert.equal((await button.innerText()).trim(), '分享');
    await button.click();
    await page.waitForFunction(() => window.__shared.length === 1);
    const shared = await page.evaluate(() => window.__shared[0]);
    assert.equal(shared.title, '带去办事的清单');
    assert.match(shared.text, /意外伤害保险/);
  } finally {
    await context.close();
    dispose();
  }
});

test('print shows the list alone, black on white, without tabs, banners or buttons', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await answersOnPhone(page, RIDER);
    await openSummary(page);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['nav.tab-bar', 'header.top-bar', '.summary-actions', '.read-aloud']) {
      const shown = await page.locator(sel).first().isVisible().catch(() => false);
      assert.equal(shown, false, `${sel} is hidden in print`);
    }
    const colors = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const verdict = getComputedStyle(document.querySelector('.summary-verdict'));
      return [body.backgroundColor, body.color, verdict.color];
    });
    assert.deepEqual(colors, ['rgb(255, 255, 255)', 'rgb(0, 0, 0)', 'rgb(0, 0, 0)']);
    assert.ok(await page.locator('svg.qr').isVisible(), 'the QR code is printed');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000, 'prints to A4');
  } finally {
    await context.close();
    dispose();
  }
});

/** A stand-in speech engine that records what it was asked to say (headless Chromium has no voices). */
function fakeSpeech({ hold = false } = {}) {
  window.__spoken = [];
  window.__cancelled = 0;
  const engine = {
    speaking: false,
    getVoices: () => [],
    speak(u) {
      window.__spoken.push({ text: u.text, lang: u.lang });
      if (!window.__hold) setTimeout(() => u.onend && u.onend(new Event('end')), 5);
    },
    cancel() {
      window.__cancelled += 1;
    },
  };
  window.__hold = hold;
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
}

test('朗读 reads a program in Mandarin, and can be stopped', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(fakeSpeech, { hold: true });
    await answersOnPhone(page, RIDER);
    await openSummary(page);
    const program = page.locator('li.summary-program', { hasText: '意外伤害保险' });
    await program.locator('button.read-aloud-start').click();
    await program.locator('button.read-aloud-stop').waitFor();
    const spoken = await page.evaluate(() => window.__spoken);
    assert.ok(spoken.length > 0);
    assert.ok(spoken.every((u) => u.lang === 'zh-CN'), 'every sentence is read as zh-CN');
    const all = spoken.map((u) => u.text).join('');
    assert.match(all, /意外伤害保险/);
    assert.match(all, /100元/);
    assert.match(all, /去哪里办/);
    await program.locator('button.read-aloud-stop').click();
    await program.locator('button.read-aloud-start').waitFor();
    assert.ok((await page.evaluate(() => window.__cancelled)) >= 1, 'stop cancels the speech');
  } finally {
    await context.close();
    dispose();
  }
});

test('朗读 returns to its start state when the reading ends', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(fakeSpeech, { hold: false });
    await answersOnPhone(page, RIDER);
    await openSummary(page);
    const program = page.locator('li.summary-program').first();
    await program.locator('button.read-aloud-start').click();
    await page.waitForFunction(() => window.__spoken.length > 0);
    await program.locator('button.read-aloud-start').waitFor();
  } finally {
    await context.close();
    dispose();
  }
});

test('朗读 is not offered where the browser cannot speak', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      delete Window.prototype.speechSynthesis;
      delete window.speechSynthesis;
      delete window.SpeechSynthesisUtterance;
    });
    await answersOnPhone(page, RIDER);
    await openSummary(page);
    await page.waitForSelector('li.summary-program');
    assert.equal(await page.locator('.read-aloud').count(), 0);
  } finally {
    await context.close();
    dispose();
  }
});
