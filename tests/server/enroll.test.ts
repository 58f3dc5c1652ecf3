/**
 * POST /api/v1/enroll: a one-time code, accepted once, before it expires, however the officer types it;
 * the device gets a token the server keeps only as a hash.
 */
import { describe, expect, it } from 'vitest';
import { ensureDemoOrg, issueEnrolmentCode } from '../../src/server/demoOrg';
import { enrolmentCodeValidHoursDefault } from '../../src/server/enrolmentCodes';
import { codeRefusedTh } from '../../src/server/routes/enroll';
import { tokenHash } from '../../src/server/secrets';
import { apiPaths } from '../../src/sync/protocol';
import { answerWithoutRequestId, addOrg, enrol, expectThaiError, openServerFixture, postJson, serverBackends } from './helpers';

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend, { perTest: false });

  describe('enrolment', () => {
    it('trades the demo code for a device of the demo organisation', async () => {
      const device = await enrol(fx.server, fx.server.code, 'PC ห้องการเงิน');
      expect(device).toMatchObject({ protocol: 1, orgId: fx.server.orgId, orgName: 'อบต.ตัวอย่าง (สาธิต)' });
      expect(device.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const { rows } = await fx.server.db.query<{ name: string; token_hash: string }>(
        'SELECT name, token_hash FROM devices WHERE device_id = $1',
        [device.deviceId],
      );
      expect(rows).toEqual([{ name: 'PC ห้องการเงิน', token_hash: tokenHash(device.token) }]);
    });

    it('stores neither the token nor the code in clear', async () => {
      const { orgId, code } = await addOrg(fx.server, 'อบต.เก็บความลับ');
      const device = await enrol(fx.server, code);
      const dump = JSON.stringify([
        (await fx.server.db.query('SELECT * FROM devices WHERE org_id = $1', [orgId])).rows,
        (await fx.server.db.query('SELECT * FROM enrolment_codes WHERE org_id = $1', [orgId])).rows,
      ]);
      expect(dump).not.toContain(device.token);
      expect(dump).not.toContain(code.replace('-', ''));
    });

    it('accepts the code in lower case and without the dash', async () => {
      const { code } = await addOrg(fx.server, 'อบต.พิมพ์เล็ก');
      await enrol(fx.server, `  ${code.toLowerCase().replace('-', '')} `);
    });

    it('refuses a used, an unknown and an expired code with one and the same answer (no oracle)', async () => {
      const used = await addOrg(fx.server, 'อบต.ใช้แล้ว');
      await enrol(fx.server, used.code);
      const { orgId } = await addOrg(fx.server, 'อบต.หมดอายุ');
      const { code: expired } = await issueEnrolmentCode(fx.server.db, orgId, fx.server.clock);
      fx.server.clock.advanceMs(enrolmentCodeValidHoursDefault * 60 * 60 * 1000 + 1);
      const answers: unknown[] = [];
      for (const code of [used.code, 'AAAA-AAAA', expired]) {
        const res = await postJson(fx.server, apiPaths.enroll, { code });
        answers.push(await answerWithoutRequestId(res));
      }
      const refused = { error: { code: 'enrolment_code_invalid', message: codeRefusedTh } };
      // Byte for byte the same but for the request id: status, every header, body.
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      expect(answers[0]).toMatchObject({ status: 401, headers: expect.arrayContaining([['content-type', 'application/json']]), body: refused });
      const { rows } = await fx.server.db.query('SELECT 1 FROM devices WHERE org_id = $1', [orgId]);
      expect(rows).toHaveLength(0);
    });

    it('enrols exactly one device when two PCs send the same code at once', async () => {
      const { code } = await addOrg(fx.server, 'อบต.แข่งกัน');
      const answers = await Promise.all([1, 2, 3].map(() => postJson(fx.server, apiPaths.enroll, { code })));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 401, 401]);
    });

    it('answers 400 to a malformed body and 415 to a non-JSON one', async () => {
      expect(await expectThaiError(await postJson(fx.server, apiPaths.enroll, { kode: 'X' }), 400)).toBe('invalid_body');
      const res = await fx.server.app.request(apiPaths.enroll, { method: 'POST', body: 'code=ABCD-EFGH' });
      expect(await expectThaiError(res, 415)).toBe('unsupported_media_type');
    });
  });

  describe('the demo organisation', () => {
    it('is created only while there is no organisation', async () => {
      const { rows } = await fx.server.db.query<{ name: string }>('SELECT name FROM orgs WHERE org_id = $1', [fx.server.orgId]);
      expect(rows).toEqual([{ name: 'อบต.ตัวอย่าง (สาธิต)' }]);
      expect(await ensureDemoOrg(fx.server.db, fx.server.clock)).toEqual({ created: false });
    });

    it('gets a code kept only as a hash, valid for 72 hours', async () => {
      const { rows } = await fx.server.db.query<{ code_hash: string; hours: number }>(
        `SELECT code_hash, extract(epoch FROM expires_at - created_at)::int / 3600 AS hours FROM enrolment_codes WHERE org_id = $1`,
        [fx.server.orgId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]!.hours).toBe(72);
    });
  });
});
