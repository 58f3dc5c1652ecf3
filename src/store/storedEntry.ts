/**
 * An entry as this PC keeps it: the immutable entry (src/domain) plus its sync state. Only the sync
 * fields ever change after recording; the content and its hash never do (entries are append-only).
 */
import type { Entry } from '../domain/entry';

/**
 * Where an entry stands with the server (DESIGN.md §4):
 * `pending` waits to be sent, `posted` is acknowledged (duplicate counts as posted), `rejected` was
 * refused with a reason for the officer, `conflict` means the server holds the same id with another hash.
 */
export type SyncState = 'pending' | 'posted' | 'rejected' | 'conflict';

/** The fields sync adds to an entry on this PC. */
export interface SyncFields {
  state: SyncState;
  /** The server's sequence number for this entry, once posted. */
  serverSeq?: number;
  /** The server's rejection code (for programs), once rejected. */
  syncCode?: string;
  /** The server's Thai message for the officer, once rejected or in conflict. */
  syncMessage?: string;
  /**
   * The document path the server's rejection names ('receiptNo', 'date', 'grossSatang'…), when it
   * names one: the corrected entry's form starts at that field. Absent on rows stored before the
   * server sent it, and on rejections that concern the whole entry.
   */
  syncField?: string;
  /** ISO instant the server's answer was stored. */
  syncedAt?: string;
}

/** An entry with its sync state, as stored in the `entries` table (a union over kinds, like Entry). */
export type StoredEntry = Entry & SyncFields;

/**
 * Whether an entry counts in this PC's books (its receipt number, budget effects and cancellation):
 * pending and posted entries do; rejected and conflicting ones do not, until corrected by a new entry.
 */
export function countsInBooks(state: SyncState): boolean {
  return state === 'pending' || state === 'posted';
}

/**
 * The entry exactly as recorded, without the sync fields: what is pushed and hashed. The server's
 * entry schema is strict, so sending a stored row as is would be refused; fields are picked by name
 * rather than by deleting known extras, so a sync field added later can never leak onto the wire.
 */
export function entryOf(stored: StoredEntry): Entry {
  return {
    schema: stored.schema,
    id: stored.id,
    orgId: stored.orgId,
    deviceId: stored.deviceId,
    seq: stored.seq,
    kind: stored.kind,
    date: stored.date,
    doc: stored.doc,
    lines: stored.lines,
    recordedAt: stored.recordedAt,
    recordedBy: stored.recordedBy,
    hash: stored.hash,
  } as Entry;
}
