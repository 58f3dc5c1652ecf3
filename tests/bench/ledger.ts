/**
 * The paper ledger of the 2567 outage, as an office would re-type it: receipts dated 16 Jan – 6 Jul
 * 2567 (2024-01-16 … 2024-07-06), typed in no particular date order. Deterministic (seeded), so two
 * runs of the bench post the same books.
 */
import { revenueAccounts } from '../../src/domain/accounts';
import type { ReceiptInput } from '../../src/store/recordReceipt';

export const outageFirstDay = '2024-01-16';
export const outageLastDay = '2024-07-06';

const dayMs = 24 * 60 * 60 * 1000;

/** Every ISO date from `first` to `last`, inclusive. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= Date.parse(`${last}T00:00:00Z`); ms += dayMs) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}

/** `count` receipts over the outage days, in scrambled date order, with receipt numbers 1..count. */
export function outageLedger(count: number, seed: number, bookNo: string): ReceiptInput[] {
  const days = daysBetween(outageFirstDay, outageLastDay);
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  return Array.from({ length: count }, (_, i) => ({
    date: days[next() % days.length]!,
    recordedBy: 'นางสาวสมศรี บัญชี',
    doc: {
      bookNo,
      receiptNo: i + 1,
      payer: `ผู้ชำระรายที่ ${i + 1}`,
      revenueAccount: revenueAccounts[next() % revenueAccounts.length]!.code,
      amountSatang: 100 + (next() % 5_000_000),
      method: next() % 4 === 0 ? ('bank' as const) : ('cash' as const),
    },
  }));
}
