/**
 * A decoded table seen through a template: which file column holds which field (headers matched in
 * Thai or English, any order, extra columns ignored), and the errors of one entry's rows, one per
 * cell (the first, most basic message wins), named by the column's Thai header.
 */
import { foldHeader, type RowError } from '../csvTable';
import { cellText, isoOfUtcDate } from './importCell';
import type { ImportCell, ImportColumn, ImportTemplate } from './importTypes';
import { formatBeDate } from '../thaiDate';

/** A data row: its number in the file (the header is row 1) and its cells. */
export interface ImportRow {
  row: number;
  cells: readonly ImportCell[];
}

/** A date cell as read once for the file: the form readers' B.E. text, or the cell's Thai error. */
export type DateCellReading = { ok: true; dateBe: string } | { ok: false; messageTh: string };

export type HeaderMatch = { ok: true; sheet: ImportSheet } | { ok: false; errors: RowError[] };

/**
 * Finds each template column in the header; a missing required column is one error at row 1.
 * @example matchHeader(importTemplates.receipt, ['Date', ' เล่มที่ ', …]) // { ok: true, sheet }
 */
export function matchHeader(template: ImportTemplate, header: readonly ImportCell[]): HeaderMatch {
  const fieldOfName = namesOf(template);
  const columnOf = new Map<string, number>();
  header.forEach((cell, i) => {
    const field = fieldOfName.get(foldHeader(cellText(cell)));
    if (field !== undefined && !columnOf.has(field)) columnOf.set(field, i);
  });
  const missing = template.columns.filter((c) => c.required && !columnOf.has(c.field));
  if (missing.length > 0) {
    return { ok: false, errors: missing.map((c) => ({ row: 1, column: c.headerTh, messageTh: `ไม่พบคอลัมน์ ${c.headerTh}` })) };
  }
  return { ok: true, sheet: new ImportSheet(template, columnOf) };
}

/** Every accepted spelling, folded, to its field; two fields sharing a spelling is a template bug. */
function namesOf(template: ImportTemplate): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of template.columns) {
    for (const name of [c.headerTh, ...c.aliases]) {
      const folded = foldHeader(name);
      const other = names.get(folded);
      if (other !== undefined && other !== c.field) throw new Error(`template ${template.kind}: "${name}" names ${other} and ${c.field}`);
      names.set(folded, c.field);
    }
  }
  return names;
}

/** The file's columns by field. */
export class ImportSheet {
  private readonly columnByField: ReadonlyMap<string, ImportColumn>;
  /** Template order of each Thai header, to sort a row's errors as the columns read. */
  readonly orderOfHeader: ReadonlyMap<string, number>;
  /**
   * Date cells already read in this file, by their text (a Date cell by its time): a file's rows
   * share a few hundred days, so each is parsed, checked and formatted once rather than per row.
   */
  readonly datesRead = new Map<string | number, DateCellReading>();

  constructor(
    readonly template: ImportTemplate,
    private readonly indexOf: ReadonlyMap<string, number>,
  ) {
    this.columnByField = new Map(template.columns.map((c) => [c.field, c]));
    this.orderOfHeader = new Map(template.columns.map((c, i) => [c.headerTh, i]));
  }

  /** The cell as decoded; null when the file has no such column. */
  raw(r: ImportRow, field: string): ImportCell {
    const i = this.indexOf.get(field);
    return i === undefined ? null : (r.cells[i] ?? null);
  }

  headerOf(field: string): string {
    return this.columnByField.get(field)?.headerTh ?? '-';
  }

  /** Errors of one entry's rows. */
  sink(): RowSink {
    return new RowSink(this);
  }
}

/** The errors of one entry's rows, at most one per cell, and the cells read as text. */
export class RowSink {
  readonly errors: RowError[] = [];
  /** Made on the first error: most entries of a file have none, and a Set per entry is garbage. */
  private cellsAtFault: Set<string> | undefined;

  constructor(readonly sheet: ImportSheet) {}

  get failed(): boolean {
    return this.errors.length > 0;
  }

  fail(r: ImportRow, field: string, messageTh: string): void {
    const column = this.sheet.headerOf(field);
    const key = `${r.row}\u0000${column}`;
    this.cellsAtFault ??= new Set();
    if (this.cellsAtFault.has(key)) return;
    this.cellsAtFault.add(key);
    this.errors.push({ row: r.row, column, messageTh });
  }

  /**
   * A text cell. Excel turns "1/2567" typed into a general cell into a date; reading that back as
   * text would record a wrong book or voucher number, so a date cell here is an error.
   */
  text(r: ImportRow, field: string): string {
    const cell = this.sheet.raw(r, field);
    if (cell instanceof Date) {
      const iso = isoOfUtcDate(cell);
      this.fail(r, field, `Excel แปลงช่องนี้เป็นวันที่${iso ? ` (${formatBeDate(iso)})` : ''} กรุณาจัดรูปแบบเซลล์เป็นข้อความแล้วพิมพ์ใหม่`);
      return '';
    }
    return cellText(cell);
  }
}

/**
 * "2–4" for adjacent rows, "2, 3, 7" otherwise: the rows of one voucher or receipt in a message.
 * @example rowsText([2, 3, 4]) // '2–4'
 */
export function rowsText(rows: readonly number[]): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) return '';
  if (rows.length === 1) return String(first);
  return last - first === rows.length - 1 ? `${first}–${last}` : rows.join(', ');
}
