/**
 * Device authentication: `Authorization: Bearer <token>` → the device and its organisation. The
 * organisation of every request comes from here, never from the body (DESIGN.md §4 Auth). Only the
 * token's SHA-256 is stored and looked up. A revoked device, or a token replaced by enrolling again
 * (routes/enroll.ts), is 401 with a Thai message on every device route (entries, setup, digest); the
 * app then asks the officer to enrol again, keeping every pending entry.
 *
 * Tokens do not expire by time: an office PC works offline for months, and a token that lapsed while
 * the server was down would stop a back-post for a visit from the administrator, against no threat the
 * token's 256 bits and revocation (admin revoke-device) do not already meet.
 */
import { createMiddleware } from 'hono/factory';
import type { Queryable } from './db';
import { ApiError } from './errors';
import { tokenHash } from './secrets';

/** Who is calling: filled in by `requireDevice`, read by the routes behind it. */
export interface DeviceIdentity {
  orgId: string;
  deviceId: string;
}

/** Hono environment of routes behind `requireDevice`. */
export type DeviceEnv = { Variables: { device: DeviceIdentity } };

/** Tokens are 43 characters; a much longer header is not a token, and is not hashed. */
const authorizationLengthMax = 200;

const enrolAgainTh = 'เครื่องนี้ยังไม่ได้ลงทะเบียนหรือสิทธิ์ใช้งานไม่ถูกต้อง กรุณาลงทะเบียนเครื่องใหม่ด้วยรหัสลงทะเบียนจากผู้ดูแลระบบ';

/**
 * Middleware: 401 unless the request carries the token of a device that is not revoked.
 * @example app.post('/api/v1/entries', requireDevice(db), handler)
 */
export function requireDevice(db: Queryable) {
  return createMiddleware<DeviceEnv>(async (c, next) => {
    c.set('device', await authenticate(db, c.req.header('authorization')));
    await next();
  });
}

async function authenticate(db: Queryable, authorization: string | undefined): Promise<DeviceIdentity> {
  const match = /^Bearer ([A-Za-z0-9_-]{1,100})$/.exec((authorization ?? '').slice(0, authorizationLengthMax));
  if (!match?.[1]) throw new ApiError(401, 'unauthorized', enrolAgainTh, { 'WWW-Authenticate': 'Bearer' });
  const { rows } = await db.query<{ org_id: string; device_id: string; revoked: boolean }>(
    `SELECT org_id, device_id, revoked_at IS NOT NULL AS revoked FROM devices WHERE token_hash = $1`,
    [tokenHash(match[1])],
  );
  const device = rows[0];
  if (!device) throw new ApiError(401, 'unauthorized', enrolAgainTh, { 'WWW-Authenticate': 'Bearer' });
  if (device.revoked) {
    throw new ApiError(401, 'device_revoked', 'เครื่องนี้ถูกยกเลิกสิทธิ์แล้ว กรุณาลงทะเบียนเครื่องใหม่ด้วยรหัสลงทะเบียนจากผู้ดูแลระบบ', {
      'WWW-Authenticate': 'Bearer',
    });
  }
  return { orgId: device.org_id, deviceId: device.device_id };
}
