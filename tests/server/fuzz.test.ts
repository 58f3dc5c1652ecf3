/**
 * Fuzzing the HTTP surface (issue 7 acceptance): 10,000 generated malformed requests per database —
 * bad JSON, wrong types, huge numbers, huge strings, deep nesting, SQL and HTML injection strings in
 * every field, wrong or missing content types, compressed and oversized bodies, bad query strings,
 * bad headers and tokens, wrong methods — across POST /api/v1/enroll, POST /api/v1/entries,
 * GET /api/v1/setup and GET /api/v1/digest, with and without a valid device token.
 * Every answer must be a 4xx JSON body with a Thai message and the request id (never 2xx, never 5xx,
 * never a stack trace), no unexpected error may reach the log, and afterwards every table holds exactly
 * what it held before (a checksum of each table's rows): nothing written, no new device, no code used.
 * Then 1,000 well-formed pushes of tampered entries (one field replaced by a nasty value, hash kept):
 * the envelope is fine, so the answer is 200 with every entry rejected in Thai, and again nothing written.
 * Each request is built so it is malformed whatever the generator picks (a valid token always comes
 * with a defect of its own); requests go through `app.request()` in-process.
 * Seeded: the seed is printed; SAMUT_FUZZ_SEED=<n> replays a run (fast-check prints the failing case).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { EnrollResponse } from '../../src/sync/protocol';
import { apiPaths, digestPath, protocolVersion, pushResponseSchema, setupPath } from '../../src/sync/protocol';
import { captureLogger, type CapturedLog } from './captureLogger';
import { EntryMaker, enrol, openServerFixture, serverBackends } from './helpers';

const seed = process.env.SAMUT_FUZZ_SEED !== undefined ? Number(process.env.SAMUT_FUZZ_SEED) : Date.now() % 2 ** 31;
const malformedRuns = Number(process.env.SAMUT_FUZZ_RUNS ?? 10_000);
const tamperedRuns = Math.ceil(malformedRuns / 10);
/** A small push limit, so oversized bodies are cheap to make; the real limit is tested in headers.test. */
const pushBytesMax = 64 * 1024;
const enrollBytesMax = 4 * 1024;

console.log(`fuzz seed: ${seed} (replay: SAMUT_FUZZ_SEED=${seed} npx vitest run tests/server/fuzz.test.ts)`);

// ---- values nobody should send ---------------------------------------------------------------------

const injections = [
  "' OR '1'='1",
  "'; DROP TABLE entries; --",
  "1; DELETE FROM devices WHERE '1'='1",
  "\" OR \"\"=\"",
  "admin'--",
  "1' UNION SELECT token_hash FROM devices --",
  "$1",
  "E'\\x00'",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}${7*7}',
  '../../../../etc/passwd',
  '%00%0d%0a',
  '\u0000',
  '\ud800',
  '\u202e\u0e01\u0e02',
  'NaN',
  'Infinity',
  '__proto__',
  'constructor',
  'null',
  '',
  ' ',
];
const injection = fc.constantFrom(...injections);
const hugeString = fc.integer({ min: 5_000, max: 30_000 }).chain((n) => fc.constantFrom('ก'.repeat(n), 'A'.repeat(n * 2), `<script>${'x'.repeat(n)}</script>`));
const shortNastyString = fc.oneof(
  { weight: 4, arbitrary: injection },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);
const nastyString = fc.oneof({ weight: 7, arbitrary: shortNastyString }, { weight: 1, arbitrary: hugeString });
const hugeNumber = fc.constantFrom(1e308, -1e308, 2 ** 63, -(2 ** 63), 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, 1e-320, 0.1, -1);
const scalarOf = (strings: fc.Arbitrary<string>) => fc.oneof(strings, hugeNumber, fc.constantFrom(null, true, false), fc.double(), fc.integer());
const nastyScalar = scalarOf(nastyString);
/** Any JSON value built of the values above, a few levels deep. */
const jsonOf = (scalar: fc.Arbitrary<unknown>) =>
  fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(injection, fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 4 }),
    ),
  })).value;
