/**
 * The reads reports start from: account totals from the per-day cache (equal to the domain's totals
 * of the counting entries), the entries of a period in book order, what is known of their
 * cancellations, and how many of them still wait to be posted.
 */
import { describe, expect, it } from 'vitest';
import { totalsOf } from '../../src/domain/reports/accountTotals';
import {
  accountTotalsAsOf,
  accountTotalsBefore,
  accountTotalsInRange,
  cancellationsFor,
  entriesInRange,
  pendingCountInRange,
} from '../../src/store/reportQueries';
import { entryOf, type StoredEntry } from '../../src/store/storedEntry';
import { applyPushResults } from '../../src/store/syncQueue';
import { appropriationInput, cancelInput, depositInput, journalInput, paymentInput, receiptInput } from './entryInputs';
import { recordingBooks } from './fixtures';

const at = '2024-07-08T03:00:00.000Z';

const books = () => recordingBooks('reports');

const totalsOfEntries = (entries: readonly StoredEntry[], keep: (date: string) => boolean) => totalsOf(entries.filter((e) => keep(e.date)).map(entryOf));

describe('account totals for reports', () => {
  it('equal the domain’s totals of the counting entries up to, before and within dates', async () => {
    const { db, record } = await books();
    await record(appropriationInput('2023-10-01', 'L1', 10_000_000));
    const r1 = await record(receiptInput('2024-01-15', '12', 1, 70_000));
    await record(receiptInput('2024-01-16', '12', 2, 30_000, '412001'));
    await record(depositInput('2024-01-16', 90_000));
    await record(paymentInput('2024-01-20', 'L1', 40_000, { withholdingSatang: 400 }));
    await record(journalInput('2024-02-01', 5_000));
    await record(cancelInput('2024-02-02', r1));
    const rejected = await record(receiptInput('2024-01-16', '12', 3, 999_999));
    await applyPushResults(db, [rejected.id], [{ id: rejected.id, outcome: 'rejected', code: 'x', message: 'ไม่รับ' }], at);
    const counting = (await db.entries.toArray()).filter((e) => e.state !== 'rejected');

    expect(await accountTotalsAsOf(db, '2024-01-16')).toEqual(totalsOfEntries(counting, (d) => d <= '2024-01-16'));
    expect(await accountTotalsBefore(db, '2024-01-16')).toEqual(totalsOfEntries(counting, (d) => d < '2024-01-16'));
    expect(await accountTotalsInRange(db, '2024-01-16', '2024-02-01')).toEqual(totalsOfEntries(counting, (d) => d >= '2024-01-16' && d <= '2024-02-01'));
    const all = await accountTotalsAsOf(db, '2024-09-30');
    expect(all).toEqual(totalsOfEntries(counting, () => true));
    expect(all.get('411002')).toEqual({ debitSatang: 0, creditSatang: 0 }); // the cancel nets on its original's side, not on both
    expect(await accountTotalsInRange(db, '2024-02-03', '2024-02-01')).toEqual(new Map());
  });

  it('are the same whether a range is read from whole months, partial months or days', async () => {
    const { db, record } = await books();
    await record(appropriationInput('2023-10-01', 'L1', 10_000_000));
    const dates = ['2023-10-01', '2023-10-31', '2023-11-01', '2023-12-15', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01', '2024-03-02'];
    let n = 0;
    for (const date of dates) {
      await record(receiptInput(date, '12', (n += 1), 1_000 * n));
      await record(paymentInput(date, 'L1', 700 * n));
    }
    const counting = await db.entries.toArray();
    const ranges: [string, string][] = [
      ['2023-10-01', '2024-03-31'], ['2023-10-02', '2024-02-29'], ['2023-10-31', '2023-11-01'], ['2023-11-01', '2023-11-30'],
      ['2023-12-16', '2024-03-01'], ['2024-02-01', '2024-02-01'], ['2023-09-01', '2024-09-30'], ['2024-01-31', '2024-03-02'],
    ];
    for (const [from, to] of ranges) {
      expect(await accountTotalsInRange(db, from, to), `${from}..${to}`).toEqual(totalsOfEntries(counting, (d) => d >= from && d <= to));
    }
    for (const date of [...dates, '2023-09-30', '2024-02-28', '2024-03-31']) {
      expect(await accountTotalsAsOf(db, date), `as of ${date}`).toEqual(totalsOfEntries(counting, (d) => d <= date));
      expect(await accountTotalsBefore(db, date), `before ${date}`).toEqual(totalsOfEntries(counting, (d) => d < date));
    }
  });
});

describe('entriesInRange', () => {
  it('gives the counting entries of the days, both ends included, in (date, seq) order', async () => {
    const { db, record } = await books();
    const late = await record(receiptInput('2024-01-17', '12', 1));
    const first = await record(receiptInput('2024-01-15', '12', 2));
    const second = await record(receiptInput('2024-01-15', '12', 3));
    await record(receiptInput('2024-01-18', '12', 4));
    const rejected = await record(receiptInput('2024-01-16', '12', 5));
    await applyPushResults(db, [rejected.id], [{ id: rejected.id, outcome: 'conflict', message: 'ต่างกัน' }], at);
    expect((await entriesInRange(db, '2024-01-15', '2024-01-17')).map((e) => e.id)).toEqual([first.id, second.id, late.id]);
  });
});

describe('cancellationsFor', () => {
  it('marks an entry cancelled by a cancel dated after the period, and finds the original of a cancel dated before it', async () => {
    const { db, record } = await books();
    const january = await record(receiptInput('2024-01-15', '12', 1));
    const february = await record(receiptInput('2024-02-10', '12', 2));
    const cancelOfJanuary = await record(cancelInput('2024-02-11', january));
    await record(cancelInput('2024-03-01', february));
    const period = await entriesInRange(db, '2024-02-01', '2024-02-29');
    const known = await cancellationsFor(db, period);
    expect([...known.cancelledIds]).toEqual([february.id]);
    expect([...known.targets.keys()]).toEqual([january.id]);
    expect(period.map((e) => e.id)).toEqual([february.id, cancelOfJanuary.id]);
  });
});

describe('pendingCountInRange', () => {
  it('counts the entries of the days that still wait to be posted', async () => {
    const { db, record } = await books();
    const posted = await record(receiptInput('2024-01-15', '12', 1));
    await record(receiptInput('2024-01-15', '12', 2));
    await record(receiptInput('2024-01-31', '12', 3));
    await record(receiptInput('2024-02-01', '12', 4));
    await applyPushResults(db, [posted.id], [{ id: posted.id, outcome: 'posted', serverSeq: 1 }], at);
    expect(await pendingCountInRange(db, '2024-01-01', '2024-01-31')).toBe(2);
    expect(await pendingCountInRange(db, '2024-01-15', '2024-01-15')).toBe(1);
    expect(await pendingCountInRange(db, '2024-02-01', '2024-02-29')).toBe(1);
    expect(await pendingCountInRange(db, '2024-03-01', '2024-02-29')).toBe(0);
  });
});
