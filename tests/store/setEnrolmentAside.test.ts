/**
 * After the server refused the token: the enrolment is set aside in one transaction — its identity kept
 * under previousDevice, the token gone — only when the refused token is still the stored one; entries
 * and the seq counter are untouched.
 */
import { describe, expect, it } from 'vitest';
import { getEnrolment, saveEnrolment } from '../../src/store/enrolment';
import { getPreviousDevice, setEnrolmentAside } from '../../src/store/previousDevice';
import { recordReceipts } from '../../src/store/recordReceipt';
import { enrolledDb, freshDb, manualClock, receiptOn, seededRandom, testEnrolment } from './fixtures';

describe('setEnrolmentAside', () => {
  it('keeps the identity, drops the token, and leaves the entries as they were', async () => {
    const db = await enrolledDb('aside');
    await recordReceipts(db, [receiptOn('2024-01-16', 1), receiptOn('2024-01-17', 2)], manualClock(), seededRandom());
    const before = await db.entries.toArray();
    const { token: _t, enrolledAt: _e, ...identity } = testEnrolment;
    expect(await setEnrolmentAside(db, testEnrolment.token)).toEqual({ outcome: 'set-aside', identity });
    expect(await getEnrolment(db)).toBeUndefined();
    expect(await getPreviousDevice(db)).toEqual(identity);
    expect(await db.entries.toArray()).toEqual(before);
    expect(JSON.stringify(await db.meta.toArray())).not.toContain(testEnrolment.token);
  });

  it('does nothing when the PC enrolled again since (another token) or is not enrolled', async () => {
    const db = await enrolledDb('aside-late');
    const renewed = { ...testEnrolment, token: 'renewed-token-0123456789abcdef0123456789ab' };
    await saveEnrolment(db, renewed);
    expect(await setEnrolmentAside(db, testEnrolment.token)).toEqual({ outcome: 'not-current' });
    expect(await getEnrolment(db)).toEqual(renewed);
    expect(await setEnrolmentAside(freshDb('aside-none'), testEnrolment.token)).toEqual({ outcome: 'not-current' });
  });
});