const nasty = jsonOf(nastyScalar);
/** The same without huge strings: a tampered entry must stay within the body limit. */
const shortNasty = jsonOf(scalarOf(shortNastyString));
const nastyRecord = fc.dictionary(fc.oneof(injection, fc.constantFrom('id', 'kind', 'doc', 'hash', 'seq', 'date')), nasty, { maxKeys: 6 });

/** Text that is not JSON, or not UTF-8, or JSON nested deeper than anything sane. */
const badJsonText = fc.oneof(
  fc.constantFrom('{', '{"code":', 'NaN', 'Infinity', '-Infinity', '{"protocol": NaN}', "{'code': 'x'}", '[1,2,', '{"a":1}}', 'undefined', '', ' ', '0x10', '{"code":"AB\u0000CD"', '\ufeff{}', '{"entries":[},'),
  fc.string({ maxLength: 60 }).filter((s) => !isJson(s)),
  fc.integer({ min: 100, max: 10_000 }).map((n) => '['.repeat(n) + ']'.repeat(n - 1)),
);
const deepJson = fc.integer({ min: 100, max: 10_000 }).chain((n) =>
  fc.constantFrom('['.repeat(n) + ']'.repeat(n), '{"a":'.repeat(n) + '1' + '}'.repeat(n), `{"code":${'['.repeat(n)}${']'.repeat(n)}}`),
);
const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Uint8Array.from([0x7b, 0xff, 0xfe, ...bytes, 0xc0]));

// ---- requests -------------------------------------------------------------------------------------

type Body = string | Uint8Array | undefined;
interface FuzzRequest {
  /** What makes it malformed, for the failure report and the tally. */
  defect: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Body;
}

const jsonTypes = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON;charset=UTF-8'];
const wrongTypes = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'text/json', 'application/xml', 'text/html', '*/*', 'application/json-patch+json', ''];

/** Header values are ASCII (fetch refuses the rest): non-printables become '?'. */
const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 8_000);

/** Everything a request can carry besides its defect: noise that must change nothing. */
const noise = fc.record(
  {
    'x-request-id': fc.oneof(injection, fc.string({ maxLength: 200 }), fc.uuid()).map(headerSafe),
    origin: fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1:1'),
    accept: fc.constantFrom('text/html', '*/*', 'application/xml', 'application/json'),
    'user-agent': injection.map(headerSafe),
  },
  { requiredKeys: [] },
);

