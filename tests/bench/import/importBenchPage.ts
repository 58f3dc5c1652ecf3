/**
 * The import bench page (built by Vite, driven by importInChromium.ts): the app's own decoding, row
 * reading, natural-key matching and one-transaction recording, on Chromium's IndexedDB, timed in the page.
 *   window.samutImportBench.prepare()          → an empty, enrolled database
 *   window.samutImportBench.importFile(name)   → the file fetched (not timed), then decode → read →
 *                                                 match keys → record, each phase timed, JS heap sampled
 *   window.samutImportBench.refusedAtLast(name) → the file into an empty database with its last entry's
 *                                                 receipt number already used: refused, and what is left
 *   window.samutImportBench.floor(n)           → n bare records in one transaction: IndexedDB's own cost
 *   window.samutImportBench.entriesFloor()     → the entries the database holds, added again as they are
 *                                                 to a store with the entries table's key and indexes
 *   window.samutImportBench.gridSaves(n)       → n receipts saved one at a time, as the keyboard grid does
 */
import { decodeImportFile } from '../../../src/app/backfill/decodeImportFile';
import { readImportTable } from '../../../src/domain/import/readImportTable';
import { openSamutDb, type SamutDb } from '../../../src/store/db';
import { deviceSeqMetaKey } from '../../../src/store/deviceSeq';
import { enrolmentMetaKey, saveEnrolment } from '../../../src/store/enrolment';
import type { RecordEntryInput } from '../../../src/store/entryInput';
import { recordedNaturalKeys } from '../../../src/store/importKeys';
import { recordEntry } from '../../../src/store/recordEntry';
import type { RecordPhaseTimes } from '../../../src/store/recordEntry';
import { recordImport } from '../../../src/store/recordImport';

const dbName = 'samut-bench-import';
const recordedBy = 'ผู้ทดสอบความเร็ว';

export interface ImportRun {
  rows: number;
  entries: number;
  recorded: number;
  alreadyRecorded: number;
  errors: number;
  ms: { decode: number; read: number; matchKeys: number; record: number; total: number };
  /** The record phase split (recordInOneTransaction's own laps). */
  recordPhases: RecordPhaseTimes;
  /** Largest JS heap seen (sampled every 10 ms while the page can run timers, and at every phase end). */
  peakHeapMb: number;
  heapBeforeMb: number;
}

let db: SamutDb | undefined;

async function prepare(): Promise<void> {
  db?.close();
  await openSamutDb(dbName).delete();
  db = openSamutDb(dbName);
  await saveEnrolment(db, {
    serverUrl: 'http://127.0.0.1:9',
    orgId: '0190d6a4-0000-7000-8000-000000000001',
    orgName: 'เทศบาลตำบลทดสอบความเร็ว',
    deviceId: '0190d6a4-0000-7000-8000-0000000000d1',
    token: 'bench-token-0123456789abcdef0123456789abcdef',
    enrolledAt: '2024-07-08T02:00:00.000Z',
  });
}

const heapMb = () => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20;

