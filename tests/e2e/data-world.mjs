// The "world" and small actions of the 我的 → 数据 tests: a person's records put straight into the
// app's IndexedDB (as the check and training screens would save them), reading them back, and
// using the data screen the way a person does.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, appReady } from './support.mjs';

/** The user stores a backup carries (the catalog store is the app's own data). */
export const USER_STORES = ['answers', 'saved', 'training_events', 'settings'];

/** A driver who answered a few questions, saved two programs and logged some training. */
export function driver(events = 3) {
  const t = Date.UTC(2026, 10, 20);
  return {
    answers: [
      { fact_id: 'birth_date', value: '1988-04-02', updated_at_ms: t },
      { fact_id: 'work_city', value: 'zaozhuang', updated_at_ms: t },
      { fact_id: 'platform_work', value: null, updated_at_ms: t },
    ],
    saved: [
      { program_id: 'occupational-injury-protection', saved_at_ms: t, ticked_documents: [0, 2] },
      { program_id: 'startup-guaranteed-loan', saved_at_ms: t + 1, ticked_documents: [] },
    ],
    training_events: Array.from({ length: events }, (_, i) => trainingEvent(i, events, t)),
  };
}

/** The course the driver enrolled in (one of the built-in courses). */
export const DRIVER_COURSE = 'internet-plus-skills';

/**
 * One stored training event as the 培训 screen writes it: enrolled first, then two hours studied a day,
 * every third entry a private note (with markup, which must stay text). Dated up to the day before `t`.
 */
function trainingEvent(i, count, t) {
  const id = `ev-${String(i).padStart(5, '0')}`;
  const on = new Date(t - (count - i) * 86400000).toISOString().slice(0, 10);
  const what = i === 0 ? { type: 'enrolled' }
    : i % 3 === 2 ? { type: 'note', text: `第${i + 1}次课 <b>not bold</b>` }
      : { type: 'hours_studied', minutes: 120 };
  return {
    event_id: id,
    course_id: DRIVER_COURSE,
    recorded_at_ms: t + i * 60000,
    event: { id, on, course: DRIVER_COURSE, what },
  };
}

/** Writes records into the app's database in one transaction (the app is already open, so the schema exists). */
export async function seed(page, records) {
  await page.evaluate(async (records) => {
    const db = await new Promise((ok, fail) => {
      const req = indexedDB.open('leye');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const stores = Object.keys(records);
    const tx = db.transaction(stores, 'readwrite');
    for (const name of stores) for (const r of records[name]) tx.objectStore(name).put(r);
    await new Promise((ok, fail) => {
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, records);
}

/**
 * Every record of the user stores, as stored. An answer of 不清楚 is JSON null; the app's IndexedDB
 * layer may keep it as `undefined`, which reads back as null, so both count as null here.
 */
export async function dump(page) {
  const nullish = (v) =>
    v === undefined || v === null ? null
      : Array.isArray(v) ? v.map(nullish)
        : typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nullish(x)]))
          : v;
  return nullish(await page.evaluate(async (stores) => {
    const db = await new Promise((ok, fail) => {
      const req = indexedDB.open('leye');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const out = {};
    const tx = db.transaction(stores, 'readonly');
    for (const name of stores) {
      out[name] = await new Promise((ok, fail) => {
        const req = tx.objectStore(name).getAll();
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
    }
    db.close();
    return out;
  }, USER_STORES));
}

/** Opens 我的 → 数据 the way a person does: the 我的 tab, then the data entry. */
export async function openDataScreen(page, origin) {
  await page.goto(origin + '/me');
  await appReady(page);
  await page.locator('a.data-entry').click();
  await page.waitForURL(origin + '/me/data');
  await countsShown(page);
}

/** Waits until the counts have been read from storage. */
export async function countsShown(page) {
  await page.waitForFunction(() => {
    const cell = document.querySelector('.count-answers');
    return cell && /\d/.test(cell.textContent);
  });
}

/** The counts the screen shows, as numbers. */
export async function counts(page) {
  await countsShown(page);
  const read = async (cls) => Number((await page.locator(`.${cls}`).innerText()).match(/\d+/)[0]);
  return {
    answers: await read('count-answers'),
    saved: await read('count-saved'),
    events: await read('count-events'),
    settings: await read('count-settings'),
  };
}

/** Taps 导出备份文件 and returns the downloaded file's name and text. */
export async function exportBackup(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('button.data-export').click(),
  ]);
  const path = await download.path();
  await page.waitForSelector('#data-backup-outcome .data-outcome:has-text("备份已导出")');
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/**
 * Picks a file in 从备份文件恢复 and returns the message shown under it once the check is done.
 * `contents` is text, a Buffer, or `null` with `name` a path on disk.
 */
export async function importFile(page, name, contents = null) {
  await page.locator('#data-import-file').setInputFiles(contents === null ? name : {
    name,
    mimeType: 'application/json',
    buffer: Buffer.isBuffer(contents) ? contents : Buffer.from(contents),
  });
  const line = page.locator('#data-backup-outcome .data-outcome');
  await page.waitForFunction(() => {
    const el = document.querySelector('#data-backup-outcome .data-outcome');
    return el && !/正在|Checking/.test(el.textContent);
  }, null, { timeout: 30000 });
  return { text: await line.innerText(), isError: (await line.getAttribute('role')) === 'alert' };
}

/** Canonical JSON (keys sorted, no spaces), the form the app's checksums cover. */
export function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** The catalog pack the build serves (the same data the app has built in). */
export function servedPack(dist = DIST) {
  return JSON.parse(readFileSync(join(dist, 'catalog', 'pack.json'), 'utf8'));
}

/** The day after `date` (YYYY-MM-DD): a newer pack's date that stays within the day of clock skew allowed. */
export function dayAfter(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A pack published later than the built-in data, optionally with a program added; checksum made right. */
export function newerPack(base, { published, version, addProgram } = {}) {
  const pack = structuredClone(base);
  pack.published = pack.payload.meta.published = published;
  pack.version = pack.payload.meta.version = version;
  if (addProgram) pack.payload.programs.push(addProgram(pack.payload.programs));
  pack.sha256 = sha256(canonical(pack.payload));
  return pack;
}

/** Waits until the settings store holds `key` = `value` (a write the app makes in the background). */
export async function settingStored(page, key, value) {
  await page.waitForFunction(async ([key, value]) => {
    const db = await new Promise((ok, fail) => {
      const req = indexedDB.open('leye');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const found = await new Promise((ok) => {
      const req = db.transaction('settings').objectStore('settings').get(key);
      req.onsuccess = () => ok(req.result);
      req.onerror = () => ok(undefined);
    });
    db.close();
    return found !== undefined && JSON.stringify(found.value) === JSON.stringify(value);
  }, [key, value]);
}
