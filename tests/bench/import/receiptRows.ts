/**
 * The bench's import files: `n` rows of receipts as an office types them from its paper books during an
 * outage (16/01/2567 – 06/07/2567), one item per row, books of 100 receipts, B.E. dates, amounts with
 * satang. The header is the import template's own (Thai). Deterministic. The CSV writes amounts with
 * thousands separators as officers do; the XLSX as number cells with a money format.
 */
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import { importTemplateRows } from '../../../src/domain/import';

const revenueItems = [
  ['411002', 'ภาษีป้าย'],
  ['412001', 'ค่าธรรมเนียมเก็บขยะมูลฝอย'],
  ['416001', 'ค่าขายแบบแปลน'],
  ['431001', 'เงินอุดหนุนทั่วไป'],
] as const;
const firstDayMs = Date.UTC(2024, 0, 16);
const days = 173; // 16 Jan – 6 Jul 2024

interface ReceiptRow {
  dateBe: string;
  bookNo: string;
  receiptNo: number;
  payer: string;
  account: string;
  description: string;
  satang: number;
  method: string;
}

function receiptRows(n: number): ReceiptRow[] {
  const rows: ReceiptRow[] = [];
  for (let i = 0; i < n; i++) {
    const d = new Date(firstDayMs + Math.floor((i * days) / n) * 86_400_000);
    const [account, description] = revenueItems[i % revenueItems.length]!;
    rows.push({
      dateBe: `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear() + 543}`,
      bookNo: `${Math.floor(i / 100) + 1}/2567`,
      receiptNo: (i % 100) + 1,
      payer: `ผู้ชำระรายที่ ${i + 1}`,
      account,
      description,
      satang: 10_000 + ((i * 7919) % 2_000_000),
      method: i % 10 === 9 ? 'เช็ค' : 'เงินสด',
    });
  }
  return rows;
}

const header = () => importTemplateRows('receipt')[0]!;

/** The cells of a row in the template's column order (the columns the rows leave out stay blank). */
function cellsOf(r: ReceiptRow, amount: (satang: number) => string | number): (string | number)[] {
  const byHeader: Record<string, string | number> = {
    วันที่: r.dateBe,
    เล่มที่: r.bookNo,
    เลขที่: r.receiptNo,
    ผู้ชำระเงิน: r.payer,
    รหัสรายรับ: r.account,
    รายการ: r.description,
    จำนวนเงิน: amount(r.satang),
    วิธีรับเงิน: r.method,
  };
  return header().map((h) => byHeader[h] ?? '');
}

const bahtText = (satang: number) => `${Math.floor(satang / 100).toLocaleString('en-US')}.${String(satang % 100).padStart(2, '0')}`;

export function receiptRowsCsv(n: number): Uint8Array {
  const text = '\uFEFF' + Papa.unparse([header(), ...receiptRows(n).map((r) => cellsOf(r, bahtText).map(String))]);
  return new TextEncoder().encode(text);
}

export async function receiptRowsXlsx(n: number): Promise<Uint8Array> {
  const head = header().map((value) => ({ value, type: String }));
  const body = receiptRows(n).map((r) =>
    cellsOf(r, (satang) => satang / 100).map((value) =>
      // An XLSX number cell holds a double: 1234.5 is what Excel itself stores for ฿1,234.50.
      typeof value === 'number' ? { value, type: Number, ...(value === r.satang / 100 ? { format: '#,##0.00' } : {}) } : { value, type: String },
    ),
  );
  return new Uint8Array(await writeXlsxFile([head, ...body], { buffer: true }));
}
