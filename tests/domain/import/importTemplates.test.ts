import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ImportKind, ImportTable } from '../../../src/domain/import/importTypes';
import { importTemplateCsv, importTemplateRows, importTemplates } from '../../../src/domain/import/importTemplates';
import { readImportTable } from '../../../src/domain/import/readImportTable';
import { lineDef } from '../builders';

/** The lines on this PC that the payment template's example charges. */
const budgetLines = [lineDef('00111-532000-01')];

const generalAdmin = {
  fiscalYear: 2567,
  planCode: '00110',
  planName: 'บริหารงานทั่วไป',
  workCode: '00111',
  workName: 'งานบริหารทั่วไป',
  groupName: 'งบดำเนินงาน',
  fundSource: 'budget',
};
const servicesLine = { code: '00111-532000-01', ...generalAdmin, categoryAccount: '532000', typeName: 'รายจ่ายเพื่อให้ได้มาซึ่งบริการ' };
const paymentLine = { code: '00111-531000-01', ...generalAdmin, categoryAccount: '531000', typeName: 'ค่าตอบแทนผู้ปฏิบัติราชการอันเป็นประโยชน์แก่ อปท.' };

/** What each template's example rows are: entries written out by hand, natural keys included. */
const expected: Record<Exclude<ImportKind, 'budget'>, unknown[]> = {
  receipt: [
    {
      rows: [2, 3],
      naturalKey: 'receipt|1/2567|41',
      date: '2024-01-16',
      kind: 'receipt',
      doc: {
        bookNo: '1/2567',
        receiptNo: 41,
        payer: 'นายสมชาย ใจดี',
        items: [
          { account: '411002', amountSatang: 120000, description: 'ป้ายร้านค้า' },
          { account: '412001', amountSatang: 4000, description: 'ค่าเก็บขยะ ม.ค. 2567' },
        ],
        method: 'cash',
        receivedInto: '010',
      },
    },
    {
      rows: [4],
      naturalKey: 'receipt|1/2567|42',
      date: '2024-01-17',
      kind: 'receipt',
      doc: {
        bookNo: '1/2567',
        receiptNo: 42,
        payer: 'บริษัท ตัวอย่าง จำกัด',
        items: [{ account: '411001', amountSatang: 1500000 }],
        method: 'transfer',
        receivedInto: '011',
        reference: 'TR6701170001',
      },
    },
  ],
  payment: [
    {
      rows: [2],
      naturalKey: 'payment|2567|15/2567',
      date: '2024-01-25',
      kind: 'payment',
      doc: {
        voucherNo: '15/2567',
        payee: 'หจก. สะอาดดี',
        description: 'ค่าจ้างเหมาทำความสะอาดอาคารสำนักงาน มกราคม 2567',
        charge: { kind: 'budget', fiscalYear: 2567, budgetLine: '00111-532000-01', expenseAccount: '532000', commitmentReleaseSatang: 0 },
        grossSatang: 1500000,
        deductions: [{ kind: 'withholding', account: '902', amountSatang: 15000 }],
        netSatang: 1485000,
        method: 'transfer',
        paidFrom: '011',
        reference: 'TR6701250001',
      },
    },
    {
      rows: [3],
      naturalKey: 'payment|2567|16/2567',
      date: '2024-02-09',
      kind: 'payment',
      doc: {
        voucherNo: '16/2567',
        payee: 'สำนักงานสรรพากรพื้นที่',
        description: 'นำส่งภาษีหัก ณ ที่จ่าย เดือนมกราคม 2567',
        charge: { kind: 'deposit', account: '902' },
        grossSatang: 15000,
        deductions: [],
        netSatang: 15000,
        method: 'cheque',
        paidFrom: '012',
        reference: '00012345',
      },
    },
  ],
  journal: [
    {
      rows: [2, 3, 4],
      naturalKey: 'journal|2567|JV1/2567',
      date: '2024-01-31',
      kind: 'journal',
      doc: {
        voucherNo: 'JV1/2567',
        purpose: 'general',
        description: 'บันทึกดอกเบี้ยเงินฝากธนาคาร',
        lines: [
          { account: '011', debitSatang: 10000, creditSatang: 0 },
          { account: '012', debitSatang: 2550, creditSatang: 0, note: 'บัญชีกระแสรายวัน' },
          { account: '413001', debitSatang: 0, creditSatang: 12550 },
        ],
      },
    },
  ],
};

