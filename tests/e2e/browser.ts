/** Real headless Chromium (Debian's), driven by playwright-core; no browser download. */
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * A browser with a real (non-incognito) profile in `userDataDir`, as on an office PC: IndexedDB and
 * the service worker persist across pages, and Chromium will offer to install the app.
 */
export async function launchChromiumProfile(userDataDir: string, extraArgs: readonly string[] = []): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [...chromiumArgs, ...extraArgs],
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
}
