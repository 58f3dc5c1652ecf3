import { describe, expect, it } from 'vitest';
import {
  cancelledBy,
  entryAmountSatang,
  entryDescriptionTh,
  entryPartyTh,
  entryRefTh,
  syncStateTh,
} from '../../src/app/entryLabels';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import type { Entry } from '../../src/domain/entry';
import type { StoredEntry } from '../../src/store';
import { appropriation, budgetPayment, cancelOf, entryOf, receiptDoc } from '../domain/builders';

const stored = (e: Entry, state: StoredEntry['state'] = 'pending') => ({ ...e, state }) as StoredEntry;

describe('entry labels', () => {
  it('names each sync state as the officer reads it', () => {
    expect(syncStateTh({ state: 'pending' })).toBe('รอส่ง');
    expect(syncStateTh({ state: 'posted', serverSeq: 12 })).toBe('ส่งแล้ว เลขที่ 12');
    expect(syncStateTh({ state: 'rejected', syncMessage: 'วันที่อยู่นอกปีงบประมาณ' })).toBe('ถูกปฏิเสธ: วันที่อยู่นอกปีงบประมาณ');
    expect(syncStateTh({ state: 'conflict', syncMessage: 'ค่าแฮชต่างกัน' })).toBe('ขัดแย้ง: ค่าแฮชต่างกัน');
  });

  it('reads a receipt: book and number, payer, items by their chart names, total', () => {
    const receipt = entryOf(receiptDoc('1/2567', 41, 150_000, '411002'));
    expect(entryRefTh(receipt)).toBe('เล่ม 1/2567 เลขที่ 41');
    expect(entryPartyTh(receipt)).toBe('นายสมชาย ใจดี');
    expect(entryDescriptionTh(receipt, defaultChart)).toBe('ภาษีป้าย · เงินสด');
    expect(entryAmountSatang(receipt)).toBe(150_000);
  });

  it('reads a payment by its voucher, payee, line and gross', () => {
    const payment = entryOf(budgetPayment('00111-532000-01', 1_500_000, { withholdingSatang: 15_000, voucherNo: '15/2567' }));
    expect(entryRefTh(payment)).toBe('ฎีกา 15/2567');
    expect(entryPartyTh(payment)).toBe('ร้านวัสดุ');
    expect(entryDescriptionTh(payment, defaultChart)).toContain('งบ 00111-532000-01');
    expect(entryAmountSatang(payment)).toBe(1_500_000);
  });

  it('reads an appropriation by its action and line', () => {
    const budget = entryOf(appropriation('L1', 12_000_000));
    expect(entryDescriptionTh(budget, defaultChart)).toBe('ตั้งงบประมาณ (ข้อบัญญัติ/เทศบัญญัติ) · L1 รายจ่ายเพื่อให้ได้มาซึ่งบริการ');
    expect(entryAmountSatang(budget)).toBe(12_000_000);
  });

  it('says which entry a cancel cancels, with its amount', () => {
    const receipt = entryOf(receiptDoc('1/2567', 3));
    const cancel = cancelOf(receipt, receipt.date, 'เขียนชื่อผิด');
    expect(entryDescriptionTh(cancel, defaultChart, receipt)).toBe('ยกเลิกใบเสร็จรับเงิน เล่ม 1/2567 เลขที่ 3 · เขียนชื่อผิด');
    expect(entryAmountSatang(cancel, receipt)).toBe(50_000);
    expect(entryAmountSatang(cancel)).toBeUndefined();
  });

  it('marks as cancelled only the targets of cancels that count (not rejected ones)', () => {
    const a = entryOf(receiptDoc('1', 1));
    const b = entryOf(receiptDoc('1', 2));
    const map = cancelledBy([stored(a), stored(b), stored(cancelOf(a), 'posted'), stored(cancelOf(b), 'rejected')]);
    expect([...map.keys()]).toEqual([a.id]);
  });
});