/** Budget entries' natural keys are content fingerprints (hashes): checked for shape, not spelled out. */
const expectedBudget = [
  { rows: [2], date: '2023-10-01', kind: 'budget', doc: { action: 'appropriation', line: servicesLine, amountSatang: 50000000, reference: 'ข้อบัญญัติ 2567' } },
  { rows: [3], date: '2023-10-01', kind: 'budget', doc: { action: 'appropriation', line: paymentLine, amountSatang: 12000000, reference: 'ข้อบัญญัติ 2567' } },
  { rows: [4], date: '2023-10-01', kind: 'budget', doc: { action: 'revenueEstimate', fiscalYear: 2567, account: '411002', amountSatang: 8000000, reference: 'ข้อบัญญัติ 2567' } },
  {
    rows: [5],
    date: '2024-02-01',
    kind: 'budget',
    doc: { action: 'commitment', fiscalYear: 2567, line: '00111-532000-01', amountSatang: 3000000, reference: 'สัญญาเลขที่ 5/2567', payee: 'หจก. ก้าวหน้า' },
  },
  {
    rows: [6],
    date: '2024-03-15',
    kind: 'budget',
    doc: { action: 'transfer', fiscalYear: 2567, fromLine: '00111-531000-01', toLine: '00111-532000-01', amountSatang: 2000000, reference: 'คำสั่งโอนที่ 3/2567' },
  },
  {
    rows: [7],
    date: '2024-04-02',
    kind: 'budget',
    doc: { action: 'supplementary', line: servicesLine, amountSatang: 5000000, reference: 'ข้อบัญญัติงบประมาณเพิ่มเติม 1/2567' },
  },
];

function expectTemplateEntries(kind: ImportKind, table: ImportTable): void {
  const reading = readImportTable(kind, table, { budgetLines });
  expect(reading.errors).toEqual([]);
  expect(reading.rowsRead).toBe(importTemplates[kind].exampleRows.length);
  if (kind === 'budget') {
    expect(reading.entries.map(({ naturalKey: _, ...e }) => e)).toEqual(expectedBudget);
    for (const e of reading.entries) expect(e.naturalKey).toMatch(new RegExp(`^budget\\|${e.date}\\|[0-9a-f]{64}$`));
  } else {
    expect(reading.entries).toEqual(expected[kind]);
  }
}

const kinds: ImportKind[] = ['receipt', 'payment', 'journal', 'budget'];

describe('import templates', () => {
  it.each(kinds)('%s: the template’s example rows read back as the entries they describe', (kind) => {
    expectTemplateEntries(kind, importTemplateRows(kind));
  });

  it.each(kinds)('%s: the same through the CSV template and papaparse', (kind) => {
    const csv = importTemplateCsv(kind);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: 'greedy' });
    expect(parsed.errors).toEqual([]);
    expectTemplateEntries(kind, parsed.data);
  });

  it.each(kinds)('%s: example rows have one cell per column, under Thai headers', (kind) => {
    const [header, ...rows] = importTemplateRows(kind);
    expect(header).toEqual(importTemplates[kind].columns.map((c) => c.headerTh));
    for (const row of rows) expect(row).toHaveLength(header?.length ?? 0);
  });

  it('writes the receipt template with the Thai headers first', () => {
    expect(importTemplateCsv('receipt').split('\r\n')[0]).toBe(
      '\uFEFFวันที่,เล่มที่,เลขที่,ผู้ชำระเงิน,รหัสรายรับ,รายการ,จำนวนเงิน,วิธีรับเงิน,รับเข้าบัญชี,เลขที่อ้างอิง',
    );
  });
});
