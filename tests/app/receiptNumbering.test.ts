import { describe, expect, it } from 'vitest';
import { receiptNoHint } from '../../src/app/receiptNumbering';

const book = { bookNo: '1/2567', usedNos: [40, 41], nextNo: 42, ranges: [] };

describe('the hint under เลขที่ on the receipt form', () => {
  it('gives the next number and no warning for it', () => {
    expect(receiptNoHint(book, '42')).toEqual({ nextNo: 42, warning: undefined });
    expect(receiptNoHint(book, '')).toEqual({ nextNo: 42, warning: undefined });
  });

  it('warns when the typed number skips numbers, naming them', () => {
    const hint = receiptNoHint(book, '45');
    expect(hint.warning?.kind).toBe('gap');
    expect(hint.warning?.textTh).toMatch(/^เลขที่ 45 ข้ามเลขที่ 42–44 ที่ยังไม่ได้บันทึก/);
    expect(receiptNoHint(book, '43').warning?.textTh).toMatch(/^เลขที่ 43 ข้ามเลขที่ 42 ที่ยังไม่ได้บันทึก/);
  });

  it('warns when the number is already used', () => {
    expect(receiptNoHint(book, '41').warning).toEqual({ kind: 'used', textTh: 'เล่มที่ 1/2567 เลขที่ 41 ใช้ไปแล้ว' });
  });

  it("warns when the number lies outside this PC's range of the book", () => {
    const ranged = { ...book, ranges: [{ bookNo: '1/2567', firstNo: 1, lastNo: 50 }] };
    expect(receiptNoHint(ranged, '51').warning?.kind).toBe('out-of-range');
    expect(receiptNoHint(ranged, '51').warning?.textTh).toContain('(1–50)');
  });

  it('says when the range of the book is used up', () => {
    const full = { ...book, nextNo: undefined, ranges: [{ bookNo: '1/2567', firstNo: 1, lastNo: 41 }] };
    expect(receiptNoHint(full, '').warning?.kind).toBe('used-up');
  });
});
