import { describe, expect, it } from 'vitest';
import { journalFieldOf, journalFormTotals, readJournalForm, type JournalFormInput } from '../../../src/domain/forms/journalForm';

const valid: JournalFormInput = {
  dateBe: '31/01/2567',
  voucherNo: 'JV 1/2567',
  purpose: 'general',
  description: 'ดอกเบี้ยเงินฝากธนาคาร',
  lines: [
    { account: '011', debitBaht: '1,250.25', creditBaht: '', note: '' },
    { account: '', debitBaht: '', creditBaht: '', note: '' },
    { account: '413001', debitBaht: '', creditBaht: '1,250.25', note: 'งวด ม.ค.' },
  ],
};

describe('the journal voucher form (readJournalForm)', () => {
  it('reads a balanced grid into a voucher, skipping blank rows', () => {
    expect(readJournalForm(valid)).toEqual({
      ok: true,
      date: '2024-01-31',
      kind: 'journal',
      doc: {
        voucherNo: 'JV 1/2567',
        purpose: 'general',
        description: 'ดอกเบี้ยเงินฝากธนาคาร',
        lines: [
          { account: '011', debitSatang: 125_025, creditSatang: 0 },
          { account: '413001', debitSatang: 0, creditSatang: 125_025, note: 'งวด ม.ค.' },
        ],
      },
    });
  });

  it('says by how much Σdebit and Σcredit differ', () => {
    const result = readJournalForm({ ...valid, lines: [valid.lines[0]!, { ...valid.lines[2]!, creditBaht: '1,200' }] });
    expect(result).toEqual({
      ok: false,
      errors: { lines: 'ยอดเดบิตรวม 1,250.25 บาท ไม่เท่ากับยอดเครดิตรวม 1,200.00 บาท (ต่างกัน 50.25 บาท)' },
    });
  });

  it('reports every bad field and row at once, in Thai', () => {
    const result = readJournalForm({
      dateBe: '30/02/2567',
      voucherNo: '',
      purpose: 'weird',
      description: '',
      lines: [
        { account: '', debitBaht: '10', creditBaht: '', note: '' },
        { account: '413001', debitBaht: '5', creditBaht: '5', note: '' },
        { account: '011', debitBaht: '', creditBaht: 'x', note: '' },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        dateBe: 'วันที่ 30/02/2567 ไม่มีอยู่จริง',
        'lines.0.account': 'กรุณาเลือกบัญชี',
        'lines.1.debitBaht': 'แต่ละบรรทัดต้องมียอดเดบิตหรือเครดิตอย่างใดอย่างหนึ่ง',
        'lines.2.creditBaht': 'จำนวนเงิน "x" ไม่ใช่ตัวเลข',
        voucherNo: 'กรุณากรอกเลขที่ใบผ่านรายการ',
        purpose: 'กรุณาเลือกชนิดใบผ่านรายการ',
        description: 'กรุณากรอกคำอธิบาย',
      },
    });
  });

  it('needs at least two lines', () => {
    expect(readJournalForm({ ...valid, lines: [valid.lines[0]!] })).toEqual({
      ok: false,
      errors: { lines: 'ใบผ่านรายการต้องมีอย่างน้อย 2 บรรทัด' },
    });
  });

  it('totals the grid live as it is typed', () => {
    expect(journalFormTotals(valid.lines)).toEqual({ debitSatang: 125_025, creditSatang: 125_025, balanced: true });
    expect(journalFormTotals([{ debitBaht: '10', creditBaht: '' }, { debitBaht: '', creditBaht: '9' }])).toEqual({
      debitSatang: 1000, creditSatang: 900, balanced: false,
    });
    expect(journalFormTotals([{ debitBaht: '10', creditBaht: '' }, { debitBaht: '', creditBaht: 'สิบ' }]).balanced).toBe(false);
  });

  it("maps the store's document paths back to grid rows", () => {
    expect(journalFieldOf('lines.1.account', valid)).toBe('lines.2.account');
    expect(journalFieldOf('date', valid)).toBe('dateBe');
  });
});
