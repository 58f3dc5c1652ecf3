/**
 * The store's public surface: the database, the writes an officer makes, the reads for screens, the
 * books setup, and the queue operations sync uses. Nothing outside src/store imports Dexie.
 *
 * API (time and randomness default to the system's; tests pass their own):
 *   openSamutDb(name = 'samut', options?: DexieOptions): SamutDb
 *   recordEntry(db, input: RecordEntryInput, clock?, random?): Promise<StoredEntry>
 *     RecordEntryInput = { date: IsoDate; recordedBy: string } & EntryDoc   ({ kind, doc } of any kind)
 *     throws StoreError { code: 'not-enrolled' | 'invalid-entry' | 'refused', messageTh, field?, rejectionCode? }
 *   recordEntries(db, inputs: readonly RecordEntryInput[] (1..recordBatchMax = 1000), clock?, random?): Promise<StoredEntry[]>
 *     all or nothing; the StoreError also has `index` (0-based) and its message starts "รายการที่ n: "
 *   recordImport(db, inputs: readonly RecordEntryInput[] (1..importEntriesMax = 50,000), clock?, random?): Promise<StoredEntry[]>
 *     an import file as ONE transaction, all or nothing, exactly as recordEntries (StoreError with `index`)
 *   recordedNaturalKeys(db, candidates: readonly NaturalKeySource[]): Promise<Map<string, string>>
 *     naturalKey → id of the counting entry holding it (receipts by the receiptNumbers cache, others by date span)
 *   coverageInRange(db, from, to, chart): Promise<CoverageDay[]>   every day (≤ coverageDaysMax = 800):
 *     { date, pending, posted, rejected, conflict, receivedSatang, paidSatang }
 *   getCoverageWindow(db): Promise<{ from, to } | undefined>;  setCoverageWindow(db, { from, to })  (throws 'invalid-setup')
 *   recordReceipt(db, { date, doc: ReceiptDoc, recordedBy }, clock?, random?): Promise<StoredEntry>
 *   recordReceipts(db, ReceiptInput[], clock?, random?): Promise<StoredEntry[]>
 *   getBooksSetup(db): Promise<BooksSetup>            { chart, rules, receiptBooks: ReceiptBookRange[] }
 *   saveChartAndRules(db, { chart: Chart; rules: MoneyRules }): Promise<void>          (throws 'invalid-setup')
 *   saveReceiptBooks(db, books: readonly ReceiptBookRange[]): Promise<ReceiptBookRange[]>  (throws 'invalid-setup', field 'i.firstNo')
 *   countPending(db): Promise<number>
 *   listEntries(db, limit = 200, { newestFirst?: boolean } = {}): Promise<StoredEntry[]>   (by date, then seq)
 *   listCashBook(db, date: IsoDate): Promise<StoredEntry[]>                               (one day, by seq)
 *   getEntry(db, id): Promise<StoredEntry | undefined>
 *   isCancelled(db, id): Promise<boolean>;  cancelledBy(db, id): Promise<string | undefined>
 *   listBudgetLines(db, fiscalYear: number): Promise<BudgetLineView[]>    { def, balance, remainingSatang }, by code
 *   listCommitments(db, fiscalYear: number, lineCode?: string): Promise<CommitmentView[]>
 *     open ones only: { id, fiscalYear, line, date, payee, reference, originalSatang, outstandingSatang }, by date
 *   receiptBookStatus(db, bookNo: string): Promise<ReceiptBookStatus>
 *     { bookNo, usedNos, cancelledNos, gaps (≤ 1000), gapCount, nextNo: number | undefined, ranges }
 *   accountTotalsAsOf(db, date) / accountTotalsBefore(db, date) / accountTotalsInRange(db, from, to): Promise<AccountTotals>
 *     per account { debitSatang, creditSatang } of the counting lines, from the accountDayTotals cache
 *   entriesInRange(db, from, to): Promise<StoredEntry[]>       counting entries, by (date, seq, id)
 *   cancellationsFor(db, entries): Promise<Cancellations>      { cancelledIds, targets } for the domain's reports
 *   cashBookSourcesInRange(db, from, to): Promise<CashBookSources>  { sources, cancelledIds } for the domain's cashBook
 *   pendingCountInRange(db, from, to): Promise<number>          entries of the period still waiting to be posted
 *   rebuildBooksCaches(db): Promise<RebuildReport>                          { counted, notCounting, unreadable }
 *   watchQuery(query: () => Promise<T>, { next, error }): () => void        (live re-run on change)
 *   printRecordOf(db, entryId): Promise<PrintRecord>  { count, lastPrintedAt? };  recordPrint(db, entryId, clock?): Promise<number>  (1 = original)
 *   getPreviousDevice(db) / savePreviousDevice(db, identity): the device this PC is or was (enrolment minus token), for enrolling again
 *   listRefusedEntries(db, limit = 500): Promise<RefusedEntry[]>   rejected and conflicting entries, newest first,
 *     { entry, corrections (new entries recorded to correct it, oldest first), cancelTarget?, targetCancelledBy? }
 *   recordCorrection(db, refusedId, input: RecordEntryInput, clock?, random?): Promise<StoredEntry>
 *     a NEW entry and its link to the refused one in ONE transaction (throws StoreError as recordEntry, and
 *     'refused' when refusedId is not refused or already has a correction that counts)
 *   setEnrolmentAside(db, refusedToken): Promise<SetAsideOutcome>  after a 401: enrolment → previousDevice, in one transaction
 *   getEnrolment(db) / saveEnrolment(db, e); readPendingBatch / applyPushResults (sync only)
 *   exportBackup(db, { appVersion, clock? }): Promise<BackupExport>   { blob, fileName, header, checksum } (throws BackupError 'no-identity')
 *   parseBackupText(text): BackupContent;  restoreBackup(db, content): Promise<RestoreReport>   (throw BackupError with messageTh)
 *     { added, skipped, advanced, conflictCount, conflicts, settingsRestored, identity, enrolled }; ONE transaction, caches rebuilt
 *   noteBackupMade(db, header); getBackupStatus(db, nowMs): Promise<BackupStatus>  { lastBackup?, pending, onlyOnThisPc, reminderDue }
 *   whenWritesSettled(db, then): waits for every write in flight (Web Lock 'samut-write'), closes db, runs `then` (the app update's reload)
 * Entries that count in the books (receipt numbers, budget register, cancellations) are those pending
 * or posted; a `rejected` or `conflict` answer from the server makes an entry stop counting here.
 */
