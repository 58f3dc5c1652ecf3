import { describe, expect, it } from 'vitest';
import { entryOf } from '../../src/store/storedEntry';
import { recordReceipts } from '../../src/store/recordReceipt';
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
