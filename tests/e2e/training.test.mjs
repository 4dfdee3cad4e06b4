// 培训 (issue 5): a trainee enrols, logs hours, reloads, completes, adds a certificate and sees the
// 考证补贴 with the right amount and deadline; bad input is refused next to the field; a camp note with
// markup stays text; the due-soon banner appears on opening the app and can be dismissed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appReady, launch, watch, assertClean as clean, hostForTests, SHOTS } from './support.mjs';

const host = hostForTests();

// ---- world: dates as the phone sees them ----

/** The phone's civil date, shifted by whole days or months, as YYYY-MM-DD. */
async function phoneDate(page, { days = 0, months = 0 } = {}) {
  return page.evaluate(
    ({ days, months }) => {
      const d = new Date();
      d.setHours(12, 0, 0, 0);
      if (months) {
        const day = d.getDate();
        d.setDate(1);
        d.setMonth(d.getMonth() + months);
        const last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate();
        d.setDate(Math.min(day, last));
      }
      d.setDate(d.getDate() + days);
      const p = (n) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
    },
    { days, months },
  );
}

/** The last day to claim the bonus: the same date 12 months after issue, clamped to the month's end. */
function claimLastDay(issued) {
  const [y, m, d] = issued.split('-').map(Number);
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  const p = (n) => String(n).padStart(2, '0');
  return `${y + 1}-${p(m)}-${p(Math.min(d, last))}`;
}

/** Whole days from one YYYY-MM-DD to another. */
function daysBetween(from, to) {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400000);
}

// ---- actions ----

async function openTraining(page) {
  await page.goto(host.origin + '/training');
  await appReady(page);
  await page.waitForSelector('.training-mine');
}

async function openCourse(page, id) {
  await page.goto(host.origin + '/training/' + id);
  await appReady(page);
  await page.waitForSelector('main h1');
}

async function enrol(page, { by, amount, date } = {}) {
  const form = page.locator('section.enrol form');
  if (date) await form.locator('input[name="enrol-date"]').fill(date);
  if (by) {
    await form.locator(`input[name="enrol-by"][value="${by}"]`).check();
    await form.locator('input[name="target-amount"]').fill(String(amount));
  }
  await form.locator('button[type="submit"]').click();
  await page.waitForSelector('section.log');
}

async function logHours(page, hours, date) {
  const form = page.locator('section.log form');
  await form.locator('input[name="log-kind"]').first().check();
  if (date) await form.locator('input[name="log-date"]').fill(date);
  await form.locator('input[name="log-hours"]').fill(String(hours));
  await form.locator('button[type="submit"]').click();
}

async function addCertificate(page, { name, level, number, issued }) {
  const card = page.locator('section.training-certs');
  // The form stays open after a save, ready for the next certificate.
  if (!(await card.locator('details.add-form').evaluate((d) => d.open))) {
    await card.locator('details.add-form > summary').click();
  }
  await card.locator('input[name="cert-name"]').fill(name);
  await card.locator('select[name="cert-level"]').selectOption(level);
  await card.locator('input[name="cert-number"]').fill(number);
  await card.locator('input[name="cert-issued"]').fill(issued);
  await card.locator('form button[type="submit"]').click();
}

// ---- checks ----

async function bar(page, scope) {
  return Number(await page.locator(`${scope} progress`).first().getAttribute('value'));
}

