import { describe, expect, it } from 'vitest';
import { rowErrorText } from '../../../src/domain/csvTable';
import type { ImportCell } from '../../../src/domain/import/importTypes';
import { readImportTable } from '../../../src/domain/import/readImportTable';

const header = ['วันที่', 'เล่มที่', 'เลขที่', 'ผู้ชำระเงิน', 'รหัสรายรับ', 'รายการ', 'จำนวนเงิน', 'วิธีรับเงิน', 'รับเข้าบัญชี', 'เลขที่อ้างอิง'];

/** A one-item cash receipt row in the template's column order, with some cells replaced. */
function row(over: Partial<Record<'date' | 'book' | 'no' | 'payer' | 'account' | 'amount' | 'method' | 'into', ImportCell>> = {}): ImportCell[] {
  return [
    over.date ?? '16/01/2567',
    over.book ?? '1/2567',
    over.no ?? '41',
    over.payer ?? 'นายสมชาย ใจดี',
    over.account ?? '411002',
    '',
    over.amount ?? '500',
    over.method ?? 'เงินสด',
    over.into ?? '',
    '',
  ];
}

const read = (...rows: ImportCell[][]) => readImportTable('receipt', [header, ...rows]);

describe('reading receipt rows (readImportTable receipt)', () => {
  it('reports exactly the bad rows of a file, each by row and column, and still reads the good ones', () => {
    const reading = read(
      row({ no: '41', account: '411002', amount: '1,200' }),
      row({ no: '41', account: '412001', amount: '40' }),
      row({ no: '43', date: '31/02/2567' }),
      row({ no: '44', amount: '12,34' }),
      row({ no: '45', payer: '' }),
      row({ no: '46', method: 'บัตรเครดิต' }),
      ['', null, '  ', null, '', '', '', '', '', ''],
      row({ no: '47', method: 'เช็ค' }),
      row({ no: '41', account: '411002', amount: '1,200' }),
    );
    expect(reading.errors.map(rowErrorText)).toEqual([
      'แถว 4, คอลัมน์ วันที่: วันที่ 31/02/2567 ไม่มีอยู่จริง',
      'แถว 5, คอลัมน์ จำนวนเงิน: จำนวนเงิน "12,34" ใส่เครื่องหมายจุลภาคไม่ถูกต้อง',
      'แถว 6, คอลัมน์ ผู้ชำระเงิน: กรุณากรอกชื่อผู้ชำระเงิน',
      'แถว 7, คอลัมน์ วิธีรับเงิน: วิธีรับเงิน "บัตรเครดิต" ไม่รู้จัก ใช้ เงินสด เช็ค หรือ โอน',
      'แถว 10, คอลัมน์ เลขที่: ใบเสร็จเล่มที่ 1/2567 เลขที่ 41 ซ้ำกับแถว 2 (รายการของใบเสร็จเดียวกันต้องอยู่ในแถวติดกัน)',
    ]);
    expect(reading.rowsRead).toBe(8);
    expect(reading.entries.map((e) => [e.naturalKey, e.rows])).toEqual([
      ['receipt|1/2567|41', [2, 3]],
      ['receipt|1/2567|47', [9]],
    ]);
    expect(reading.entries[1]).toMatchObject({ kind: 'receipt', doc: { method: 'cheque', receivedInto: '010', items: [{ account: '411002', amountSatang: 50000 }] } });
  });

  it('refuses a receipt whose later item row disagrees with its first on a receipt column', () => {
    const reading = read(row({ no: '41' }), row({ no: '41', payer: 'นายสมศักดิ์ รักดี', account: '412001' }));
    expect(reading.errors.map(rowErrorText)).toEqual([
      'แถว 3, คอลัมน์ ผู้ชำระเงิน: ใบเสร็จเล่มที่ 1/2567 เลขที่ 41 ซ้ำกับแถว 2 แต่ผู้ชำระเงินไม่ตรงกัน ("นายสมชาย ใจดี" กับ "นายสมศักดิ์ รักดี")',
    ]);
    expect(reading.entries).toEqual([]);
  });

  it('treats the same date typed two ways, and "041" and "41", as one receipt', () => {
    const reading = read(row({ no: '041', date: '16/01/2567' }), row({ no: '41', date: new Date(Date.UTC(2024, 0, 16)), account: '412001', amount: '20' }));
    expect(reading.errors).toEqual([]);
    expect(reading.entries).toHaveLength(1);
    expect(reading.entries[0]).toMatchObject({ rows: [2, 3], naturalKey: 'receipt|1/2567|41', date: '2024-01-16' });
  });

  it.each([
    ['1,234.50', 123450],
    ['฿1,000', 100000],
    ['1000 บาท', 100000],
    ['๑,๒๓๔.๕๐', 123450],
    ['1234.5', 123450],
    ['1234.5000000000002', 123450],
  ])('reads the amount "%s" as %i satang', (amount, satang) => {
    const reading = read(row({ amount }));
    expect(reading.errors).toEqual([]);
    expect(reading.entries[0]).toMatchObject({ doc: { items: [{ amountSatang: satang }] } });
  });

  it.each([
    ['(500.00)', 'แถว 2, คอลัมน์ จำนวนเงิน: จำนวนเงินต้องมากกว่า 0'],
    ['-500', 'แถว 2, คอลัมน์ จำนวนเงิน: จำนวนเงินต้องมากกว่า 0'],
    ['12.345', 'แถว 2, คอลัมน์ จำนวนเงิน: จำนวนเงิน "12.345" มีทศนิยมเกิน 2 ตำแหน่ง (สตางค์)'],
    ['ห้าร้อย', 'แถว 2, คอลัมน์ จำนวนเงิน: จำนวนเงิน "ห้าร้อย" ไม่ใช่ตัวเลข'],
  ])('refuses the amount "%s" with the form’s Thai message', (amount, text) => {
    const reading = read(row({ amount }));
    expect(reading.errors.map(rowErrorText)).toEqual([text]);
    expect(reading.entries).toEqual([]);
  });

  it.each([
    [new Date(Date.UTC(2024, 0, 16))],
    ['45307'],
    ['๑๖/๐๑/๒๕๖๗'],
    ['2024-01-16'],
    ['16/1/67'],
  ])('reads the date cell %s', (date) => {
    expect(read(row({ date })).entries[0]?.date).toBe('2024-01-16');
  });

  it('needs the bank account of a transfer, and takes cash (010) for cash and cheques', () => {
    expect(read(row({ method: 'โอน' })).errors.map(rowErrorText)).toEqual(['แถว 2, คอลัมน์ รับเข้าบัญชี: กรุณาเลือกบัญชีธนาคารที่รับโอน']);
    expect(read(row({ method: 'transfer', into: '๐๑๑' })).entries[0]).toMatchObject({ doc: { method: 'transfer', receivedInto: '011' } });
    expect(read(row({ method: 'Cash' })).entries[0]).toMatchObject({ doc: { method: 'cash', receivedInto: '010' } });
  });

  it('refuses a book number that Excel turned into a date', () => {
    const reading = read(row({ book: new Date(Date.UTC(2567, 0, 1)) }));
    expect(reading.errors.map(rowErrorText)).toEqual([
      'แถว 2, คอลัมน์ เล่มที่: Excel แปลงช่องนี้เป็นวันที่ (01/01/3110) กรุณาจัดรูปแบบเซลล์เป็นข้อความแล้วพิมพ์ใหม่',
    ]);
  });

  it('reports progress about every 1,000 rows, and at the end', () => {
    const rows = Array.from({ length: 2500 }, (_, i) => row({ no: String(i + 1) }));
    const calls: [number, number][] = [];
    const reading = readImportTable('receipt', [header, ...rows], { onProgress: (done, total) => calls.push([done, total]) });
    expect(reading.entries).toHaveLength(2500);
    expect(calls).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });
});

