/**
 * Reading a decoded sheet into entries to record: the header matched to the kind's template, blank
 * rows skipped, adjacent rows of one receipt or voucher gathered, each entry read by its kind's form
 * reader, and entries that repeat an earlier one of the file (same natural key) refused. Linear in the
 * rows: one pass to gather, one to read, a map for keys.
 */
import type { RowError } from '../csvTable';
import { budgetImportReader } from './budgetImport';
import { cellText, isBlankCells } from './importCell';
import { matchHeader, type ImportRow, type ImportSheet } from './importSheet';
import {
  importProgressRows,
  importRowsMax,
  type ImportedEntry,
  type ImportKind,
  type ImportOptions,
  type ImportReading,
  type ImportTable,
} from './importTypes';
import { journalImportReader } from './journalImport';
import type { KindReaderOf } from './kindReader';
import { naturalKeyOf } from './naturalKey';
import { paymentImportReader } from './paymentImport';
import { receiptImportReader } from './receiptImport';

const readers: Record<ImportKind, KindReaderOf> = {
  receipt: receiptImportReader,
  payment: paymentImportReader,
  journal: journalImportReader,
  budget: budgetImportReader,
};

/**
 * Reads a table (first row the header) of one kind. Row numbers are the file's (header = row 1);
 * errors are sorted by row and name the column by its Thai header; an entry with any error is left out.
 * @example readImportTable('receipt', [['วันที่', 'เล่มที่', 'เลขที่', …], ['16/01/2567', '1/2567', '41', …]])
 *   // { kind: 'receipt', rowsRead: 1, entries: [{ rows: [2], naturalKey: 'receipt|1/2567|41', date: '2024-01-16', kind: 'receipt', doc: … }], errors: [] }
 */
export function readImportTable(kind: ImportKind, table: ImportTable, options: ImportOptions = {}): ImportReading {
  const reader = readers[kind](options);
  const refused = (errors: RowError[], rowsRead = 0): ImportReading => ({ kind, rowsRead, entries: [], errors });
  const header = table[0];
  if (header === undefined || isBlankCells(header)) return refused([{ row: 1, column: '-', messageTh: 'ไฟล์ว่าง ไม่มีหัวตาราง' }]);
  const match = matchHeader(reader.template, header);
  if (!match.ok) return refused(match.errors);
  const { sheet } = match;

  const rows: ImportRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i];
    if (cells !== undefined && !isBlankCells(cells)) rows.push({ row: i + 1, cells });
  }
  if (rows.length > importRowsMax) {
    return refused([{ row: 1, column: '-', messageTh: `ไฟล์มีได้ไม่เกิน ${importRowsMax.toLocaleString('en-US')} แถว (มี ${rows.length.toLocaleString('en-US')} แถว) กรุณาแบ่งเป็นหลายไฟล์` }], rows.length);
  }
  if (rows.length === 0) return refused([{ row: 2, column: '-', messageTh: 'ไม่มีข้อมูลในไฟล์ (มีแต่หัวตาราง)' }]);

  const errors: RowError[] = [];
  const entries: ImportedEntry[] = [];
  const firstRowOfKey = new Map<string, number>();
  let rowsDone = 0;
  let progressAt = importProgressRows;
  for (const group of groupsOf(rows, sheet, reader.groupKeyOf)) {
    const sink = sheet.sink();
    const read = reader.read(group, sink);
    const first = group[0] as ImportRow;
    if (read !== undefined && !sink.failed) {
      const entry = { rows: group.map((r) => r.row), naturalKey: naturalKeyOf(read), ...read } as ImportedEntry;
      const earlier = firstRowOfKey.get(entry.naturalKey);
      if (earlier === undefined) {
        firstRowOfKey.set(entry.naturalKey, first.row);
        entries.push(entry);
      } else {
        const { field, messageTh } = reader.duplicate(entry, earlier);
        sink.fail(first, field, messageTh);
      }
    }
    if (sink.failed) errors.push(...sink.errors);
    rowsDone += group.length;
    if (rowsDone >= progressAt) {
      options.onProgress?.(rowsDone, rows.length);
      progressAt = rowsDone + importProgressRows;
    }
  }
  options.onProgress?.(rows.length, rows.length);
  return { kind, rowsRead: rows.length, entries, errors: sortErrors(errors, sheet) };
}

/** Adjacent rows with one key make one group; a row without a key is a group of its own. */
function* groupsOf(rows: readonly ImportRow[], sheet: ImportSheet, keyOf: ((r: ImportRow, cell: (r: ImportRow, f: string) => string) => string | undefined) | undefined): Generator<ImportRow[]> {
  const cell = (r: ImportRow, f: string) => cellText(sheet.raw(r, f));
  let group: ImportRow[] = [];
  let groupKey: string | undefined;
  for (const r of rows) {
    const key = keyOf?.(r, cell);
    if (group.length > 0 && (key === undefined || key !== groupKey)) {
      yield group;
      group = [];
    }
    group.push(r);
    groupKey = key;
  }
  if (group.length > 0) yield group;
}

/** By row, then in the template's column order (rows of one entry may interleave with none other). */
function sortErrors(errors: RowError[], sheet: ImportSheet): RowError[] {
  const order = (e: RowError) => sheet.orderOfHeader.get(e.column) ?? Number.MAX_SAFE_INTEGER;
  return errors.sort((a, b) => a.row - b.row || order(a) - order(b));
}
