/**
 * The import templates offices fill in, one per kind: the app writes them as CSV (here) or XLSX
 * (from importTemplateRows), and readImportTable reads them back with the same columns.
 */
import Papa from 'papaparse';
import { budgetImportTemplate } from './budgetImport';
import type { ImportKind, ImportTemplate } from './importTypes';
import { journalImportTemplate } from './journalImport';
import { paymentImportTemplate } from './paymentImport';
import { receiptImportTemplate } from './receiptImport';

export const importTemplates: Record<ImportKind, ImportTemplate> = {
  receipt: receiptImportTemplate,
  payment: paymentImportTemplate,
  journal: journalImportTemplate,
  budget: budgetImportTemplate,
};

/**
 * The header row (Thai) and the example rows of a kind's template.
 * @example importTemplateRows('journal')[0] // ['วันที่', 'เลขที่ใบผ่านรายการ', 'คำอธิบาย', 'รหัสบัญชี', 'เดบิต', 'เครดิต', 'หมายเหตุ', 'ชนิดใบผ่านรายการ']
 */
export function importTemplateRows(kind: ImportKind): string[][] {
  const template = importTemplates[kind];
  return [template.columns.map((c) => c.headerTh), ...template.exampleRows.map((row) => [...row])];
}

/**
 * The template as a CSV file's text, with a UTF-8 BOM so that Excel shows the Thai correctly.
 * @example importTemplateCsv('receipt') // '\uFEFFวันที่,เล่มที่,เลขที่,…\r\n16/01/2567,1/2567,41,…'
 */
export function importTemplateCsv(kind: ImportKind): string {
  return `\uFEFF${Papa.unparse(importTemplateRows(kind))}`;
}
