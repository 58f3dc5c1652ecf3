/**
 * The bench page (built by Vite from reportBench.html, served on 127.0.0.1, driven by playwright-core):
 * the app's own store (Dexie on Chromium's IndexedDB) and domain report functions, timed in the page.
 *   window.samutBench.fill(linesMin)  → a year of entries with ≥ linesMin journal lines, written and cached
 *   window.samutBench.run(runs)       → per report, the median of `runs` timings after one warm-up
 */
import { totalsOf } from '../../../src/domain/reports/accountTotals';
import { budgetRegister } from '../../../src/domain/reports/budgetRegister';
import { cashBook, cashPaymentsBook, cashReceiptsBook } from '../../../src/domain/reports/cashBooks';
import { monthRange } from '../../../src/domain/reports/period';
import { trialBalance } from '../../../src/domain/reports/trialBalance';
import { listBudgetLines } from '../../../src/store/budgetQueries';
import { rebuildBooksCaches } from '../../../src/store/booksCaches';
import { openSamutDb, type SamutDb } from '../../../src/store/db';
import { accountTotalsInRange, cancellationsFor, cashBookSourcesInRange, entriesInRange, pendingCountInRange } from '../../../src/store/reportQueries';
import { getBooksSetup } from '../../../src/store/setup';
import type { StoredEntry } from '../../../src/store/storedEntry';
import { benchFiscalYear, benchYearFirstDay, benchYearLastDay, reportLedger } from './reportLedger';

/** Entries per IndexedDB write: one transaction stays a bounded amount of work. */
const writeChunk = 5_000;
/** Entries dated from here on are still pending (the last two months wait for the server). */
const pendingFrom = '2024-08-01';
const cashBookMonth = monthRange(2024, 1); // มกราคม 2567

export interface FillReport {
  entries: number;
  lines: number;
  generateMs: number;
  writeMs: number;
  rebuildMs: number;
  accountDayRows: number;
}

export interface Timing {
  medianMs: number;
  runsMs: number[];
}

export interface RunReport {
  trialBalance: Timing;
  cashBook: Timing;
  budgetRegister: Timing;
  trialBalanceFromEntries: Timing;
  /** Baseline: the same two cash books from the month's entries, read one record each (no day records). */
  cashBookFromEntries: Timing;
  /** The cash book's parts, timed alone (median): what its time is spent on. */
  cashBookParts: Record<'readDayRecords' | 'pendingCount' | 'domainBooks', number>;
  /** The cached and the from-entries trial balances are the same report; likewise the cash books. */
  same: boolean;
  sameCashBooks: boolean;
  facts: { trialBalanceRows: number; cashBookRows: number; budgetLines: number; pendingInMonth: number; entriesInMonth: number };
}

let db: SamutDb | undefined;

async function fill(linesMin: number): Promise<FillReport> {
  db?.close();
  db = openSamutDb('samut-bench-reports');
  await db.delete();
  db = openSamutDb('samut-bench-reports');
  const t0 = performance.now();
  const entries = reportLedger(linesMin, (n, lines) => console.log(`generated ${n} entries, ${lines} lines`));
  const t1 = performance.now();
  let serverSeq = 0;
  const stored: StoredEntry[] = entries.map((e) =>
    e.date >= pendingFrom ? ({ ...e, state: 'pending' } as StoredEntry) : ({ ...e, state: 'posted', serverSeq: (serverSeq += 1), syncedAt: '2024-08-01T03:00:00.000Z' } as StoredEntry),
  );
  // Entries straight into their table, then the store's own rebuild computes every cache from them
  // (what a restore from a backup does): the same rows recordEntries would have written one by one.
  for (let i = 0; i < stored.length; i += writeChunk) await db.entries.bulkPut(stored.slice(i, i + writeChunk));
  const t2 = performance.now();
  await rebuildBooksCaches(db);
  const t3 = performance.now();
  return {
    entries: entries.length,
    lines: entries.reduce((sum, e) => sum + e.lines.length, 0),
    generateMs: t1 - t0,
    writeMs: t2 - t1,
    rebuildMs: t3 - t2,
    accountDayRows: await db.accountDayTotals.count(),
  };
}

