import { describe, expect, it } from 'vitest';
import { rowErrorText } from '../../../src/domain/csvTable';
import { readImportTable } from '../../../src/domain/import/readImportTable';

const header = ['วันที่', 'เลขที่ใบผ่านรายการ', 'คำอธิบาย', 'รหัสบัญชี', 'เดบิต', 'เครดิต'];

describe('reading journal rows (readImportTable journal)', () => {
  it('refuses an unbalanced voucher with an error naming its rows, and reads the balanced one after it', () => {
    const reading = readImportTable('journal', [
      header,
      ['31/01/2567', 'JV1/2567', 'ปรับปรุงบัญชี', '011', '100.00', ''],
      ['31/01/2567', 'JV1/2567', 'ปรับปรุงบัญชี', '012', '25.00', ''],
      ['31/01/2567', 'JV1/2567', 'ปรับปรุงบัญชี', '413001', '', '120.00'],
      ['01/02/2567', 'JV2/2567', 'รับดอกเบี้ย', '011', '5', ''],
      ['01/02/2567', 'JV2/2567', 'รับดอกเบี้ย', '413001', '', '5'],
    ]);
    expect(reading.errors.map(rowErrorText)).toEqual([
      'แถว 2, คอลัมน์ เดบิต: ใบผ่านรายการเลขที่ JV1/2567 (แถว 2–4): ยอดเดบิตรวม 125.00 บาท ไม่เท่ากับยอดเครดิตรวม 120.00 บาท (ต่างกัน 5.00 บาท)',
    ]);
    expect(reading.entries).toEqual([
      {
        rows: [5, 6],
        naturalKey: 'journal|2567|JV2/2567',
        date: '2024-02-01',
        kind: 'journal',
        doc: {
          voucherNo: 'JV2/2567',
          purpose: 'general',
          description: 'รับดอกเบี้ย',
          lines: [
            { account: '011', debitSatang: 500, creditSatang: 0 },
            { account: '413001', debitSatang: 0, creditSatang: 500 },
          ],
        },
      },
    ]);
  });

  it('refuses a line with both or neither of debit and credit, a negative amount, and a disagreeing date', () => {
    const reading = readImportTable('journal', [
      header,
      ['31/01/2567', 'JV1/2567', 'ปรับปรุงบัญชี', '011', '100', '100'],
      ['31/01/2567', 'JV1/2567', 'ปรับปรุงบัญชี', '413001', '', '(100)'],
      ['1/2/2567', 'JV1/2567', 'ปรับปรุงบัญชี', '413002', '', ''],
    ]);
    expect(reading.errors.map(rowErrorText)).toEqual([
      'แถว 2, คอลัมน์ เดบิต: แต่ละบรรทัดต้องมียอดเดบิตหรือเครดิตอย่างใดอย่างหนึ่ง',
      'แถว 3, คอลัมน์ เครดิต: ยอดเครดิตต้องไม่ติดลบ',
      'แถว 4, คอลัมน์ วันที่: ใบผ่านรายการเลขที่ JV1/2567 ซ้ำกับแถว 2 แต่วันที่ไม่ตรงกัน ("31/01/2567" กับ "01/02/2567")',
      'แถว 4, คอลัมน์ เดบิต: แต่ละบรรทัดต้องมียอดเดบิตหรือเครดิตอย่างใดอย่างหนึ่ง',
    ]);
    expect(reading.entries).toEqual([]);
  });

  it('refuses a voucher number used again further down the file', () => {
    const voucher = (date: string) => [
      [date, 'JV1/2567', 'ปรับปรุง', '011', '5', ''],
      [date, 'JV1/2567', 'ปรับปรุง', '413001', '', '5'],
    ];
    const reading = readImportTable('journal', [
      header,
      ...voucher('31/01/2567'),
      ['01/02/2567', 'JV2/2567', 'อื่น', '011', '1', ''],
      ['01/02/2567', 'JV2/2567', 'อื่น', '413001', '', '1'],
      ...voucher('02/02/2567'),
    ]);
    expect(reading.errors.map(rowErrorText)).toEqual([
      'แถว 6, คอลัมน์ เลขที่ใบผ่านรายการ: ใบผ่านรายการเลขที่ JV1/2567 ซ้ำกับแถว 2 (บรรทัดของใบเดียวกันต้องอยู่ในแถวติดกัน)',
    ]);
    expect(reading.entries.map((e) => e.rows)).toEqual([
      [2, 3],
      [4, 5],
    ]);
  });

  it('reads opening balances (ยอดยกมา)', () => {
    const reading = readImportTable('journal', [
      [...header, 'ชนิดใบผ่านรายการ'],
      ['01/10/2566', 'ยกมา 2567', 'ยอดยกมาต้นปี', '011', '1,000,000', '', 'ยอดยกมา'],
      ['01/10/2566', 'ยกมา 2567', 'ยอดยกมาต้นปี', '700', '', '1,000,000', 'ยอดยกมา'],
    ]);
    expect(reading.errors).toEqual([]);
    expect(reading.entries[0]).toMatchObject({ date: '2023-10-01', doc: { purpose: 'opening' } });
  });
});
