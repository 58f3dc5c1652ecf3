/**
 * Live reads for screens: re-runs a store query whenever a write anywhere (this tab, another tab,
 * the service worker storing sync answers) touches what it read. Wraps Dexie's liveQuery so that the
 * UI follows the store without importing Dexie itself.
 */
import { liveQuery } from 'dexie';

export interface QueryWatcher<T> {
  next(value: T): void;
  error(error: unknown): void;
}

/**
 * Calls `watcher.next` with the query's result now and after every relevant change; returns `stop()`.
 * `query` must read through src/store functions only (Dexie tracks the tables and ranges they touch).
 * @example const stop = watchQuery(() => countPending(db), { next: setPending, error: showError });
 */
export function watchQuery<T>(query: () => Promise<T>, watcher: QueryWatcher<T>): () => void {
  const subscription = liveQuery(query).subscribe({
    next: (value) => watcher.next(value),
    error: (error: unknown) => watcher.error(error),
  });
  return () => subscription.unsubscribe();
}
