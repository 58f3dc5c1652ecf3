import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  bahtNumberFormat,
  csvMimeType,
  exportFileName,
  exportTable,
  tableCsv,
  tableSheetData,
  xlsxMimeType,
  type ExportTable,
  type XlsxWriter,
} from '../../src/app/export/exportTable';

interface Row {
  date: string;
  ref: string;
  payer: string;
  amountSatang: number;
  items: number;
}

const table: ExportTable<Row> = {
  title: 'สมุดเงินสดรับ 16/01/2567',
  subtitles: ['อบต.ทดสอบ'],
  columns: [
    { headerTh: 'วันที่', kind: 'date', value: (r) => r.date },
    { headerTh: 'เลขที่', kind: 'text', value: (r) => r.ref },
    { headerTh: 'รับจาก', kind: 'text', value: (r) => r.payer },
    { headerTh: 'จำนวนเงิน', kind: 'satang', value: (r) => r.amountSatang },
    { headerTh: 'รายการ', kind: 'count', value: (r) => r.items },
  ],
  rows: [
    { date: '2024-01-16', ref: '1/2567/1', payer: 'นายสมชาย ใจดี', amountSatang: 154050, items: 2 },
    { date: '2024-01-16', ref: '1/2567/2', payer: 'ร้าน "สามแยก", จำกัด', amountSatang: 29, items: 1 },
    { date: '2024-01-17', ref: '1/2567/3', payer: '=HYPERLINK("x")', amountSatang: -10100, items: 1 },
  ],
};

describe('exporting a table to CSV', () => {
  it('starts with a BOM so Excel reads Thai, then the header and one CRLF line per row', () => {
    const csv = tableCsv(table);
    expect(csv.startsWith('\uFEFFวันที่,เลขที่,รับจาก,จำนวนเงิน,รายการ\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(4);
  });

  it('writes B.E. dates as text and amounts as plain two-decimal numbers, quoting what needs it', () => {
    const lines = tableCsv(table).slice(1).split('\r\n');
    expect(lines[1]).toBe('16/01/2567,1/2567/1,นายสมชาย ใจดี,1540.50,2');
    expect(lines[2]).toBe('16/01/2567,1/2567/2,"ร้าน ""สามแยก"", จำกัด",0.29,1');
    expect(lines[3]).toContain(',-101.00,1');
  });

  it('keeps a typed formula as text (no formula injection when the file is opened)', () => {
    const parsed = Papa.parse<string[]>(tableCsv(table).slice(1)).data;
    expect(parsed[3]?.[2]).toBe(`'=HYPERLINK("x")`);
  });

  it('refuses an amount that is not whole satang rather than rounding it', () => {
    const bad: ExportTable<Row> = { ...table, rows: [{ ...table.rows[0]!, amountSatang: 1.5 }] };
    expect(() => tableCsv(bad)).toThrow(RangeError);
  });

  it('comes back as a UTF-8 CSV Blob named after the title', async () => {
    const file = await exportTable(table, 'csv');
    expect(file.fileName).toBe('สมุดเงินสดรับ 16-01-2567.csv');
    expect(file.blob.type).toBe(csvMimeType);
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('exporting a table to XLSX', () => {
  it('hands the library a title, the header in bold and typed cells: amounts as numbers with two decimals, dates as B.E. text', () => {
    const data = tableSheetData(table);
    expect(data[0]?.[0]).toMatchObject({ value: 'สมุดเงินสดรับ 16/01/2567', fontWeight: 'bold' });
    expect(data[1]?.[0]).toMatchObject({ value: 'อบต.ทดสอบ' });
    expect(data[2]).toEqual([]);
    expect(data[3]?.map((c) => c?.value)).toEqual(['วันที่', 'เลขที่', 'รับจาก', 'จำนวนเงิน', 'รายการ']);
    expect(data[4]).toEqual([
      { value: '16/01/2567', type: String },
      { value: '1/2567/1', type: String },
      { value: 'นายสมชาย ใจดี', type: String },
      { value: 1540.5, type: Number, format: bahtNumberFormat },
      { value: 2, type: Number },
    ]);
    expect(data[5]?.[3]).toMatchObject({ value: 0.29 });
    expect(data[6]?.[3]).toMatchObject({ value: -101 });
  });

  it('leaves an empty cell empty', () => {
    const t: ExportTable<{ a?: string }> = { title: 't', columns: [{ headerTh: 'a', kind: 'text', value: (r) => r.a }], rows: [{}] };
    expect(tableSheetData(t).at(-1)).toEqual([null]);
  });

  it('passes the rows to the writer and returns its Blob with the file name and a sheet name Excel accepts', async () => {
    const seen: { rows: unknown[]; sheet: string }[] = [];
    const writer: XlsxWriter = async (data, options) => {
      seen.push({ rows: data, sheet: options.sheet });
      return new Blob(['x'], { type: xlsxMimeType });
    };
    const file = await exportTable(table, 'xlsx', writer);
    expect(file.fileName).toBe('สมุดเงินสดรับ 16-01-2567.xlsx');
    expect(seen[0]?.rows).toEqual(tableSheetData(table));
    expect(seen[0]?.sheet).toBe('สมุดเงินสดรับ 16 01 2567');
  });

  it('produces a real XLSX Blob with write-excel-file', async () => {
    const file = await exportTable(table, 'xlsx');
    expect(file.blob.type).toBe(xlsxMimeType);
    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    // An XLSX is a zip: it starts with "PK".
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  });

  it('names files without characters Windows refuses', () => {
    expect(exportFileName('งบทดลอง: 31/01/2567?', 'xlsx')).toBe('งบทดลอง 31-01-2567.xlsx');
    expect(exportFileName('  ', 'csv')).toBe('samut.csv');
  });
});