export { SamutDb, openSamutDb, type MetaRow } from './db';
export { type SyncState, type StoredEntry, type SyncFields, entryOf, countsInBooks } from './storedEntry';
export { type Enrolment, getEnrolment, saveEnrolment } from './enrolment';
export { type DeviceIdentity, type SetAsideOutcome, getPreviousDevice, savePreviousDevice, setEnrolmentAside, previousDeviceMetaKey } from './previousDevice';
export { type RecordEntryInput } from './entryInput';
export { recordEntry, recordEntries, recordBatchMax } from './recordEntry';
export { recordImport, importEntriesMax } from './recordImport';
export { recordedNaturalKeys } from './importKeys';
export { coverageInRange, getCoverageWindow, setCoverageWindow, coverageDaysMax, type CoverageDay, type CoverageWindow } from './coverage';
export { type ReceiptInput, recordReceipt, recordReceipts } from './recordReceipt';
export { type BooksSetup, type ReceiptBookRange, getBooksSetup, saveChartAndRules, saveReceiptBooks, receiptBooksMax } from './setup';
export { countPending, listEntries, listCashBook, getEntry, isCancelled, cancelledBy, type ListEntriesOptions } from './queries';
export { listBudgetLines, listCommitments, type BudgetLineView, type CommitmentView } from './budgetQueries';
export { receiptBookStatus, type ReceiptBookStatus } from './receiptBookStatus';
export { rebuildBooksCaches, type RebuildReport } from './booksCaches';
export { accountTotalsAsOf, accountTotalsBefore, accountTotalsInRange, entriesInRange, cancellationsFor, cashBookSourcesInRange, pendingCountInRange, type CashBookSources } from './reportQueries';
export { readPendingBatch, applyPushResults, type AppliedResults } from './syncQueue';
export { readMetaValue, writeMetaValue } from './metaValue';
export { listRefusedEntries, recordCorrection, refusedEntriesMax, type RefusedEntry } from './corrections';
export { printRecordOf, recordPrint, type PrintRecord } from './printLog';
export { watchQuery, type QueryWatcher } from './watchQuery';
export { BackupError, backupFileBytesMax, parseBackupText, type BackupContent, type BackupErrorCode, type BackupHeader } from './backupFile';
export { exportBackup, type BackupExport } from './backupExport';
export { restoreBackup, type RestoreReport } from './backupRestore';
export { getBackupStatus, getLastBackup, noteBackupMade, backupReminderAfterMs, type BackupStatus, type LastBackup } from './backupStatus';
export { whenWritesSettled, writeLockName } from './writeTracker';
export { StoreError, type StoreErrorCode, type StoreErrorDetails } from './storeError';
export { type Clock, type RandomBytes, systemClock, cryptoRandomBytes } from './clock';
