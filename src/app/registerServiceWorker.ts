/**
 * Registers the service worker (dist/sw.js: precache of the app shell, background sync) in production
 * builds. The page asks before a new version takes over (registerType 'prompt'): `onUpdateWaiting`
 * receives the function that activates it, and the page reloads once the new worker controls it.
 */
import { Workbox } from 'workbox-window';

export function registerServiceWorker(onUpdateWaiting: (activate: () => void) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    onUpdateWaiting(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting(); // sw/sw.ts answers { type: 'SKIP_WAITING' }
    });
  });
  const register = () => {
    wb.register().catch((error: unknown) => console.error('service worker registration failed', error));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
