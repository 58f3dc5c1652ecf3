import { describe, expect, it } from 'vitest';
import { checkEntry } from '../../src/domain/entry';
import { countPending } from '../../src/store/queries';
import { recordReceipt, recordReceipts } from '../../src/store/recordReceipt';
import { entryOf } from '../../src/store/storedEntry';
import { StoreError } from '../../src/store/storeError';
import { enrolledDb, freshDb, manualClock, receiptOn, seededRandom, testEnrolment } from './fixtures';
import { saveEnrolment } from '../../src/store/enrolment';
import { injectFault, putsKeyStartingWith } from './faults';

describe('recordReceipt', () => {
  it('stores a pending entry that passes the same check the server makes', async () => {
    const db = await enrolledDb();
    const clock = manualClock();
    const stored = await recordReceipt(db, receiptOn('2024-01-16'), clock, seededRandom());

    expect(stored.state).toBe('pending');
    expect(stored.orgId).toBe(testEnrolment.orgId);
    expect(stored.deviceId).toBe(testEnrolment.deviceId);
    expect(stored.recordedAt).toBe(new Date(clock.nowMs()).toISOString());
    expect(checkEntry(entryOf(stored)).outcome).toBe('valid');
    expect(await db.entries.get(stored.id)).toEqual(stored);
  });

  it('numbers the entries of a device 1..n without gaps, across single and bulk writes', async () => {
    const db = await enrolledDb();
    const clock = manualClock();
    const random = seededRandom();
    await recordReceipt(db, receiptOn('2024-02-01', 1), clock, random);
    await recordReceipts(db, [receiptOn('2024-01-20', 2), receiptOn('2024-03-05', 3)], clock, random);
    await recordReceipt(db, receiptOn('2024-01-16', 4), clock, random);

    const seqs = (await db.entries.toArray()).map((e) => e.seq).sort((a, b) => a - b);
    expect(seqs).toEqual([1, 2, 3, 4]);
  });

  it('writes neither the entry nor the seq bump when the transaction fails after the entry is written', async () => {
    const db = freshDb();
    // The seq bump is the last write of the transaction: failing it proves the entry goes with it.
    const fault = injectFault(db, 'meta', 'refuse-write', putsKeyStartingWith('deviceSeq:'));
    await saveEnrolment(db, testEnrolment);
    const clock = manualClock();
    const random = seededRandom();
    await recordReceipt(db, receiptOn('2024-01-16', 1), clock, random);

    fault.arm();
    await expect(recordReceipt(db, receiptOn('2024-01-17', 2), clock, random)).rejects.toThrow(/injected/);
    expect(fault.fired).toBe(1);
    expect(await db.entries.count()).toBe(1);
    expect(await db.meta.get(`deviceSeq:${testEnrolment.deviceId}`)).toEqual({
      key: `deviceSeq:${testEnrolment.deviceId}`,
      value: 1,
    });

    const next = await recordReceipt(db, receiptOn('2024-01-17', 2), clock, random);
    expect(next.seq).toBe(2);
  });

  it('keeps nothing of a write whose transaction aborts after both puts (tab closed)', async () => {
    const db = freshDb();
    const fault = injectFault(db, 'meta', 'abort-after-write', putsKeyStartingWith('deviceSeq:'));
    await saveEnrolment(db, testEnrolment);

    fault.arm();
    await expect(recordReceipt(db, receiptOn('2024-01-16'), manualClock(), seededRandom())).rejects.toThrow();
    expect(await db.entries.count()).toBe(0);
    expect(await db.meta.get(`deviceSeq:${testEnrolment.deviceId}`)).toBeUndefined();
  });

  it('refuses to record when the PC is not enrolled, in Thai, and writes nothing', async () => {
    const db = freshDb();
    const attempt = recordReceipt(db, receiptOn('2024-01-16'), manualClock(), seededRandom());
    await expect(attempt).rejects.toBeInstanceOf(StoreError);
    await expect(attempt).rejects.toMatchObject({ code: 'not-enrolled', messageTh: expect.stringMatching(/ลงทะเบียน/) });
    expect(await db.entries.count()).toBe(0);
  });

  it('refuses an invalid receipt with the Thai reason and writes nothing', async () => {
    const db = await enrolledDb();
    const bad = receiptOn('2024-01-16', 1, 0);
    await expect(recordReceipt(db, bad, manualClock(), seededRandom())).rejects.toMatchObject({
      code: 'invalid-entry',
      messageTh: 'จำนวนเงินต้องมากกว่า 0',
    });
    await expect(recordReceipt(db, receiptOn('2024-02-30'), manualClock(), seededRandom())).rejects.toMatchObject({
      code: 'invalid-entry',
    });
    expect(await countPending(db)).toBe(0);
  });

  it('stores the document as the server will read it (trimmed), so its hash checks there', async () => {
    const db = await enrolledDb();
    const input = receiptOn('2024-01-16');
    const stored = await recordReceipt(
      db,
      { ...input, recordedBy: ' สมศรี ', doc: { ...input.doc, payer: '  นายสมชาย  ', bookNo: '12 ' } },
      manualClock(),
      seededRandom(),
    );
    expect(stored.doc).toMatchObject({ payer: 'นายสมชาย', bookNo: '12' });
    expect(stored.recordedBy).toBe('สมศรี');
    expect(checkEntry(entryOf(stored)).outcome).toBe('valid');
  });
});
