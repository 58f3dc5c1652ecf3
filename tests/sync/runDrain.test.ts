import { describe, expect, it, vi } from 'vitest';
import type { SamutDb } from '../../src/store/db';
import { recordReceipts } from '../../src/store/recordReceipt';
import { onSyncMessage, syncMessageSchema, type SyncMessage } from '../../src/sync/channel';
import { setupPath, type PushRequest } from '../../src/sync/protocol';
import { putSyncStatus } from '../../src/sync/syncStatus';
import { getBooksSetup } from '../../src/store/setup';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import { runDrain } from '../../src/sync/runDrain';
import { enrolledDb, freshDb, manualClock, receiptOn, seededRandom } from '../store/fixtures';
import { createFakeServer, type FakeServer } from './fakeServer';
import { createFakeLocks } from './fakeLocks';

/**
 * A fetch that hands pushes to the in-memory server and answers as the real one would; GET
 * /api/v1/setup answers with `setup` (404 when absent, like a server that does not have it yet).
 */
function fetchTo(server: FakeServer, setup?: () => Response): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.method === 'GET' && new URL(request.url).pathname === setupPath) return setup ? setup() : new Response('', { status: 404 });
    const body = (await request.json()) as PushRequest;
    const outcome = await server.push(body);
    if (outcome.kind === 'answered') return Response.json(outcome.response);
    return new Response('', { status: outcome.kind === 'auth-failed' ? 401 : 503 });
  }) as typeof fetch;
}

async function dbWithPending(count: number): Promise<SamutDb> {
  const db = await enrolledDb('run');
  const inputs = Array.from({ length: count }, (_, i) => receiptOn('2024-01-16', i + 1));
  await recordReceipts(db, inputs, manualClock(), seededRandom());
  return db;
}

function capture() {
  const messages: SyncMessage[] = [];
  return { messages, broadcaster: { post: (m: SyncMessage) => void messages.push(m), close() {} } };
}

describe('runDrain', () => {
  it('reports start, progress and the end on the sync channel', async () => {
    const db = await dbWithPending(3);
    const server = createFakeServer();
    const { messages, broadcaster } = capture();
    const finished = await runDrain({ reason: 'entry', db, fetch: fetchTo(server), broadcaster, clock: manualClock() });

    expect(finished).toEqual({ type: 'drain-finished', outcome: 'drained', posted: 3, rejected: 0, conflicts: 0, pending: 0 });
    expect(messages).toEqual([{ type: 'drain-started' }, { type: 'progress', sent: 3, total: 3 }, finished]);
    for (const m of messages) expect(syncMessageSchema.safeParse(m).success).toBe(true);
  });

  it('fetches the books setup first, then drains', async () => {
    const db = await dbWithPending(2);
    const server = createFakeServer();
    const rules = { ...moneyRulesDefault, booksClosedThrough: '2023-09-30' };
    const chart = { versionLabel: 'ผังบัญชีของ อบต.', accounts: [{ code: '010', nameTh: 'เงินสด', type: 'asset', normalSide: 'debit', postable: true, role: 'cash', validFromFy: 2567 }] };
    const finished = await runDrain({ reason: 'start', db, fetch: fetchTo(server, () => Response.json({ protocol: 1, chart, rules })), broadcaster: capture().broadcaster, clock: manualClock() });
    expect(finished).toMatchObject({ outcome: 'drained', posted: 2 });
    expect(await getBooksSetup(db)).toMatchObject({ chart, rules });
  });

  it('drains all the same when the setup cannot be fetched', async () => {
    const db = await dbWithPending(2);
    const server = createFakeServer();
    const finished = await runDrain({ reason: 'start', db, fetch: fetchTo(server, () => new Response('', { status: 500 })), broadcaster: capture().broadcaster, clock: manualClock() });
    expect(finished).toMatchObject({ outcome: 'drained', posted: 2 });
  });

  it('asks a server it is backing off from for nothing, not even the setup', async () => {
    const db = await dbWithPending(1);
    const clock = manualClock();
    await putSyncStatus(db, { failures: 3, nextAttemptAtMs: clock.nowMs() + 30_000 });
    let requests = 0;
    const counting = (async () => {
      requests += 1;
      return new Response('', { status: 500 });
    }) as typeof fetch;
    const finished = await runDrain({ reason: 'timer', db, fetch: counting, broadcaster: capture().broadcaster, clock });
    expect(finished).toMatchObject({ outcome: 'backing-off', pending: 1 });
    expect(requests).toBe(0);
  });

  it('answers busy when another tab or the service worker is draining, and sends nothing', async () => {
    const db = await dbWithPending(2);
    const server = createFakeServer();
    const locks = createFakeLocks();
    locks.held.add('samut-sync');
    const { messages, broadcaster } = capture();
    const finished = await runDrain({ reason: 'timer', db, fetch: fetchTo(server), broadcaster, locks });
    expect(finished).toMatchObject({ outcome: 'busy', pending: 2 });
    expect(messages).toEqual([finished]);
    expect(server.requests).toHaveLength(0);
  });

  it('says not-enrolled before enrolment', async () => {
    const { messages, broadcaster } = capture();
    const finished = await runDrain({ reason: 'start', db: freshDb('run-not-enrolled'), broadcaster });
    expect(finished).toMatchObject({ outcome: 'not-enrolled', messageTh: expect.stringMatching(/ลงทะเบียน/) });
    expect(messages).toEqual([finished]);
  });

  it('reports a failure of the PC database as failed, with the entries still pending', async () => {
    const db = await dbWithPending(2);
    const server = createFakeServer();
    const { broadcaster } = capture();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bulkPut = vi.spyOn(db.entries, 'bulkPut').mockRejectedValue(new Error('QuotaExceededError'));
    const finished = await runDrain({ reason: 'entry', db, fetch: fetchTo(server), broadcaster });
    bulkPut.mockRestore();
    spy.mockRestore();
    expect(finished).toMatchObject({ outcome: 'failed', pending: 2, messageTh: expect.stringMatching(/ยังรอส่ง/) });
  });

  it('broadcasts on the real BroadcastChannel where pages listen', async () => {
    const db = await dbWithPending(1);
    const server = createFakeServer();
    const heard: SyncMessage[] = [];
    const stop = onSyncMessage((m) => heard.push(m));
    await runDrain({ reason: 'online', db, fetch: fetchTo(server) });
    await vi.waitFor(() => expect(heard.at(-1)).toMatchObject({ type: 'drain-finished', outcome: 'drained', posted: 1 }));
    stop();
  });
});
