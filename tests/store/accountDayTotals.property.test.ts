/**
 * The per-account per-day totals and the cash books' day records as the store keeps them (written
 * with each entry, taken out when the server voids one) against what the domain computes from the
 * entries that count, and against a full rebuild.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyAccountTotals } from '../../src/domain/reports/accountTotals';
import { cancellationsOf } from '../../src/domain/reports/cancellations';
import { cashBook, cashPaymentsBook, cashReceiptsBook } from '../../src/domain/reports/cashBooks';
import { movementLinesOf } from '../../src/domain/reports/movementLines';
import { monthRowsOf } from '../../src/store/accountDayTotals';
import { rebuildBooksCaches } from '../../src/store/booksCaches';
import type { SamutDb } from '../../src/store/db';
import type { RecordEntryInput } from '../../src/store/entryInput';
import { recordEntries, recordEntry } from '../../src/store/recordEntry';
import { cashBookSourcesInRange } from '../../src/store/reportQueries';
import { getBooksSetup } from '../../src/store/setup';
import { countsInBooks, entryOf, type StoredEntry } from '../../src/store/storedEntry';
import { StoreError } from '../../src/store/storeError';
import { applyPushResults } from '../../src/store/syncQueue';
import { appropriationInput, cancelInput, depositInput, journalInput, paymentInput, receiptInput } from './entryInputs';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

const at = '2024-07-08T03:00:00.000Z';
const year = { from: '2023-10-01', to: '2024-09-30' };
/** Few days, so entries share (account, day) rows and a cancel often falls on its original's day. */
const dateArb = fc.constantFrom('2024-01-15', '2024-01-16', '2024-02-01', '2024-03-31');
const amountArb = fc.integer({ min: 1, max: 2_000_000 });

type Command =
  | { op: 'receipt'; date: string; amount: number; account: '411002' | '412001' }
  | { op: 'deposit' | 'journal'; date: string; amount: number }
  | { op: 'payment'; date: string; amount: number; withholding: boolean }
  | { op: 'cancel'; date: string; pick: number }
  | { op: 'answer'; pick: number; outcome: 'posted' | 'rejected' | 'conflict'; alsoPick?: number };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('receipt' as const), date: dateArb, amount: amountArb, account: fc.constantFrom('411002' as const, '412001' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('deposit' as const, 'journal' as const), date: dateArb, amount: amountArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('payment' as const), date: dateArb, amount: amountArb, withholding: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('cancel' as const), date: dateArb, pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record(
      { op: fc.constant('answer' as const), pick: fc.nat(), outcome: fc.constantFrom('posted' as const, 'rejected' as const, 'conflict' as const), alsoPick: fc.nat() },
      { requiredKeys: ['op', 'pick', 'outcome'] },
    ),
  },
);

/** The oracle: lines count when the entry counts and, for a cancel, its target counts too. */
function linesCounting(entries: readonly StoredEntry[]): StoredEntry[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return entries.filter((e) => {
    if (!countsInBooks(e.state)) return false;
    if (e.kind !== 'cancel') return true;
    const target = byId.get(e.doc.targetId);
    return target !== undefined && countsInBooks(target.state);
  });
}

function expectedRows(entries: readonly StoredEntry[]) {
  const counting = linesCounting(entries);
  const entryCounts = new Map<string, number>();
  for (const e of counting) {
    for (const account of new Set(movementLinesOf(e).map((l) => l.account))) {
      const key = `${account}|${e.date}`;
      entryCounts.set(key, (entryCounts.get(key) ?? 0) + 1);
    }
  }
  return dailyAccountTotals(counting.map(entryOf)).map((r) => ({ ...r, entryCount: entryCounts.get(`${r.account}|${r.date}`) }));
}

const byDateAccount = <T extends { date: string; account: string }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.account < b.account ? -1 : a.account > b.account ? 1 : 0));

