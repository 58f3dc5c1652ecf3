/**
 * Chromium's install offer. `beforeinstallprompt` can fire before any component mounts, so main.tsx
 * starts watching at once and InstallButton shows the offer when there is one.
 */
import { watchable, type Watchable } from './watchable';

/** Chromium's event (not in TypeScript's DOM library). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform: string }>;
}

/** The pending install offer, or undefined when the browser has none (or the app is installed). */
export function watchInstallPrompt(target: Window): Watchable<BeforeInstallPromptEvent | undefined> {
  const offer = watchable<BeforeInstallPromptEvent | undefined>(undefined);
  target.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault(); // our button instead of the browser's mini-infobar
    offer.set(event as BeforeInstallPromptEvent);
  });
  target.addEventListener('appinstalled', () => offer.set(undefined));
  return offer;
}
