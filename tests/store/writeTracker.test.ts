/**
 * An update's reload waits for the writes in flight: every read-write transaction is tracked, and
 * whenWritesSettled runs its work only once they have ended, with the database closed to new ones.
 * (The Web Locks half, across tabs and workers, runs in real Chromium: tests/e2e/appUpdate.test.ts.)
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openSamutDb } from '../../src/store/db';
import { recordEntry } from '../../src/store/recordEntry';
import { whenWritesSettled } from '../../src/store/writeTracker';
import { receiptInput } from './entryInputs';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

describe('the write tracker', () => {
  it('counts a write from its start to its commit, and not reads', async () => {
    const db = await enrolledDb('writes-count');
    await db.entries.count();
    expect(db.writes.writesInFlight).toBe(0);
    const saving = recordEntry(db, receiptInput('2024-01-16', '12', 1), manualClock(), seededRandom());
    await expect.poll(() => db.writes.writesInFlight).toBe(1);
    await saving;
    expect(db.writes.writesInFlight).toBe(0);
  });

  it('lets the reload run only after the writes in flight are committed, and refuses writes after it', async () => {
    const db = await enrolledDb('writes-settle');
    const outcomes: string[] = [];
    const saves = [1, 2, 3].map((n) =>
      recordEntry(db, receiptInput('2024-01-16', '12', n), manualClock(), seededRandom(n)).then(
        () => outcomes.push('saved'),
        () => outcomes.push('refused'),
      ),
    );
    await expect.poll(() => db.writes.writesInFlight).toBeGreaterThan(0);
    // What another connection sees committed at the moment the reload would run.
    const observer = openSamutDb(db.name, { indexedDB, IDBKeyRange });
    let committedAtReload = -1;
    let inFlightAtReload = -1;
    await whenWritesSettled(db, async () => {
      inFlightAtReload = db.writes.writesInFlight;
      committedAtReload = await observer.entries.count();
    }, undefined);
    expect(inFlightAtReload).toBe(0);
    await Promise.all(saves);
    // Every save that succeeded had committed before the reload; none committed after it.
    expect(committedAtReload).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === 'saved')).toHaveLength(committedAtReload);
    expect(await observer.entries.count()).toBe(committedAtReload);
    expect(db.isOpen()).toBe(false);
    await expect(recordEntry(db, receiptInput('2024-01-16', '12', 4), manualClock(), seededRandom(4))).rejects.toThrow();
    observer.close();
  });

  it('counts a failed write as ended', async () => {
    const db = await enrolledDb('writes-fail');
    await expect(recordEntry(db, receiptInput('2024-02-31', '12', 1), manualClock(), seededRandom())).rejects.toThrow();
    await expect(db.transaction('rw', db.meta, async () => {
      await db.meta.put({ key: 'x', value: 1 });
      throw new Error('abort');
    })).rejects.toThrow('abort');
    await expect.poll(() => db.writes.writesInFlight).toBe(0);
  });
});
