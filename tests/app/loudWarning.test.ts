/**
 * The loud "only on this PC" warning: at once when sending is stalled, otherwise only after the grace,
 * so a receipt posted a second later on a working line never flashes a red alert.
 */
import { describe, expect, it } from 'vitest';
import { loudWarningDue, loudWarningGraceMs, sendingStalledOf } from '../../src/app/backup/loudWarning';

const now = Date.parse('2026-11-24T03:00:00Z');

describe('loudWarningDue', () => {
  it('never shows with nothing only on this PC', () => {
    expect(loudWarningDue({ onlyOnThisPc: 0, sendingStalled: true, nowMs: now })).toBe(false);
  });
  it('shows at once when sending is stalled', () => {
    expect(loudWarningDue({ onlyOnThisPc: 1, oldestOnlyOnThisPcAtMs: now, sendingStalled: true, nowMs: now })).toBe(true);
  });
  it('waits out the grace while sending works, then shows', () => {
    const facts = { onlyOnThisPc: 3, sendingStalled: false, nowMs: now };
    expect(loudWarningDue({ ...facts, oldestOnlyOnThisPcAtMs: now - 2_000 })).toBe(false);
    expect(loudWarningDue({ ...facts, oldestOnlyOnThisPcAtMs: now - loudWarningGraceMs })).toBe(false);
    expect(loudWarningDue({ ...facts, oldestOnlyOnThisPcAtMs: now - loudWarningGraceMs - 1 })).toBe(true);
    expect(loudWarningDue(facts)).toBe(true); // age unknown: warn
  });
});

describe('sendingStalledOf', () => {
  const finished = (outcome: 'drained' | 'backing-off' | 'auth-failed') =>
    ({ kind: 'finished', outcome, finishedAtMs: now, posted: 0, rejected: 0, conflicts: 0, pending: 1 }) as const;
  it('is stalled offline, or after a drain that did not empty the queue', () => {
    expect(sendingStalledOf({ kind: 'idle' }, false)).toBe(true);
    expect(sendingStalledOf(finished('backing-off'), true)).toBe(true);
    expect(sendingStalledOf(finished('auth-failed'), true)).toBe(true);
  });
  it('is not stalled while idle, sending, or after a drain that emptied the queue', () => {
    expect(sendingStalledOf({ kind: 'idle' }, true)).toBe(false);
    expect(sendingStalledOf({ kind: 'sending', sent: 1, total: 2 }, true)).toBe(false);
    expect(sendingStalledOf(finished('drained'), true)).toBe(false);
  });
});
