import { describe, expect, it } from 'vitest';
import { entryOf } from '../../src/store/storedEntry';
import type { RecordEntryInput } from '../../src/store/entryInput';
import { recordEntries } from '../../src/store/recordEntry';
import { recordReceipts } from '../../src/store/recordReceipt';
import { drainQueue } from '../../src/sync/drain';
import { pushBytesMax } from '../../src/sync/protocol';
import { createFakeServer } from './fakeServer';
import { fitToPushBytes } from '../../src/sync/fitToPushBytes';
import { enrolledDb, manualClock, receiptOn, seededRandom, testEnrolment } from '../store/fixtures';

async function entries(count: number) {
  const db = await enrolledDb('fit');
  const stored = await recordReceipts(db, Array.from({ length: count }, (_, i) => receiptOn('2024-01-16', i + 1)), manualClock(), seededRandom());
  return stored.map(entryOf);
}

describe('fitToPushBytes', () => {
  it('keeps a whole batch that fits, in order', async () => {
    const batch = await entries(20);
    expect(fitToPushBytes(testEnrolment.deviceId, batch).map((e) => e.id)).toEqual(batch.map((e) => e.id));
  });

  it('cuts a batch that would exceed the byte limit to a prefix that fits', async () => {
    const batch = await entries(20);
    const oneBytes = new TextEncoder().encode(JSON.stringify(batch[0])).length;
    const fitted = fitToPushBytes(testEnrolment.deviceId, batch, oneBytes * 6);
    expect(fitted.length).toBeGreaterThanOrEqual(1);
    expect(fitted.length).toBeLessThan(6);
    expect(fitted.map((e) => e.id)).toEqual(batch.slice(0, fitted.length).map((e) => e.id));
  });

  it('always sends at least one entry (the server answers 413 if even that is too big)', async () => {
    const batch = await entries(3);
    expect(fitToPushBytes(testEnrolment.deviceId, batch, 10)).toHaveLength(1);
  });
});

/** The largest journal voucher the domain allows: 100 lines, every note and text at its longest, in Thai. */
function largestJournal(i: number): RecordEntryInput {
  const note = 'ก'.repeat(100);
  const amount = 100_000_000_000 + i; // ×99 stays under the one-document limit
  return {
    date: '2024-01-16',
    recordedBy: 'ส'.repeat(100),
    kind: 'journal',
    doc: {
      voucherNo: `บช.${i}`.padEnd(30, '๐'),
      purpose: 'general',
      description: 'ข'.repeat(300),
      lines: [
        ...Array.from({ length: 99 }, () => ({ account: '011', debitSatang: amount, creditSatang: 0, note })),
        { account: '413001', debitSatang: 0, creditSatang: amount * 99, note },
      ],
    },
  };
}

describe('pushes of the largest entries', () => {
  it('keep one entry far below the byte limit, so no single entry can block the queue', async () => {
    const db = await enrolledDb('fit-largest');
    const [entry] = await recordEntries(db, [largestJournal(1)], manualClock(), seededRandom());
    const oneBytes = new TextEncoder().encode(JSON.stringify(entryOf(entry!))).length;
    expect(oneBytes).toBeGreaterThan(40_000);
    expect(oneBytes * 50).toBeLessThan(pushBytesMax);
  });

  it('are cut to fit 4 MB, and the drain still posts every entry, in order, over more pushes', async () => {
    const db = await enrolledDb('fit-drain');
    await recordEntries(db, Array.from({ length: 200 }, (_, i) => largestJournal(i)), manualClock(), seededRandom());
    const server = createFakeServer();
    const report = await drainQueue({ db, push: server.push, clock: manualClock(), random: seededRandom(), batchSize: 200 });
    expect(report).toMatchObject({ outcome: 'drained', posted: 200, pending: 0 });
    expect(report.pushes).toBeGreaterThan(1);
    for (const request of server.requests) expect(new TextEncoder().encode(JSON.stringify(request)).length).toBeLessThanOrEqual(pushBytesMax);
    const bySeq = (await db.entries.toCollection().sortBy('seq')).map((e) => e.id);
    expect(server.insertOrder).toEqual(bySeq);
  });
});
