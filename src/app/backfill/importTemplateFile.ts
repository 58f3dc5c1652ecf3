/**
 * The template files an office fills in for an import: CSV (UTF-8 with a BOM, or Excel shows Thai as
 * mojibake) and XLSX, both written in the browser, offline, from the domain's templates. The XLSX's
 * first sheet is the one the importer reads (header + example rows, every cell text so that a date
 * stays B.E. as typed); a second sheet explains each column.
 */
import writeXlsxFile, { type Row as XlsxRow, type SheetData } from 'write-excel-file';
import { importTemplateCsv, importTemplateRows, importTemplates } from '../../domain/import/importTemplates';
import type { ImportKind } from '../../domain/import/importTypes';
import { csvMimeType, type ExportedFile } from '../export/exportTable';

/** Sheet names: at most 31 characters, no / \ ? * [ ]. */
export const importTemplateSheetTh = 'ข้อมูล';
export const importTemplateNotesSheetTh = 'คำอธิบาย';

/** @example importTemplateFileName('receipt', 'xlsx') // 'แบบฟอร์มนำเข้า ใบเสร็จรับเงิน.xlsx' */
export function importTemplateFileName(kind: ImportKind, format: 'csv' | 'xlsx'): string {
  const title = importTemplates[kind].titleTh.replace(/[\\/:*?"<>|]/g, ' ').replace(/\s+/g, ' ').trim();
  return `แบบฟอร์มนำเข้า ${title}.${format}`;
}

/** The two sheets of the XLSX template: data (header + examples) and notes. */
export function importTemplateSheets(kind: ImportKind): SheetData[] {
  const [header = [], ...examples] = importTemplateRows(kind);
  const data: SheetData = [
    header.map((h): XlsxRow[number] => ({ value: h, type: String, fontWeight: 'bold' })),
    ...examples.map((row) => row.map((cell): XlsxRow[number] => (cell === '' ? null : { value: cell, type: String }))),
  ];
  const notes: SheetData = [
    [
      { value: 'คอลัมน์', type: String, fontWeight: 'bold' },
      { value: 'ต้องมี', type: String, fontWeight: 'bold' },
      { value: 'คำอธิบาย', type: String, fontWeight: 'bold' },
    ],
    ...importTemplates[kind].columns.map((c): XlsxRow => [
      { value: c.headerTh, type: String },
      { value: c.required ? 'ต้องมี' : 'ไม่บังคับ', type: String },
      c.noteTh ? { value: c.noteTh, type: String } : null,
    ]),
    [],
    [{ value: 'แถวตัวอย่างในแผ่นงาน "ข้อมูล" ให้ลบออกก่อนนำเข้า วันที่เป็น พ.ศ. (วว/ดด/ปปปป) จำนวนเงินเป็นบาท', type: String }, null, null],
  ];
  return [data, notes];
}

/** The template as a file of the chosen format. */
export async function importTemplateFile(kind: ImportKind, format: 'csv' | 'xlsx'): Promise<ExportedFile> {
  const fileName = importTemplateFileName(kind, format);
  if (format === 'csv') {
    const csv = importTemplateCsv(kind);
    return { fileName, blob: new Blob([csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`], { type: csvMimeType }) };
  }
  const widths = importTemplates[kind].columns.map((c) => ({ width: Math.min(40, Math.max(12, c.headerTh.length + 4)) }));
  const blob = await writeXlsxFile(importTemplateSheets(kind), {
    sheets: [importTemplateSheetTh, importTemplateNotesSheetTh],
    columns: [widths, [{ width: 24 }, { width: 10 }, { width: 80 }]],
  });
  return { fileName, blob };
}
