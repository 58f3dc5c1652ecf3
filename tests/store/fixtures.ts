/**
 * Shared test fixtures: a fresh database per test on fake-indexeddb, an enrolment, a clock that moves
 * only when told (it starts on 8 Jul 2567, 09:00 in Bangkok: "today" for the books), seeded
 * randomness, and a valid receipt. Inputs of every kind are in entryInputs.ts.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openSamutDb, type SamutDb } from '../../src/store/db';
import { saveEnrolment, type Enrolment } from '../../src/store/enrolment';
import type { Clock, RandomBytes } from '../../src/store/clock';
import type { ReceiptInput } from '../../src/store/recordReceipt';
import type { RecordEntryInput } from '../../src/store/entryInput';
import { recordEntry } from '../../src/store/recordEntry';
import type { StoredEntry } from '../../src/store/storedEntry';

let dbCounter = 0;

/** A database no other test touches. */
export function freshDb(label = 'test'): SamutDb {
  dbCounter += 1;
  // fake-indexeddb is passed in (not installed as a global) so import order cannot hand Dexie no IndexedDB.
  return openSamutDb(`samut-${label}-${process.pid}-${dbCounter}`, { indexedDB, IDBKeyRange });
}

export const testEnrolment: Enrolment = {
  serverUrl: 'http://127.0.0.1:9',
  orgId: '0190d6a4-0000-7000-8000-000000000001',
  orgName: 'เทศบาลตำบลทดสอบ',
  deviceId: '0190d6a4-0000-7000-8000-0000000000d1',
  token: 'test-token-0123456789abcdef0123456789abcdef',
  enrolledAt: '2024-07-08T02:00:00.000Z',
};

/** A fresh database with this PC enrolled. */
export async function enrolledDb(label = 'test', enrolment: Enrolment = testEnrolment): Promise<SamutDb> {
  const db = freshDb(label);
  await saveEnrolment(db, enrolment);
  return db;
}

/** A clock that reads `nowMs` and moves only by `advance`. */
export function manualClock(startMs = Date.UTC(2024, 6, 8, 2, 0, 0)): Clock & { advance(ms: number): void; set(ms: number): void } {
  let now = startMs;
  return {
    nowMs: () => now,
    advance(ms: number) {
      now += ms;
    },
    set(ms: number) {
      now = ms;
    },
  };
}

/** Deterministic bytes (xorshift32), so ids and jitter replay exactly. */
export function seededRandom(seed = 0x9e3779b9): RandomBytes {
  let s = seed >>> 0 || 1;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      out[i] = s & 0xff;
    }
    return out;
  };
}

/** A valid cash receipt on `date` (book 12 unless told), for one revenue item. */
export function receiptOn(date: string, receiptNo = 1, amountSatang = 50_000, bookNo = '12'): ReceiptInput {
  return {
    date,
    recordedBy: 'สมศรี ใจดี',
    doc: {
      bookNo,
      receiptNo,
      payer: 'นายสมชาย มีเงิน',
      items: [{ account: '411002', amountSatang }],
      method: 'cash',
      receivedInto: '010',
    },
  };
}

/**
 * An enrolled PC whose `record` writes through the real recordEntry, a second apart on a manual clock
 * with seeded ids, so tests read as a sequence of documents.
 */
export async function recordingBooks(label: string): Promise<{ db: SamutDb; record: (input: RecordEntryInput) => Promise<StoredEntry> }> {
  const db = await enrolledDb(label);
  const clock = manualClock();
  const random = seededRandom();
  return {
    db,
    record: (input: RecordEntryInput) => {
      clock.advance(1000);
      return recordEntry(db, input, clock, random);
    },
  };
}
