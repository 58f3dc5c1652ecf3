/**
 * Server data loss, end to end against the real server (Hono on a socket, PGlite in a data folder): the
 * PC posts 30 entries over 5 days; the server is then restored from a backup of its data folder taken
 * after the first 2 days (copied while the server was stopped, as an administrator would); the digest
 * check finds exactly the 3 lost days, re-queues their entries, and the drain brings the server back to
 * every entry once. The entries table is append-only, so the loss is a real restore, not a DELETE.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestResponseSchema, digestPath } from '../../src/sync/protocol';
import type { SamutDb } from '../../src/store/db';
import { saveEnrolment, type Enrolment } from '../../src/store/enrolment';
import { recordReceipts } from '../../src/store/recordReceipt';
import type { SyncMessage } from '../../src/sync/channel';
import { checkDigest, getLastDigestCheck } from '../../src/sync/digestCheck';
import { drainQueue } from '../../src/sync/drain';
import { createHttpDigestClient } from '../../src/sync/httpDigest';
import { createHttpPushClient } from '../../src/sync/httpPush';
import { runDrain } from '../../src/sync/runDrain';
import { syncStatusTh, nextSyncView } from '../../src/app/syncView';
import { freshDb, manualClock, receiptOn, seededRandom } from '../store/fixtures';
import { createFakeLocks } from './fakeLocks';
import { startRealServer, type RealServer } from './realServer';

const days = ['2024-01-16', '2024-01-17', '2024-01-18', '2024-01-19', '2024-01-20'];

let folders: string[] = [];
let servers: RealServer[] = [];
afterEach(async () => {
  for (const s of servers) await s.close().catch(() => {});
  for (const f of folders) await rm(f, { recursive: true, force: true });
  servers = [];
  folders = [];
});

async function folder(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `samut-digest-${label}-`));
  folders.push(dir);
  return dir;
}

async function start(dataDir: string, reopen: boolean): Promise<RealServer> {
  const server = await startRealServer({ dataDir, reopen });
  servers.push(server);
  return server;
}

async function stop(server: RealServer): Promise<void> {
  await server.close();
  servers = servers.filter((s) => s !== server);
}

/** The same server, reached at its new port (the address an office keeps is the proxy's, unchanged). */
async function pointAt(db: SamutDb, enrolment: Enrolment, server: RealServer): Promise<Enrolment> {
  const moved = { ...enrolment, serverUrl: server.url };
  await saveEnrolment(db, moved);
  return moved;
}

