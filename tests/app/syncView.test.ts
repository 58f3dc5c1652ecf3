import { describe, expect, it } from 'vitest';
import { bangkokTimeOf, nextSyncView, syncStatusTh, type SyncView } from '../../src/app/syncView';
import type { DrainFinished } from '../../src/sync/channel';

const at = Date.UTC(2024, 0, 16, 7, 5, 9); // 14:05:09 in Bangkok
const idle: SyncView = { kind: 'idle' };

function finishedMessage(fields: Partial<DrainFinished> & Pick<DrainFinished, 'outcome'>): DrainFinished {
  return { type: 'drain-finished', posted: 0, rejected: 0, conflicts: 0, pending: 0, ...fields };
}

function finished(fields: Partial<DrainFinished> & Pick<DrainFinished, 'outcome'>): SyncView {
  return nextSyncView(idle, finishedMessage(fields), at);
}

describe('the sync status line', () => {
  it('says กำลังส่ง while a drain runs, with progress when known', () => {
    expect(syncStatusTh(nextSyncView(idle, { type: 'drain-started' }, at), true)).toBe('กำลังส่ง…');
    expect(syncStatusTh(nextSyncView(idle, { type: 'progress', sent: 200, total: 350 }, at), true)).toBe(
      'กำลังส่ง… 200/350 รายการ',
    );
  });

  it('says ส่งแล้ว with the count and the Bangkok time after a drain', () => {
    expect(syncStatusTh(finished({ outcome: 'drained', posted: 3 }), true)).toBe('ส่งแล้ว 3 รายการ เมื่อ 14:05:09');
  });

  it('points at rejected and conflicting entries after a drain', () => {
    const text = syncStatusTh(finished({ outcome: 'drained', posted: 5, rejected: 1, conflicts: 2 }), true);
    expect(text).toContain('ถูกปฏิเสธ 1 รายการ');
    expect(text).toContain('ขัดแย้ง 2 รายการ');
  });

  it('gives the retry time in Bangkok when the server does not answer', () => {
    const view = finished({ outcome: 'backing-off', nextAttemptAtMs: at + 90_000, messageTh: 'เซิร์ฟเวอร์ไม่ว่าง' });
    expect(syncStatusTh(view, true)).toBe('เซิร์ฟเวอร์ไม่ตอบ จะลองใหม่เวลา 14:06:39 (เซิร์ฟเวอร์ไม่ว่าง)');
  });

  it('asks to enrol again when the token is refused', () => {
    expect(syncStatusTh(finished({ outcome: 'auth-failed' }), true)).toMatch(/^ต้องลงทะเบียนใหม่/);
  });

  it('keeps the last view when another runner is busy', () => {
    const drained = finished({ outcome: 'drained', posted: 1 });
    expect(nextSyncView(drained, finishedMessage({ outcome: 'busy', pending: 1 }), at + 1000)).toBe(drained);
  });

  it('says the entries stay on the PC while the browser is offline', () => {
    expect(syncStatusTh(idle, false)).toContain('ไม่มีอินเทอร์เน็ต');
  });

  it('says how many are left when a drain stops at its bound', () => {
    expect(syncStatusTh(finished({ outcome: 'incomplete', posted: 500, pending: 120 }), true)).toBe(
      'ส่งแล้ว 500 รายการ ยังเหลือ 120 รายการ จะส่งต่อเอง',
    );
  });

  it("shows the engine's own message when the PC's database failed", () => {
    expect(syncStatusTh(finished({ outcome: 'failed', messageTh: 'ฐานข้อมูลในเครื่องมีปัญหา' }), true)).toBe(
      'ฐานข้อมูลในเครื่องมีปัญหา',
    );
  });
});

describe('bangkokTimeOf', () => {
  it('is UTC+7 whatever the PC zone', () => {
    expect(bangkokTimeOf(Date.UTC(2024, 0, 16, 17, 0, 0))).toBe('00:00:00');
  });
});
