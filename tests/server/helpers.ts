/**
 * Shared test helpers for the server: an in-memory server with a demo organisation, enrolment, valid
 * receipt entries built with the domain's own `buildEntry`, and pushes through `app.request()`.
 * Starting PGlite takes seconds, so a test file opens one database (beforeAll) and each test works in
 * an organisation of its own (`enrolNewOrg`): organisations are isolated by design, so are the tests.
 */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { buildEntry, type Entry, type EntryContent } from '../../src/domain/entry';
import { entryHash } from '../../src/domain/entryHash';
import { entryIdOf } from '../../src/domain/entryId';
import { createApp } from '../../src/server/app';
import type { Clock } from '../../src/server/clock';
import type { Db } from '../../src/server/db';
import { ensureDemoOrg, issueEnrolmentCode } from '../../src/server/demoOrg';
import type { ServerLimits } from '../../src/server/limits';
import { migrate } from '../../src/server/migrate';
import { openPglite } from '../../src/server/pglite';
import { apiPaths, enrollResponseSchema, protocolVersion, type EnrollResponse } from '../../src/sync/protocol';

/** A clock the test moves by hand. */
export interface ManualClock extends Clock {
  advanceMs(ms: number): void;
}

export function manualClock(startIso = '2024-07-10T03:00:00.000Z'): ManualClock {
  let ms = Date.parse(startIso);
  return { now: () => new Date(ms), advanceMs: (d) => (ms += d) };
}

export interface TestServer {
  db: Db;
  app: ReturnType<typeof createApp>;
  clock: ManualClock;
  orgId: string;
  /** The demo organisation's unused enrolment code. */
  code: string;
}

/** A migrated in-memory database with the demo organisation, and the app over it. */
export async function openTestServer(options: { limits?: Partial<ServerLimits>; distDir?: string } = {}): Promise<TestServer> {
  const db = await openPglite();
  await migrate(db);
  const clock = manualClock();
  const demo = await ensureDemoOrg(db, clock);
  if (!demo.created) throw new Error('a fresh database must get the demo organisation');
  const app = createApp({ db, clock, ...options });
  return { db, app, clock, orgId: demo.orgId, code: demo.code };
}

/** Adds an organisation with an enrolment code. */
export async function addOrg(server: TestServer, name: string): Promise<{ orgId: string; code: string }> {
  const orgId = crypto.randomUUID();
  await server.db.query('INSERT INTO orgs (org_id, name, created_at) VALUES ($1, $2, $3)', [orgId, name, server.clock.now().toISOString()]);
  const { code } = await issueEnrolmentCode(server.db, orgId, server.clock);
  return { orgId, code };
}

export async function postJson(server: TestServer, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return server.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A new organisation and a device enrolled in it: a clean slate for one test. */
export async function enrolNewOrg(server: TestServer, name = 'อบต.ทดสอบ'): Promise<EnrollResponse> {
  const { code } = await addOrg(server, name);
  return enrol(server, code);
}

/** Enrols a device with `code`, expecting success. */
export async function enrol(server: TestServer, code = server.code, deviceName = 'PC การเงิน 1'): Promise<EnrollResponse> {
  const res = await postJson(server, apiPaths.enroll, { code, deviceName });
  expect(res.status).toBe(200);
  return enrollResponseSchema.parse(await res.json());
}

let receiptNo = 0;

/** A valid receipt entry of this device, sealed by the domain's buildEntry. */
export function receiptEntry(
  device: { orgId: string; deviceId: string },
  fields: { seq: number; date?: string; amountSatang?: number; payer?: string; id?: string } = { seq: 1 },
): Entry {
  receiptNo += 1;
  const content: EntryContent = {
    schema: 1,
    id: fields.id ?? entryIdOf(Date.parse('2024-07-10T03:00:00Z') + receiptNo, randomBytes(10)),
    orgId: device.orgId,
    deviceId: device.deviceId,
    seq: fields.seq,
    kind: 'receipt',
    date: fields.date ?? '2024-01-16',
    doc: {
      bookNo: '12',
      receiptNo,
      payer: fields.payer ?? 'นายสมชาย ใจดี',
      revenueAccount: '412001',
      amountSatang: fields.amountSatang ?? 20_000,
      method: 'cash',
    },
    recordedAt: '2024-07-10T03:00:00.000Z',
    recordedBy: 'นางสาวสมศรี บัญชี',
  };
  return buildEntry(content);
}

/** `count` valid entries of this device, seq 1…count. */
export function receiptEntries(device: { orgId: string; deviceId: string }, count: number): Entry[] {
  return Array.from({ length: count }, (_, i) => receiptEntry(device, { seq: i + 1 }));
}

/** The entry with its hash recomputed after an edit: a well-formed but different entry. */
export function resealed(entry: Entry): Entry {
  return { ...entry, hash: entryHash({ ...entry }) };
}

/** POSTs a push (object or raw text) with the device's token. */
export async function push(
  server: TestServer,
  device: EnrollResponse,
  entries: unknown[],
  overrides: Record<string, unknown> = {},
): Promise<Response> {
  return postJson(
    server,
    apiPaths.entries,
    { protocol: protocolVersion, deviceId: device.deviceId, entries, ...overrides },
    { authorization: `Bearer ${device.token}` },
  );
}

/** How many entry rows the server holds for an organisation. */
export async function countEntryRows(server: TestServer, orgId: string): Promise<number> {
  const { rows } = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM entries WHERE org_id = $1', [orgId]);
  return rows[0]!.n;
}

/** Expects a protocol error body with a Thai message and returns its code. */
export async function expectThaiError(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.message).toMatch(/[\u0E00-\u0E7F]/);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  return body.error.code;
}
