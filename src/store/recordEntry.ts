/**
 * Recording entries: the one write an officer makes, for every kind. In ONE IndexedDB transaction:
 * read the enrolment, the books setup and the device seq; derive each entry once (document parsed by
 * the domain's schemas, lines derived by the domain); load the slice of the books their rules read;
 * then entry by entry seal it (its hash), check it against the books exactly as the server will and
 * hand it to IndexedDB (state `pending`); then its cache rows (books caches, the per-account per-day
 * totals, the cash books' day records) and the seq bump. Every write request is issued without
 * waiting for the one before and all are awaited once, so IndexedDB stores while JavaScript works.
 * A refusal throws and the transaction aborts, so the database is as it was: no entry, no seq used,
 * no cache row. A crash, a closed tab or a full disk mid-write likewise leaves all of it or none of it.
 */
import { booksKeysOf, mergeBooksKeys } from '../domain/books/booksKeys';
import { checkAgainstBooks } from '../domain/books/checkAgainstBooks';
import { InMemoryBooks } from '../domain/books/inMemoryBooks';
import { deriveEntry, entrySchemaVersion, sealEntry, type Entry, type EntryContent, type UnsealedEntry } from '../domain/entry';
import { entryIdOf } from '../domain/entryId';
import { bangkokDateOf } from '../domain/thaiDate';
import { cashBookSourceOf } from '../domain/reports/cashBooks';
import { applyAccountDayTotals } from './accountDayTotals';
import { booksCacheRowsOf } from './booksCacheRows';
import { booksCacheTables, booksTablesOf, writeBooksCaches } from './booksCaches';
import { addCashBookSources } from './cashBookDays';
import { chunkedAdd } from './chunkedAdd';
import { loadBooksSlice } from './booksSlice';
import { cryptoRandomBytes, systemClock, type Clock, type RandomBytes } from './clock';
import type { SamutDb } from './db';
import { lastDeviceSeq, putLastDeviceSeq } from './deviceSeq';
import { enrolmentMetaKey, parseEnrolment, type Enrolment } from './enrolment';
import { parseRecordEntryInput, type RecordEntryInput } from './entryInput';
import { receiptRangeRefusal } from './receiptRange';
import { getBooksSetup } from './setup';
import { countsInBooks, entryOf, type StoredEntry } from './storedEntry';
import { StoreError } from './storeError';

/**
 * Entries per {@link recordEntries} call: one transaction must stay a bounded amount of work (an
 * import of a paper ledger goes through in chunks of this size).
 */
export const recordBatchMax = 1000;

/**
 * Records one entry of any kind as `pending` and returns it as stored.
 * Throws StoreError: `not-enrolled`; `invalid-entry` (a malformed document: Thai message, `field`);
 * `refused` (the books say no: Thai message, `field`, `rejectionCode` such as `overspend`,
 * `receipt_number_taken`, `date_in_future`, `cancel_already`, `receipt_out_of_range`).
 * @example const stored = await recordEntry(db, { date: '2024-01-16', recordedBy: 'สมศรี', kind: 'receipt', doc });
 */
export async function recordEntry(
  db: SamutDb,
  input: RecordEntryInput,
  clock: Clock = systemClock,
  random: RandomBytes = cryptoRandomBytes,
): Promise<StoredEntry> {
  const [stored] = await recordInOneTransaction(db, [input], clock, random, { batch: false, max: 1 });
  if (stored === undefined) throw new Error('recordEntry: one input gave no entry');
  return stored;
}

/**
 * Records 1..{@link recordBatchMax} entries in ONE transaction, with consecutive seqs in input order;
 * each is checked against the books as left by the ones before it. All or nothing: on the first
 * refusal nothing is written and the StoreError's `index` (0-based) and message ("รายการที่ 3: …")
 * say which input and why.
 */
export async function recordEntries(
  db: SamutDb,
  inputs: readonly RecordEntryInput[],
  clock: Clock = systemClock,
  random: RandomBytes = cryptoRandomBytes,
): Promise<StoredEntry[]> {
  return recordInOneTransaction(db, inputs, clock, random, { batch: true, max: recordBatchMax, callerName: 'recordEntries' });
}

const targetNotCountingTh = 'รายการที่ต้องการยกเลิกถูกเซิร์ฟเวอร์ปฏิเสธแล้ว จึงไม่นับในบัญชีและไม่ต้องยกเลิก (แก้ไขด้วยการบันทึกรายการใหม่)';

/**
 * One input, prepared (document parsed, id and seq given, lines not yet derived): its content and
 * (for a cancel) its target's, or why it cannot be recorded.
 */
