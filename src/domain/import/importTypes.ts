/**
 * The shapes an import passes along (contract between the domain's row readers, the store and the
 * import worker). A file is decoded (CSV by papaparse, XLSX by read-excel-file) into a table of cells;
 * the domain reads the table into entries to record, each with its natural key and the file rows it
 * came from, and row errors in Thai ("แถว 14, คอลัมน์ วันที่: …").
 */
import type { BudgetLineDef } from '../budget/budgetLine';
import type { RowError } from '../csvTable';
import type { EntryDoc } from '../entry';
import type { Satang } from '../money';
import type { IsoDate } from '../thaiDate';

/** What an import file holds: one template per kind. */
export type ImportKind = 'receipt' | 'payment' | 'budget' | 'journal';

/**
 * One cell as decoded: text from a CSV; from an XLSX, text, a number cell's stored text (decoded with
 * read-excel-file's `parseNumber: (s) => s`, so never a float), a boolean, a Date (date cells), or null.
 */
export type ImportCell = string | boolean | Date | null;

/** A decoded sheet: the first row is the header. */
export type ImportTable = readonly (readonly ImportCell[])[];

/** One entry read from the file, ready to record (the importer adds `recordedBy`). */
export type ImportedEntry = {
  /** File rows (1-based, the header is row 1) this entry was read from: a receipt's items or a voucher's lines may span rows. */
  rows: number[];
  /** naturalKeyOf(entry): matched against the store's keys and the file's other entries. */
  naturalKey: string;
  date: IsoDate;
} & EntryDoc;

/** What reading a table gives: every entry that reads cleanly, and every row error. */
export interface ImportReading {
  kind: ImportKind;
  /** Data rows in the file (blank rows not counted). */
  rowsRead: number;
  entries: ImportedEntry[];
  /** Sorted by row; an entry with any error is not in `entries`. */
  errors: RowError[];
}

/** One column of an import template. */
export interface ImportColumn {
  /** The reader's name for it (for a budget line's classification, the form's BudgetLineInput key). */
  field: string;
  /** The header the template writes and errors name. */
  headerTh: string;
  /** Other spellings accepted in a header: English and other Thai (matched after foldHeader). */
  aliases: readonly string[];
  /** A file without this column is refused; a blank cell may still be allowed for some rows. */
  required: boolean;
  /** What to type, for the template's instructions. */
  noteTh?: string;
}

/** What an office fills in for one kind: its columns in order, and example rows (B.E. dates, chart codes). */
export interface ImportTemplate {
  kind: ImportKind;
  titleTh: string;
  columns: readonly ImportColumn[];
  /** In header order, as text as the officer would type it. */
  exampleRows: readonly (readonly string[])[];
}

/** What reading a table may need from the books on this PC, and how to report progress. */
export interface ImportOptions {
  /** The budget lines in the books (any fiscal year): ฎีกา and budget rows name lines by code. */
  budgetLines?: readonly BudgetLineDef[];
  /** Commitments on offer (passed on to the form readers' context). */
  commitments?: readonly { id: string; fiscalYear: number; line: string; outstandingSatang: Satang }[];
  /** Called about every `importProgressRows` rows, and once at the end. */
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

/** The most data rows one file may hold: a year of a large เทศบาล's receipt items, read in about a second. */
export const importRowsMax = 50_000;

/** How often readImportTable reports progress. */
export const importProgressRows = 1_000;
