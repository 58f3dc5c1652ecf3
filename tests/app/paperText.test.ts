import { describe, expect, it } from 'vitest';
import { receiptPaper, voucherPaper, voucherSignersTh } from '../../src/app/print/paperText';
import { defaultPrintOptions, readPrintOptionsValue } from '../../src/app/print/printOptions';
import { printHash, printTargetOfHash } from '../../src/app/print/printRoute';
import { thaiLongDate } from '../../src/app/print/thaiLongDate';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import type { EntryOfKind } from '../../src/domain/entry';
import { budgetPayment, entryOf, lineDef, receiptDoc } from '../domain/builders';

const receipt = () => {
  const r = receiptDoc('1/2567', 41, 154_050, '411002', 'นายสมชาย ใจดี');
  return entryOf({ ...r, doc: { ...r.doc, items: [...r.doc.items, { account: '412001', amountSatang: 10_100, description: 'ค่าขยะ มกราคม' }] } }) as EntryOfKind<'receipt'>;
};

describe('a printed receipt', () => {
  it('says เล่มที่/เลขที่, the B.E. date in words, the payer and each item with its amount', () => {
    const p = receiptPaper(receipt(), defaultChart, defaultPrintOptions);
    expect(p).toMatchObject({ bookNo: '1/2567', receiptNo: '41', dateTh: '16 มกราคม พ.ศ. 2567', payer: 'นายสมชาย ใจดี', methodTh: 'เงินสด' });
    expect(p.items).toEqual([
      { no: '1', description: 'ภาษีป้าย', amount: '1,540.50' },
      { no: '2', description: 'ค่าขยะ มกราคม', amount: '101.00' },
    ]);
  });

  it('gives the total in figures and in words, as Excel BAHTTEXT reads it', () => {
    expect(receiptPaper(receipt(), defaultChart, defaultPrintOptions).total).toEqual({
      figures: '1,641.50',
      words: '(หนึ่งพันหกร้อยสี่สิบเอ็ดบาทห้าสิบสตางค์)',
    });
  });

  it('writes Thai digits and reads เอ็ด after สิบ only when the office chose so', () => {
    const p = receiptPaper(receipt(), defaultChart, { thaiDigits: true, ed: 'tensOnly' });
    expect(p.total.figures).toBe('๑,๖๔๑.๕๐');
    expect(p.dateTh).toBe('๑๖ มกราคม พ.ศ. ๒๕๖๗');
    expect(p.receiptNo).toBe('๔๑');
    // After สิบ, เอ็ด stays in both modes; after ร้อย it becomes หนึ่ง in tensOnly.
    expect(p.total.words).toBe('(หนึ่งพันหกร้อยสี่สิบเอ็ดบาทห้าสิบสตางค์)');
    const r = receiptDoc('1/2567', 42, 10_100);
    expect(receiptPaper(entryOf(r) as EntryOfKind<'receipt'>, defaultChart, { thaiDigits: false, ed: 'tensOnly' }).total.words).toBe('(หนึ่งร้อยหนึ่งบาทถ้วน)');
  });
});

describe('a printed ฎีกา', () => {
  const payment = entryOf(budgetPayment('00111-532000-01', 1_500_000, { withholdingSatang: 15_000, voucherNo: '12/2567' }), '2024-02-05') as EntryOfKind<'payment'>;

  it('shows the budget line with its classification when the store has the line', () => {
    const p = voucherPaper(payment, defaultChart, defaultPrintOptions, lineDef('00111-532000-01'));
    expect(p.charge.map((c) => c.labelTh)).toEqual(['รายการงบประมาณ', 'แผนงาน', 'งาน', 'งบ', 'หมวด', 'ประเภท']);
    expect(p.charge[0]?.valueTh).toBe('00111-532000-01');
    expect(p.charge.find((c) => c.labelTh === 'หมวด')?.valueTh).toContain('532000');
  });

  it('falls back to the หมวด account without the line', () => {
    expect(voucherPaper(payment, defaultChart, defaultPrintOptions).charge.map((c) => c.labelTh)).toEqual(['รายการงบประมาณ', 'หมวด']);
  });

  it('lists gross, each deduction and net, with words for gross and net', () => {
    const p = voucherPaper(payment, defaultChart, defaultPrintOptions);
    expect(p.voucherNo).toBe('12/2567');
    expect(p.gross).toEqual({ figures: '15,000.00', words: '(หนึ่งหมื่นห้าพันบาทถ้วน)' });
    expect(p.deductions).toEqual([{ description: 'ภาษีหัก ณ ที่จ่าย', amount: '150.00' }]);
    expect(p.net).toEqual({ figures: '14,850.00', words: '(หนึ่งหมื่นสี่พันแปดร้อยห้าสิบบาทถ้วน)' });
    expect(p.dateTh).toBe('5 กุมภาพันธ์ พ.ศ. 2567');
  });

  it('has the six signers of DOMAIN.md §3.1', () => {
    expect(voucherSignersTh).toEqual(['ผู้ตรวจสอบ/ผู้ควบคุมงบประมาณ', 'หัวหน้าหน่วยงานคลัง', 'ปลัด อปท.', 'ผู้อนุมัติ', 'ผู้รับเงิน', 'ผู้จ่ายเงิน']);
  });
});

describe('print plumbing', () => {
  it('reads the print address', () => {
    const id = '0190d6a4-0000-7000-8000-0000000000e1';
    expect(printTargetOfHash(printHash(id))).toBe(id);
    expect(printTargetOfHash('#entries')).toBeUndefined();
    expect(printTargetOfHash('#print/not-an-id')).toBeUndefined();
  });

  it('falls back to the default options for a damaged stored value', () => {
    expect(readPrintOptionsValue(undefined)).toEqual(defaultPrintOptions);
    expect(readPrintOptionsValue({ thaiDigits: 'yes', ed: 'sometimes' })).toEqual(defaultPrintOptions);
    expect(readPrintOptionsValue({ thaiDigits: true, ed: 'tensOnly' })).toEqual({ thaiDigits: true, ed: 'tensOnly' });
  });

  it('writes long Thai dates', () => {
    expect(thaiLongDate('2023-10-01')).toBe('1 ตุลาคม พ.ศ. 2566');
  });
});
