/**
 * Recording entries: the one write an officer makes, for every kind. In ONE IndexedDB transaction:
 * read the enrolment, the books setup and the device seq; build each entry once (document parsed by
 * the domain's schemas, lines and hash derived by the domain); load the slice of the books its rules
 * read; check it against the books exactly as the server will; then write the entries (state
 * `pending`), their cache rows (books caches and the per-account per-day totals, the cash books' day
 * records) and the seq bump, all requests issued together and awaited once.
 * A refusal throws before anything is written, so the database is as it was: no entry, no seq used,
 * no cache row. A crash, a closed tab or a full disk mid-write likewise leaves all of it or none of it.
 */
import { booksKeysOf, mergeBooksKeys } from '../domain/books/booksKeys';
import { checkAgainstBooks } from '../domain/books/checkAgainstBooks';
import { InMemoryBooks } from '../domain/books/inMemoryBooks';
import { buildEntry, entrySchemaVersion, type Entry, type EntryContent } from '../domain/entry';
import { entryHash } from '../domain/entryHash';
import { entryIdOf } from '../domain/entryId';
import { bangkokDateOf } from '../domain/thaiDate';
import { cashBookSourceOf } from '../domain/reports/cashBooks';
import { applyAccountDayTotals } from './accountDayTotals';
import { booksCacheRowsOf } from './booksCacheRows';
import { booksCacheTables, booksTablesOf, writeBooksCaches } from './booksCaches';
import { addCashBookSources } from './cashBookDays';
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

