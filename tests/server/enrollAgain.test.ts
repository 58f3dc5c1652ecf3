/**
 * Enrolling again keeps the device id (POST /api/v1/enroll with `deviceId`): a PC whose token was
 * revoked, or whose browser was restored from a backup, posts its pending entries — which carry that
 * id in their hashed content — after enrolling with a new code of the SAME organisation. Every earlier
 * token of the device stops working; any other device id is refused with one message, the code unused.
 */
import { describe, expect, it } from 'vitest';
import { revokeDevice } from '../../src/server/admin/accounts';
import { issueEnrolmentCode } from '../../src/server/enrolmentCodes';
import { deviceNotInOrgTh } from '../../src/server/routes/enroll';
import { tokenHash } from '../../src/server/secrets';
import { apiPaths, enrollResponseSchema, type EnrollResponse } from '../../src/sync/protocol';
import { answerWithoutRequestId, EntryMaker, enrol, enrolNewOrg, expectThaiError, newEntryId, openServerFixture, postJson, push, pushResults, serverBackends } from './helpers';

const silentIo = { out: () => {}, err: () => {} };

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend, { orgName: 'อบต.ลงทะเบียนซ้ำ' });

  async function enrolAgain(code: string, deviceId: string, deviceName?: string): Promise<Response> {
    return postJson(fx.server, apiPaths.enroll, { code, deviceId, ...(deviceName ? { deviceName } : {}) });
  }

  async function newCode(orgId = fx.device.orgId): Promise<string> {
    return (await issueEnrolmentCode(fx.server.db, orgId, fx.server.clock)).code;
  }

  it('keeps the device id of a revoked PC: its pending entries post, seq goes on, the old token is dead', async () => {
    const posted = fx.make.receipt();
    await pushResults(fx.server, fx.device, [posted]);
    const pending = [fx.make.receipt(), fx.make.receipt()]; // recorded while the PC was revoked
    await revokeDevice(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, deviceId: fx.device.deviceId }, silentIo);
    expect(await expectThaiError(await push(fx.server, fx.device, pending), 401)).toBe('device_revoked');

    const res = await enrolAgain(await newCode(), fx.device.deviceId);
    expect(res.status).toBe(200);
    const again: EnrollResponse = enrollResponseSchema.parse(await res.json());
    expect(again).toMatchObject({ orgId: fx.device.orgId, deviceId: fx.device.deviceId });
    expect(again.token).not.toBe(fx.device.token);

    const results = await pushResults(fx.server, again, [posted, ...pending, fx.make.receipt()]);
    expect(results.map((r) => r.outcome)).toEqual(['duplicate', 'posted', 'posted', 'posted']);
    expect(await expectThaiError(await push(fx.server, fx.device, [fx.make.receipt()]), 401)).toBe('unauthorized');

    const { rows } = await fx.server.db.query<{ n: number; token_hash: string; revoked: boolean; reenrolled: boolean; name: string }>(
      `SELECT (SELECT count(*)::int FROM devices WHERE org_id = $1) AS n, token_hash, revoked_at IS NOT NULL AS revoked,
              reenrolled_at IS NOT NULL AS reenrolled, name
         FROM devices WHERE org_id = $1 AND device_id = $2`,
      [fx.device.orgId, fx.device.deviceId],
    );
    expect(rows).toEqual([{ n: 1, token_hash: tokenHash(again.token), revoked: false, reenrolled: true, name: 'PC การเงิน 1' }]);
  });

  it('renews a device that was not revoked (a restored backup): the token it had stops working', async () => {
    const res = await enrolAgain(await newCode(), fx.device.deviceId, 'PC การเงิน (กู้คืน)');
    const again = enrollResponseSchema.parse(await res.json());
    expect(again.deviceId).toBe(fx.device.deviceId);
    expect(await pushResults(fx.server, again, [fx.make.receipt()])).toMatchObject([{ outcome: 'posted' }]);
    expect(await expectThaiError(await push(fx.server, fx.device, [fx.make.receipt()]), 401)).toBe('unauthorized');
  });

  it('refuses an unknown id and another organisation\'s id alike, and leaves the code for the right PC', async () => {
    const stranger = await enrolNewOrg(fx.server, 'อบต.อื่น');
    const code = await newCode();
    const answers = [];
    for (const deviceId of [stranger.deviceId, newEntryId()]) {
      const res = await enrolAgain(code, deviceId);
      const { status, body } = await answerWithoutRequestId(res);
      answers.push({ status, body });
    }
    const refused = { status: 403, body: { error: { code: 'device_not_in_org', message: deviceNotInOrgTh } } };
    expect(answers).toEqual([refused, refused]);
    // Nothing changed for the stranger, and the code still enrols (once).
    expect(await pushResults(fx.server, stranger, [new EntryMaker(stranger).receipt()])).toMatchObject([{ outcome: 'posted' }]);
    expect((await enrol(fx.server, code)).orgId).toBe(fx.device.orgId);
    expect(await expectThaiError(await enrolAgain(code, fx.device.deviceId), 401)).toBe('enrolment_code_invalid');
  });

  it('refuses a device id that is not a UUID in Thai, naming the field', async () => {
    const res = await enrolAgain(await newCode(), 'PC-1');
    expect(await expectThaiError(res, 400)).toBe('invalid_body');
  });
});
