import { describe, expect, it } from 'vitest';
import { methodTh, revenueNameTh, syncStateTh } from '../../src/app/entryLabels';

describe('entry labels', () => {
  it('names each sync state as the officer reads it', () => {
    expect(syncStateTh({ state: 'pending' })).toBe('รอส่ง');
    expect(syncStateTh({ state: 'posted', serverSeq: 12 })).toBe('ส่งแล้ว เลขที่ 12');
    expect(syncStateTh({ state: 'rejected', syncMessage: 'วันที่อยู่นอกปีงบประมาณ' })).toBe(
      'ถูกปฏิเสธ: วันที่อยู่นอกปีงบประมาณ',
    );
    expect(syncStateTh({ state: 'conflict', syncMessage: 'ค่าแฮชต่างกัน' })).toBe('ขัดแย้ง: ค่าแฮชต่างกัน');
  });

  it('names revenue items from the chart, and falls back to the code', () => {
    expect(revenueNameTh('411002')).toBe('ภาษีป้าย');
    expect(revenueNameTh('999999')).toBe('999999');
  });

  it('names payment methods', () => {
    expect(methodTh('cash')).toBe('เงินสด');
    expect(methodTh('bank')).toBe('เงินฝากธนาคาร');
  });
});
