/**
 * A value that changes outside Preact (a browser event, the service worker) and that components
 * follow. Made in main.tsx and passed down: no module-level singletons.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Watchable<T> {
  get(): T;
  set(value: T): void;
  /** Calls `listener` on every later `set`; returns the unsubscribe. */
  subscribe(listener: (value: T) => void): () => void;
}

/** @example const update = watchable<(() => void) | undefined>(undefined); update.set(activate); */
export function watchable<T>(initial: T): Watchable<T> {
  let value = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The current value of a watchable, re-rendering the component when it changes. */
export function useWatchable<T>(w: Watchable<T>): T {
  // Stored in an object: a function value given to useState would be called as an initialiser.
  const [box, setBox] = useState({ value: w.get() });
  useEffect(() => {
    setBox({ value: w.get() }); // it may have changed between render and subscribe
    return w.subscribe((value) => setBox({ value }));
  }, [w]);
  return box.value;
}
