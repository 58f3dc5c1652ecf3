/**
 * The PC's database (IndexedDB through Dexie). This folder is the only part of Samut that knows Dexie:
 * everything else reads and writes through the functions exported next to this file.
 *
 * Tables:
 * - `entries`: every entry ever recorded on this PC, with its sync state. Never deleted: after posting
 *   they are the evidence with which a server that lost data is restored (DESIGN.md §4).
 *   The sync queue is the `[state+date+seq]` index, not a second copy of the data.
 * - `meta`: small keyed rows (enrolment, per-device seq counter, sync backoff status, books setup).
 * - Books caches (version 2), derived from the entries that count (pending or posted) and written in
 *   the same transaction as the entry; rewritten when an entry stops counting, rebuildable at any time
 *   with rebuildBooksCaches (src/store/booksCaches.ts):
 *   `receiptNumbers` ([bookNo+receiptNo] → holder), `budgetLines` ([fiscalYear+code] → definition),
 *   `budgetEffects` (register movements per entry), `cancellations` (target → cancel).
 * - Version 3 adds `accountDayTotals` ([account+date] → Σdebit, Σcredit, entryCount of the journal
 *   lines that count: src/store/accountDayTotals.ts) and `accountMonthTotals` (the same rolled up per
 *   month, `date` = 'YYYY-MM'), for the trial balance and the other reports; `budgetLineBalances`
 *   ([fiscalYear+lineCode] → Σ budgetEffects by column), for the budget register.
 * - Version 4 adds `cashBookDays` (date → that day's cash-book sources: src/store/cashBookDays.ts), for
 *   the cash books, and a `targetDate` index on `cancellations` (which of a period's entries were
 *   cancelled, whenever the cancel is dated); `receiptNumbers` (one row per number) becomes
 *   `receiptNumberBooks` (one row per book: src/store/receiptNumberBooks.ts).
 * - Version 5 drops the `date` index of `entries`: reads by date use `[state+date+seq]`, one range per
 *   sync state (src/store/entriesByDate.ts), and every entry recorded is one index write fewer.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { AccountDayTotalRow } from './accountDayTotals';
import type { BudgetLineBalanceRow } from './budgetLineBalances';
import type { CashBookDayRow } from './cashBookDays';
import type { ReceiptNumberBookRow } from './receiptNumberBooks';
import type { BudgetEffectRow, BudgetLineDefRow, CancellationRow } from './booksCacheRows';
import { rebuildCachesIn } from './booksCaches';
import type { StoredEntry } from './storedEntry';
import { WriteTracker } from './writeTracker';

/** One row of the `meta` table; each key's value has its own reader that validates it. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** Version 1 (the walking skeleton): never edit it, PCs that stayed offline for months still hold it. */
export const schemaV1 = {
  entries: 'id, [state+date+seq], date, seq',
  meta: 'key',
} as const;

/** Version 2: every entry kind; entries gain a `kind` index, and the books caches appear. */
export const schemaV2 = {
  entries: 'id, [state+date+seq], date, seq, kind',
  meta: 'key',
  receiptNumbers: '[bookNo+receiptNo], entryId',
  budgetLines: '[fiscalYear+code], entryId',
  budgetEffects: '[entryId+n], entryId, [fiscalYear+lineCode], commitmentId',
  cancellations: 'targetId, cancelId',
} as const;

/** Version 3: per-account totals of the journal lines per day and per month (a `date` index for "as of"), and per-line register sums. */
export const schemaV3 = {
  ...schemaV2,
  accountDayTotals: '[account+date], date',
  accountMonthTotals: '[account+date], date',
  budgetLineBalances: '[fiscalYear+lineCode]',
} as const;

/** Version 4: the cash books' day records, and cancellations findable by their original's date. */
export const schemaV4 = {
  ...schemaV3,
  // No `seq` and `kind` indexes: nothing reads by them, and every index is one more write per entry
  // (a 20,000-entry import pays for each).
  entries: 'id, [state+date+seq], date',
  cancellations: 'targetId, cancelId, targetDate',
  cashBookDays: 'date',
  // One record per receipt book instead of one per number (src/store/receiptNumberBooks.ts).
  receiptNumbers: null,
  receiptNumberBooks: 'bookNo',
} as const;

/**
 * Version 5: entries keep only the index the sync queue needs. An import writes every entry into each
 * index: the `date` index cost ≈ 15 % of a 20,000-entry import's IndexedDB time (`npm run bench --
 * --only import`), for reads the `[state+date+seq]` index serves as well. No data changes.
 */
export const schemaV5 = {
  ...schemaV4,
  entries: 'id, [state+date+seq]',
} as const;

/** The Samut database. Open it with {@link openSamutDb}. */
export class SamutDb extends Dexie {
  entries!: Table<StoredEntry, string>;
  meta!: Table<MetaRow, string>;
  receiptNumberBooks!: Table<ReceiptNumberBookRow, string>;
  budgetLines!: Table<BudgetLineDefRow, [number, string]>;
  budgetEffects!: Table<BudgetEffectRow, [string, number]>;
  cancellations!: Table<CancellationRow, string>;
  accountDayTotals!: Table<AccountDayTotalRow, [string, string]>;
  /** The day rows rolled up per month: `date` holds 'YYYY-MM'. */
  accountMonthTotals!: Table<AccountDayTotalRow, [string, string]>;
  budgetLineBalances!: Table<BudgetLineBalanceRow, [number, string]>;
  cashBookDays!: Table<CashBookDayRow, string>;
  /** Read-write transactions in flight, so an app update waits for them (src/store/writeTracker.ts). */
  readonly writes = new WriteTracker();

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.use(this.writes.middleware);
    this.version(1).stores(schemaV1);
    this.version(2).stores(schemaV2);
    this.version(3).stores(schemaV3);
    // Entries stay exactly as they were (append-only); only the caches are computed from them. From
    // any older version, Dexie creates every table up to this one and then runs this upgrade, which
    // rebuilds every cache: one code path, and the earlier versions need no upgrade of their own.
    this.version(4)
      .stores(schemaV4)
      .upgrade((tx) => rebuildCachesIn(tx));
    this.version(5).stores(schemaV5);
  }
}

/**
 * Opens (lazily, on first use) the Samut database.
 * `options` lets Node tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange`.
 * @example const db = openSamutDb(); await countPending(db);
 */
export function openSamutDb(name = 'samut', options?: DexieOptions): SamutDb {
  return new SamutDb(name, options);
}