function fuzzRequests(device: EnrollResponse): fc.Arbitrary<FuzzRequest> {
  const validAuth = `Bearer ${device.token}`;
  /** A token that is not this (or any) device's: every request carrying one is a 401 at most. */
  const badAuth = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('Bearer', 'Bearer ', 'bearer ' + device.token, 'Basic YWRtaW46YWRtaW4=', `Bearer ${device.token} x`, `Bearer ${device.token}x`, `Token ${device.token}`),
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((t) => `Bearer ${t}`),
    fc.oneof(injection, fc.string({ maxLength: 60 }), hugeString).map((t) => headerSafe(`Bearer ${t}`)),
  );

  const withTransport = (defect: string, method: string, path: string, body: fc.Arbitrary<Body>, auth: fc.Arbitrary<string | undefined>, contentType: fc.Arbitrary<string | undefined>) =>
    fc.record({ body, auth, contentType, noise }).map(({ body, auth, contentType, noise }): FuzzRequest => {
      const headers: Record<string, string> = { ...noise };
      if (auth !== undefined) headers.authorization = auth;
      if (contentType !== undefined) headers['content-type'] = contentType;
      return { defect, method, path, headers, body };
    });

  const anyBody: fc.Arbitrary<Body> = fc.oneof(badJsonText, deepJson, nasty.map((v) => JSON.stringify(v)), invalidUtf8);
  const jsonType = fc.constantFrom(...jsonTypes);
  const wrongType = fc.oneof(fc.constant(undefined), fc.constantFrom(...wrongTypes));

  // POST /api/v1/enroll: there is no unused code (the fixture used it), so even a well-formed body is a 401.
  const enrollBody = fc.oneof(
    badJsonText,
    deepJson,
    invalidUtf8,
    nasty.map((v) => JSON.stringify(v)),
    fc.record({ code: nasty, deviceName: nasty }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
    fc.record({ code: fc.oneof(injection, fc.string({ minLength: 4, maxLength: 64 })), deviceName: fc.oneof(injection, fc.string({ maxLength: 100 })) }).map((v) => JSON.stringify(v)),
    fc.record({ code: fc.stringMatching(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/), extra: nasty }).map((v) => JSON.stringify(v)),
  );
  const enroll = fc.oneof(
    withTransport('enroll: malformed body or unknown code', 'POST', apiPaths.enroll, enrollBody, fc.constant(undefined), jsonType),
    withTransport('enroll: wrong content type', 'POST', apiPaths.enroll, enrollBody, fc.constant(undefined), wrongType),
    withTransport('enroll: oversized', 'POST', apiPaths.enroll, oversized(enrollBytesMax), fc.constant(undefined), jsonType),
  );

  // POST /api/v1/entries with the valid token: the envelope always has a defect of its own.
  const envelopeDefect = fc.oneof(
    fc.record({ protocol: nastyScalar.filter((v) => v !== protocolVersion) }).map((d) => ({ name: 'protocol', patch: d })),
    fc.record({ deviceId: fc.oneof(nastyScalar.filter((v) => v !== device.deviceId), fc.uuid().filter((u) => u !== device.deviceId)) }).map((d) => ({ name: 'deviceId', patch: d })),
    fc
      .record({ entries: fc.oneof(fc.constant([]), nastyScalar, fc.array(fc.oneof(nastyScalar, fc.array(nasty)), { minLength: 1, maxLength: 4 }), fc.constant(Array.from({ length: 501 }, () => ({})))) })
      .map((d) => ({ name: 'entries', patch: d })),
    fc.record({ key: fc.oneof(injection, fc.string({ maxLength: 10 })).filter((k) => !['protocol', 'deviceId', 'entries'].includes(k)), value: nasty }).map((d) => ({ name: 'extra key', patch: { [d.key]: d.value } })),
    fc.constantFrom('protocol', 'deviceId', 'entries').map((key) => ({ name: `missing ${key}`, patch: { [key]: undefined } })),
  );
  const malformedEnvelope = fc.record({ defect: envelopeDefect, entries: fc.array(nastyRecord, { minLength: 1, maxLength: 3 }) }).map(({ defect, entries }) =>
    JSON.stringify({ protocol: protocolVersion, deviceId: device.deviceId, entries, ...defect.patch }),
  );
  const entries = fc.oneof(
    { weight: 4, arbitrary: withTransport('entries: malformed envelope (valid token)', 'POST', apiPaths.entries, fc.oneof(malformedEnvelope, malformedEnvelope, anyBody), fc.constant(validAuth), jsonType) },
    { weight: 1, arbitrary: withTransport('entries: bad token', 'POST', apiPaths.entries, fc.oneof(malformedEnvelope, anyBody, wellFormedPush(device)), badAuth, jsonType) },
    { weight: 1, arbitrary: withTransport('entries: wrong content type', 'POST', apiPaths.entries, fc.oneof(malformedEnvelope, wellFormedPush(device)), fc.oneof(fc.constant(validAuth), badAuth), wrongType) },
    { weight: 1, arbitrary: withTransport('entries: oversized', 'POST', apiPaths.entries, oversized(pushBytesMax), fc.oneof(fc.constant(validAuth), badAuth), jsonType) },
  );

  // GET /api/v1/setup: it takes no query, so with the valid token the defect is a query string.
  const anyQuery = fc.oneof(
    fc.dictionary(fc.oneof(injection, fc.string({ minLength: 1, maxLength: 10 })), fc.oneof(nastyString, fc.constant('')), { minKeys: 1, maxKeys: 4 }).map((d) => `?${new URLSearchParams(d).toString() || 'x'}`),
    fc.constantFrom('?%', '?%zz', '?%E0%A4%A', '?from=%00', '?a=1&a=2&a=3', "?from='--", '?;', '?&&&', '?=', `?${'x'.repeat(5000)}`),
  );
  const setup = fc.oneof(
    fc.record({ query: anyQuery, noise }).map(({ query, noise }) => get('setup: query string (valid token)', `${setupPath}${query}`, { ...noise, authorization: validAuth })),
    fc.record({ query: fc.oneof(fc.constant(''), anyQuery), auth: badAuth, noise }).map(({ query, auth, noise }) => get('setup: bad token', `${setupPath}${query}`, withAuth(noise, auth))),
  );

  // GET /api/v1/digest: with the valid token the query is always wrong.
  const notDate = fc.oneof(nastyString, fc.constantFrom('2024-02-30', '2023-13-01', '24-01-01', '2024-1-1', '2024-01-01T00:00:00Z', '1e308', '-0', '9999999999-01-01')).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || s === '2024-02-30' || s === '2023-13-01');
  const badDigestQuery = fc.oneof(
    fc.constant(''),
    fc.record({ from: notDate }).map((q) => q),
    fc.record({ to: notDate }).map((q) => q),
    fc.record({ from: notDate, to: fc.constantFrom('2024-07-10', '2024-01-31') }),
    fc.record({ from: fc.constantFrom('2024-01-01'), to: notDate }),
    fc.constant({ from: '2024-07-10', to: '2024-07-01' }),
    fc.constant({ from: '2023-01-01', to: '2024-07-10' }),
    fc.record({ from: fc.constant('2024-07-01'), to: fc.constant('2024-07-10'), extra: fc.oneof(injection, fc.string()) }).map(({ extra, ...q }) => ({ ...q, [extra === 'from' || extra === 'to' ? 'x' : extra || 'x']: extra })),
  ).map((q) => (typeof q === 'string' ? q : `?${new URLSearchParams(q as Record<string, string>).toString()}`));
  const digest = fc.oneof(
    fc.record({ query: fc.oneof(badDigestQuery, anyQuery.filter((q) => !/^\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/.test(q))), noise }).map(({ query, noise }) =>
      get('digest: bad query (valid token)', `${digestPath}${query}`, { ...noise, authorization: validAuth }),
    ),
    fc.record({ query: fc.oneof(fc.constant('?from=2024-07-01&to=2024-07-10'), badDigestQuery), auth: badAuth, noise }).map(({ query, auth, noise }) =>
      get('digest: bad token', `${digestPath}${query}`, withAuth(noise, auth)),
    ),
  );

  // Methods and paths no route serves, and bad transport headers on any route.
  const paths = [apiPaths.enroll, apiPaths.entries, setupPath, digestPath];
  const wrongMethod = fc
    .record({ method: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'GET', 'POST'), path: fc.constantFrom(...paths), body: fc.oneof(anyBody, wellFormedPush(device)), auth: fc.constantFrom(validAuth, undefined), noise })
    .filter(({ method, path }) => !(method === 'GET' && (path === setupPath || path === digestPath)) && !(method === 'POST' && (path === apiPaths.enroll || path === apiPaths.entries)))
    .map(({ method, path, body, auth, noise }): FuzzRequest => ({
      defect: `wrong method ${method}`,
      method,
      path,
      headers: { ...withAuth(noise, auth), 'content-type': 'application/json' },
      body: method === 'GET' || method === 'OPTIONS' ? undefined : body,
    }));
  const wrongPath = fc
    .record({ path: fc.constantFrom('/api/v1/entries/x', '/api/v1//entries', '/api/v1/entries%00', '/api/v1/%2e%2e/v1/setup', '/api/v1/ENTRIES', '/api/v2/entries', "/api/v1/setup'--", '/api/v1/<script>'), noise })
    .map(({ path, noise }) => ({ defect: 'wrong path', method: 'POST', path, headers: { ...noise, authorization: validAuth, 'content-type': 'application/json' }, body: JSON.stringify({ protocol: 1, deviceId: device.deviceId, entries: [{}] }) }));
  const badTransport = fc
    .record({
      path: fc.constantFrom(apiPaths.enroll, apiPaths.entries),
      headers: fc.oneof(
        fc.constantFrom({ 'content-encoding': 'gzip' }, { 'content-encoding': 'br' }, { 'content-encoding': 'identity, gzip' }),
        fc.constantFrom('-1', 'abc', '1e3', '99999999999999999999', '0x10', '1, 2').map((v) => ({ 'content-length': v })),
      ),
      body: fc.oneof(wellFormedPush(device), anyBody),
      noise,
    })
    .map(({ path, headers, body, noise }) => ({ defect: `bad transport header ${Object.keys(headers)[0]}`, method: 'POST', path, headers: { ...noise, ...headers, authorization: validAuth, 'content-type': 'application/json' }, body }));

  return fc.oneof(
    { weight: 6, arbitrary: entries },
    { weight: 3, arbitrary: enroll },
    { weight: 2, arbitrary: digest },
    { weight: 2, arbitrary: setup },
    { weight: 1, arbitrary: wrongMethod },
    { weight: 1, arbitrary: wrongPath },
    { weight: 1, arbitrary: badTransport },
  );
}

