/**
 * Bulk back-entry import, the domain's side: templates per kind, and a decoded sheet read into entries
 * to record (each with its natural key and file rows) and Thai row errors. Pure: decoding files and
 * recording are the app's and the store's.
 */
export * from './importTypes';
export { naturalKeyOf, type NaturalKeySource } from './naturalKey';
export { parseImportDate, excelSerialDayMin, excelSerialDayMax } from './importDate';
export { amountCellText, arabicDigits, cellText } from './importCell';
export { importTemplates, importTemplateRows, importTemplateCsv } from './importTemplates';
export { readImportTable } from './readImportTable';
