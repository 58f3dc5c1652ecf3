/**
 * Recording a receipt: the one write an officer makes. The entry, its sync state (`pending`) and the
 * device seq bump are written in ONE IndexedDB transaction, so a crash, a closed tab or a full disk
 * leaves either all of it or none of it: never an entry without a seq, never a gap or a reused seq.
 */
import { buildEntry, checkEntry, entrySchemaVersion } from '../domain/entry';
import { entryIdOf } from '../domain/entryId';
import { isBalanced } from '../domain/journal';
import { receiptDocSchema, type ReceiptDoc } from '../domain/receipt';
import { isIsoDate, type IsoDate } from '../domain/thaiDate';
import { cryptoRandomBytes, systemClock, type Clock, type RandomBytes } from './clock';
import type { SamutDb } from './db';
import { lastDeviceSeq, putLastDeviceSeq } from './deviceSeq';
import { enrolmentMetaKey, parseEnrolment, type Enrolment } from './enrolment';
import type { StoredEntry } from './storedEntry';
import { StoreError } from './storeError';

/** What the receipt form gives the store. */
export interface ReceiptInput {
  date: IsoDate;
  doc: ReceiptDoc;
  recordedBy: string;
}

/**
 * Receipts per {@link recordReceipts} call: one transaction must stay a bounded amount of work (an
 * import of a paper ledger goes through in chunks of this size).
 */
export const recordBatchMax = 1000;

/**
 * Records one receipt as a `pending` entry and returns it as stored.
 * Throws StoreError: `not-enrolled` (the PC must enrol first: the entry needs its org and device id)
 * or `invalid-entry` (with the Thai reason).
 * @example const entry = await recordReceipt(db, { date: '2024-01-16', doc, recordedBy: 'สมศรี' });
 */
export async function recordReceipt(
  db: SamutDb,
  input: ReceiptInput,
  clock: Clock = systemClock,
  random: RandomBytes = cryptoRandomBytes,
): Promise<StoredEntry> {
  const [stored] = await recordReceipts(db, [input], clock, random);
  if (stored === undefined) throw new Error('recordReceipts returned no entry for one input');
  return stored;
}

/**
 * Records up to {@link recordBatchMax} receipts in one transaction, with consecutive seqs in input
 * order. Same entries, one by one or in bulk: recordReceipt is this with one input.
 */
export async function recordReceipts(
  db: SamutDb,
  inputs: readonly ReceiptInput[],
  clock: Clock = systemClock,
  random: RandomBytes = cryptoRandomBytes,
): Promise<StoredEntry[]> {
  if (inputs.length < 1 || inputs.length > recordBatchMax) {
    throw new RangeError(`recordReceipts takes 1..${recordBatchMax} inputs, got ${inputs.length}`);
  }
  return db.transaction('rw', db.entries, db.meta, async () => {
    const enrolment = await enrolmentOrThrow(db);
    const seqBefore = await lastDeviceSeq(db, enrolment.deviceId);
    const recordedAtMs = clock.nowMs();
    const stored = inputs.map((input, i) =>
      sealReceipt(input, enrolment, seqBefore + 1 + i, recordedAtMs, random),
    );
    // add, not put: an id that already exists must fail the whole write, never overwrite an entry.
    await db.entries.bulkAdd(stored);
    await putLastDeviceSeq(db, enrolment.deviceId, seqBefore + stored.length);
    return stored;
  });
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

function sealReceipt(
  input: ReceiptInput,
  enrolment: Enrolment,
  seq: number,
  recordedAtMs: number,
  random: RandomBytes,
): StoredEntry {
  if (!isIsoDate(input.date)) {
    throw new StoreError('invalid-entry', `วันที่ ${input.date} ไม่ถูกต้อง`);
  }
  // The server checks the parsed (trimmed) document; hashing the raw one would make a receipt typed
  // with a trailing space fail its hash check there. So the stored document is the parsed one.
  const doc = receiptDocSchema.safeParse(input.doc);
  if (!doc.success) {
    throw new StoreError('invalid-entry', doc.error.issues[0]?.message ?? 'ข้อมูลใบเสร็จไม่ถูกต้อง');
  }
  const entry = buildEntry({
    schema: entrySchemaVersion,
    id: entryIdOf(recordedAtMs, random(10)),
    orgId: enrolment.orgId,
    deviceId: enrolment.deviceId,
    seq,
    kind: 'receipt',
    date: input.date,
    doc: doc.data,
    recordedAt: new Date(recordedAtMs).toISOString(),
    recordedBy: input.recordedBy.trim(),
  });
  // Assert before writing what the server asserts after receiving: balanced, derived, hash intact.
  if (!isBalanced(entry.lines)) throw new Error(`entry ${entry.id} does not balance`);
  const check = checkEntry(entry);
  if (check.outcome === 'invalid') throw new StoreError('invalid-entry', check.messageTh);
  return { ...entry, state: 'pending' };
}
