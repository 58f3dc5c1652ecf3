/**
 * For any valid books (every kind, some entries cancelled), the trial balance balances, and every
 * account's ledger, brought forward from the totals before any split date, carries forward exactly
 * its trial-balance amount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../../src/domain/chart/defaultChart';
import { buildEntry, type Entry } from '../../../src/domain/entry';
import { netDebitSatang, totalsOf } from '../../../src/domain/reports/accountTotals';
import { ledger } from '../../../src/domain/reports/ledger';
import { trialBalance } from '../../../src/domain/reports/trialBalance';
import { entryContentArb } from '../arbitraries';

/** Valid entries, then a cancel (dated the same day or later) of some of them. */
const booksArb = fc
  .tuple(
    fc.array(entryContentArb, { minLength: 1, maxLength: 25 }),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 30 })), { maxLength: 8 }),
  )
  .map(([contents, cancels]) => {
    const entries: Entry[] = contents.map((c, i) => buildEntry({ ...c, seq: i + 1 }));
    const cancelled = new Set<string>();
    for (const [pick, laterDays] of cancels) {
      const target = entries[pick % contents.length]!;
      if (cancelled.has(target.id) || target.kind === 'budget') continue;
      cancelled.add(target.id);
      const date = new Date(Date.parse(`${target.date}T00:00:00Z`) + laterDays * 86_400_000).toISOString().slice(0, 10);
      const id = target.id.slice(0, -4) + 'ffff';
      entries.push(
        buildEntry(
          { ...target, id, seq: entries.length + 1, date, kind: 'cancel', doc: { targetId: target.id, targetHash: target.hash, reason: 'ผิด' } } as never,
          target,
        ),
      );
    }
    return entries;
  });

describe('reports over any books', () => {
  it('trial balance: Σdebit = Σcredit; each ledger carries forward its trial-balance amount', () => {
    fc.assert(
      fc.property(booksArb, fc.nat(), (entries, splitPick) => {
        const dates = entries.map((e) => e.date).sort();
        const last = dates[dates.length - 1]!;
        const split = dates[splitPick % dates.length]!;
        const totals = totalsOf(entries);
        const tb = trialBalance(totals, defaultChart, last);
        expect(tb.debitSatang).toBe(tb.creditSatang);
        const before = totalsOf(entries.filter((e) => e.date < split));
        const shown = new Map(tb.rows.map((r) => [r.account, r.debitSatang - r.creditSatang]));
        for (const account of totals.keys()) {
          const l = ledger(account, defaultChart, { from: split, to: last }, before.get(account), entries);
          const asNetDebit = l.normalSide === 'debit' ? l.carriedForwardSatang : 0 - l.carriedForwardSatang;
          expect(asNetDebit).toBe(shown.get(account) ?? 0);
          expect(asNetDebit).toBe(netDebitSatang(totals.get(account)));
        }
      }),
      { numRuns: 200 },
    );
  });
});