type Prepared =
  | { outcome: 'ready'; content: EntryContent; target?: EntryContent }
  /** A cancel whose target does not count here: the domain's check says why (date first, then target). */
  | { outcome: 'target-missing'; entry: UnsealedEntry; targetState?: StoredEntry['state'] }
  | { outcome: 'invalid'; error: StoreError };

/**
 * Entries per bulkAdd of a large batch: IndexedDB starts storing the first chunk while the rest are
 * hashed and checked. Small enough to start early, large enough that the calls cost nothing.
 */
const entriesPerAdd = 500;

/**
 * Write requests issued without waiting for each other, awaited together at the end. A request still
 * in flight when the transaction aborts (a refusal thrown after some entries were handed over) fails
 * with it; that failure is expected, so it is not reported as unhandled.
 */
class WritesInFlight {
  private readonly pending: Promise<unknown>[] = [];

  add(write: Promise<unknown>): void {
    write.catch(() => {});
    this.pending.push(write);
  }

  /** Rejects with the first failure (the caller's transaction then aborts: nothing is written). */
  async all(): Promise<void> {
    await Promise.all(this.pending);
  }
}

/**
 * How a caller records: `batch` prefixes refusals with the input's number and sets `index`; `max` is
 * the caller's bound on one transaction (a form's batch, or a whole import file).
 */
export interface RecordLimits {
  batch: boolean;
  max: number;
  /** Named in the RangeError of a call outside 1..max. */
  callerName?: string;
  /** Filled with the milliseconds each phase took (the import bench prints them). */
  phases?: RecordPhaseTimes;
}

/**
 * Milliseconds per phase of one recording: `open`, `read` (enrolment, setup, seq), `cancelTargets`;
 * summed over the entries `parse` (each input's schema, id and envelope); `loadBooks`; summed over
 * the entries `derive` (lines), `seal` (hash), `check` (the books rules) and `addEntries` (handing
 * chunks to IndexedDB, which serialises them); then `cacheRows`, `written` (waiting for IndexedDB to
 * store what it was handed), `commit`.
 */
export type RecordPhaseTimes = Record<string, number>;

/** A lap timer writing into `phases` (or doing nothing without it). */
function lapsInto(phases: RecordPhaseTimes | undefined): (phase: string) => void {
  if (phases === undefined) return () => {};
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    phases[phase] = (phases[phase] ?? 0) + (now - last);
    last = now;
  };
}

/**
 * Derives, seals, checks and writes `inputs` in ONE transaction (see the file header). Every step is
 * one pass over the inputs or a few bulk requests per table, never an await per entry, so a
 * 20,000-entry import costs about 20 × a 1,000-entry batch.
 */