test('enrol, log hours, reload, complete, add a certificate: the bonus shows its amount and claim deadline', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    await openTraining(page);
    assert.match(await page.locator('.training-mine').innerText(), /还没有报名课程/);
    await page.screenshot({ path: join(SHOTS, 'training-empty.png'), fullPage: true });

    // The course says what is not known and where to ask, and who may join.
    await page.locator('.course-card', { hasText: '线上学技能' }).locator('a.button').click();
    await page.waitForURL(host.origin + '/training/internet-plus-skills');
    const facts = await page.locator('.course-facts').innerText();
    assert.match(facts, /以当地最新通知为准/);
    assert.match(facts, /去哪里问/);
    assert.match(facts, /12333/);
    assert.match(await page.locator('.who-may-join').innerText(), /谁能参加/);

    // Enrolled a week ago with the 8 hours from the enrolment notice; 5 hours studied today.
    await enrol(page, { by: 'hours', amount: 8, date: await phoneDate(page, { days: -7 }) });
    await logHours(page, 5);
    await page.waitForSelector('.course-progress .figures:has-text("已学5小时 / 要求8小时")');
    assert.equal(await bar(page, '.course-progress'), 62);

    // Bad input is refused next to the field it is about, and nothing is recorded.
    await logHours(page, 25);
    const hoursError = page.locator('section.log label:has(input[name="log-hours"]) .field-error');
    await hoursError.waitFor();
    assert.match(await hoursError.innerText(), /一天最多24小时/);
    assert.equal(await page.locator('section.log input[name="log-hours"]').getAttribute('aria-invalid'), 'true');
    await logHours(page, 2, await phoneDate(page, { days: 1 }));
    const dateError = page.locator('section.log label:has(input[name="log-date"]) .field-error');
    await dateError.waitFor();
    assert.match(await dateError.innerText(), /不能记在将来/);
    await page.screenshot({ path: join(SHOTS, 'training-refusal.png'), fullPage: true });
    assert.match(await page.locator('.course-progress .figures').innerText(), /已学5小时/);

    // Everything survives a reload (training events are stored).
    await page.reload();
    await appReady(page);
    await page.waitForSelector('.course-progress .figures:has-text("已学5小时 / 要求8小时")');
    assert.equal(await bar(page, '.course-progress'), 62);

    // 3 more hours yesterday complete the course.
    await logHours(page, 3, await phoneDate(page, { days: -1 }));
    await page.waitForSelector('.course-progress .badge-done');
    assert.equal(await bar(page, '.course-progress'), 100);
    await page.screenshot({ path: join(SHOTS, 'training-course-done.png'), fullPage: true });

    // Undo is a compensating entry: the last hours no longer count, and can be logged again.
    await page.locator('.history .entry', { hasText: '3小时' }).locator('button.entry-undo').click();
    await page.waitForSelector('.history .entry-undone:has-text("3小时")');
    assert.equal(await bar(page, '.course-progress'), 62);
    await logHours(page, 3);
    await page.waitForSelector('.course-progress .badge-done');

    // On the tab: the course at 100 %, overall too.
    await page.locator('a.back-link').click();
    await page.waitForURL(host.origin + '/training');
    await page.waitForSelector('.my-course .badge-done');
    assert.equal(await bar(page, '.training-mine .overall'), 100);

    // A level-4 certificate issued 10 days ago: 1,500元, last day 12 months after issue minus one day.
    const issued = await phoneDate(page, { days: -10 });
    const lastDay = claimLastDay(issued);
    await addCertificate(page, { name: '中式烹调师', level: 'level4', number: 'ZZ-2026-0001', issued });
    const subsidy = page.locator('.subsidy', { hasText: '中式烹调师' });
    await subsidy.waitFor();
    const text = await subsidy.innerText();
    assert.match(text, /1,500元/);
    assert.match(text, new RegExp(`最后一天是${lastDay}`));
    assert.match(text, /还剩约11个月|还剩约12个月/);
    assert.match(await page.locator('.claims-count').innerText(), /今年已申领0次,每年最多3次/);
    // The deadline is in the one list, and the calendar file carries it.
    const deadline = page.locator('.deadline', { hasText: '中式烹调师' });
    assert.match(await deadline.innerText(), new RegExp(lastDay));
    await page.screenshot({ path: join(SHOTS, 'training-certificate.png'), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.training-deadlines button', { hasText: '.ics' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^leye-deadlines-\d{4}-\d{2}-\d{2}\.ics$/);
    const ics = readFileSync(await download.path(), 'utf8');
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, new RegExp(`DTSTART;VALUE=DATE:${lastDay.replaceAll('-', '')}`));

    // The learning record downloads as xAPI-style JSON.
    const [record] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.training-record button').click(),
    ]);
    const statements = JSON.parse(readFileSync(await record.path(), 'utf8')).statements;
    const verbs = statements.map((s) => s.verb.id.split('/').pop());
    assert.ok(verbs.includes('registered') && verbs.includes('completed') && verbs.includes('earned'), verbs.join());
    assert.match(statements[0].actor.account.name, /^learner-/);

    // Mark it claimed: the count goes up and the certificate says when.
    await subsidy.locator('button', { hasText: '标记' }).click();
    await page.waitForSelector('.subsidy:has-text("领取")');
    assert.match(await page.locator('.claims-count').innerText(), /今年已申领1次/);
    assert.match(await subsidy.innerText(), /已于\d{4}-\d{2}-\d{2}领取/);

    // The English interface derives the same figures.
    await page.locator('button.lang-toggle').click();
    await page.waitForSelector('.training-certs h2:has-text("Certificates")');
    assert.match(await subsidy.innerText(), /1,500 yuan/);
    await page.screenshot({ path: join(SHOTS, 'training-en.png'), fullPage: true });
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('a certificate for a course does not finish it while its hours are short, nor date it before the enrolment', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    await openCourse(page, 'internet-plus-skills');
    // Enrolled 20 days ago for 40 hours; 5 hours studied.
    const enrolled = await phoneDate(page, { days: -20 });
    await enrol(page, { by: 'hours', amount: 40, date: enrolled });
    await logHours(page, 5);
    await page.waitForSelector('.course-progress .figures:has-text("已学5小时 / 要求40小时")');
    assert.equal(await bar(page, '.course-progress'), 12);

    // On the tab: a certificate linked to this course, issued long before the enrolment, is refused at its date.
    await openTraining(page);
    const certs = page.locator('section.training-certs');
    await certs.locator('details.add-form > summary').click();
    await certs.locator('select[name="cert-course"]').selectOption('internet-plus-skills');
    const early = await phoneDate(page, { days: -200 });
    await addCertificate(page, { name: '电子商务师', level: 'level5', number: 'EC-0001', issued: early });
    const dateError = certs.locator('label:has(input[name="cert-issued"]) .field-error');
    await dateError.waitFor();
    assert.match(await dateError.innerText(), new RegExp(`早于报名日期\\(${enrolled}\\)`));
    assert.equal(await page.locator('.subsidy', { hasText: '电子商务师' }).count(), 0, 'nothing recorded');

    // Issued after the enrolment it is kept, but 5 of 40 hours is still 12 %, not finished.
    await certs.locator('select[name="cert-course"]').selectOption('internet-plus-skills');
    await addCertificate(page, { name: '电子商务师', level: 'level5', number: 'EC-0001', issued: await phoneDate(page, { days: -2 }) });
    const subsidy = page.locator('.subsidy', { hasText: '电子商务师' });
    await subsidy.waitFor();
    // Where to claim names the app and its service.
    assert.match(await subsidy.innerText(), /在哪申请\s*:\s*爱山东App「职工职业技能提升补贴申请」/);
    const row = page.locator('.my-course', { hasText: '线上学技能' });
    assert.equal(await bar(page, '.my-course'), 12);
    assert.equal(await row.locator('.badge-done').count(), 0, 'the tab does not call it finished');
    await openCourse(page, 'internet-plus-skills');
    await page.waitForSelector('.course-progress .cert-not-done');
    assert.equal(await bar(page, '.course-progress'), 12);
    assert.equal(await page.locator('.course-progress .badge-done').count(), 0);
    assert.doesNotMatch(await page.locator('.course-progress').innerText(), /已结业/);

    // The remaining 35 hours finish it, dated today, not before the enrolment.
    for (let i = 1; i <= 4; i++) await logHours(page, 8, await phoneDate(page, { days: -i }));
    await logHours(page, 3);
    await page.waitForSelector('.course-progress .badge-done');
    const today = await phoneDate(page);
    assert.match(await page.locator('.course-progress .badge-done').innerText(), new RegExp(`已结业 ${today}`));
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('a camp: sessions, a ticked checklist item and a note with <script> shown as text, all kept after reload', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    await openCourse(page, 'startup-camp');
    assert.match(await page.locator('main h1').innerText(), /创业训练营/);
    await enrol(page, { by: 'sessions', amount: 6 });

    // One session attended.
    const form = page.locator('section.log form');
    await form.locator('input[name="log-kind"]').nth(2).check();
    await form.locator('button[type="submit"]').click();
    await page.waitForSelector('.camp-sessions:has-text("1 / 6")');

    // A checklist item ticked.
    await page.locator('.checklist label', { hasText: '市场' }).locator('input').check();
    await page.waitForSelector('.history .entry:has-text("完成清单项")');

    // A note that looks like markup stays text.
    const note = '<script>window.__pwned = 1</script><b>计划书</b> 第二稿';
    await page.locator('textarea[name="camp-note"]').fill(note);
    await page.locator('.camp form', { hasText: '保存笔记' }).locator('button').click();
    await page.waitForSelector('.camp-note');
    assert.equal(await page.locator('.camp-note .note-text').innerText(), note);
    assert.equal(await page.locator('.camp-notes script, .camp-notes b').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);

    // A note that is too long is refused with the limit.
    await page.locator('textarea[name="camp-note"]').evaluate((el) => el.removeAttribute('maxlength'));
    await page.locator('textarea[name="camp-note"]').fill('长'.repeat(2001));
    await page.locator('.camp form', { hasText: '保存笔记' }).locator('button').click();
    await page.waitForSelector('.camp .field-error:has-text("2000")');

    await page.reload();
    await appReady(page);
    await page.waitForSelector('.camp-sessions:has-text("1 / 6")');
    assert.ok(await page.locator('.checklist label', { hasText: '市场' }).locator('input').isChecked());
    assert.equal(await page.locator('.camp-note .note-text').innerText(), note);
    await page.screenshot({ path: join(SHOTS, 'training-camp.png'), fullPage: true });
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

test('a claim deadline within 14 days gets a gentle banner, at once and at every start; 知道了 hides it for today', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    await openTraining(page);
    // Past the start-up check (2.5 s after load), which found nothing that could be due: no banner.
    await page.waitForTimeout(4000);
    assert.equal(await page.locator('.banner-due').count(), 0);
    // Issued about 12 months ago less 8 days: the last day to claim is about 8 days from now.
    const issued = await phoneDate(page, { months: -12, days: 8 });
    const left = daysBetween(await phoneDate(page), claimLastDay(issued));
    assert.ok(left > 1 && left <= 14, `${left} days left`);
    await addCertificate(page, { name: '电工', level: 'level5', number: 'DG-1', issued });
    await page.waitForSelector('.subsidy:has-text("1,000元")');
    // The first entry in the log brings the banner in the same session, not only from the next start.
    const banner = page.locator('.banner-due');
    await banner.waitFor();
    assert.match(await banner.innerText(), /14天内有1个截止日期/);

    await page.goto(host.origin + '/');
    await appReady(page);
    await banner.waitFor();
    assert.match(await banner.innerText(), /14天内有1个截止日期/);
    assert.match(await banner.innerText(), new RegExp(`还剩${left}天`));
    await page.screenshot({ path: join(SHOTS, 'training-banner.png') });
    await banner.locator('button').click();
    await banner.waitFor({ state: 'detached' });
    await page.waitForTimeout(300); // let the dismissal's settings write commit
    await page.reload();
    await appReady(page);
    await page.waitForSelector('.tab-bar');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.banner-due').count(), 0, 'dismissed for today');
    await clean(seen);
  } finally {
    await context.close();
    dispose();
  }
});

