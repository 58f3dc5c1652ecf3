/**
 * Follows a store query live (the store's watchQuery), so a list re-renders when any context (this tab,
 * another tab, the service worker applying sync results) changes the rows it read.
 */
import { useEffect, useState } from 'preact/hooks';
import { watchQuery } from '../store';
import { errorMessageTh } from './errorMessage';

export type LiveResult<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; messageTh: string };

/**
 * @param query reads through src/store only (the store tracks the tables and ranges it touches)
 * @param deps re-subscribe when these change (e.g. the chosen date, or a refresh tick)
 * @example const pending = useLiveQuery(() => countPending(db), [db]);
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' });
  useEffect(() => {
    // The previous value stays on screen until the new one arrives: no flicker on refresh.
    return watchQuery(query, {
      next: (value) => setResult({ status: 'ready', value }),
      error: (error: unknown) => setResult({ status: 'failed', messageTh: errorMessageTh(error) }),
    });
  }, deps);
  return result;
}
