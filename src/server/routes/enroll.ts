/**
 * POST /api/v1/enroll: a PC trades a one-time enrolment code for a device id and a bearer token.
 * Marking the code used and creating the device happen in one transaction, so a code enrols exactly
 * one device even when two PCs try it at the same moment.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { Clock } from '../clock';
import type { Db, Queryable } from '../db';
import { ApiError } from '../errors';
import { readJsonBody } from '../jsonBody';
import type { ServerLimits } from '../limits';
import { enrolmentCodeHash, newDeviceToken, tokenHash } from '../secrets';
import { invalidBodyError, thaiIssueMessage } from '../zodThai';
import { enrollRequestSchema, protocolVersion, type EnrollResponse } from '../../sync/protocol';

/** Routes for enrolment. */
export function enrollRoutes(deps: { db: Db; clock: Clock; limits: ServerLimits }): Hono {
  const app = new Hono();
  app.post('/', async (c) => {
    const body = await readJsonBody(c, deps.limits.enrollBytesMax);
    const parsed = enrollRequestSchema.safeParse(body, { error: thaiIssueMessage });
    if (!parsed.success) throw invalidBodyError(parsed.error, 'ข้อมูลลงทะเบียน');
    const answer = await deps.db.transaction((tx) =>
      enrolDevice(tx, parsed.data.code, parsed.data.deviceName ?? '', deps.clock.now()),
    );
    return c.json(answer, 200);
  });
  return app;
}

async function enrolDevice(tx: Queryable, code: string, deviceName: string, now: Date): Promise<EnrollResponse> {
  const codeHash = enrolmentCodeHash(code);
  const nowIso = now.toISOString();
  // FOR UPDATE: a second PC with the same code waits here, then finds the code used.
  const usable = await tx.query<{ org_id: string }>(
    `SELECT org_id FROM enrolment_codes
      WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
      LIMIT 1 FOR UPDATE`,
    [codeHash, nowIso],
  );
  const orgId = usable.rows[0]?.org_id;
  if (orgId === undefined) throw await refusal(tx, codeHash, nowIso);

  await tx.query(`UPDATE enrolment_codes SET used_at = $3 WHERE org_id = $1 AND code_hash = $2`, [orgId, codeHash, nowIso]);
  const deviceId = randomUUID();
  const token = newDeviceToken();
  await tx.query(
    `INSERT INTO devices (org_id, device_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [orgId, deviceId, deviceName, tokenHash(token), nowIso],
  );
  const org = await tx.query<{ name: string }>('SELECT name FROM orgs WHERE org_id = $1', [orgId]);
  const orgName = org.rows[0]?.name;
  if (orgName === undefined) throw new Error(`enrolment code of a missing organisation ${orgId}`); // FK forbids it
  return { protocol: protocolVersion, orgId, orgName, deviceId, token };
}

/** Why a code was refused. An expired code says so (the officer needs a new one); unknown and used look alike. */
async function refusal(tx: Queryable, codeHash: string, nowIso: string): Promise<ApiError> {
  const expired = await tx.query(
    `SELECT 1 FROM enrolment_codes WHERE code_hash = $1 AND used_at IS NULL AND expires_at <= $2 LIMIT 1`,
    [codeHash, nowIso],
  );
  if (expired.rows.length > 0) {
    return new ApiError(401, 'enrolment_code_expired', 'รหัสลงทะเบียนนี้หมดอายุแล้ว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ');
  }
  return new ApiError(
    401,
    'enrolment_code_invalid',
    'รหัสลงทะเบียนไม่ถูกต้องหรือถูกใช้ไปแล้ว กรุณาตรวจสอบรหัส หรือขอรหัสใหม่จากผู้ดูแลระบบ',
  );
}
