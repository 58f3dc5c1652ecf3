/**
 * Which fixes the rules allow for each refused entry: a new entry for a refused document (never an
 * edit, never a cancel of something that does not count), a new cancel for a refused cancel whose
 * original still counts, nothing where nothing is left to do, and the administrator for conflicts.
 */
import { describe, expect, it } from 'vitest';
import { fixPlanOf, openFixCount } from '../../src/app/rejected/fixes';
import type { Entry } from '../../src/domain/entry';
import type { RefusedEntry, StoredEntry, SyncState } from '../../src/store';
import { appropriation, cancelOf, entryOf, receiptDoc } from '../domain/builders';

function stored(entry: Entry, state: SyncState, code?: string): StoredEntry {
  return { ...entry, state, ...(code ? { syncCode: code, syncMessage: 'เหตุผลภาษาไทย' } : {}) } as StoredEntry;
}

const receipt = entryOf(receiptDoc('7', 5));

describe('fixPlanOf', () => {
  it('offers a rejected receipt a new, pre-filled receipt — and no cancel, since it does not count here', () => {
    const plan = fixPlanOf({ entry: stored(receipt, 'rejected', 'date_closed'), corrections: [] });
    expect(plan.status).toBe('open');
    expect(plan.stateTh).toBe('ถูกปฏิเสธ');
    expect(plan.actions).toEqual([{ kind: 'record-anew', entryKind: 'receipt', prefilled: true }]);
    expect(plan.booksTh).toContain('ไม่นับในบัญชีของเครื่องนี้');
    expect(plan.booksTh).toContain('เล่ม 7 เลขที่ 5');
    expect(plan.adviceTh).toContain('ยกเลิกไม่ได้');
  });

  it('offers a refused budget entry a new one, pre-filled like the other kinds', () => {
    const plan = fixPlanOf({ entry: stored(entryOf(appropriation('L1', 100)), 'rejected', 'date_closed'), corrections: [] });
    expect(plan.actions).toEqual([{ kind: 'record-anew', entryKind: 'budget', prefilled: true }]);
    expect(plan.booksTh).toContain('ไม่มีผลต่อทะเบียนงบประมาณ');
  });

  it('is fixed once its last correction counts, and open again when that correction was refused too', () => {
    const fix = entryOf(receiptDoc('7', 6));
    const fixed = fixPlanOf({ entry: stored(receipt, 'rejected', 'date_closed'), corrections: [stored(fix, 'pending')] });
    expect(fixed.status).toBe('fixed');
    expect(fixed.fixedBy?.id).toBe(fix.id);
    expect(fixed.actions).toEqual([]);
    const again = fixPlanOf({ entry: stored(receipt, 'rejected', 'date_closed'), corrections: [stored(fix, 'rejected', 'date_closed')] });
    expect(again.status).toBe('open');
    expect(again.adviceTh).toContain('ครั้งก่อนถูกปฏิเสธ');
    expect(again.actions).toHaveLength(1);
  });

  it('tells a conflict it is never overwritten, to ask the administrator, and allows recording anew', () => {
    const plan = fixPlanOf({ entry: stored(receipt, 'conflict'), corrections: [] });
    expect(plan.stateTh).toBe('ข้อมูลไม่ตรงกับเซิร์ฟเวอร์');
    expect(plan.adviceTh).toContain('ไม่เขียนทับ');
    expect(plan.adviceTh).toContain('ผู้ดูแลระบบ');
    expect(plan.adviceTh).toContain(receipt.id);
    expect(plan.booksTh).toContain('เซิร์ฟเวอร์เก็บรายการรหัสนี้ฉบับที่ต่างออกไป');
    expect(plan.actions).toEqual([{ kind: 'record-anew', entryKind: 'receipt', prefilled: true }]);
  });

  it('offers nothing to record for an entry of another organisation: only the administrator can help', () => {
    const plan = fixPlanOf({ entry: stored(receipt, 'rejected', 'wrong_org'), corrections: [] });
    expect(plan.actions).toEqual([]);
    expect(plan.adviceTh).toContain('ผู้ดูแลระบบ');
  });

  describe('a refused cancel', () => {
    const cancel = cancelOf(receipt, '2024-03-31');
    const item = (target: StoredEntry | undefined, code = 'date_closed', extra: Partial<RefusedEntry> = {}): RefusedEntry => ({
      entry: stored(cancel, 'rejected', code),
      corrections: [],
      ...(target ? { cancelTarget: target } : {}),
      ...extra,
    });

    it('offers a new cancel of the original, which still counts here', () => {
      const plan = fixPlanOf(item(stored(receipt, 'posted')));
      expect(plan.status).toBe('open');
      expect(plan.actions).toEqual([{ kind: 'cancel-original', targetId: receipt.id }]);
      expect(plan.booksTh).toContain('ใบเสร็จรับเงินเดิมจึงยังนับอยู่');
    });

    it('needs nothing when the original does not count either, or is already cancelled here or on the server', () => {
      expect(fixPlanOf(item(stored(receipt, 'rejected', 'date_closed'))).status).toBe('nothing-to-do');
      expect(fixPlanOf(item(stored(receipt, 'posted'), 'date_closed', { targetCancelledBy: 'another-cancel' })).status).toBe('nothing-to-do');
      const onServer = fixPlanOf(item(stored(receipt, 'posted'), 'cancel_already'));
      expect(onServer.status).toBe('nothing-to-do');
      expect(onServer.actions).toEqual([]);
    });

    it('cannot be fixed from this PC when the original is not on it', () => {
      const plan = fixPlanOf(item(undefined, 'cancel_unknown'));
      expect(plan.actions).toEqual([]);
      expect(plan.adviceTh).toContain('ผู้ดูแลระบบ');
    });

    it('is fixed by a new cancel that counts', () => {
      const again = cancelOf(receipt, '2024-04-01');
      expect(fixPlanOf(item(stored(receipt, 'posted'), 'date_closed', { corrections: [stored(again, 'pending')] })).status).toBe('fixed');
    });
  });
});

describe('openFixCount', () => {
  it('counts only the refused entries that still wait for the officer', () => {
    const fix = entryOf(receiptDoc('7', 6));
    const items: RefusedEntry[] = [
      { entry: stored(receipt, 'rejected', 'date_closed'), corrections: [] },
      { entry: stored(entryOf(receiptDoc('7', 8)), 'conflict'), corrections: [] },
      { entry: stored(entryOf(receiptDoc('7', 9)), 'rejected', 'date_closed'), corrections: [stored(fix, 'posted')] },
      { entry: stored(cancelOf(receipt), 'rejected', 'cancel_already'), corrections: [], cancelTarget: stored(receipt, 'posted') },
    ];
    expect(openFixCount(items)).toBe(2);
    expect(openFixCount([])).toBe(0);
  });
});
