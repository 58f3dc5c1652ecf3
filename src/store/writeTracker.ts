/**
 * Knowing when no write is in flight, so a new version of the app never reloads the page in the middle
 * of one (an IndexedDB transaction cut by a reload is rolled back whole: nothing corrupt, but the
 * officer's save silently lost).
 *
 * Every read-write transaction of a SamutDb is tracked by a Dexie middleware (installed by the
 * database's constructor), so recording, imports, restores and sync answers need no code of their
 * own. Each one counts here and, where the Web Locks API exists, holds the shared lock
 * `samut-write` until it completes or aborts: that covers the import worker, the service worker and
 * other tabs too. {@link whenWritesSettled} takes the lock exclusively (after every write already
 * started, in any of them), closes this page's database so no new write starts here, waits for this
 * page's writes already begun, and only then runs the reload.
 */
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import type { SamutDb } from './db';

export const writeLockName = 'samut-write';

/** The page's or worker's lock manager, if it has one (Node 20 has none). */
function defaultLocks(): LockManager | undefined {
  return (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
}

/** Counts the read-write transactions of one database in flight. */
export class WriteTracker {
  private inFlight = 0;
  private readonly idle: (() => void)[] = [];

  constructor(private readonly locks: () => LockManager | undefined = defaultLocks) {}

  /** Read-write transactions started and not yet completed or aborted (on this page). */
  get writesInFlight(): number {
    return this.inFlight;
  }

  /** The Dexie middleware that reports each read-write transaction here. */
  readonly middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'samutWriteTracker',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) => {
        const tx = down.transaction(stores, mode, options);
        if (mode === 'readwrite') this.track(tx);
        return tx;
      },
    }),
  };

  /** Resolves once no read-write transaction of this page is in flight. */
  async settled(): Promise<void> {
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  private track(tx: DBCoreTransaction): void {
    // Dexie's DBCore transaction is the IDBTransaction (its own cache middleware listens the same way).
    const target = tx as unknown as EventTarget;
    this.inFlight += 1;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
      finish();
      if (this.inFlight === 0) this.idle.splice(0).forEach((resolve) => resolve());
    };
    target.addEventListener('complete', end);
    target.addEventListener('abort', end);
    target.addEventListener('error', end);
    // Held by this write until it ends; an exclusive request waits for every one already granted.
    this.locks()?.request(writeLockName, { mode: 'shared' }, () => finished).catch(() => undefined);
  }
}

/**
 * Waits until every write already started has ended (this page's, and with Web Locks every tab's,
 * worker's and the service worker's), closes `db` so this page starts no new one, and runs `then`
 * (e.g. activate the new version and reload) still holding the write lock exclusively.
 * @example await whenWritesSettled(db, async () => { wb.messageSkipWaiting(); await controlling; location.reload(); });
 */
export async function whenWritesSettled<T>(db: SamutDb, then: () => Promise<T>, locks: LockManager | undefined = defaultLocks()): Promise<T> {
  const run = async () => {
    // Closed first: a write not yet begun is refused (the officer sees an error, not a silent loss),
    // while those already begun run to their commit (IndexedDB closes only after them).
    db.close();
    await db.writes.settled();
    return then();
  };
  if (locks === undefined) return run();
  return locks.request(writeLockName, { mode: 'exclusive' }, run);
}
