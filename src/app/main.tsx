/**
 * The page's entry point and its only wiring: opens the database once, connects the sync engine,
 * watches the browser's install and update offers, registers the service worker and renders.
 */
import './zodWithoutEval';
import '@fontsource/sarabun/thai-400.css';
import '@fontsource/sarabun/latin-400.css';
import '@fontsource/sarabun/thai-700.css';
import '@fontsource/sarabun/latin-700.css';
import './styles.css';
import { render } from 'preact';
import { openSamutDb, whenWritesSettled } from '../store';
import { requestSync, startSyncTriggers } from '../sync/pageTriggers';
import { App, type SyncControls } from './App';
import { watchUnsavedInput } from './backup/unsavedInput';
import { watchInstallPrompt } from './installPrompt';
import { registerServiceWorker } from './registerServiceWorker';
import { watchable } from './watchable';

/** Longest wait for the bundled Sarabun before showing the app anyway (it comes from the precache: fast). */
const fontWaitMsMax = 1500;

const db = openSamutDb();
const installOffer = watchInstallPrompt(window);
const updateReady = watchable<(() => Promise<void>) | undefined>(undefined);
// A new version reloads the page only between writes (never half-way through saving an entry).
registerServiceWorker((activate) => updateReady.set(activate), (then) => whenWritesSettled(db, then));
const unsaved = watchUnsavedInput(document);

const sync: SyncControls = {
  start: () => startSyncTriggers({ db }),
  request: (reason) => {
    requestSync(reason, { db }).catch((error: unknown) => console.error('sync request failed', error));
  },
};

// Ask the browser to keep this PC's books through storage pressure (DESIGN.md §5). Chromium grants it
// silently to installed or often-used apps; refusal is harmless here: ตั้งค่า shows the state and
// asks again, and the backup banners cover what persistence cannot ("clear browsing data").
navigator.storage?.persist?.().catch(() => undefined);

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app element');

// The app shows its controls once Sarabun is ready (bounded wait), so Thai text never jumps from a
// fallback font under the officer's cursor. The stylesheet that declares the font may still be loading
// when this module runs: wait for it (window 'load') first.
async function sarabunLoaded(): Promise<void> {
  if (document.readyState !== 'complete') {
    await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  }
  await Promise.all([document.fonts.load('400 16px Sarabun', 'ก'), document.fonts.load('700 16px Sarabun', 'ก')]);
}
const fontsReady = Promise.race([sarabunLoaded(), new Promise((resolve) => setTimeout(resolve, fontWaitMsMax))]).catch(
  () => undefined,
);

render(<App db={db} sync={sync} installOffer={installOffer} updateReady={updateReady} unsaved={unsaved} fontsReady={fontsReady} />, root);
