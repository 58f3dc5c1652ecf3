/**
 * One imported entry as a line of the import screen's preview: B.E. date, the document's own number,
 * who paid or was paid, the amount in baht, and whether it is new or already on this PC. Computed in
 * the worker (the page only shows text), from the entry as read, before it has an id or lines.
 */
import type { ImportedEntry } from '../../domain/import/importTypes';
import { budgetActionNamesTh } from '../../domain/kinds/budgetEntry';
import { formatBaht } from '../../domain/money';
import { formatBeDate } from '../../domain/thaiDate';
import { entryAmountSatang } from '../entryLabels';
import type { ImportPreviewRow } from './importMessages';

/** @example importPreviewRow(receipt, 'new') // { dateBe: '16/01/2567', documentTh: 'เล่ม 1/2567 เลขที่ 41', partyTh: 'นายสมชาย ใจดี', amountTh: '1,540.50', status: 'new', rows: [2] } */
export function importPreviewRow(entry: ImportedEntry, status: ImportPreviewRow['status']): ImportPreviewRow {
  return {
    rows: entry.rows,
    dateBe: formatBeDate(entry.date),
    documentTh: documentTh(entry),
    partyTh: partyTh(entry),
    amountTh: formatBaht(entryAmountSatang(entry) ?? 0),
    status,
  };
}

function documentTh(entry: ImportedEntry): string {
  switch (entry.kind) {
    case 'receipt':
      return `เล่ม ${entry.doc.bookNo} เลขที่ ${entry.doc.receiptNo}`;
    case 'payment':
      return `ฎีกา ${entry.doc.voucherNo}`;
    case 'journal':
      return `ใบผ่านรายการ ${entry.doc.voucherNo}`;
    case 'budget': {
      const d = entry.doc;
      const line = d.action === 'appropriation' || d.action === 'supplementary' ? d.line.code : d.action === 'transfer' ? `${d.fromLine} → ${d.toLine}` : d.action === 'revenueEstimate' ? d.account : d.line;
      return `${budgetActionNamesTh[d.action]} ${line}`;
    }
    case 'deposit':
      return entry.doc.slipNo ? `ใบนำฝาก ${entry.doc.slipNo}` : 'นำฝาก';
    case 'cancel':
      return 'ยกเลิก';
  }
}

function partyTh(entry: ImportedEntry): string {
  switch (entry.kind) {
    case 'receipt':
      return entry.doc.payer;
    case 'payment':
      return entry.doc.payee;
    case 'journal':
      return entry.doc.description;
    case 'budget':
      return entry.doc.action === 'commitment' ? entry.doc.payee : entry.doc.action === 'release' ? entry.doc.reason : entry.doc.reference;
    default:
      return '';
  }
}

