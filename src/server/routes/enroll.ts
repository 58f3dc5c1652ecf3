/**
 * POST /api/v1/enroll: a PC trades a one-time enrolment code for a device id and a bearer token.
 * Marking the code used and creating (or renewing) the device happen in one transaction, so a code
 * enrols exactly one device even when two PCs try it at the same moment.
 *
 * Enrolling again (`deviceId` in the request: a revoked or expired PC, or a browser restored from a
 * backup) keeps that device id, because the PC's pending entries carry it in their hashed content. It
 * is accepted only for a device of the code's own organisation (revoked or not); the device row gets
 * a new token hash, so every earlier token of it stops working. Any other id is refused with one
 * message, whether or not it exists in another organisation.
 *
 * No oracle: an unknown, used or expired code gets the same answer; and every attempt passes the
 * brake on guessing first (enrolmentAttempts.ts).
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { clientAddress } from '../clientAddress';
import type { Clock } from '../clock';
import type { Db, Queryable } from '../db';
import { enrolmentAttempts } from '../enrolmentAttempts';
import { ApiError } from '../errors';
import { readJsonBody } from '../jsonBody';
import type { ServerLimits } from '../limits';
import { enrolmentCodeHash, newDeviceToken, tokenHash } from '../secrets';
import { invalidBodyError, thaiIssueMessage } from '../zodThai';
import { enrollRequestSchema, protocolVersion, type EnrollResponse } from '../../sync/protocol';

/** The one answer to a code that cannot enrol, whatever the reason (unknown, used, expired). */
export const codeRefusedTh = 'รหัสลงทะเบียนไม่ถูกต้อง ถูกใช้ไปแล้ว หรือหมดอายุ กรุณาตรวจสอบรหัส หรือขอรหัสใหม่จากผู้ดูแลระบบ';

/** The one answer to a previous device id that is not a device of the code's organisation. */
export const deviceNotInOrgTh =
  'เครื่องนี้ไม่ได้ลงทะเบียนไว้กับหน่วยงานของรหัสนี้ รายการที่รอส่งในเครื่องเป็นของหน่วยงานเดิม กรุณาขอรหัสลงทะเบียนของหน่วยงานเดิมจากผู้ดูแลระบบ';

/** Refusals that count as a wrong guess against the attempt limit. */
const guessCodes = new Set(['enrolment_code_invalid', 'device_not_in_org']);

/** Routes for enrolment. */
export function enrollRoutes(deps: { db: Db; clock: Clock; limits: ServerLimits }): Hono {
  const app = new Hono();
  const attempts = enrolmentAttempts(deps.limits, deps.clock);
  app.post('/', async (c) => {
    const attempt = attempts.begin(clientAddress(c));
    try {
      const body = await readJsonBody(c, deps.limits.enrollBytesMax);
      const parsed = enrollRequestSchema.safeParse(body, { error: thaiIssueMessage });
      if (!parsed.success) throw invalidBodyError(parsed.error, 'ข้อมูลลงทะเบียน');
      const { code, deviceName, deviceId } = parsed.data;
      const answer = await deps.db.transaction((tx) => enrolDevice(tx, { code, deviceName: deviceName ?? '', deviceId }, deps.clock.now()));
      attempt.settle(false);
      return c.json(answer, 200);
    } catch (err) {
      // Only a wrong guess is charged: a malformed body or a server failure guessed nothing.
      attempt.settle(err instanceof ApiError && guessCodes.has(err.code));
      throw err;
    }
  });
  return app;
}

interface EnrolRequest {
  code: string;
  deviceName: string;
  /** The device id to keep, when enrolling again. */
  deviceId: string | undefined;
}

async function enrolDevice(tx: Queryable, request: EnrolRequest, now: Date): Promise<EnrollResponse> {
  const codeHash = enrolmentCodeHash(request.code);
  const nowIso = now.toISOString();
  // FOR UPDATE: a second PC with the same code waits here, then finds the code used.
  const usable = await tx.query<{ org_id: string }>(
    `SELECT org_id FROM enrolment_codes
      WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2
      LIMIT 1 FOR UPDATE`,
    [codeHash, nowIso],
  );
  const orgId = usable.rows[0]?.org_id;
  if (orgId === undefined) throw new ApiError(401, 'enrolment_code_invalid', codeRefusedTh);

  const token = newDeviceToken();
  let deviceId: string;
  if (request.deviceId !== undefined) {
    // Looked up within the code's organisation only: whether the id exists elsewhere never shows.
    const renewed = await tx.query<{ device_id: string }>(
      `UPDATE devices SET token_hash = $3, revoked_at = NULL, reenrolled_at = $4,
                          name = CASE WHEN $5 = '' THEN name ELSE $5 END
        WHERE org_id = $1 AND device_id = $2
        RETURNING device_id`,
      [orgId, request.deviceId, tokenHash(token), nowIso, request.deviceName],
    );
    // Throwing rolls the transaction back: the code stays unused for the right PC.
    if (renewed.rows.length !== 1) throw new ApiError(403, 'device_not_in_org', deviceNotInOrgTh);
    deviceId = request.deviceId;
  } else {
    deviceId = randomUUID();
    await tx.query(
      `INSERT INTO devices (org_id, device_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)`,
      [orgId, deviceId, request.deviceName, tokenHash(token), nowIso],
    );
  }
  await tx.query(`UPDATE enrolment_codes SET used_at = $3 WHERE org_id = $1 AND code_hash = $2`, [orgId, codeHash, nowIso]);
  const org = await tx.query<{ name: string }>('SELECT name FROM orgs WHERE org_id = $1', [orgId]);
  const orgName = org.rows[0]?.name;
  if (orgName === undefined) throw new Error(`enrolment code of a missing organisation ${orgId}`); // FK forbids it
  return { protocol: protocolVersion, orgId, orgName, deviceId, token };
}
