/**
 * What each kind's row reader provides to readImportTable, and the cell readers they share: a date
 * cell as the B.E. text the form readers take, a word from a small vocabulary (วิธีรับเงิน, ประเภทรายการ),
 * and a form reader's field errors put on the cells they came from.
 */
import { foldHeader } from '../csvTable';
import type { EntryDoc } from '../entry';
import type { FieldErrors } from '../forms/formResult';
import { formatBeDate, type IsoDate } from '../thaiDate';
import { cellText } from './importCell';
import { parseImportDate } from './importDate';
import type { DateCellReading, ImportRow, ImportSheet, RowSink } from './importSheet';
import type { ImportedEntry, ImportOptions, ImportTemplate } from './importTypes';

/** An entry as one kind's reader gives it: what a form reader returns when it is ok. */
export type EntryRead = { date: IsoDate } & EntryDoc;

export interface KindReader {
  template: ImportTemplate;
  /**
   * Rows that make one entry (a receipt's items, a voucher's lines) share a key and stand next to
   * each other; undefined = the row is an entry of its own.
   */
  groupKeyOf?: (r: ImportRow, cell: (r: ImportRow, field: string) => string) => string | undefined;
  /** Reads one entry's rows; errors go to `sink`, and then nothing is returned. */
  read(group: readonly ImportRow[], sink: RowSink): EntryRead | undefined;
  /** Where and how to say that an entry repeats an earlier one of the file (same natural key). */
  duplicate(entry: ImportedEntry, firstRow: number): { field: string; messageTh: string };
}

export type KindReaderOf = (options: ImportOptions) => KindReader;

/**
 * A date cell as the form readers' B.E. text ("16/01/2567"), or '' after an error on the cell.
 * @example dateCell(sink, row, 'date') // '16/01/2567' for "2024-01-16", "16/1/67" or an XLSX date
 */
export function dateCell(sink: RowSink, r: ImportRow, field: string): string {
  const cell = sink.sheet.raw(r, field);
  const text = cell instanceof Date ? '' : cellText(cell);
  const read = cell instanceof Date ? dateCellReading(sink.sheet, cell.getTime(), cell) : dateCellReading(sink.sheet, text, text);
  if (!read.ok) {
    sink.fail(r, field, read.messageTh);
    return '';
  }
  return read.dateBe;
}

/**
 * A date cell's reading, from the file's memo: `key` is the cell's text, or a Date cell's time, and
 * parseImportDate reads a Date by its time alone, so one key always reads the same.
 */
function dateCellReading(sheet: ImportSheet, key: string | number, cell: string | Date): DateCellReading {
  const known = sheet.datesRead.get(key);
  if (known !== undefined) return known;
  const parsed = parseImportDate(cell);
  const read: DateCellReading = parsed.ok ? { ok: true, dateBe: formatBeDate(parsed.iso) } : parsed;
  sheet.datesRead.set(key, read);
  return read;
}

/** A vocabulary: every accepted spelling, folded, to its value. */
export function vocabulary<V extends string>(words: Record<V, readonly string[]>): ReadonlyMap<string, V> {
  const map = new Map<string, V>();
  for (const [value, spellings] of Object.entries(words) as [V, readonly string[]][]) {
    for (const s of [value, ...spellings]) {
      const folded = foldHeader(s);
      // wordOf looks a word up unfolded first, which is only right if a key folds to itself.
      if (foldHeader(folded) !== folded) throw new Error(`vocabulary: "${s}" does not fold to a fixed point`);
      map.set(folded, value);
    }
  }
  return map;
}

/**
 * The value a typed word names, or undefined. A word typed exactly as spelled in the vocabulary is
 * found without folding it: the vocabulary's keys are folded already and fold to themselves (checked
 * when it is made), so the word would have folded to the same key.
 */
export function wordOf<V extends string>(vocab: ReadonlyMap<string, V>, text: string): V | undefined {
  return vocab.get(text) ?? vocab.get(foldHeader(text));
}

/** Puts each form field error on the cell its field came from (`cellOf` says which). */
export function addFormErrors(sink: RowSink, errors: FieldErrors, cellOf: (formField: string) => readonly [ImportRow, string]): void {
  for (const [formField, messageTh] of Object.entries(errors)) {
    const [r, field] = cellOf(formField);
    sink.fail(r, field, messageTh);
  }
}

/** Shown in a "does not agree" message for a blank cell. */
export function shownTh(value: string): string {
  return value === '' ? '(ว่าง)' : `"${value}"`;
}
