/**
 * The natural key of an entry: what a paper record is known by, so that importing the same rows
 * twice (or an overlapping file) records nothing twice. A receipt is its เล่ม/เลขที่; a ฎีกา and a
 * ใบผ่านรายการ their number within the fiscal year; a นำฝาก its slip number and date when it has one;
 * anything else (budget entries, deposits without a slip, cancels) the fingerprint of its content.
 * Pure: the store keeps the keys of the entries that count; the importer computes them for each row.
 */
import { canonicalJson } from '../canonicalJson';
import type { EntryDoc } from '../entry';
import { sha256Hex } from '../entryHash';
import { fiscalYearOf, type IsoDate } from '../thaiDate';

/** What a key is computed from: the business date and the document (as recorded, or as read from a row). */
export type NaturalKeySource = { date: IsoDate } & EntryDoc;

/**
 * @example naturalKeyOf({ date: '2024-01-16', kind: 'receipt', doc: { bookNo: '1/2567', receiptNo: 41, … } }) // 'receipt|1/2567|41'
 * @example naturalKeyOf({ date: '2024-01-16', kind: 'payment', doc: { voucherNo: '15/2567', … } })           // 'payment|2567|15/2567'
 */
export function naturalKeyOf(entry: NaturalKeySource): string {
  switch (entry.kind) {
    case 'receipt':
      return `receipt|${entry.doc.bookNo}|${entry.doc.receiptNo}`;
    case 'payment':
      return `payment|${fiscalYearOf(entry.date)}|${entry.doc.voucherNo}`;
    case 'journal':
      return `journal|${fiscalYearOf(entry.date)}|${entry.doc.voucherNo}`;
    case 'deposit':
      if (entry.doc.slipNo !== undefined) return `deposit|${entry.date}|${entry.doc.slipNo}`;
      return fingerprint(entry);
    default:
      return fingerprint(entry);
  }
}

/** The content's fingerprint: the same kind, date and document always give the same key. */
function fingerprint(entry: NaturalKeySource): string {
  return `${entry.kind}|${entry.date}|${sha256Hex(canonicalJson({ date: entry.date, kind: entry.kind, doc: entry.doc }))}`;
}
