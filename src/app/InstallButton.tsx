/**
 * ติดตั้งแอป: shown only while Chromium offers installation (beforeinstallprompt). An installed app opens
 * from the desktop like a program, and its storage is less likely to be cleared with browsing data.
 */
import type { BeforeInstallPromptEvent } from './installPrompt';
import { useWatchable, type Watchable } from './watchable';

export interface InstallButtonProps {
  offer: Watchable<BeforeInstallPromptEvent | undefined>;
}

export function InstallButton({ offer }: InstallButtonProps) {
  const event = useWatchable(offer);
  if (event === undefined) return null;
  async function install() {
    if (event === undefined) return;
    // An offer can be shown once; whatever the officer chooses, Chromium makes a new one if needed.
    offer.set(undefined);
    await event.prompt();
    await event.userChoice;
  }
  return (
    <button type="button" class="button-quiet button-on-dark no-print" data-testid="install-button" onClick={install}>
      ติดตั้งแอป
    </button>
  );
}
