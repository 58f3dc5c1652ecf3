/**
 * How an entry reads on screen and on paper, whatever its kind: its document reference (เล่ม/เลขที่,
 * เลขที่ฎีกา…), the party, a one-line description, its amount, and its sync state, in Thai. Formatting
 * only; amounts come formatted from the domain's formatBaht.
 */
import { accountIn } from '../domain/chart/chart';
import type { Chart } from '../domain/chart/chart';
import { entryKindNamesTh, type Entry, type EntryDoc } from '../domain/entry';
import { budgetActionNamesTh } from '../domain/kinds/budgetEntry';
import { paymentMethodNamesTh } from '../domain/kinds/payment';
import { receiptMethodNamesTh, receiptTotalSatang } from '../domain/kinds/receipt';
import { sumSatang, type Satang } from '../domain/money';
import { fiscalYearOf } from '../domain/thaiDate';
import type { StoredEntry } from '../store';

/** An account's Thai name in the chart of the entry's year, or its bare code if the chart lacks it. */
export function accountNameTh(chart: Chart, code: string, fiscalYear: number): string {
  return accountIn(chart, code, fiscalYear)?.nameTh ?? code;
}

/**
 * The document's own reference.
 * @example entryRefTh(receipt) // 'เล่ม 1/2567 เลขที่ 41'
 */
export function entryRefTh(entry: Entry): string {
  switch (entry.kind) {
    case 'receipt':
      return `เล่ม ${entry.doc.bookNo} เลขที่ ${entry.doc.receiptNo}`;
    case 'deposit':
      return entry.doc.slipNo ? `ใบนำฝาก ${entry.doc.slipNo}` : 'นำฝาก';
    case 'payment':
      return `ฎีกา ${entry.doc.voucherNo}`;
    case 'budget':
      return entry.doc.action === 'release' ? 'ยกเลิกผูกพัน' : entry.doc.reference;
    case 'journal':
      return `ใบผ่านรายการ ${entry.doc.voucherNo}`;
    case 'cancel':
      return 'ยกเลิก';
  }
}

/** Who paid or was paid, when the document names someone. */
export function entryPartyTh(entry: Entry): string {
  switch (entry.kind) {
    case 'receipt':
      return entry.doc.payer;
    case 'payment':
      return entry.doc.payee;
    case 'budget':
      return entry.doc.action === 'commitment' ? entry.doc.payee : '';
    default:
      return '';
  }
}

/**
 * One line saying what the entry is; a cancel says which entry it cancels (when the list has it).
 * @example entryDescriptionTh(receipt, chart) // 'ภาษีป้าย · เงินสด'
 */
export function entryDescriptionTh(entry: Entry, chart: Chart, target?: Entry): string {
  const fy = fiscalYearOf(entry.date);
  const name = (code: string) => accountNameTh(chart, code, fy);
  switch (entry.kind) {
    case 'receipt':
      return `${entry.doc.items.map((i) => i.description ?? name(i.account)).join(', ')} · ${receiptMethodNamesTh[entry.doc.method]}`;
    case 'deposit':
      return `${name(entry.doc.fromCashAccount)} → ${name(entry.doc.toBankAccount)}`;
    case 'payment': {
      const c = entry.doc.charge;
      const from = c.kind === 'budget' ? `งบ ${c.budgetLine}` : name(c.account);
      return `${entry.doc.description} · ${from} · ${paymentMethodNamesTh[entry.doc.method]}`;
    }
    case 'budget': {
      const d = entry.doc;
      const line =
        d.action === 'appropriation' || d.action === 'supplementary'
          ? `${d.line.code} ${d.line.typeName}`
          : d.action === 'transfer'
            ? `${d.fromLine} → ${d.toLine}`
            : d.action === 'revenueEstimate'
              ? name(d.account)
              : d.line;
      return `${budgetActionNamesTh[d.action]} · ${line}${d.action === 'release' ? ` · ${d.reason}` : ''}`;
    }
    case 'journal':
      return entry.doc.description;
    case 'cancel':
      return target
        ? `ยกเลิก${entryKindNamesTh[target.kind]} ${entryRefTh(target)} · ${entry.doc.reason}`
        : `ยกเลิกรายการ ${entry.doc.targetId.slice(0, 8)}… · ${entry.doc.reason}`;
  }
}

/**
 * The amount the entry is about: a receipt's total, a payment's gross, a journal's Σdebit; a cancel's
 * is its target's (undefined when the list does not have it).
 */
export function entryAmountSatang(entry: EntryDoc, target?: EntryDoc): Satang | undefined {
  switch (entry.kind) {
    case 'receipt':
      return receiptTotalSatang(entry.doc);
    case 'deposit':
      return entry.doc.amountSatang;
    case 'payment':
      return entry.doc.grossSatang;
    case 'budget':
      return entry.doc.amountSatang;
    case 'journal':
      return sumSatang(entry.doc.lines.map((l) => l.debitSatang));
    case 'cancel':
      return target === undefined || target.kind === 'cancel' ? undefined : entryAmountSatang(target);
  }
}

/**
 * The entry's standing with the server, as the officer reads it.
 * @example syncStateTh({ state: 'posted', serverSeq: 12, … }) // 'ส่งแล้ว เลขที่ 12'
 */
export function syncStateTh(entry: Pick<StoredEntry, 'state' | 'serverSeq' | 'syncMessage'>): string {
  switch (entry.state) {
    case 'pending':
      return 'รอส่ง';
    case 'posted':
      return entry.serverSeq !== undefined ? `ส่งแล้ว เลขที่ ${entry.serverSeq}` : 'ส่งแล้ว';
    case 'rejected':
      return `ถูกปฏิเสธ: ${entry.syncMessage ?? 'เซิร์ฟเวอร์ไม่ได้แจ้งเหตุผล'}`;
    case 'conflict':
      return `ขัดแย้ง: ${entry.syncMessage ?? 'เซิร์ฟเวอร์มีรายการรหัสเดียวกันแต่เนื้อหาต่างกัน'}`;
  }
}

/**
 * Which entries of a list are cancelled, and by which cancel: only cancels that count (pending or
 * posted; a rejected cancel cancels nothing).
 */
export function cancelledBy(entries: readonly StoredEntry[]): Map<string, StoredEntry> {
  const map = new Map<string, StoredEntry>();
  for (const e of entries) {
    if (e.kind === 'cancel' && (e.state === 'pending' || e.state === 'posted')) map.set(e.doc.targetId, e);
  }
  return map;
}
