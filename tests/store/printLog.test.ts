import { describe, expect, it } from 'vitest';
import { printRecordOf, recordPrint } from '../../src/store/printLog';
import { freshDb, manualClock } from './fixtures';

const id = '0190d6a4-0000-7000-8000-0000000000e1';

describe('the print log', () => {
  it('says a document never printed has count 0', async () => {
    expect(await printRecordOf(freshDb('print'), id)).toEqual({ count: 0 });
  });

  it('numbers prints: the first is the original (1), later ones copies', async () => {
    const db = freshDb('print');
    const clock = manualClock();
    expect(await recordPrint(db, id, clock)).toBe(1);
    expect(await recordPrint(db, id, clock)).toBe(2);
    expect(await printRecordOf(db, id)).toEqual({ count: 2, lastPrintedAt: '2024-07-08T02:00:00.000Z' });
    expect((await printRecordOf(db, 'other')).count).toBe(0);
  });

  it('never hands out the same number twice to prints made at once', async () => {
    const db = freshDb('print');
    const numbers = await Promise.all([recordPrint(db, id), recordPrint(db, id), recordPrint(db, id)]);
    expect(numbers.sort()).toEqual([1, 2, 3]);
  });

  it('reads a damaged row as never printed rather than failing', async () => {
    const db = freshDb('print');
    await db.meta.put({ key: `print:${id}`, value: 'garbage' });
    expect(await printRecordOf(db, id)).toEqual({ count: 0 });
    expect(await recordPrint(db, id)).toBe(1);
  });
});