function get(defect: string, path: string, headers: Record<string, string>): FuzzRequest {
  return { defect, method: 'GET', path, headers, body: undefined };
}

function withAuth(headers: Record<string, string>, auth: string | undefined): Record<string, string> {
  return auth === undefined ? headers : { ...headers, authorization: auth };
}

/** A JSON body just over `bytesMax` (or well over), valid JSON but too big. */
function oversized(bytesMax: number): fc.Arbitrary<Body> {
  return fc.integer({ min: 1, max: bytesMax }).map((extra) => JSON.stringify({ code: 'ABCD-EFGH', pad: 'ก'.repeat(Math.ceil((bytesMax + extra) / 3)) }));
}

/** A push that would be accepted with the valid token: only for requests with another defect. */
function wellFormedPush(device: EnrollResponse): fc.Arbitrary<Body> {
  const maker = new EntryMaker(device);
  return fc.constant(null).map(() => JSON.stringify({ protocol: protocolVersion, deviceId: device.deviceId, entries: [maker.receipt({ amountSatang: 100 })] }));
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// ---- what must hold -------------------------------------------------------------------------------

const thai = /[\u0E00-\u0E7F]/;

async function expectRefusedInThai(res: Response, req: FuzzRequest): Promise<void> {
  const what = `${req.defect}: ${req.method} ${req.path.slice(0, 120)}`;
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
  const text = await res.text();
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; requestId?: unknown } };
  expect(typeof body.error?.code, what).toBe('string');
  expect(body.error?.message, what).toMatch(thai);
  expect(body.error?.requestId, what).toBe(res.headers.get('x-request-id'));
  expect(text, what).not.toMatch(/\bat .+:\d+:\d+|node_modules|\.ts:\d+|syntax error at|relation "|SQLSTATE/);
}

