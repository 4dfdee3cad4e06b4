// The backups 我的 → 数据 must refuse, with the message each one gets: one list for every way a backup comes
// in (a picked file in data.test.mjs, pasted text in inapp.test.mjs), so the two paths are held to the same
// checks. Every refusal also says 没有做任何更改 and changes nothing stored.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './support.mjs';
import { canonical, sha256 } from './data-world.mjs';

/** Size of the too-large case: far over the app's 10 MB limit. */
export const HUGE_BYTES = 50 * 1024 * 1024;

/**
 * `[what, contents, message]` for a good backup's `text`. `contents` is text, a Buffer, or (the too-large case)
 * `{ path, bytes }`: a file of `bytes` spaces on disk, as on a phone, too big to hand over in memory.
 */
export function refusals(text) {
  const good = JSON.parse(text);
  const edited = structuredClone(good);
  edited.records.answers[0].value = '1960-01-01'; // changed by hand: checksum no longer matches
  const hostile = structuredClone(good);
  hostile.records.answers.push({ fact_id: 'x'.repeat(5000), value: '<script>alert(1)</script>', updated_at_ms: 1 });
  hostile.sha256 = sha256(canonical(hostile.records)); // a well-made file with an impossible record
  const forged = structuredClone(good);
  forged.records.learning_record.statements[0].actor.account.name = 'learner-someone-else';
  forged.sha256 = sha256(canonical(forged.records)); // well made, but the record is not about this person
  const path = join(tempDir('leye-big-'), 'huge.json');
  writeFileSync(path, Buffer.alloc(HUGE_BYTES, ' '));
  return [
    ['truncated', text.slice(0, Math.floor(text.length / 2)), /文件不完整或已损坏/],
    ['another format', JSON.stringify({ format: 'wechat-export', version: 3, items: [] }), /这不是乐业通的备份文件/],
    ['wrong checksum', JSON.stringify(edited), /校验码不符/],
    ['hostile record', JSON.stringify(hostile), /第 4 条记录有误/],
    ['forged learning record', JSON.stringify(forged), /“学习记录”的第 1 条记录有误/],
    ['6 MB of noise', Buffer.alloc(6 * 1024 * 1024, 'leye'), /文件不完整或已损坏/],
    ['50 MB file', { path, bytes: HUGE_BYTES }, /文件太大（50 MB）/],
  ];
}
