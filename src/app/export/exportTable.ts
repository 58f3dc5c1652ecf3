/**
 * Export of any table the app shows (a report, a register) to a file the officer opens in Excel or
 * sends on: CSV (UTF-8 with a BOM, or Excel shows Thai as mojibake) and XLSX. Both are written in the
 * browser, offline. Amounts go out as numbers with two decimals (so Excel can add them), dates as
 * B.E. text (dd/mm/bbbb, as e-LAAS exports them: an Excel date would show C.E.).
 *
 * A table is columns (header and kind) and rows of plain values: text, integer satang, ISO dates or
 * counts. The same table feeds both formats, so the two files always agree.
 */
import Papa from 'papaparse';
import writeXlsxFile, { type Row as XlsxRow, type SheetData } from 'write-excel-file';
import { formatBeDate, isIsoDate, type IsoDate } from '../../domain/thaiDate';
import type { Satang } from '../../domain/money';

/** What a column holds, which decides how a cell is written. */
export type ExportColumnKind = 'text' | 'satang' | 'date' | 'count';

export interface ExportColumn<Row> {
  headerTh: string;
  kind: ExportColumnKind;
  /** The cell: text for `text`, integer satang for `satang`, an ISO date for `date`, an integer for `count`; undefined leaves it empty. */
  value: (row: Row) => string | number | undefined;
}

export interface ExportTable<Row> {
  /** The report's title (first row of the XLSX, and the file's name). */
  title: string;
  /** Lines under the title in the XLSX (organisation, period…). */
  subtitles?: readonly string[];
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
}

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportedFile {
  fileName: string;
  blob: Blob;
}

/** Most rows one export writes (a year of a busy อบต. is far below; beyond it the browser would stall). */
export const exportRowsMax = 200_000;

export const csvMimeType = 'text/csv;charset=utf-8';
export const xlsxMimeType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as both formats see it, before formatting: empty, text, or a number of baht. */
export type ExportCell = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'baht'; satang: Satang } | { kind: 'count'; n: number };

/** One cell of one column, checked: amounts must be whole satang, dates real ISO dates. */
export function exportCell<Row>(column: ExportColumn<Row>, row: Row): ExportCell {
  const v = column.value(row);
  if (v === undefined || v === '') return { kind: 'empty' };
  switch (column.kind) {
    case 'text':
      return { kind: 'text', text: String(v) };
    case 'satang':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new RangeError(`${column.headerTh}: not a whole number of satang: ${v}`);
      return { kind: 'baht', satang: v };
    case 'date':
      if (typeof v !== 'string' || !isIsoDate(v)) throw new RangeError(`${column.headerTh}: not an ISO date: ${v}`);
      return { kind: 'text', text: formatBeDate(v as IsoDate) };
    case 'count':
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new RangeError(`${column.headerTh}: not a whole number: ${v}`);
      return { kind: 'count', n: v };
  }
}

function checkSize(table: { rows: readonly unknown[] }): void {
  if (table.rows.length > exportRowsMax) throw new RangeError(`too many rows to export: ${table.rows.length} > ${exportRowsMax}`);
}

/**
 * Satang as the decimal text a spreadsheet reads as a number: no thousands separator, two decimals,
 * written from the integer (never through a float).
 * @example satangDecimalText(123450) // '1234.50'
 */
export function satangDecimalText(satang: Satang): string {
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Text a spreadsheet must not take for a formula (a payer typed as "=HYPERLINK(…)"): prefixed with '.
 * Only text cells: papaparse's own escapeFormulae would also turn negative amounts into text.
 */
function csvSafeText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The CSV text: a BOM, the header row, then one line per row (CRLF, as Excel writes). */
export function tableCsv<Row>(table: ExportTable<Row>): string {
  checkSize(table);
  const data = table.rows.map((row) =>
    table.columns.map((c) => {
      const cell = exportCell(c, row);
      switch (cell.kind) {
        case 'empty':
          return '';
        case 'text':
          return csvSafeText(cell.text);
        case 'baht':
          return satangDecimalText(cell.satang);
        case 'count':
          return String(cell.n);
      }
    }),
  );
  return '\uFEFF' + Papa.unparse({ fields: table.columns.map((c) => c.headerTh), data }, { newline: '\r\n' });
}

/** Excel number format of amounts: thousands separators, two decimals, negatives with a minus. */
export const bahtNumberFormat = '#,##0.00';

/** The rows handed to write-excel-file: title, subtitles, a blank row, the bold header, the data. */
export function tableSheetData<Row>(table: ExportTable<Row>): SheetData {
  checkSize(table);
  const width = Math.max(1, table.columns.length);
  const top: XlsxRow[] = [[{ value: table.title, type: String, fontWeight: 'bold', fontSize: 14, span: width }, ...Array<null>(width - 1).fill(null)]];
  for (const s of table.subtitles ?? []) top.push([{ value: s, type: String, span: width }, ...Array<null>(width - 1).fill(null)]);
  top.push([]);
  const header: XlsxRow = table.columns.map((c) => ({ value: c.headerTh, type: String, fontWeight: 'bold', align: c.kind === 'satang' || c.kind === 'count' ? 'right' : 'left' }));
  const body = table.rows.map((row): XlsxRow =>
    table.columns.map((c) => {
      const cell = exportCell(c, row);
      switch (cell.kind) {
        case 'empty':
          return null;
        case 'text':
          return { value: cell.text, type: String };
        case 'baht':
          // The nearest double to n/100 is what Excel itself would read from "n.nn".
          return { value: cell.satang / 100, type: Number, format: bahtNumberFormat };
        case 'count':
          return { value: cell.n, type: Number };
      }
    }),
  );
  return [...top, header, ...body];
}

/** Column widths in characters: wide enough for the header and the longest cell, within 8–60. */
export function tableColumnWidths<Row>(table: ExportTable<Row>): { width: number }[] {
  return table.columns.map((c) => {
    let longest = c.headerTh.length;
    for (const row of table.rows.slice(0, 1000)) longest = Math.max(longest, String(c.value(row) ?? '').length + (c.kind === 'satang' ? 4 : 0));
    return { width: Math.min(60, Math.max(8, longest + 2)) };
  });
}

/** The writer of XLSX files; tests may pass their own to see what it is given. */
export type XlsxWriter = (data: SheetData, options: { columns: { width: number }[]; sheet: string }) => Promise<Blob>;

const libraryWriter: XlsxWriter = (data, options) => writeXlsxFile(data, options);

/** A file name from the title: no characters Windows refuses. @example exportFileName('งบทดลอง 31/01/2567', 'csv') // 'งบทดลอง 31-01-2567.csv' */
export function exportFileName(title: string, format: ExportFormat): string {
  const base = title.replace(/[\\/]/g, '-').replace(/[:*?"<>|]/g, '').replace(/\s+/g, ' ').trim() || 'samut';
  return `${base}.${format}`;
}

/**
 * The table as a file of the chosen format.
 * @example const { blob, fileName } = await exportTable(table, 'xlsx'); downloadFile(blob, fileName);
 */
export async function exportTable<Row>(table: ExportTable<Row>, format: ExportFormat, writer: XlsxWriter = libraryWriter): Promise<ExportedFile> {
  const fileName = exportFileName(table.title, format);
  if (format === 'csv') return { fileName, blob: new Blob([tableCsv(table)], { type: csvMimeType }) };
  // A sheet name is at most 31 characters and may not hold / \ ? * [ ].
  const sheet = table.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1';
  const blob = await writer(tableSheetData(table), { columns: tableColumnWidths(table), sheet });
  return { fileName, blob };
}
