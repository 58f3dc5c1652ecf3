/**
 * A chosen file's bytes as a table of cells, the first row its header: a CSV (as Excel saves it, UTF-8
 * with or without a BOM, or the Thai Windows code page TIS-620/windows-874 that older Excel and e-LAAS
 * exports still write) or an XLSX workbook's first sheet. Runs in the import worker and in Node tests:
 * no DOM, only TextDecoder, papaparse and read-excel-file's universal build.
 *
 * Numbers in an XLSX arrive as the text stored in the cell ('1234.5'), never as a float, so an amount
 * is read by the domain's money parser exactly as it reads a CSV; date cells arrive as Date.
 */
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import type { ImportCell, ImportTable } from '../../domain/import/importTypes';

/** Largest file read (a year of an อบต.'s receipts as CSV is a few MB; beyond this the tab would stall). */
export const importFileBytesMax = 64 * 1024 * 1024;
/** Most rows (header included) one file may hold: above the store's 50,000 entries, with room for multi-row entries. */
export const importTableRowsMax = 200_000;

/** A file that cannot be read as a table: the message is Thai and says what to do. */
export class ImportFileError extends Error {
  constructor(readonly messageTh: string) {
    super(messageTh);
    this.name = 'ImportFileError';
  }
}

/**
 * @example const table = await decodeImportFile('receipts.xlsx', await file.arrayBuffer()); // [['วันที่', …], [Date, …], …]
 */
export async function decodeImportFile(name: string, bytes: ArrayBuffer): Promise<ImportTable> {
  if (bytes.byteLength > importFileBytesMax) {
    throw new ImportFileError(`ไฟล์ ${name} ใหญ่เกิน ${importFileBytesMax / 1024 / 1024} MB กรุณาแบ่งเป็นหลายไฟล์`);
  }
  const extension = /\.([^.]+)$/.exec(name.trim())?.[1]?.toLowerCase();
  let table: ImportTable;
  if (extension === 'csv') table = csvTable(csvText(bytes));
  else if (extension === 'xlsx') table = await xlsxTable(name, bytes);
  else if (extension === 'xls') {
    throw new ImportFileError(`ไฟล์ ${name} เป็น Excel รุ่นเก่า (.xls) ซึ่งอ่านไม่ได้ กรุณาเปิดใน Excel แล้วบันทึกเป็น .xlsx หรือ CSV`);
  } else {
    throw new ImportFileError(`อ่านไฟล์ ${name} ไม่ได้ รับเฉพาะไฟล์ .csv หรือ .xlsx (ดาวน์โหลดแบบฟอร์มได้จากหน้านี้)`);
  }
  if (table.length === 0) throw new ImportFileError(`ไฟล์ ${name} ว่าง ไม่มีหัวตาราง`);
  if (table.length > importTableRowsMax) {
    throw new ImportFileError(`ไฟล์ ${name} มี ${table.length} แถว อ่านได้ครั้งละไม่เกิน ${importTableRowsMax} แถว กรุณาแบ่งเป็นหลายไฟล์`);
  }
  return table;
}

/**
 * The CSV's text: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), else windows-874. A Thai
 * TIS-620 file is almost never valid UTF-8 (its bytes 0xA1–0xFB stand alone), so the strict decoder's
 * failure is a reliable sign; a lenient decode would hide it behind U+FFFD.
 */
export function csvText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}

function csvTable(text: string): ImportTable {
  // The BOM is already gone (TextDecoder drops it); the replace guards text with a doubled one.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  return parsed.data;
}

async function xlsxTable(name: string, bytes: ArrayBuffer): Promise<ImportTable> {
  let rows: readonly (readonly unknown[])[];
  try {
    rows = await readSheet<string>(bytes, { parseNumber: (s: string) => s });
  } catch {
    throw new ImportFileError(`เปิดไฟล์ ${name} ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ Excel (.xlsx) กรุณาบันทึกจาก Excel ใหม่`);
  }
  // Empty rows inside the sheet are kept, so the domain's row numbers are the ones Excel shows (it
  // skips blank rows itself); only trailing empty rows go.
  const table = rows.map((row) => row.map(importCell));
  while (table.length > 0 && table[table.length - 1]!.every((c) => c === null || c === '')) table.pop();
  return table;
}

/** A cell as read-excel-file gives it (with parseNumber the identity): text, boolean, Date or null. */
function importCell(value: unknown): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  // Not expected with parseNumber: kept as text so nothing is lost.
  return String(value);
}
