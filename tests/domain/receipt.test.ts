import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankAccount, cashAccount } from '../../src/domain/accounts';
import { isBalanced, journalTotals } from '../../src/domain/journal';
import { deriveReceiptLines, readReceiptForm, type ReceiptFormInput } from '../../src/domain/receipt';
import { receiptDocArb } from './arbitraries';

const validForm: ReceiptFormInput = {
  dateBe: '16/01/2567',
  bookNo: '12',
  receiptNo: '34',
  payer: 'นายสมชาย ใจดี',
  revenueAccount: '411002',
  amountBaht: '1,234.50',
  method: 'cash',
};

describe('receipt (ใบเสร็จรับเงิน)', () => {
  it('derives Dr เงินสด / Cr the revenue item for cash', () => {
    const lines = deriveReceiptLines({
      bookNo: '1', receiptNo: 1, payer: 'ก', revenueAccount: '411002', amountSatang: 50000, method: 'cash',
    });
    expect(lines).toEqual([
      { account: cashAccount.code, debitSatang: 50000, creditSatang: 0 },
      { account: '411002', debitSatang: 0, creditSatang: 50000 },
    ]);
  });

  it('debits the bank account for money received by transfer', () => {
    const lines = deriveReceiptLines({
      bookNo: '1', receiptNo: 1, payer: 'ก', revenueAccount: '413001', amountSatang: 1, method: 'bank',
    });
    expect(lines[0]).toEqual({ account: bankAccount.code, debitSatang: 1, creditSatang: 0 });
  });

  it('every valid receipt derives balanced lines whose total is its amount', () => {
    fc.assert(
      fc.property(receiptDocArb, (doc) => {
        const lines = deriveReceiptLines(doc);
        expect(isBalanced(lines)).toBe(true);
        expect(journalTotals(lines)).toEqual({ debitSatang: doc.amountSatang, creditSatang: doc.amountSatang });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads a filled form into a business date and document', () => {
    expect(readReceiptForm(validForm)).toEqual({
      ok: true,
      date: '2024-01-16',
      doc: {
        bookNo: '12', receiptNo: 34, payer: 'นายสมชาย ใจดี', revenueAccount: '411002', amountSatang: 123450, method: 'cash',
      },
    });
  });

  it('names every bad field with a Thai message at once', () => {
    const r = readReceiptForm({
      dateBe: '31/02/2567', bookNo: ' ', receiptNo: 'สิบ', payer: '', revenueAccount: '999999', amountBaht: '0', method: 'gold',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      dateBe: 'วันที่ 31/02/2567 ไม่มีอยู่จริง',
      bookNo: 'กรุณากรอกเล่มที่',
      receiptNo: 'เลขที่ใบเสร็จต้องเป็นตัวเลข',
      payer: 'กรุณากรอกชื่อผู้ชำระเงิน',
      revenueAccount: 'ไม่มีรายการรายได้นี้ในผังบัญชี',
      amountBaht: 'จำนวนเงินต้องมากกว่า 0',
      method: 'กรุณาเลือกรับเป็นเงินสดหรือเงินฝากธนาคาร',
    });
  });

  it('refuses a negative amount and a receipt number of zero', () => {
    const r = readReceiptForm({ ...validForm, amountBaht: '(5.00)', receiptNo: '0' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.amountBaht).toBe('จำนวนเงินต้องมากกว่า 0');
      expect(r.errors.receiptNo).toBe('เลขที่ใบเสร็จต้องมากกว่า 0');
    }
  });
});
