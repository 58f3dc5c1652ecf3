/**
 * Shared test helpers for the server: a server on a new database with a demo organisation, enrolment, valid
 * entries of every kind built with the domain's own `buildEntry` (builders.ts), and pushes through
 * `app.request()`.
 * Every server test runs on both databases (serverBackends.ts): a test file wraps its tests in
 * `describe.each(serverBackends)('%s', (backend) => …)` and opens its fixture for that backend.
 * Starting PGlite takes seconds, so a test file opens one database per backend (beforeAll) and each test
 * works in an organisation of its own (`enrolNewOrg`): organisations are isolated by design, so are the tests.
 */
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { emptyBudgetBalance, type BudgetBalance, type BudgetColumn } from '../../src/domain/budget/budgetLine';
import type { Entry, EntryOfKind } from '../../src/domain/entry';
import { entryHash } from '../../src/domain/entryHash';
import { createApp } from '../../src/server/app';
import type { Clock } from '../../src/server/clock';
import type { Db } from '../../src/server/db';
import { ensureDemoOrg, issueEnrolmentCode } from '../../src/server/demoOrg';
import type { ServerLimits } from '../../src/server/limits';
import { migrate } from '../../src/server/migrate';
import {
  apiPaths,
  enrollResponseSchema,
  protocolVersion,
  pushResponseSchema,
  type EnrollResponse,
  type PushResult,
} from '../../src/sync/protocol';
import { EntryMaker } from './builders';
import { openEmptyDb, requireBackend, type ServerBackend } from './serverBackends';

export * from './builders';
export { serverBackends, type ServerBackend } from './serverBackends';

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

/** A new migrated database of `backend` with the demo organisation, and the app over it. */
export async function openTestServer(
  backend: ServerBackend,
  options: { limits?: Partial<ServerLimits>; distDir?: string } = {},
): Promise<TestServer> {
  const db = await openEmptyDb(backend);
  await migrate(db);
  const clock = manualClock();
  const demo = await ensureDemoOrg(db, clock);
  if (!demo.created) throw new Error('a fresh database must get the demo organisation');
  const app = createApp({ db, clock, ...options });
  return { db, app, clock, orgId: demo.orgId, code: demo.code };
}

/** What a server test file works with: its server, and this test's device and entry maker. */
export interface ServerFixture {
  /** The file's server, opened before all its tests and closed after them. */
  readonly server: TestServer;
  /** A device enrolled in an organisation of this test's own (see `enrolNewOrg`). */
  readonly device: EnrollResponse;
  /** Makes sealed entries of `device`. */
  readonly make: EntryMaker;
}

/**
 * Registers the hooks of a server test file's run on `backend` (called inside its
 * `describe.each(serverBackends)`): one server (beforeAll, closed afterAll) and, unless `perTest: false`,
 * a new organisation with an enrolled device and its EntryMaker before each test. Read the values through
 * the returned object (`fx.server`, `fx.device`, `fx.make`) inside hooks and tests; they do not exist
 * before the hooks have run.
 */
export function openServerFixture(backend: ServerBackend, options: { orgName?: string; perTest?: boolean } = {}): ServerFixture {
  let server: TestServer | undefined;
  let device: EnrollResponse | undefined;
  let make: EntryMaker | undefined;
  const runnable = requireBackend(backend);
  beforeAll(async () => {
    if (runnable) server = await openTestServer(backend);
  });
  afterAll(async () => {
    await server?.db.close();
  });
  if (runnable && options.perTest !== false) {
    beforeEach(async () => {
      device = await enrolNewOrg(server!, options.orgName);
      make = new EntryMaker(device);
    });
  }
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the server fixture's ${name} is read before its hook ran (or perTest is false)`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'server');
    },
    get device() {
      return ready(device, 'device');
    },
    get make() {
      return ready(make, 'make');
    },
  };
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