async function cacheRows(db: SamutDb) {
  return byDateAccount(await db.accountDayTotals.toArray());
}

describe('the per-account per-day totals, their monthly rollup and the cash books\' day records, for any sequence of entries, cancels and server answers', () => {
  it('equal the totals and cash books recomputed from the entries that count, and what a rebuild writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 30 }), async (commands) => {
        const db = await enrolledDb('account-days');
        const clock = manualClock();
        const random = seededRandom();
        let receiptNo = 0;
        clock.advance(1000);
        await recordEntry(db, appropriationInput('2023-10-01', 'L1', 1_000_000_000), clock, random);
        for (const c of commands) {
          const entries = await db.entries.toCollection().sortBy('seq');
          if (c.op === 'answer') {
            const pending = entries.filter((e) => e.state === 'pending');
            const picked = [...new Set([c.pick, c.alsoPick ?? c.pick].map((p) => pending[p % Math.max(pending.length, 1)]))].flatMap((e) => (e ? [e] : []));
            if (picked.length === 0) continue;
            const results = picked.map((e, i) =>
              c.outcome === 'posted' ? { id: e.id, outcome: 'posted' as const, serverSeq: 1 + i }
              : c.outcome === 'rejected' ? { id: e.id, outcome: 'rejected' as const, code: 'x', message: 'ไม่รับ' }
              : { id: e.id, outcome: 'conflict' as const, message: 'ต่างกัน' },
            );
            await applyPushResults(db, picked.map((e) => e.id), results, at);
            continue;
          }
          let input: RecordEntryInput | undefined;
          if (c.op === 'receipt') input = receiptInput(c.date, '12', (receiptNo += 1), c.amount, c.account);
          if (c.op === 'deposit') input = depositInput(c.date, c.amount);
          if (c.op === 'journal') input = journalInput(c.date, c.amount);
          if (c.op === 'payment') input = paymentInput(c.date, 'L1', c.amount, { withholdingSatang: c.withholding ? Math.floor(c.amount / 100) : 0 });
          if (c.op === 'cancel') {
            const target = entries[c.pick % entries.length];
            if (target === undefined) continue;
            input = cancelInput(c.date < target.date ? target.date : c.date, target);
          }
          if (input === undefined) continue;
          clock.advance(1000);
          try {
            // Now and then a batch of two (the entry and a journal), to cover recordEntries too.
            if (c.op === 'journal') await recordEntries(db, [input, journalInput(c.date, 1)], clock, random);
            else await recordEntry(db, input, clock, random);
          } catch (error) {
            expect(error).toBeInstanceOf(StoreError);
          }
        }

        const entries = await db.entries.toArray();
        const incremental = await cacheRows(db);
        expect(incremental).toEqual(byDateAccount(expectedRows(entries)));
        const months = byDateAccount(await db.accountMonthTotals.toArray());
        expect(months).toEqual(byDateAccount([...monthRowsOf(incremental).values()]));
        // The cash books from the day records equal the domain's books from the entries whose lines count.
        const { chart } = await getBooksSetup(db);
        const counting = linesCounting(entries).map(entryOf);
        const { sources, cancelledIds } = await cashBookSourcesInRange(db, year.from, year.to);
        for (const side of ['receipts', 'payments'] as const) {
          const fromEntries = (side === 'receipts' ? cashReceiptsBook : cashPaymentsBook)(counting, chart, year, cancellationsOf(counting));
          expect(cashBook(side, sources, cancelledIds, chart, year)).toEqual(fromEntries);
        }
        const cashBookDays = await db.cashBookDays.toArray();
        await rebuildBooksCaches(db);
        expect(await cacheRows(db)).toEqual(incremental);
        expect(byDateAccount(await db.accountMonthTotals.toArray())).toEqual(months);
        expect(await db.cashBookDays.toArray()).toEqual(cashBookDays);
        db.close();
      }),
      { numRuns: 60 },
    );
  });
});
