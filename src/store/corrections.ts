/**
 * Entries the server refused (rejected) or holds other content for (conflict), and the new entries
 * that correct them (รายการที่ต้องแก้ไข). Rules kept here:
 * - the refused entry is never edited: its content, hash and sync fields stay as the server left them;
 * - a correction is an ordinary NEW entry (new id, pending), recorded by recordEntry, and the link
 *   "this new entry corrects that refused one" is a `meta` row written in the SAME transaction (the
 *   outer transaction below, which recordEntry's joins): both are stored or neither is;
 * - a refused entry may be corrected again when its correction was refused too; the links are kept in
 *   order (append-only), the last one is the one that stands.
 * No schema change: the links are `meta` rows under `correction/<refused id>`, found by key prefix.
 */
import { z } from 'zod';
import { uuidPattern } from '../domain/entryId';
import { booksCacheTables } from './booksCaches';
import { cryptoRandomBytes, systemClock, type Clock, type RandomBytes } from './clock';
import type { SamutDb } from './db';
import { datedInState } from './entriesByDate';
import type { RecordEntryInput } from './entryInput';
import { recordEntry } from './recordEntry';
import { countsInBooks, type StoredEntry } from './storedEntry';
import { StoreError } from './storeError';

/** Refused entries one read returns (newest first); an office with more has a bigger problem to call about. */
export const refusedEntriesMax = 500;
/** Corrections one refused entry may have: each is a refused attempt but the last. */
export const correctionsPerEntryMax = 50;

const correctionKeyPrefix = 'correction/';

const correctionLinkSchema = z
  .object({ correctionIds: z.array(z.string().regex(uuidPattern)).min(1).max(correctionsPerEntryMax) })
  .strict();

/** A refused entry, with what this PC knows around it. */
export interface RefusedEntry {
  entry: StoredEntry;
  /** The new entries recorded to correct it, oldest first (ids whose row is gone are left out). */
  corrections: StoredEntry[];
  /** For a cancel: the entry it cancels, as this PC holds it. */
  cancelTarget?: StoredEntry;
  /** For a cancel: the id of the cancel that now reverses the same target on this PC, if any. */
  targetCancelledBy?: string;
}

/**
 * The rejected and conflicting entries, newest business date first (then newest seq), each with its
 * corrections and, for a cancel, its target. Read in one transaction, so a drain applying results
 * meanwhile is seen whole or not at all.
 */
export async function listRefusedEntries(db: SamutDb, limit = refusedEntriesMax): Promise<RefusedEntry[]> {
  const bounded = Math.max(0, Math.min(Math.floor(limit), refusedEntriesMax));
  return db.transaction('r', [db.entries, db.meta, db.cancellations], async () => {
    const refused = [...(await stateRange(db, 'rejected')), ...(await stateRange(db, 'conflict'))]
      .sort((a, b) => (a.date === b.date ? b.seq - a.seq : a.date < b.date ? 1 : -1))
      .slice(0, bounded);
    const links = await readLinks(db, refused.map((e) => e.id));
    const targetIds = refused.flatMap((e) => (e.kind === 'cancel' ? [e.doc.targetId] : []));
    const related = new Set([...links.values()].flat().concat(targetIds));
    const rows = new Map((await db.entries.bulkGet([...related])).flatMap((r) => (r ? [[r.id, r] as const] : [])));
    const cancellations = await db.cancellations.bulkGet(targetIds);
    const cancelledBy = new Map(cancellations.flatMap((c) => (c ? [[c.targetId, c.cancelId] as const] : [])));
    return refused.map((entry) => {
      const item: RefusedEntry = { entry, corrections: (links.get(entry.id) ?? []).flatMap((id) => rows.get(id) ?? []) };
      if (entry.kind === 'cancel') {
        const target = rows.get(entry.doc.targetId);
        if (target) item.cancelTarget = target;
        const by = cancelledBy.get(entry.doc.targetId);
        if (by !== undefined) item.targetCancelledBy = by;
      }
      return item;
    });
  });
}

/**
 * Records `input` as a NEW entry correcting the refused entry `refusedId`, and the link, in ONE
 * transaction. Throws StoreError `refused` when `refusedId` is not a rejected or conflicting entry
 * of this PC, or already has a correction that counts (pending or posted); any refusal of the new
 * entry itself (recordEntry's) leaves nothing written, the link included.
 * @example const fixed = await recordCorrection(db, rejected.id, { date, recordedBy, kind: 'receipt', doc });
 */
export async function recordCorrection(
  db: SamutDb,
  refusedId: string,
  input: RecordEntryInput,
  clock: Clock = systemClock,
  random: RandomBytes = cryptoRandomBytes,
): Promise<StoredEntry> {
  return db.transaction('rw', [db.entries, db.meta, ...booksCacheTables(db)], async () => {
    const refused = await db.entries.get(refusedId);
    if (refused === undefined || countsInBooks(refused.state)) {
      throw new StoreError('refused', 'รายการที่จะแก้ไขไม่ได้ถูกเซิร์ฟเวอร์ปฏิเสธ จึงไม่ต้องบันทึกรายการแก้ไข (ถ้าต้องการแก้ ให้ยกเลิกรายการแล้วบันทึกใหม่)');
    }
    const before = (await readLinks(db, [refusedId])).get(refusedId) ?? [];
    const standing = (await db.entries.bulkGet(before)).find((r) => r !== undefined && countsInBooks(r.state));
    if (standing !== undefined) {
      throw new StoreError('refused', `รายการนี้แก้ไขแล้วด้วยรายการที่บันทึกไว้ (ลำดับที่ ${standing.seq}) ไม่ต้องบันทึกซ้ำ`);
    }
    if (before.length >= correctionsPerEntryMax) {
      throw new StoreError('refused', `รายการนี้ถูกแก้ไขมาแล้ว ${before.length} ครั้ง กรุณาติดต่อผู้ดูแลระบบ`);
    }
    const corrected = await recordEntry(db, input, clock, random);
    await db.meta.put({ key: correctionKeyPrefix + refusedId, value: { correctionIds: [...before, corrected.id] } });
    return corrected;
  });
}

function stateRange(db: SamutDb, state: 'rejected' | 'conflict'): Promise<StoredEntry[]> {
  return datedInState(db, state, '', '\uffff').toArray();
}

/** The links of the given refused entries. A link row that no longer reads is a damaged hint: left out. */
async function readLinks(db: SamutDb, refusedIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await db.meta.bulkGet(refusedIds.map((id) => correctionKeyPrefix + id));
  const links = new Map<string, string[]>();
  rows.forEach((row, i) => {
    const parsed = correctionLinkSchema.safeParse(row?.value);
    if (parsed.success) links.set(refusedIds[i]!, parsed.data.correctionIds);
  });
  return links;
}
