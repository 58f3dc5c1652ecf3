/**
 * The PC's database (IndexedDB through Dexie). This folder is the only part of Samut that knows Dexie:
 * everything else reads and writes through the functions exported next to this file.
 *
 * Tables:
 * - `entries`: every entry ever recorded on this PC, with its sync state. Never deleted: after posting
 *   they are the evidence with which a server that lost data is restored (DESIGN.md §4).
 *   The sync queue is the `[state+date+seq]` index, not a second copy of the data.
 * - `meta`: small keyed rows (enrolment, per-device seq counter, sync backoff status).
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { StoredEntry } from './storedEntry';

/** One row of the `meta` table; each key's value has its own reader that validates it. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** The Samut database. Open it with {@link openSamutDb}. */
export class SamutDb extends Dexie {
  entries!: Table<StoredEntry, string>;
  meta!: Table<MetaRow, string>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    // Version 1. A later version adds a `this.version(2)` block with an upgrade; never edit this one,
    // since PCs that stayed offline for months still open with it.
    this.version(1).stores({
      entries: 'id, [state+date+seq], date, seq',
      meta: 'key',
    });
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
