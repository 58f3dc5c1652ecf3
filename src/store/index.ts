/**
 * The store's public surface: the database, the one write an officer makes, the reads for screens,
 * and the queue operations sync uses. Nothing outside src/store imports Dexie.
 */
export { SamutDb, openSamutDb, type MetaRow } from './db';
export { type SyncState, type StoredEntry, entryOf } from './storedEntry';
export { type Enrolment, getEnrolment, saveEnrolment } from './enrolment';
export { type ReceiptInput, recordReceipt, recordReceipts, recordBatchMax } from './recordReceipt';
export { countPending, listEntries, listCashBook } from './queries';
export { readPendingBatch, applyPushResults, type AppliedResults } from './syncQueue';
export { readMetaValue, writeMetaValue } from './metaValue';
export { watchQuery, type QueryWatcher } from './watchQuery';
export { StoreError, type StoreErrorCode } from './storeError';
export { type Clock, type RandomBytes, systemClock, cryptoRandomBytes } from './clock';
