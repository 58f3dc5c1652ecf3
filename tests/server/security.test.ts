/**
 * Security between organisations (issue 7), on both databases: a device of organisation A cannot read,
 * post to, or learn anything about organisation B. Entry ids reused across organisations are
 * independent; organisation and device ids forged in a body are refused (they come from the token);
 * setup and digest show only the caller's own; revoked tokens are 401 everywhere; expired codes are
 * refused; guessing codes meets 429; no token or code is stored in clear anywhere in the database.
 */
import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import { revokeDevice } from '../../src/server/admin/accounts';
import { saveOrgChart, saveOrgRules } from '../../src/server/books/orgSetup';
import { issueEnrolmentCode } from '../../src/server/enrolmentCodes';
import { tokenHash } from '../../src/server/secrets';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import { apiPaths, digestPath, digestResponseSchema, setupPath, setupResponseSchema } from '../../src/sync/protocol';
import { answerWithoutRequestId,
  EntryMaker,
  addOrg,
  countEntryRows,
  enrol,
  enrolNewOrg,
  expectRejected,
  expectThaiError,
  openServerFixture,
  postJson,
  push,
  pushResults,
  resealed,
  serverBackends,
  type TestServer,
} from './helpers';

const silentIo = { out: () => {}, err: () => {} };

