/**
 * Registers the service worker (dist/sw.js: precache of the app shell, background sync) in production
 * builds. The page asks before a new version takes over (registerType 'prompt'): `onUpdateWaiting`
 * receives the function that activates it; that function runs inside `settle` (main.tsx: after every
 * IndexedDB write in flight, with the database closed to new ones) and the page reloads once the new
 * worker controls it. Its promise never resolves: the page goes away.
 */
import { Workbox } from 'workbox-window';

/** Runs `then` once no write is in flight (src/store/writeTracker.ts whenWritesSettled). */
export type SettleWrites = (then: () => Promise<void>) => Promise<void>;

export function registerServiceWorker(onUpdateWaiting: (activate: () => Promise<void>) => void, settle: SettleWrites): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    onUpdateWaiting(() =>
      settle(
        () =>
          new Promise<void>(() => {
            wb.addEventListener('controlling', () => window.location.reload());
            wb.messageSkipWaiting(); // sw/sw.ts answers { type: 'SKIP_WAITING' }
          }),
      ),
    );
  });
  const register = () => {
    wb.register().catch((error: unknown) => console.error('service worker registration failed', error));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