/** One input, built: the entry and (for a cancel) its target, or why it cannot be recorded. */
type Built =
  | { outcome: 'built'; entry: Entry; target?: Entry }
  /** A cancel whose target does not count here: the domain's check says why (date first, then target). */
  | { outcome: 'target-missing'; entry: Entry; targetState?: StoredEntry['state'] }
  | { outcome: 'invalid'; error: StoreError };

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
 * Milliseconds per phase of one recording, in the order they first ran: `read` (enrolment, setup,
 * seq), `cancelTargets`, `parse` (each input's schema) and `build` (id, lines, hash) summed over the
 * entries, `loadBooks`, `check` (the books rules), `cacheRows`, `addEntries` (handing the entries to
 * IndexedDB, which serialises them), `written` (waiting for IndexedDB to store entries and cache
 * rows), `commit`.
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
 * Builds, checks and writes `inputs` in ONE transaction (see the file header). Every step is one pass
 * over the inputs or one bulk request per table, never an await per entry, so a 20,000-entry import
 * costs about 20 × a 1,000-entry batch.
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

    // 1. Build every entry. A cancel derives its lines from its target: one counting on this PC, or
    //    one built earlier in this batch.
    const cancelTargetIds = inputs.flatMap((x) => (x.kind === 'cancel' && typeof x.doc?.targetId === 'string' ? [x.doc.targetId] : []));
    const storedTargets = new Map((await db.entries.bulkGet(cancelTargetIds)).flatMap((row) => (row ? [[row.id, row] as const] : [])));
    lap('cancelTargets');
    const builtById = new Map<string, Entry>();
    const idBytes = randomBytesInBulk(random, idRandomBytes * inputs.length);
    const built: Built[] = inputs.map((raw, i) => {
      const idRandom = idBytes.subarray(i * idRandomBytes, (i + 1) * idRandomBytes);
      const b = buildOne(raw, enrolment, seqBefore + 1 + i, recordedAtMs, idRandom, lap, (id) => {
        const inBatch = builtById.get(id);
        if (inBatch) return { target: inBatch };
        const row = storedTargets.get(id);
        return row === undefined ? {} : countsInBooks(row.state) ? { target: entryOf(row) } : { state: row.state };
      });
      if (b.outcome !== 'invalid') builtById.set(b.entry.id, b.entry);
      return b;
    });

    // 2. One slice of the books for the whole batch, advanced entry by entry.
    const keys = mergeBooksKeys(built.flatMap((b) => (b.outcome === 'invalid' ? [] : [booksKeysOf(b.entry, reversibleTarget(b))])));
    const books = new InMemoryBooks(await loadBooksSlice(db, keys, setup, todayIso));
    lap('loadBooks');
    const accepted: { entry: Entry; target?: Entry }[] = [];
    built.forEach((b, i) => {
      if (b.outcome === 'invalid') return fail(i, b.error);
      const check = checkAgainstBooks(b.entry, books);
      if (b.outcome === 'target-missing') {
        // The domain refuses a cancel whose target is not in the books. A target this PC holds but
        // that no longer counts (the server rejected it) gets a message that says so.
        if (check.outcome === 'accepted') throw new Error('checkAgainstBooks accepted a cancel whose target is not in the books');
        if (check.code === 'cancel_unknown' && b.targetState !== undefined) {
          return fail(i, new StoreError('refused', targetNotCountingTh, { rejectionCode: 'cancel_unknown', field: 'targetId' }));
        }
      }
      if (check.outcome === 'refused') {
        return fail(i, new StoreError('refused', check.messageTh, { rejectionCode: check.code, ...(check.field !== undefined ? { field: check.field } : {}) }));
      }
      if (b.outcome === 'target-missing') throw new Error('unreachable: a cancel without its target was not refused');
      const outOfRange = receiptRangeRefusal(b.entry, setup.receiptBooks);
      if (outOfRange) return fail(i, outOfRange);
      books.apply(b.entry);
      accepted.push(b.target ? { entry: b.entry, target: b.target } : { entry: b.entry });
    });
    lap('check');

    // 3. Write: entries (add, never put: an existing id fails the whole write), caches, seq. The rows
    //    are computed first, then every request goes out at once and is awaited once, so IndexedDB
    //    writes an import's entries while the cache writers merge their rows instead of after them.
    //    Each cache writer reads and writes only its own tables (none reads `entries`), so their
    //    order against the entries' adds does not matter; any failure rejects the whole and the
    //    transaction aborts with nothing written.
    const stored: StoredEntry[] = accepted.map(({ entry }) => ({ ...entry, state: 'pending' }) as StoredEntry);
    const cacheRows = accepted.map(({ entry, target }) => booksCacheRowsOf(entry, target));
    // Every accepted entry counts, a cancel too (its target counts: one that does not is refused above).
    const counting = accepted.map(({ entry }) => entry);
    const cashBookSources = accepted.flatMap(({ entry, target }) => cashBookSourceOf(entry, target) ?? []);
    lap('cacheRows');
    const entriesAdded = db.entries.bulkAdd(stored);
    lap('addEntries');
    await Promise.all([
      entriesAdded,
      writeBooksCaches(booksTablesOf(db), cacheRows),
      applyAccountDayTotals(db, counting, 1),
      addCashBookSources(db.cashBookDays, cashBookSources),
      putLastDeviceSeq(db, enrolment.deviceId, seqBefore + stored.length),
    ]);
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
function reversibleTarget(b: Exclude<Built, { outcome: 'invalid' }>): Entry | undefined {
  return b.outcome === 'built' && b.target !== undefined && b.target.kind !== 'cancel' ? b.target : undefined;
}

function buildOne(
  raw: RecordEntryInput,
  enrolment: Enrolment,
  seq: number,
  recordedAtMs: number,
  idRandom: Uint8Array,
  lap: (phase: string) => void,
  findTarget: (id: string) => { target?: Entry; state?: StoredEntry['state'] },
): Built {
  const parsed = parseRecordEntryInput(raw);
  lap('parse');
  if (!parsed.ok) return { outcome: 'invalid', error: parsed.error };
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

  let target: Entry | undefined;
  if (content.kind === 'cancel') {
    const found = findTarget(content.doc.targetId);
    if (found.target === undefined) {
      // Not buildable (a cancel's lines are its target's, reversed): a provisional entry without
      // lines lets the domain's check give its own refusal.
      const provisional = { ...content, lines: [] };
      const entry = { ...provisional, hash: entryHash(provisional) } as Entry;
      return found.state === undefined ? { outcome: 'target-missing', entry } : { outcome: 'target-missing', entry, targetState: found.state };
    }
    target = found.target;
  }
  // No checkEntry here: it would parse the entry again, derive its lines again and hash it again, to
  // find what buildEntry just made from a document parseRecordEntryInput checked with the same
  // schemas (the envelope's ids come from the parsed enrolment, its seq and instant from here). The
  // server still checks all of it on arrival; tests/store/recordedEntries.property.test.ts shows that
  // every entry this store records passes checkEntry.
  const entry = buildEntry(content, target);
  lap('build');
  return target ? { outcome: 'built', entry, target } : { outcome: 'built', entry };
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