export async function recordInOneTransaction(
  db: SamutDb,
  inputs: readonly RecordEntryInput[],
  clock: Clock,
  random: RandomBytes,
  limits: RecordLimits,
): Promise<StoredEntry[]> {
  const { batch, max } = limits;
  if (inputs.length < 1 || inputs.length > max) {
    throw new RangeError(`${limits.callerName ?? 'recordEntry'} takes 1..${max} inputs, got ${inputs.length}`);
  }
  const lap = lapsInto(limits.phases);
  const stored = await db.transaction('rw', [db.entries, db.meta, ...booksCacheTables(db)], async () => {
    lap('open');
    const enrolment = await enrolmentOrThrow(db);
    const setup = await getBooksSetup(db);
    const seqBefore = await lastDeviceSeq(db, enrolment.deviceId);
    lap('read');
    const recordedAtMs = clock.nowMs();
    const todayIso = bangkokDateOf(recordedAtMs);
    const fail = (i: number, error: StoreError): never => {
      if (!batch) throw error;
      const details = { index: i, ...(error.field !== undefined ? { field: error.field } : {}), ...(error.rejectionCode !== undefined ? { rejectionCode: error.rejectionCode } : {}) };
      throw new StoreError(error.code, `รายการที่ ${i + 1}: ${error.messageTh}`, details);
    };

    // 1. Prepare every entry: document parsed, id, seq; a cancel's target found, one counting on this
    //    PC or one earlier in this batch. Lines and hash come in step 3, entry by entry, so IndexedDB
    //    starts storing after this pass and the books' read, not after every entry is derived too.
    const cancelTargetIds = inputs.flatMap((x) => (x.kind === 'cancel' && typeof x.doc?.targetId === 'string' ? [x.doc.targetId] : []));
    const storedTargets = new Map((await db.entries.bulkGet(cancelTargetIds)).flatMap((row) => (row ? [[row.id, row] as const] : [])));
    lap('cancelTargets');
    const preparedById = new Map<string, EntryContent>();
    const idBytes = randomBytesInBulk(random, idRandomBytes * inputs.length);
    const prepared: Prepared[] = inputs.map((raw, i) => {
      const idRandom = idBytes.subarray(i * idRandomBytes, (i + 1) * idRandomBytes);
      const p = prepareOne(raw, enrolment, seqBefore + 1 + i, recordedAtMs, idRandom, lap, (id) => {
        const inBatch = preparedById.get(id);
        if (inBatch) return { target: inBatch };
        const row = storedTargets.get(id);
        return row === undefined ? {} : countsInBooks(row.state) ? { target: entryOf(row) } : { state: row.state };
      });
      if (p.outcome === 'ready') preparedById.set(p.content.id, p.content);
      else if (p.outcome === 'target-missing') preparedById.set(p.entry.id, p.entry);
      return p;
    });

    // 2. One slice of the books for the whole batch (read before any write is queued behind which it
    //    would wait), advanced entry by entry in step 3.
    const keys = mergeBooksKeys(prepared.flatMap((p) => (p.outcome === 'invalid' ? [] : [booksKeysOf(p.outcome === 'ready' ? p.content : p.entry, reversibleTarget(p))])));
    const books = new InMemoryBooks(await loadBooksSlice(db, keys, setup, todayIso));
    lap('loadBooks');

    // 3. In input order: derive (lines), seal (hash), check against the books as left by the ones before, and hand to
    //    IndexedDB in chunks (chunkedAdd.ts; add, never put: an existing id fails the whole write).
    //    IndexedDB stores one chunk while the next is hashed and checked, instead of starting once all
    //    are; a refusal further on throws, the transaction aborts and every chunk handed over is undone.
    const sealedById = new Map<string, Entry>();
    const sealedTarget = (target: EntryContent): Entry => {
      const inBatch = sealedById.get(target.id);
      if (inBatch !== undefined) return inBatch;
      const row = storedTargets.get(target.id);
      if (row === undefined) throw new Error(`unreachable: the target ${target.id} of a cancel is neither stored nor in the batch`);
      return entryOf(row);
    };
    const writes = new WritesInFlight();
    const addEntries = chunkedAdd(db.entries);
    const accepted: { entry: Entry; target?: Entry }[] = [];
    const stored: StoredEntry[] = [];
    let chunkStart = 0;
    prepared.forEach((d, i) => {
      if (d.outcome === 'invalid') return fail(i, d.error);
      // Derived once and sealed once: no checkEntry, which would parse the entry again, derive its
      // lines again and hash it again, to find what the domain just made from a document
      // parseRecordEntryInput checked with the same schemas (the envelope's ids come from the parsed
      // enrolment, its seq and instant from here). The server still checks all of it on arrival;
      // tests/store/recordedEntries.property.test.ts shows every entry this store records passes
      // checkEntry. A cancel's lines are its target's reversed: stored, or sealed earlier in this loop.
      const target = d.outcome === 'ready' && d.target !== undefined ? sealedTarget(d.target) : undefined;
      const unsealed = d.outcome === 'ready' ? deriveEntry(d.content, target) : d.entry;
      lap('derive');
      // Sealed, then made the stored row itself (a fresh object, seen by nobody yet): no copy per entry.
      const entry = sealEntry(unsealed) as StoredEntry;
      entry.state = 'pending';
      sealedById.set(entry.id, entry);
      lap('seal');
      const check = checkAgainstBooks(entry, books);
      if (d.outcome === 'target-missing') {
        // The domain refuses a cancel whose target is not in the books. A target this PC holds but
        // that no longer counts (the server rejected it) gets a message that says so.
        if (check.outcome === 'accepted') throw new Error('checkAgainstBooks accepted a cancel whose target is not in the books');
        if (check.code === 'cancel_unknown' && d.targetState !== undefined) {
          return fail(i, new StoreError('refused', targetNotCountingTh, { rejectionCode: 'cancel_unknown', field: 'targetId' }));
        }
      }
      if (check.outcome === 'refused') {
        return fail(i, new StoreError('refused', check.messageTh, { rejectionCode: check.code, ...(check.field !== undefined ? { field: check.field } : {}) }));
      }
      if (d.outcome === 'target-missing') throw new Error('unreachable: a cancel without its target was not refused');
      const outOfRange = receiptRangeRefusal(entry, setup.receiptBooks);
      if (outOfRange) return fail(i, outOfRange);
      books.apply(entry);
      accepted.push(target ? { entry, target } : { entry });
      stored.push(entry);
      lap('check');
      if (stored.length - chunkStart === entriesPerAdd) {
        writes.add(addEntries(stored.slice(chunkStart)));
        chunkStart = stored.length;
        lap('addEntries');
      }
    });
    writes.add(addEntries(stored.slice(chunkStart)));
    lap('addEntries');

    // 4. The caches and the seq, in the same transaction. Each cache writer reads and writes only its
    //    own tables (none reads `entries`), so their order against the entries' adds does not matter;
    //    any failure rejects the whole and the transaction aborts with nothing written.
    const cacheRows = accepted.map(({ entry, target }) => booksCacheRowsOf(entry, target));
    // Every accepted entry counts, a cancel too (its target counts: one that does not is refused above).
    const counting = accepted.map(({ entry }) => entry);
    const cashBookSources = accepted.flatMap(({ entry, target }) => cashBookSourceOf(entry, target) ?? []);
    lap('cacheRows');
    writes.add(writeBooksCaches(booksTablesOf(db), cacheRows));
    writes.add(applyAccountDayTotals(db, counting, 1));
    writes.add(addCashBookSources(db.cashBookDays, cashBookSources));
    writes.add(putLastDeviceSeq(db, enrolment.deviceId, seqBefore + stored.length));
    await writes.all();
    lap('written');
    return stored;
  });
  lap('commit');
  return stored;
}