async function importFile(name: string): Promise<ImportRun> {
  if (!db) throw new Error('prepare first');
  const d = db;
  const bytes = await (await fetch(`/${name}`)).arrayBuffer();
  const heapBeforeMb = heapMb();
  let peak = heapBeforeMb;
  const sample = () => (peak = Math.max(peak, heapMb()));
  const sampler = setInterval(sample, 10);
  try {
    const t0 = performance.now();
    const table = await decodeImportFile(name, bytes);
    sample();
    const t1 = performance.now();
    const reading = readImportTable('receipt', table);
    sample();
    const t2 = performance.now();
    const held = await recordedNaturalKeys(d, reading.entries);
    const fresh = reading.entries.filter((e) => !held.has(e.naturalKey));
    sample();
    const t3 = performance.now();
    const inputs = fresh.map(({ rows: _rows, naturalKey: _key, ...entry }) => ({ ...entry, recordedBy }) as RecordEntryInput);
    const recordPhases: RecordPhaseTimes = {};
    const recorded = inputs.length === 0 ? [] : await recordImport(d, inputs, undefined, undefined, recordPhases);
    sample();
    const t4 = performance.now();
    return {
      rows: reading.rowsRead,
      entries: reading.entries.length,
      recorded: recorded.length,
      alreadyRecorded: reading.entries.length - fresh.length,
      errors: reading.errors.length,
      ms: { decode: t1 - t0, read: t2 - t1, matchKeys: t3 - t2, record: t4 - t3, total: t4 - t0 },
      recordPhases,
      peakHeapMb: peak,
      heapBeforeMb,
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Records the file's entries into an empty database, its last receipt given the first one's number:
 * recordImport hands the first 19,999 entries to IndexedDB in chunks before the books refuse the
 * last, so this shows in Chromium that the refusal aborts the one transaction and undoes them all.
 */
async function refusedAtLast(name: string): Promise<{ ms: number; refusedIndex: number | undefined; entriesLeft: number; seqLeft: unknown }> {
  await prepare();
  const d = db!;
  const table = await decodeImportFile(name, await (await fetch(`/${name}`)).arrayBuffer());
  const inputs = readImportTable('receipt', table).entries.map(({ rows: _rows, naturalKey: _key, ...entry }) => ({ ...entry, recordedBy }) as RecordEntryInput);
  const first = inputs[0]!;
  const last = inputs[inputs.length - 1]!;
  if (first.kind !== 'receipt' || last.kind !== 'receipt') throw new Error('the bench file holds receipts');
  inputs[inputs.length - 1] = { ...last, doc: { ...last.doc, bookNo: first.doc.bookNo, receiptNo: first.doc.receiptNo } };
  const started = performance.now();
  const refusal = await recordImport(d, inputs).then(
    () => undefined,
    (e: unknown) => e as { index?: number },
  );
  const ms = performance.now() - started;
  const enrolment = await d.meta.get(enrolmentMetaKey);
  const deviceId = (enrolment?.value as { deviceId: string }).deviceId;
  return { ms, refusedIndex: refusal?.index, entriesLeft: await d.entries.count(), seqLeft: (await d.meta.get(deviceSeqMetaKey(deviceId)))?.value };
}

/** n small records in one readwrite transaction of a scratch store: what any n writes cost here. */
async function floor(n: number): Promise<number> {
  return addedInOneTransaction(
    'samut-bench-floor',
    (store) => void store,
    Array.from({ length: n }, (_, i) => ({ id: i, date: '2024-01-16' })),
  );
}

/**
 * The entries the database holds, added again exactly as stored, with plain IndexedDB in one
 * transaction, to a scratch store keyed and indexed as `entries` (schema v5): what storing these
 * entries costs at the least, before any building, checking or cache.
 */
async function entriesFloor(): Promise<{ entries: number; ms: number }> {
  if (!db) throw new Error('prepare first');
  const rows = await db.entries.toArray();
  const ms = await addedInOneTransaction(
    'samut-bench-entries-floor',
    (store) => {
      store.createIndex('[state+date+seq]', ['state', 'date', 'seq']);
    },
    rows,
  );
  return { entries: rows.length, ms };
}

async function addedInOneTransaction(name: string, indexes: (store: IDBObjectStore) => void, rows: readonly object[]): Promise<number> {
  await new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = () => resolve(undefined);
  });
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => indexes(r.result.createObjectStore('rows', { keyPath: 'id' }));
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction('rows', 'readwrite');
    const store = tx.objectStore('rows');
    for (const row of rows) store.add(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - started;
  idb.close();
  await new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = () => resolve(undefined);
  });
  return ms;
}

/** Saves n receipts one by one (recordEntry, one transaction each), as the grid does on Enter; ms per save. */
async function gridSaves(n: number): Promise<number[]> {
  if (!db) throw new Error('prepare first');
  const times: number[] = [];
  for (let i = 1; i <= n; i++) {
    const started = performance.now();
    await recordEntry(db, {
      date: '2024-07-05',
      recordedBy,
      kind: 'receipt',
      doc: { bookNo: 'G/2567', receiptNo: i, payer: `ผู้ชำระ ${i}`, items: [{ account: '411002', amountSatang: 10_000 + i }], method: 'cash', receivedInto: '010' },
    });
    times.push(performance.now() - started);
  }
  return times;
}

declare global {
  interface Window {
    samutImportBench: {
      prepare: typeof prepare;
      importFile: typeof importFile;
      refusedAtLast: typeof refusedAtLast;
      floor: typeof floor;
      entriesFloor: typeof entriesFloor;
      gridSaves: typeof gridSaves;
    };
  }
}

window.samutImportBench = { prepare, importFile, refusedAtLast, floor, entriesFloor, gridSaves };
