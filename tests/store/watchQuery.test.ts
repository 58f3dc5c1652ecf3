// Dexie's liveQuery only works with IndexedDB installed as globals (not the ones passed to Dexie).
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { countPending } from '../../src/store/queries';
import { recordReceipt } from '../../src/store/recordReceipt';
import { watchQuery } from '../../src/store/watchQuery';
import { enrolledDb, manualClock, receiptOn, seededRandom } from './fixtures';

describe('watchQuery', () => {
  it('gives the current result, then a new one after each write that touches it, until stopped', async () => {
    const db = await enrolledDb('watch');
    const seen: number[] = [];
    const stop = watchQuery(() => countPending(db), { next: (n) => seen.push(n), error: (e) => { throw e; } });
    await vi.waitFor(() => expect(seen).toEqual([0]));
    await recordReceipt(db, receiptOn('2024-01-16'), manualClock(), seededRandom());
    await vi.waitFor(() => expect(seen).toEqual([0, 1]));
    stop();
    await recordReceipt(db, receiptOn('2024-01-17', 2), manualClock(), seededRandom(3));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([0, 1]);
  });
});
