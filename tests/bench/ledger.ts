/**
 * The paper ledger of the 2567 outage, as an office would re-type it: receipts dated 16 Jan – 6 Jul
 * 2567 (2024-01-16 … 2024-07-06), typed in no particular date order. Deterministic (seeded), so two
 * runs of the bench post the same books.
 */
import { postableAccounts } from '../../src/domain/chart/chart';
import { cashAccountCode, defaultChart, savingsBankAccountCode } from '../../src/domain/chart/defaultChart';
import type { ReceiptDoc } from '../../src/domain/kinds/receipt';

export const outageFirstDay = '2024-01-16';
export const outageLastDay = '2024-07-06';

const dayMs = 24 * 60 * 60 * 1000;
const revenueCodes = postableAccounts(defaultChart, 2567, { type: 'revenue' }).map((a) => a.code);

/** Every ISO date from `first` to `last`, inclusive. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= Date.parse(`${last}T00:00:00Z`); ms += dayMs) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return days;
}

/** A small seeded generator (xorshift32): the same seed gives the same ledger. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

export interface LedgerReceipt {
  date: string;
  recordedBy: string;
  doc: ReceiptDoc;
}

/** `count` receipts over the outage days, in scrambled date order, with receipt numbers 1..count. */
export function outageLedger(count: number, seed: number, bookNo: string): LedgerReceipt[] {
  const days = daysBetween(outageFirstDay, outageLastDay);
  const next = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const transfer = next() % 4 === 0;
    return {
      date: days[next() % days.length]!,
      recordedBy: 'นางสาวสมศรี บัญชี',
      doc: {
        bookNo,
        receiptNo: i + 1,
        payer: `ผู้ชำระรายที่ ${i + 1}`,
        items: [{ account: revenueCodes[next() % revenueCodes.length]!, amountSatang: 100 + (next() % 5_000_000) }],
        method: transfer ? ('transfer' as const) : ('cash' as const),
        receivedInto: transfer ? savingsBankAccountCode : cashAccountCode,
      },
    };
  });
}
