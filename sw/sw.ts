/**
 * The service worker (compiled by vite-plugin-pwa, strategy injectManifest, into dist/sw.js).
 *
 * - The app shell is precached, so the app opens with the server stopped or the network down; every
 *   navigation is answered with the precached index.html (the app routes itself), except `/api/`,
 *   which always goes to the network: an API answer must never come from a cache.
 * - It drains the sync queue when a page asks (`SYNC_NOW`) and on the Background Sync `sync` event
 *   (Chromium: also with every tab closed). The drain is src/sync/runDrain.ts, the same code a page
 *   runs without a worker; the Web Lock keeps it to one runner.
 * - A new version waits until the page says `SKIP_WAITING` (never mid-way through typing a receipt).
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { DrainFinished } from '../src/sync/channel';
import { runDrain } from '../src/sync/runDrain';
import { backgroundSyncTag, swMessageSchema } from '../src/sync/swMessages';

declare let self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<PrecacheEntry | string> };

/** The Background Sync event (Chromium); not in TypeScript's WebWorker library. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

self.addEventListener('activate', (event) => {
  // Take over pages opened before this worker existed, so their SYNC_NOW reaches it.
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  const message = swMessageSchema.safeParse(event.data);
  if (!message.success) return; // not ours (or from another version): ignore, never guess
  switch (message.data.type) {
    case 'SKIP_WAITING':
      event.waitUntil(self.skipWaiting());
      return;
    case 'SYNC_NOW':
      event.waitUntil(runDrain({ reason: message.data.reason ?? 'entry' }));
      return;
  }
});

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== backgroundSyncTag) return;
  sync.waitUntil(runDrain({ reason: 'background-sync' }).then(settleForBrowser));
});

/**
 * A rejected `sync` promise makes the browser retry the event later with its own backoff, which is
 * what wakes the drain again when every tab is closed. So reject while entries wait for a retry,
 * resolve when retrying could not help (drained, busy elsewhere, not enrolled, auth, refused).
 */
function settleForBrowser(finished: DrainFinished): void {
  if (finished.outcome === 'backing-off' || finished.outcome === 'incomplete' || finished.outcome === 'failed') {
    throw new Error(`samut drain ended ${finished.outcome} with ${finished.pending} pending; retry later`);
  }
}