/** Random bytes in an entry id (UUID v7). */
const idRandomBytes = 10;

/** What one crypto.getRandomValues call may fill (its limit is 65,536 bytes), a whole number of ids. */
const randomBytesPerCall = 65_536 - (65_536 % idRandomBytes);

/**
 * `n` random bytes in a few large draws. One draw per entry id cost a 20,000-entry import ≈ 0.2 s in
 * Chromium (each getRandomValues is a call into the browser); the bytes are the same stream a draw
 * per id would take, in the same order.
 */
function randomBytesInBulk(random: RandomBytes, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let at = 0; at < n; at += randomBytesPerCall) out.set(random(Math.min(randomBytesPerCall, n - at)), at);
  return out;
}

/**
 * The target whose reversal the cancel's keys should cover. A cancel of a cancel is refused by the
 * rules (cancel_of_cancel), and its target has no effects of its own to read (booksKeysOf would throw
 * asking for them), so its keys are only the target's id.
 */
function reversibleTarget(p: Exclude<Prepared, { outcome: 'invalid' }>): EntryContent | undefined {
  return p.outcome === 'ready' && p.target !== undefined && p.target.kind !== 'cancel' ? p.target : undefined;
}

function prepareOne(
  raw: RecordEntryInput,
  enrolment: Enrolment,
  seq: number,
  recordedAtMs: number,
  idRandom: Uint8Array,
  lap: (phase: string) => void,
  findTarget: (id: string) => { target?: EntryContent; state?: StoredEntry['state'] },
): Prepared {
  const parsed = parseRecordEntryInput(raw);
  if (!parsed.ok) {
    lap('parse');
    return { outcome: 'invalid', error: parsed.error };
  }
  const input = parsed.input;
  const content = {
    schema: entrySchemaVersion,
    id: entryIdOf(recordedAtMs, idRandom),
    orgId: enrolment.orgId,
    deviceId: enrolment.deviceId,
    seq,
    date: input.date,
    recordedAt: new Date(recordedAtMs).toISOString(),
    recordedBy: input.recordedBy,
    kind: input.kind,
    doc: input.doc,
  } as EntryContent;

  let target: EntryContent | undefined;
  if (content.kind === 'cancel') {
    const found = findTarget(content.doc.targetId);
    if (found.target === undefined) {
      // Not derivable (a cancel's lines are its target's, reversed): a provisional entry without
      // lines lets the domain's check give its own refusal.
      const entry = { ...content, lines: [] };
      return found.state === undefined ? { outcome: 'target-missing', entry } : { outcome: 'target-missing', entry, targetState: found.state };
    }
    target = found.target;
  }
  lap('parse');
  return target ? { outcome: 'ready', content, target } : { outcome: 'ready', content };
}

async function enrolmentOrThrow(db: SamutDb): Promise<Enrolment> {
  const row = await db.meta.get(enrolmentMetaKey);
  if (row === undefined) {
    throw new StoreError(
      'not-enrolled',
      'เครื่องนี้ยังไม่ได้ลงทะเบียนกับหน่วยงาน จึงบันทึกรายการไม่ได้ กรุณาลงทะเบียนเครื่องด้วยรหัสที่ได้จากผู้ดูแลระบบก่อน',
    );
  }
  return parseEnrolment(row.value);
}
