/**
 * What a book row says of its document: its number (เล่ม/เลขที่ of a receipt, เลขที่ฎีกา, เลขที่ใบนำฝาก,
 * เลขที่ใบผ่านรายการ), the other party (ผู้ชำระเงิน / ผู้รับเงิน) and a description. A cancel speaks
 * of its original: same number and party, "ยกเลิก …" and the reason.
 */
import type { Entry } from '../entry';
import { budgetActionNamesTh } from '../kinds/budgetEntry';
import type { Cancellations } from './cancellations';

export interface EntryDescription {
  documentNo: string;
  party: string;
  description: string;
}

/** เล่ม/เลขที่ as printed on a receipt. @example receiptDocumentNo('12', 3) // '12/3' */
export function receiptDocumentNo(bookNo: string, receiptNo: number): string {
  return `${bookNo}/${receiptNo}`;
}

/** The document, party and description a row of any book shows for `entry`. */
export function describeEntry(entry: Entry, cancellations?: Cancellations): EntryDescription {
  switch (entry.kind) {
    case 'receipt': {
      const d = entry.doc;
      const items = d.items.map((i) => i.description).filter((x): x is string => !!x);
      return { documentNo: receiptDocumentNo(d.bookNo, d.receiptNo), party: d.payer, description: items.join(', ') || 'รับเงิน' };
    }
    case 'deposit':
      return { documentNo: entry.doc.slipNo ?? '', party: '', description: 'นำเงินสดฝากธนาคาร' };
    case 'payment':
      return { documentNo: entry.doc.voucherNo, party: entry.doc.payee, description: entry.doc.description };
    case 'journal':
      return { documentNo: entry.doc.voucherNo, party: '', description: entry.doc.description };
    case 'budget':
      return { documentNo: 'reference' in entry.doc ? entry.doc.reference : '', party: '', description: budgetActionNamesTh[entry.doc.action] };
    case 'cancel': {
      const target = cancellations?.targets.get(entry.doc.targetId);
      const of = target ? describeEntry(target, cancellations) : { documentNo: '', party: '', description: 'รายการ' };
      return { documentNo: of.documentNo, party: of.party, description: `ยกเลิก ${of.description}: ${entry.doc.reason}` };
    }
  }
}
