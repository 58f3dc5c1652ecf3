/**
 * How an entry's fields read on screen and on paper: B.E. dates, revenue item names, payment method
 * and sync state in Thai. Formatting only; amounts come formatted from the domain's formatBaht.
 */
import { accountByCode } from '../domain/accounts';
import type { ReceiptMethod } from '../domain/receipt';
import type { StoredEntry } from '../store';

/** The revenue item's Thai name, or its bare code if the chart no longer has it. */
export function revenueNameTh(code: string): string {
  return accountByCode(code)?.nameTh ?? code;
}

export function methodTh(method: ReceiptMethod): string {
  return method === 'cash' ? 'เงินสด' : 'เงินฝากธนาคาร';
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
