import { describe, expect, it } from 'vitest';
import { decodeImportFile } from '../../src/app/backfill/decodeImportFile';
import { importTemplateFile, importTemplateFileName } from '../../src/app/backfill/importTemplateFile';
import { readImportTable } from '../../src/domain/import/readImportTable';
import { importTemplates } from '../../src/domain/import/importTemplates';
import type { ImportKind } from '../../src/domain/import/importTypes';

describe('the import templates an office downloads', () => {
  it.each(['receipt', 'journal'] as ImportKind[])('%s: the XLSX template, read back as an import, gives its example rows without an error', async (kind) => {
    const { blob, fileName } = await importTemplateFile(kind, 'xlsx');
    expect(fileName).toBe(importTemplateFileName(kind, 'xlsx'));
    const table = await decodeImportFile(fileName, await blob.arrayBuffer());
    expect(table[0]).toEqual(importTemplates[kind].columns.map((c) => c.headerTh));
    const reading = readImportTable(kind, table);
    expect(reading.errors).toEqual([]);
    expect(reading.rowsRead).toBe(importTemplates[kind].exampleRows.length);
    expect(reading.entries.length).toBeGreaterThan(0);
  });

  it('the CSV template starts with a BOM (Excel shows Thai) and reads back the same as the XLSX', async () => {
    const csv = await importTemplateFile('receipt', 'csv');
    const bytes = await csv.blob.arrayBuffer();
    expect([...new Uint8Array(bytes).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const xlsx = await importTemplateFile('receipt', 'xlsx');
    const fromCsv = readImportTable('receipt', await decodeImportFile(csv.fileName, bytes));
    const fromXlsx = readImportTable('receipt', await decodeImportFile(xlsx.fileName, await xlsx.blob.arrayBuffer()));
    expect(fromCsv.entries.map((e) => e.naturalKey)).toEqual(fromXlsx.entries.map((e) => e.naturalKey));
    expect(fromCsv.errors).toEqual([]);
  });

  it('names the file after the template, without characters Windows refuses', () => {
    expect(importTemplateFileName('receipt', 'csv')).toMatch(/^แบบฟอร์มนำเข้า ใบเสร็จรับเงิน.*\.csv$/);
    expect(importTemplateFileName('receipt', 'csv')).not.toMatch(/[\\/:*?"<>|]/);
  });
});