/**
 * Stands in for the phone's notifications on this page: `permission` as the browser would report it,
 * `answer` what the person picks when asked, and every notification shown recorded in window.__shown.
 */
async function stubNotifications(page, { permission, answer = permission }) {
  await page.addInitScript(({ permission, answer }) => {
    const shown = [];
    class Notification {
      constructor(title, options = {}) {
        shown.push({ title, body: options.body, tag: options.tag });
      }
      static permission = permission;
      static requestPermission() {
        Notification.permission = answer;
        return Promise.resolve(answer);
      }
    }
    window.Notification = Notification;
    window.__shown = shown;
  }, { permission, answer });
}

const shown = (page) => page.evaluate(() => window.__shown);

test('reminders: none until the person turns them on; then a deadline within 14 days once a day, a later one never', async () => {
  const { context, dispose } = await launch();
  try {
    const page = await context.newPage();
    const seen = watch(page, host.origin);
    // The browser already allows notifications (e.g. allowed for the site earlier): that alone is not a yes.
    await stubNotifications(page, { permission: 'granted' });
    await openTraining(page);
    const soon = await phoneDate(page, { months: -12, days: 8 }); // last day to claim about 8 days away
    await addCertificate(page, { name: '电工', level: 'level5', number: 'DG-1', issued: soon });
    await page.waitForSelector('.subsidy:has-text("电工")');
    await addCertificate(page, { name: '中式烹调师', level: 'level4', number: 'ZZ-9', issued: await phoneDate(page, { days: -10 }) });
    await page.waitForSelector('.subsidy:has-text("中式烹调师")');
    await page.waitForSelector('.banner-due');
    await page.waitForTimeout(500);
    assert.deepEqual(await shown(page), [], 'nothing before the person opts in');

    const card = page.locator('section.training-deadlines');
    assert.match(await card.innerText(), /每项每天最多一次/);
    await card.locator('button.reminders-on').click();
    await card.locator('.reminders-state:has-text("到期提醒已开启")').waitFor();
    await page.waitForFunction(() => window.__shown.length > 0);
    await page.waitForTimeout(300);
    const first = await shown(page);
    assert.equal(first.length, 1, JSON.stringify(first));
    assert.match(first[0].title, /截止日期临近/);
    assert.match(first[0].body, new RegExp(`电工.*${claimLastDay(soon)}.*还剩\\d+天`));
    assert.ok(!first.some((n) => n.body.includes('中式烹调师')), 'the deadline a year away is not notified');

    // Opened again the same day: the same item is not notified twice.
    await page.reload();
    await appReady(page);
    await card.locator('.reminders-state:has-text("到期提醒已开启")').waitFor();
    await page.waitForSelector('.banner-due');
    await page.waitForTimeout(500);
    assert.deepEqual(await shown(page), [], 'at most once per item per day');

    // Turned off: the choice is kept.
    await card.locator('button.reminders-off').click();
    await card.locator('button.reminders-on').waitFor();
    await page.waitForTimeout(300);
    await page.reload();
    await appReady(page);
    await card.locator('button.reminders-on').waitFor();
    await clean(seen);

    // Someone who refuses when the browser asks: told why nothing will come and how to change it.
    const other = await context.newPage();
    const seenOther = watch(other, host.origin);
    await stubNotifications(other, { permission: 'default', answer: 'denied' });
    await other.goto(host.origin + '/training');
    await appReady(other);
    const otherCard = other.locator('section.training-deadlines');
    await otherCard.locator('button.reminders-on').click();
    const refused = otherCard.locator('.reminders-state');
    await refused.waitFor();
    assert.match(await refused.innerText(), /通知被浏览器拒绝了.*网站设置里允许/);
    assert.equal(await otherCard.locator('button.reminders-on').count(), 0);
    assert.deepEqual(await shown(other), []);
    await clean(seenOther);
  } finally {
    await context.close();
    dispose();
  }
});
