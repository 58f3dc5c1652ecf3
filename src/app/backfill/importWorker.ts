/**
 * The import's module Web Worker: reads the chosen file, checks every row, looks up what this PC
 * already holds and records the new entries, so the page stays responsive through a 20,000-row file.
 * It opens the same IndexedDB database as the page (the store's writes are transactions, and Dexie
 * tells the page's live queries about them). Messages are checked on arrival (importMessages.ts).
 */
import '../zodWithoutEval';
import { openSamutDb } from '../../store';
import { toImportWorkerSchema, type FromImportWorker } from './importMessages';
import { createImportSession } from './importSession';

declare const self: DedicatedWorkerGlobalScope;

const session = createImportSession({ db: openSamutDb(), post: (message: FromImportWorker) => self.postMessage(message) });

// One message at a time, in order: a commit must see the reading that came before it.
let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = toImportWorkerSchema.safeParse(event.data);
  if (!parsed.success) {
    // Not one of ours (a page of another version): there is no readId to answer it by.
    console.warn('import worker: message ignored', parsed.error.issues[0]?.message);
    return;
  }
  queue = queue.then(() => session.handle(parsed.data)).catch((error: unknown) => console.error('import worker', error));
};
