// Dexie's liveQuery only works with IndexedDB installed as globals (not the ones passed to Dexie).
import 'fake-indexeddb/auto';
import Dexie, { liveQuery, type Table } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunkedAdd, dexieWholeTableFrom } from '../../src/store/chunkedAdd';

interface Row {
  id: string;
  day: string;
}

class RowsDb extends Dexie {
  rows!: Table<Row, string>;
  other!: Table<Row, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ rows: 'id, day', other: 'id' });
  }
}

let opened: RowsDb[] = [];
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

function rowsDb(): RowsDb {
  const db = new RowsDb(`chunked-${opened.length}-${process.pid}`);
  opened.push(db);
  return db;
}

/** `n` rows from `from`, all on `day`; ids sort in row order. */
const rowsOf = (from: number, n: number, day: string): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${String(from + i).padStart(6, '0')}`, day }));

describe('chunkedAdd', () => {
  it('adds every chunk in the one transaction, and a live query reading only the last chunk\'s rows sees them once it commits', async () => {
    const db = rowsDb();
    const seenByDay: number[] = [];
    const seenByKey: number[] = [];
    const subscriptions = [
      liveQuery(() => db.rows.where('day').equals('last').count()).subscribe({ next: (n) => seenByDay.push(n) }),
      liveQuery(() => db.rows.where(':id').between('r001000', 'r001099', true, true).count()).subscribe({ next: (n) => seenByKey.push(n) }),
    ];
    try {
      await vi.waitFor(() => expect([seenByDay, seenByKey]).toEqual([[0], [0]]));
      await db.transaction('rw', db.rows, async () => {
        const add = chunkedAdd(db.rows);
        // The first chunk is the smallest that Dexie marks as a whole-table change: the two after it go straight.
        await Promise.all([add(rowsOf(0, dexieWholeTableFrom, 'first')), add(rowsOf(500, 500, 'middle')), add(rowsOf(1000, 100, 'last'))]);
      });
      expect(await db.rows.count()).toBe(dexieWholeTableFrom + 600);
      await vi.waitFor(() => expect([seenByDay.at(-1), seenByKey.at(-1)]).toEqual([100, 100]));
    } finally {
      for (const s of subscriptions) s.unsubscribe();
    }
  });

  it('sends chunks smaller than Dexie\'s whole-table mark through Dexie until one is that large', async () => {
    const db = rowsDb();
    const seen: number[] = [];
    const subscription = liveQuery(() => db.rows.where('day').equals('late').count()).subscribe({ next: (n) => seen.push(n) });
    try {
      await vi.waitFor(() => expect(seen).toEqual([0]));
      await db.transaction('rw', db.rows, async () => {
        const add = chunkedAdd(db.rows);
        await add(rowsOf(0, 3, 'early'));
        await add(rowsOf(10, 5, 'late'));
      });
      await vi.waitFor(() => expect(seen.at(-1)).toBe(5));
    } finally {
      subscription.unsubscribe();
    }
  });

  it('writes nothing when a row of a chunk added straight fails: the whole transaction is undone', async () => {
    const db = rowsDb();
    const done = db.transaction('rw', db.rows, db.other, async () => {
      await db.other.add({ id: 'o1', day: 'x' });
      const add = chunkedAdd(db.rows);
      const first = add(rowsOf(0, 100, 'first'));
      // Row 50 again, in the middle of a chunk added straight.
      const second = add([...rowsOf(100, 10, 'second'), rowsOf(50, 1, 'again')[0]!, ...rowsOf(110, 10, 'second')]);
      await Promise.all([first, second]);
    });
    await expect(done).rejects.toMatchObject({ name: expect.stringMatching(/ConstraintError|AbortError/) });
    expect(await db.rows.count()).toBe(0);
    expect(await db.other.count()).toBe(0);
  });

  it('refuses to run outside a read-write transaction over its table', async () => {
    const db = rowsDb();
    expect(() => chunkedAdd(db.rows)).toThrow(/read-write transaction/);
    await db.transaction('r', db.rows, () => {
      expect(() => chunkedAdd(db.rows)).toThrow(/read-write transaction/);
    });
    await db.transaction('rw', db.other, () => {
      expect(() => chunkedAdd(db.rows)).toThrow(/read-write transaction/);
    });
  });
});
