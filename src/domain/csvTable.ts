/**
 * Reading a CSV that people prepared in a spreadsheet: headers in Thai or English, in any order, with
 * stray spaces or a BOM; errors named by row and column in Thai ("แถว 14, คอลัมน์ วันที่: …").
 */
import Papa from 'papaparse';

export interface RowError {
  /** 1-based line number in the file, counting the header as line 1 (what a spreadsheet shows). */
  row: number;
  column: string;
  messageTh: string;
}

/** "แถว 14, คอลัมน์ วันที่: วันที่ 31/02/2567 ไม่มีอยู่จริง"; "แถว 9: …" for an error of the whole row. */
export function rowErrorText(e: RowError): string {
  return e.column === '' ? `แถว ${e.row}: ${e.messageTh}` : `แถว ${e.row}, คอลัมน์ ${e.column}: ${e.messageTh}`;
}

/** Folds a header for matching: no BOM, single spaces, lower case. */
export function foldHeader(h: string): string {
  return h.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface CsvColumns<F extends string> {
  /** Accepted header spellings per field, already folded. */
  names: Record<F, readonly string[]>;
  /** The Thai column name used in messages. */
  th: Record<F, string>;
  required: readonly F[];
}

export type CsvTable<F extends string> =
  | { ok: true; rows: { row: number; cell: (f: F) => string }[] }
  | { ok: false; errors: RowError[] };

/** Parses `text` and maps headers to fields; refuses a file missing a required column or over `rowsMax` rows. */
export function readCsvTable<F extends string>(text: string, columns: CsvColumns<F>, rowsMax: number): CsvTable<F> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...body] = parsed.data;
  if (!header) return { ok: false, errors: [{ row: 1, column: '-', messageTh: 'ไฟล์ว่าง ไม่มีหัวตาราง' }] };
  const columnOf = new Map<F, number>();
  header.forEach((h, i) => {
    const folded = foldHeader(h);
    for (const [field, names] of Object.entries(columns.names) as [F, readonly string[]][]) {
      if (names.includes(folded) && !columnOf.has(field)) columnOf.set(field, i);
    }
  });
  const missing = columns.required.filter((f) => !columnOf.has(f));
  if (missing.length) {
    return { ok: false, errors: missing.map((f) => ({ row: 1, column: columns.th[f], messageTh: `ไม่พบคอลัมน์ ${columns.th[f]}` })) };
  }
  if (body.length > rowsMax) return { ok: false, errors: [{ row: 1, column: '-', messageTh: `ไฟล์มีได้ไม่เกิน ${rowsMax} แถว` }] };
  return {
    ok: true,
    rows: body.map((cells, i) => ({
      row: i + 2,
      cell: (f: F) => {
        const c = columnOf.get(f);
        return c === undefined ? '' : (cells[c] ?? '').trim();
      },
    })),
  };
}