describe('import headers (readImportTable)', () => {
  it('matches English headers, stray spaces, a BOM, any order, and ignores extra columns', () => {
    const table: ImportCell[][] = [
      ['\uFEFFAmount', 'หมายเหตุของฉัน', ' Method ', 'book  no', 'RECEIPT NO', 'payer', 'Account', 'date'],
      ['1,234.50', 'ไม่ต้องอ่าน', 'cheque', '1/2567', '41', 'นายสมชาย ใจดี', '411002', '16/01/2567'],
    ];
    const reading = readImportTable('receipt', table);
    expect(reading.errors).toEqual([]);
    expect(reading.entries).toEqual([
      {
        rows: [2],
        naturalKey: 'receipt|1/2567|41',
        date: '2024-01-16',
        kind: 'receipt',
        doc: { bookNo: '1/2567', receiptNo: 41, payer: 'นายสมชาย ใจดี', items: [{ account: '411002', amountSatang: 123450 }], method: 'cheque', receivedInto: '010' },
      },
    ]);
  });

  it('refuses a file missing required columns: one error per column at row 1, and no entries', () => {
    const reading = readImportTable('receipt', [
      ['วันที่', 'เลขที่', 'ผู้ชำระเงิน', 'รหัสรายรับ', 'จำนวนเงิน'],
      ['16/01/2567', '41', 'นายสมชาย ใจดี', '411002', '500'],
    ]);
    expect(reading.errors.map(rowErrorText)).toEqual(['แถว 1, คอลัมน์ เล่มที่: ไม่พบคอลัมน์ เล่มที่', 'แถว 1, คอลัมน์ วิธีรับเงิน: ไม่พบคอลัมน์ วิธีรับเงิน']);
    expect(reading.entries).toEqual([]);
  });

  it('refuses an empty file and a file of headers only', () => {
    expect(readImportTable('receipt', []).errors.map(rowErrorText)).toEqual(['แถว 1, คอลัมน์ -: ไฟล์ว่าง ไม่มีหัวตาราง']);
    expect(readImportTable('receipt', [header, ['', null]]).errors.map(rowErrorText)).toEqual(['แถว 2, คอลัมน์ -: ไม่มีข้อมูลในไฟล์ (มีแต่หัวตาราง)']);
  });
});