/** Every row of every table of the database as text, for looking for secrets anywhere. */
async function wholeDatabaseText(server: TestServer): Promise<string> {
  const { rows: tables } = await server.db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['devices', 'enrolment_codes', 'entries', 'orgs']));
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await server.db.query<{ text: string | null }>(`SELECT json_agg(t)::text AS text FROM "${name}" t`);
    parts.push(rows[0]?.text ?? '');
  }
  return parts.join('\n');
}

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend, { perTest: false });

  /** Organisations A and B, each with a device and its entry maker. */
  async function twoOrgs() {
    const a = await enrolNewOrg(fx.server, 'อบต.เอ');
    const b = await enrolNewOrg(fx.server, 'อบต.บี');
    return { a, b, makeA: new EntryMaker(a), makeB: new EntryMaker(b) };
  }

  it('keeps an entry id reused by another organisation independent, and tells that organisation nothing', async () => {
    const { a, b, makeA, makeB } = await twoOrgs();
    const ofA = makeA.receipt({ amountSatang: 123_400 });
    expect(await pushResults(fx.server, a, [ofA])).toMatchObject([{ outcome: 'posted', serverSeq: 1 }]);

    // B posts its own, different entry under A's id, and a control entry under an id nobody holds:
    // the two answers have the same shape, so B cannot tell that A holds the first id.
    const reused = makeB.receipt({ amountSatang: 999 }, { id: ofA.id });
    const fresh = makeB.receipt({ amountSatang: 999 });
    const answers = await pushResults(fx.server, b, [reused, fresh]);
    expect(answers).toEqual([
      { id: ofA.id, outcome: 'posted', serverSeq: 1 },
      { id: fresh.id, outcome: 'posted', serverSeq: 2 },
    ]);

    // A's entry is untouched and still A's: a resend is a duplicate, not a conflict with B's.
    expect(await pushResults(fx.server, a, [ofA])).toEqual([{ id: ofA.id, outcome: 'duplicate', serverSeq: 1 }]);
    const { rows } = await fx.server.db.query<{ org_id: string; hash: string }>('SELECT org_id, hash FROM entries WHERE id = $1 ORDER BY server_seq, org_id', [ofA.id]);
    expect(rows.map((r) => [r.org_id, r.hash]).sort()).toEqual([[a.orgId, ofA.hash], [b.orgId, reused.hash]].sort());
  });

  it('refuses organisation and device ids forged in a push: the organisation comes from the token', async () => {
    const { a, b, makeA } = await twoOrgs();
    const ofA = makeA.receipt();
    // B replays A's sealed entry: refused as another organisation's, nothing written anywhere.
    expectRejected((await pushResults(fx.server, b, [ofA]))[0], 'wrong_org');
    // B's entry relabelled with A's organisation (resealed, so it is well-formed): refused the same.
    const relabelled = resealed({ ...new EntryMaker(b).receipt(), orgId: a.orgId });
    expectRejected((await pushResults(fx.server, b, [relabelled]))[0], 'wrong_org');
    // The envelope naming A's device, or carrying an orgId at all, is refused whole.
    expect(await expectThaiError(await push(fx.server, b, [ofA], { deviceId: a.deviceId }), 403)).toBe('wrong_device');
    expect(await expectThaiError(await push(fx.server, b, [ofA], { orgId: a.orgId }), 400)).toBe('invalid_body');
    expect(await countEntryRows(fx.server, a.orgId)).toBe(0);
    expect(await countEntryRows(fx.server, b.orgId)).toBe(0);
  });

  it("shows a device only its own organisation's setup and its own entries in the digest", async () => {
    const { a, b, makeA, makeB } = await twoOrgs();
    const chartB = { ...defaultChart, versionLabel: 'ผังบัญชีลับของ อบต.บี' };
    await saveOrgChart(fx.server.db, b.orgId, chartB, fx.server.clock);
    await saveOrgRules(fx.server.db, b.orgId, { ...moneyRulesDefault, booksClosedThrough: '2023-12-31' }, fx.server.clock);
    await pushResults(fx.server, a, [makeA.receipt({}, { date: '2024-01-16' })]);
    await pushResults(fx.server, b, [makeB.receipt({}, { date: '2024-01-16' }), makeB.receipt({}, { date: '2024-01-17' })]);

    const asA = { authorization: `Bearer ${a.token}` };
    const setup = setupResponseSchema.parse(await (await fx.server.app.request(setupPath, { headers: asA })).json());
    expect(setup.chart.versionLabel).toBe(defaultChart.versionLabel);
    expect(setup.rules).toEqual(moneyRulesDefault);
    const digest = digestResponseSchema.parse(await (await fx.server.app.request(`${digestPath}?from=2024-01-01&to=2024-01-31`, { headers: asA })).json());
    expect(digest.deviceId).toBe(a.deviceId);
    expect(digest.days.map((d) => [d.date, d.count])).toEqual([['2024-01-16', 1]]);
  });

  it('answers 401 with a Thai message on every device route to a revoked token', async () => {
    const { a, makeA } = await twoOrgs();
    await revokeDevice(fx.server.db, fx.server.clock, { orgId: a.orgId, deviceId: a.deviceId }, silentIo);
    const auth = { authorization: `Bearer ${a.token}` };
    const answers = [
      await push(fx.server, a, [makeA.receipt()]),
      await fx.server.app.request(setupPath, { headers: auth }),
      await fx.server.app.request(`${digestPath}?from=2024-01-01&to=2024-01-31`, { headers: auth }),
    ];
    for (const res of answers) {
      expect(await expectThaiError(res, 401)).toBe('device_revoked');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect(await countEntryRows(fx.server, a.orgId)).toBe(0);
  });

  it('refuses an expired code like an unknown one', async () => {
    const { orgId } = await addOrg(fx.server, 'อบต.รหัสหมดอายุ');
    const { code } = await issueEnrolmentCode(fx.server.db, orgId, fx.server.clock, 1);
    fx.server.clock.advanceMs(60 * 60 * 1000);
    const expired = await postJson(fx.server, apiPaths.enroll, { code });
    const unknown = await postJson(fx.server, apiPaths.enroll, { code: 'WWWW-WWWW' });
    const [a, b] = [await answerWithoutRequestId(expired), await answerWithoutRequestId(unknown)];
    expect(a).toEqual(b);
    expect(a.status).toBe(401);
  });

  it('answers 429 to an address guessing codes, after the default 10 wrong ones', async () => {
    const from = { incoming: { socket: { remoteAddress: '203.0.113.66' } } };
    const guess = (code: string) =>
      Promise.resolve(fx.server.app.request(apiPaths.enroll, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) }, from));
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await guess(`AAAA-AA${String(i).padStart(2, '3')}`)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });

  it('stores no token and no code in clear anywhere in the database', async () => {
    const { orgId, code } = await addOrg(fx.server, 'อบต.เก็บความลับ');
    const device = await enrol(fx.server, code);
    const { code: unused } = await issueEnrolmentCode(fx.server.db, orgId, fx.server.clock);
    const text = await wholeDatabaseText(fx.server);
    for (const secret of [device.token, code, code.replace('-', ''), unused, unused.replace('-', '')]) expect(text).not.toContain(secret);
    const { rows } = await fx.server.db.query<{ token_hash: string }>('SELECT token_hash FROM devices WHERE org_id = $1', [orgId]);
    expect(rows).toEqual([{ token_hash: tokenHash(device.token) }]);
  });
});