/** A checksum of every row of every table: equal before and after means nothing was written. */
async function tableChecksums(db: { query: <R>(sql: string) => Promise<{ rows: R[] }> }): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const sums: Record<string, string> = {};
  for (const { table_name } of tables) {
    const { rows } = await db.query<{ n: number; sum: string | null }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${table_name}" t`,
    );
    sums[table_name] = `${rows[0]!.n} rows, ${rows[0]!.sum}`;
  }
  return sums;
}

describe.each(serverBackends)('fuzzing the API on %s', (backend) => {
  const fx = openServerFixture(backend, { perTest: false });
  let app: ReturnType<typeof createApp>;
  let log: CapturedLog;
  let device: EnrollResponse;
  let before: Record<string, string>;

  beforeAll(async () => {
    // The demo code is used here: afterwards no unused code exists, so no enrolment can succeed.
    device = await enrol(fx.server);
    log = captureLogger('warn');
    app = createApp({
      db: fx.server.db,
      clock: fx.server.clock,
      logger: log.logger,
      // The device's push rate would answer 429 before the body is read: lifted, so the body is judged.
      limits: { pushBytesMax, enrollBytesMax, devicePushBurst: 1_000_000 },
    });
    before = await tableChecksums(fx.server.db);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['entries', 'devices', 'enrolment_codes', 'receipt_numbers', 'budget_effects']));
  });

  afterAll(() => {
    // Unexpected errors (a 500's stack) would be logged at error level; none may be.
    expect(log.lines().filter((l) => l.level === 'error')).toEqual([]);
  });

  it(`answers ${malformedRuns.toLocaleString('en-US')} malformed requests with a 4xx in Thai and writes nothing`, async () => {
    const tally = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fuzzRequests(device), async (req) => {
        const res = await app.request(req.path, { method: req.method, headers: req.headers, body: req.body as BodyInit | undefined });
        const key = `${res.status} ${req.defect}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
        await expectRefusedInThai(res, req);
      }),
      { seed, numRuns: malformedRuns },
    );
    console.log(`fuzz ${backend}: ${[...tally].sort().map(([k, n]) => `${n} × ${k}`).join('\n  ')}`);
    expect(await tableChecksums(fx.server.db)).toEqual(before);
  }, 600_000);

  it(`answers ${tamperedRuns.toLocaleString('en-US')} well-formed pushes of tampered entries with 200, every entry rejected in Thai, and writes nothing`, async () => {
    const maker = new EntryMaker(device);
    const tampered = fc.array(fc.record({ pick: fc.nat(), value: shortNasty }), { minLength: 1, maxLength: 3 }).map((edits) =>
      edits.map(({ pick, value }) => tamper(maker.receipt({ amountSatang: 100 + (pick % 1000) }) as unknown as Record<string, unknown>, pick, value)),
    );
    await fc.assert(
      fc.asyncProperty(tampered, async (entries) => {
        const res = await app.request(apiPaths.entries, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
          body: JSON.stringify({ protocol: protocolVersion, deviceId: device.deviceId, entries }),
        });
        expect(res.status).toBe(200);
        const { results } = pushResponseSchema.parse(await res.json());
        expect(results).toHaveLength(entries.length);
        for (const r of results) {
          expect(r.outcome).toBe('rejected');
          if (r.outcome === 'rejected') expect(r.message).toMatch(thai);
        }
      }),
      { seed: seed + 1, numRuns: tamperedRuns },
    );
    expect(await tableChecksums(fx.server.db)).toEqual(before);
  }, 600_000);
});

/** The entry with one leaf (chosen by `pick`) replaced by `value`, or its hash when that changes nothing. */
function tamper(entry: Record<string, unknown>, pick: number, value: unknown): Record<string, unknown> {
  const copy = structuredClone(entry);
  const leaves: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((v, i) => (typeof v === 'object' && v !== null ? walk(v) : leaves.push({ parent: node, key: i })));
    else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) typeof v === 'object' && v !== null ? walk(v) : leaves.push({ parent: node as Record<string, unknown>, key: k });
    }
  };
  walk(copy);
  const leaf = leaves[pick % leaves.length]!;
  const before = JSON.stringify(copy);
  (leaf.parent as Record<string | number, unknown>)[leaf.key] = value;
  if (JSON.stringify(copy) === before) copy.hash = '0'.repeat(64);
  return copy;
}
