/**
 * When a page asks for a drain (DESIGN.md §4): at app start, when the browser comes back online,
 * after each new entry (the form calls `requestSync('entry')`), and on a timer while anything is
 * pending and the backoff time has come. Background Sync covers Chromium with every tab closed;
 * these triggers cover all browsers.
 *
 * Runs in the page only. The drain itself runs in the service worker when one controls the page, else
 * here in the page (same code: runDrain); the sync lock keeps it to one runner either way.
 */
import { systemClock, type Clock } from '../store/clock';
import type { SamutDb } from '../store/db';
import { countPending } from '../store/queries';
import { runDrain } from './runDrain';
import { backgroundSyncTag, type SwMessage, type SyncReason } from './swMessages';
import { getSyncStatus } from './syncStatus';

/** How often the timer looks at the queue. It only reads IndexedDB; it pushes only when due. */
export const syncTimerIntervalMs = 5_000;

export interface SyncTriggerOptions {
  db: SamutDb;
  /** Seams for tests; the app passes only `db`. */
  intervalMs?: number;
  clock?: Clock;
  request?: (reason: SyncReason) => Promise<void>;
  /** Where 'online' is heard (the window). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  isOnline?: () => boolean;
}

/**
 * Starts the page's sync triggers and returns `stop()`.
 * @example useEffect(() => startSyncTriggers({ db }), [db]);
 */
export function startSyncTriggers(opts: SyncTriggerOptions): () => void {
  const { db } = opts;
  const clock = opts.clock ?? systemClock;
  const request = opts.request ?? ((reason: SyncReason) => requestSync(reason, { db }));
  const events = opts.events ?? (typeof window === 'undefined' ? undefined : window);
  const isOnline = opts.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  let stopped = false;
  let ticking = false;

  const fire = (reason: SyncReason): void => {
    if (stopped) return;
    // A failed request is not lost: the entries stay pending and the timer asks again.
    request(reason).catch((error: unknown) => console.warn(`samut sync request (${reason}) failed`, error));
  };
  const onOnline = (): void => fire('online');
  const tick = async (): Promise<void> => {
    if (ticking || stopped) return;
    ticking = true; // a slow IndexedDB read must not pile up ticks
    try {
      // navigator.onLine === false is certain (no network at all); 'online' will fire when it returns.
      if (!isOnline()) return;
      const [pending, status] = await Promise.all([countPending(db), getSyncStatus(db)]);
      if (pending > 0 && clock.nowMs() >= status.nextAttemptAtMs) fire('timer');
    } catch (error) {
      console.warn('samut sync timer could not read the queue', error);
    } finally {
      ticking = false;
    }
  };

  fire('start');
  events?.addEventListener('online', onOnline);
  const timer = setInterval(() => void tick(), opts.intervalMs ?? syncTimerIntervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
    events?.removeEventListener('online', onOnline);
  };
}

/**
 * Asks for a drain now. With a controlling service worker: tells it (`SYNC_NOW`) and registers the
 * Background Sync tag where the browser has it, so the drain also happens if the tab closes first.
 * Without one (first visit, plain-http office LAN where service workers are not allowed): drains in
 * this page, with `db` if given, else the default database.
 * @example await recordReceipt(db, input); void requestSync('entry');
 */
export async function requestSync(reason: SyncReason, opts: { db?: SamutDb } = {}): Promise<void> {
  const container = typeof navigator === 'undefined' ? undefined : navigator.serviceWorker;
  const controller = container?.controller;
  if (container === undefined || controller === null || controller === undefined) {
    await runDrain(opts.db ? { reason, db: opts.db } : { reason });
    return;
  }
  const message: SwMessage = { type: 'SYNC_NOW', reason };
  controller.postMessage(message);
  await registerBackgroundSync(container);
}

type WithBackgroundSync = ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } };

async function registerBackgroundSync(container: ServiceWorkerContainer): Promise<void> {
  const registration = (await container.ready) as WithBackgroundSync;
  if (registration.sync === undefined) return; // Firefox, Safari: the page triggers cover them
  try {
    await registration.sync.register(backgroundSyncTag);
  } catch (error) {
    // Refused (permission, private mode): SYNC_NOW was sent already; the timer is the fallback.
    console.warn('samut: background sync registration refused', error);
  }
}
