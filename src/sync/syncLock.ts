/**
 * One sync runner at a time across tabs and the service worker (DESIGN.md §4), with the Web Locks
 * API. Two runners would not post anything twice (the server is idempotent by id), but they would
 * double the load on a server that is already struggling, and race on the backoff state.
 */

export const syncLockName = 'samut-sync';

/** What happened to the work. */
export type LockedRun<T> = { outcome: 'ran'; value: T } | { outcome: 'busy' };

/** The page's or worker's lock manager, if it has one (Node 20 has none). */
export function defaultLockManager(): LockManager | undefined {
  return (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
}

/**
 * Runs `fn` holding the sync lock, or answers `busy` at once if someone else holds it: a second
 * runner waiting in line would only find an empty queue. Without Web Locks (Node: tests, bench) it
 * runs `fn` directly; there the caller is the only runner.
 * @example const run = await withSyncLock(() => drainQueue(opts)); if (run.outcome === 'busy') …
 */
export async function withSyncLock<T>(
  fn: () => Promise<T>,
  locks: LockManager | undefined = defaultLockManager(),
): Promise<LockedRun<T>> {
  if (locks === undefined) return { outcome: 'ran', value: await fn() };
  return locks.request(syncLockName, { ifAvailable: true }, async (lock): Promise<LockedRun<T>> => {
    if (lock === null) return { outcome: 'busy' };
    return { outcome: 'ran', value: await fn() };
  });
}