/** A valid receipt entry of this device (receipt numbers unique across the file), sealed by buildEntry. */
export function receiptEntry(
  device: { orgId: string; deviceId: string },
  fields: { seq: number; date?: string; amountSatang?: number; payer?: string; id?: string } = { seq: 1 },
): EntryOfKind<'receipt'> {
  const { seq, date, id, amountSatang, payer } = fields;
  return new EntryMaker(device).receipt({ amountSatang, payer }, { seq, date, id });
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

/** Pushes and returns the per-entry results, expecting 200. */
export async function pushResults(server: TestServer, device: EnrollResponse, entries: unknown[]): Promise<PushResult[]> {
  const res = await push(server, device, entries);
  expect(res.status).toBe(200);
  return pushResponseSchema.parse(await res.json()).results;
}

/** Another device of the same organisation (the office's second PC). */
export async function enrolAnotherDevice(server: TestServer, orgId: string, deviceName = 'PC การเงิน 2'): Promise<EnrollResponse> {
  const { code } = await issueEnrolmentCode(server.db, orgId, server.clock);
  return enrol(server, code, deviceName);
}

/** Every row the server holds of one entry: its entry row and whatever it derived. */
export async function rowsOfEntry(server: TestServer, orgId: string, entryId: string): Promise<Record<string, number>> {
  const { rows } = await server.db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM entries WHERE org_id = $1 AND id = $2) AS entries,
            (SELECT count(*)::int FROM receipt_numbers WHERE org_id = $1 AND entry_id = $2) AS receipt_numbers,
            (SELECT count(*)::int FROM budget_lines WHERE org_id = $1 AND entry_id = $2) AS budget_lines,
            (SELECT count(*)::int FROM budget_effects WHERE org_id = $1 AND entry_id = $2) AS budget_effects,
            (SELECT count(*)::int FROM cancellations WHERE org_id = $1 AND cancel_id = $2) AS cancellations`,
    [orgId, entryId],
  );
  return rows[0]!;
}

/** Nothing of the entry was written: no entry row, no derived rows. */
export async function expectNothingWritten(server: TestServer, orgId: string, entryId: string): Promise<void> {
  expect(await rowsOfEntry(server, orgId, entryId)).toEqual({
    entries: 0,
    receipt_numbers: 0,
    budget_lines: 0,
    budget_effects: 0,
    cancellations: 0,
  });
}

/** A budget line's register columns as the server's budget_effects sum them. */
export async function storedBudgetBalance(server: TestServer, orgId: string, code: string, fiscalYear = 2567): Promise<BudgetBalance> {
  const { rows } = await server.db.query<{ column_name: BudgetColumn; amount: number }>(
    `SELECT column_name, sum(amount_satang)::bigint AS amount FROM budget_effects
      WHERE org_id = $1 AND fiscal_year = $2 AND line_code = $3 GROUP BY column_name`,
    [orgId, fiscalYear, code],
  );
  const balance = { ...emptyBudgetBalance };
  for (const r of rows) balance[r.column_name] = Number(r.amount);
  return balance;
}

/** Expects a rejection with `code` and a Thai message; returns the message. */
export function expectRejected(result: PushResult | undefined, code: string): string {
  expect(result).toMatchObject({ outcome: 'rejected', code });
  const message = result?.outcome === 'rejected' ? result.message : '';
  expect(message).toMatch(/[\u0E00-\u0E7F]/);
  return message;
}

/**
 * An answer as a caller sees it, without the request id every answer carries (new for each request by
 * design): what "one and the same answer, no oracle" comparisons compare.
 */
export async function answerWithoutRequestId(res: Response): Promise<{ status: number; headers: [string, string][]; body: unknown }> {
  const headers = [...res.headers].filter(([name]) => name !== 'x-request-id');
  const body = (await res.json()) as { error?: { requestId?: unknown } };
  if (body.error !== undefined) delete body.error.requestId;
  return { status: res.status, headers, body };
}
