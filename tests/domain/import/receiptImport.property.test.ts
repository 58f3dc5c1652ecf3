import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importTemplateRows } from '../../../src/domain/import/importTemplates';
import { readImportTable } from '../../../src/domain/import/readImportTable';
import { formatBaht, type Satang } from '../../../src/domain/money';
import { receiptDocArb } from '../arbitraries';

const header = importTemplateRows('receipt')[0] ?? [];
const thaiDigits = '๐๑๒๓๔๕๖๗๘๙';

/** An amount as an officer or a spreadsheet may write it. */
function amountText(satang: Satang, style: number): string {
  const plain = `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;
  switch (style) {
    case 0:
      return formatBaht(satang);
    case 1:
      return `฿${formatBaht(satang)}`;
    case 2:
      return `${plain} บาท`;
    default:
      return plain.replace(/\d/g, (d) => thaiDigits[Number(d)] ?? d);
  }
}

const methodWords = { cash: 'เงินสด', cheque: 'cheque', transfer: 'โอน' } as const;

describe('receipt rows, for any valid receipts (property)', () => {
  it('reads every receipt with its items summing to its rows’ amounts, and unique natural keys', () => {
    const receiptsArb = fc.uniqueArray(receiptDocArb, { minLength: 1, maxLength: 15, selector: (d) => `${d.bookNo}|${d.receiptNo}` });
    fc.assert(
      fc.property(receiptsArb, fc.nat({ max: 3 }), (receipts, style) => {
        const amountOfRow = new Map<number, Satang>();
        const table: string[][] = [header];
        for (const d of receipts) {
          for (const item of d.items) {
            table.push(['16/01/2567', d.bookNo, String(d.receiptNo), d.payer, item.account, '', amountText(item.amountSatang, style), methodWords[d.method], d.receivedInto, '']);
            amountOfRow.set(table.length, item.amountSatang);
          }
        }
        const reading = readImportTable('receipt', table);
        expect(reading.errors).toEqual([]);
        expect(reading.entries).toHaveLength(receipts.length);
        for (const e of reading.entries) {
          if (e.kind !== 'receipt') throw new Error('not a receipt');
          const itemsSatang = e.doc.items.reduce((sum, i) => sum + i.amountSatang, 0);
          const rowsSatang = e.rows.reduce((sum, r) => sum + (amountOfRow.get(r) ?? Number.NaN), 0);
          expect(itemsSatang).toBe(rowsSatang);
        }
        expect(new Set(reading.entries.map((e) => e.naturalKey)).size).toBe(reading.entries.length);
      }),
      { numRuns: 200 },
    );
  });
});