async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ timing: Timing; value: T }> {
  let value = await work(); // warm-up: not counted
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = await work();
    runsMs.push(performance.now() - started);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { timing: { medianMs: sorted[Math.floor(sorted.length / 2)]!, runsMs }, value };
}

async function run(runs = 5): Promise<RunReport> {
  if (!db) throw new Error('fill first');
  const d = db;
  const asOf = benchYearLastDay;

  // งบทดลอง as of the last day of the year: the cached per-day totals of the year, folded.
  const tb = await timed(runs, async () => {
    const { chart } = await getBooksSetup(d);
    return trialBalance(await accountTotalsInRange(d, benchYearFirstDay, asOf), chart, asOf);
  });
  // สมุดเงินสดรับ and สมุดเงินสดจ่าย of one month, with what waits to be posted, as the screen makes them.
  const range = cashBookMonth;
  const cash = await timed(runs, async () => {
    const { chart } = await getBooksSetup(d);
    const [{ sources, cancelledIds }, pending] = await Promise.all([cashBookSourcesInRange(d, range.from, range.to), pendingCountInRange(d, range.from, range.to)]);
    return { receipts: cashBook('receipts', sources, cancelledIds, chart, range), payments: cashBook('payments', sources, cancelledIds, chart, range), pending };
  });
  // Baseline: the same books from the month's entries (one IndexedDB record per entry).
  const fromEntries = await timed(runs, async () => {
    const { chart } = await getBooksSetup(d);
    const entries = await entriesInRange(d, range.from, range.to);
    const known = await cancellationsFor(d, entries);
    // A stored entry is an entry (plus its sync fields): handed to the domain as read, not copied.
    return { receipts: cashReceiptsBook(entries, chart, range, known), payments: cashPaymentsBook(entries, chart, range, known), entries: entries.length };
  });
  const { sources, cancelledIds } = await cashBookSourcesInRange(d, range.from, range.to);
  const { chart } = await getBooksSetup(d);
  const cashBookParts = {
    readDayRecords: (await timed(runs, () => cashBookSourcesInRange(d, range.from, range.to))).timing.medianMs,
    pendingCount: (await timed(runs, () => pendingCountInRange(d, range.from, range.to))).timing.medianMs,
    domainBooks: (await timed(runs, async () => [cashBook('receipts', sources, cancelledIds, chart, range), cashBook('payments', sources, cancelledIds, chart, range)])).timing.medianMs,
  };
  // ทะเบียนงบประมาณรายจ่าย of the year.
  const budget = await timed(runs, async () => budgetRegister(await listBudgetLines(d, benchFiscalYear)));
  // Baseline: the same trial balance from every entry of the year, no cache.
  const baseline = await timed(runs, async () => {
    const { chart } = await getBooksSetup(d);
    return trialBalance(totalsOf(await entriesInRange(d, benchYearFirstDay, asOf)), chart, asOf);
  });

  return {
    trialBalance: tb.timing,
    cashBook: cash.timing,
    budgetRegister: budget.timing,
    trialBalanceFromEntries: baseline.timing,
    cashBookFromEntries: fromEntries.timing,
    cashBookParts,
    same: JSON.stringify(tb.value) === JSON.stringify(baseline.value),
    sameCashBooks: JSON.stringify([cash.value.receipts, cash.value.payments]) === JSON.stringify([fromEntries.value.receipts, fromEntries.value.payments]),
    facts: {
      trialBalanceRows: tb.value.rows.length,
      cashBookRows: cash.value.receipts.rows.length + cash.value.payments.rows.length,
      budgetLines: budget.value.groups.reduce((n, g) => n + g.rows.length, 0),
      pendingInMonth: cash.value.pending,
      entriesInMonth: fromEntries.value.entries,
    },
  };
}

declare global {
  interface Window {
    samutBench: { fill: typeof fill; run: typeof run };
  }
}

window.samutBench = { fill, run };
