import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordReceipt } from '../../src/store/recordReceipt';
import { startSyncTriggers } from '../../src/sync/pageTriggers';
import type { SyncReason } from '../../src/sync/swMessages';
import { putSyncStatus } from '../../src/sync/syncStatus';
import { enrolledDb, manualClock, receiptOn, seededRandom } from '../store/fixtures';

const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

async function started(opts: { online?: () => boolean } = {}) {
  const db = await enrolledDb('triggers');
  const clock = manualClock();
  const reasons: SyncReason[] = [];
  const events = new EventTarget();
  const stop = startSyncTriggers({
    db,
    clock,
    events,
    intervalMs: 10,
    request: async (reason) => void reasons.push(reason),
    isOnline: opts.online ?? (() => true),
  });
  stops.push(stop);
  return { db, clock, reasons, events, stop };
}

const settle = () => new Promise((r) => setTimeout(r, 80));

describe('startSyncTriggers', () => {
  it('asks for a drain at start and when the browser comes back online', async () => {
    const t = await started();
    expect(t.reasons).toEqual(['start']);
    t.events.dispatchEvent(new Event('online'));
    expect(t.reasons).toEqual(['start', 'online']);
  });

  it('asks on the timer only while something is pending', async () => {
    const t = await started();
    await settle();
    expect(t.reasons).not.toContain('timer');
    await recordReceipt(t.db, receiptOn('2024-01-16'), t.clock, seededRandom());
    await vi.waitFor(() => expect(t.reasons).toContain('timer'));
  });

  it('does not ask on the timer before the persisted backoff time', async () => {
    const t = await started();
    await putSyncStatus(t.db, { failures: 3, nextAttemptAtMs: t.clock.nowMs() + 60_000 });
    await recordReceipt(t.db, receiptOn('2024-01-16'), t.clock, seededRandom());
    await settle();
    expect(t.reasons).not.toContain('timer');
    t.clock.advance(60_000);
    await vi.waitFor(() => expect(t.reasons).toContain('timer'));
  });

  it('does not ask on the timer while the browser knows it is offline', async () => {
    let online = false;
    const t = await started({ online: () => online });
    await recordReceipt(t.db, receiptOn('2024-01-16'), t.clock, seededRandom());
    await settle();
    expect(t.reasons).not.toContain('timer');
    online = true;
    await vi.waitFor(() => expect(t.reasons).toContain('timer'));
  });

  it('stops asking after stop()', async () => {
    const t = await started();
    t.stop();
    await recordReceipt(t.db, receiptOn('2024-01-16'), t.clock, seededRandom());
    t.events.dispatchEvent(new Event('online'));
    await settle();
    expect(t.reasons).toEqual(['start']);
  });
});