async function rowsOf(server: RealServer, deviceId: string) {
  const { rows } = await server.db.query<{ n: number; ids: number; date: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, count(*)::int AS n, count(DISTINCT id)::int AS ids
       FROM entries WHERE device_id = $1 GROUP BY date ORDER BY date`,
    [deviceId],
  );
  return rows;
}

/**
 * A PC with 30 receipts over 5 days, posted to a server in a data folder; the folder is copied (server
 * stopped) after the first 2 days' 12 entries were posted. Returns the live server (all 30) and the backup.
 */
async function postedWithBackupAfterTwoDays(label: string) {
  const live = await folder(`${label}-live`);
  const backup = await folder(`${label}-backup`);
  let server = await start(live, false);
  let enrolment = await server.enrolDevice(label);
  const db = freshDb(label);
  await saveEnrolment(db, enrolment);
  // 6 a day; drained earliest date first, so a first push of 12 posts exactly the first 2 days.
  await recordReceipts(db, Array.from({ length: 30 }, (_, i) => receiptOn(days[i % 5]!, i + 1, 100 + i, label)), manualClock(), seededRandom(77));
  const first = await drainQueue({ db, push: createHttpPushClient(enrolment), batchSize: 12, pushesMax: 1 });
  expect(first).toMatchObject({ posted: 12, pending: 18 });

  await stop(server);
  await rm(backup, { recursive: true, force: true });
  await cp(live, backup, { recursive: true }); // the administrator's backup, taken with the server stopped
  server = await start(live, true);
  enrolment = await pointAt(db, enrolment, server);
  expect(await drainQueue({ db, push: createHttpPushClient(enrolment) })).toMatchObject({ outcome: 'drained', posted: 18, pending: 0 });
  expect((await rowsOf(server, enrolment.deviceId)).map((r) => r.n)).toEqual([6, 6, 6, 6, 6]);
  await stop(server);

  // The server comes back restored from the backup: days 3–5 are gone from it, the PC still has them.
  const restored = await start(backup, true);
  enrolment = await pointAt(db, enrolment, restored);
  expect((await rowsOf(restored, enrolment.deviceId)).map((r) => r.date)).toEqual(days.slice(0, 2));
  return { db, enrolment, restored };
}

describe('the digest check against the real server, after a restore from an older backup', () => {
  it('re-queues exactly the lost days; one drain later the server holds every entry once, and a second check finds nothing', async () => {
    const { db, enrolment, restored } = await postedWithBackupAfterTwoDays('restore');
    const fetchDigest = createHttpDigestClient(enrolment);

    const found = await checkDigest({ db, fetchDigest, clock: manualClock() });
    expect(found).toMatchObject({
      outcome: 'checked',
      daysChecked: 5,
      daysDiffering: 3,
      entriesRequeued: 18,
      differingDates: days.slice(2),
    });
    const pending = await db.entries.where('[state+date+seq]').between(['pending', ''], ['pending', '\uffff']).toArray();
    expect(pending.map((e) => e.date).sort()).toEqual(days.slice(2).flatMap((d) => Array(6).fill(d)));

    expect(await drainQueue({ db, push: createHttpPushClient(enrolment) })).toMatchObject({ outcome: 'drained', posted: 18, pending: 0 });
    const rows = await rowsOf(restored, enrolment.deviceId);
    expect(rows.map((r) => [r.date, r.n, r.ids])).toEqual(days.map((d) => [d, 6, 6]));
    expect(await restored.countEntryRows()).toBe(30);

    const again = await checkDigest({ db, fetchDigest, clock: manualClock() });
    expect(again).toMatchObject({ outcome: 'checked', daysChecked: 5, daysDiffering: 0, entriesRequeued: 0 });
    expect((await db.entries.toArray()).every((e) => e.state === 'posted')).toBe(true);
  });

  it('runDrain checks after a drain and sends the lost days again in the same run, and the status line says so', async () => {
    const { db, restored, enrolment } = await postedWithBackupAfterTwoDays('run');
    await recordReceipts(db, [receiptOn('2024-01-22', 31, 500, 'run')], manualClock(), seededRandom(78));
    const messages: SyncMessage[] = [];
    const finished = await runDrain({
      reason: 'entry',
      db,
      locks: createFakeLocks(),
      broadcaster: { post: (m) => void messages.push(m), close() {} },
    });
    expect(finished).toMatchObject({
      outcome: 'drained',
      posted: 19,
      pending: 0,
      messageTh: 'เซิร์ฟเวอร์ขาดรายการ 18 รายการ ของ 3 วัน จึงส่งให้ใหม่แล้ว',
    });
    expect(await restored.countEntryRows()).toBe(31);
    expect(await getLastDigestCheck(db)).toMatchObject({ daysDiffering: 3, entriesRequeued: 18 });
    const view = messages.reduce(nextSyncView, { kind: 'idle' } as Parameters<typeof nextSyncView>[0]);
    expect(syncStatusTh({ ...view, ...(view.kind === 'finished' ? { finishedAtMs: Date.UTC(2024, 0, 16, 7, 5, 9) } : {}) }, true)).toBe(
      'ส่งแล้ว 19 รายการ เมื่อ 14:05:09 · เซิร์ฟเวอร์ขาดรายการ 18 รายการ ของ 3 วัน จึงส่งให้ใหม่แล้ว',
    );

    // The server's own digest now matches the PC: 6 a day, and the new entry's day.
    const res = await fetch(`${restored.url}${digestPath}?from=2024-01-01&to=2024-01-31`, { headers: { authorization: `Bearer ${enrolment.token}` } });
    expect(digestResponseSchema.parse(await res.json()).days.map((d) => d.count)).toEqual([6, 6, 6, 6, 6, 1]);

    // The next run has nothing to send and the last check is fresh: it asks the server for no digest.
    const asked: string[] = [];
    const counting: typeof fetch = async (input, init) => {
      asked.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return fetch(input, init);
    };
    expect(await runDrain({ reason: 'timer', db, fetch: counting, locks: createFakeLocks(), broadcaster: { post() {}, close() {} } })).toEqual({
      type: 'drain-finished',
      outcome: 'drained',
      posted: 0,
      rejected: 0,
      conflicts: 0,
      pending: 0,
    });
    expect(asked).not.toContain(digestPath);
  });
});
