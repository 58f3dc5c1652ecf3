/**
 * One-time enrolment codes: an administrator gives one to an office, a PC trades it once for a device
 * token (routes/enroll.ts). Only the hash is stored; the code is shown once, when issued. A code expires:
 * the shorter it lives, the less time a guesser has (enrolmentAttempts.ts does the arithmetic).
 */
import type { Clock } from './clock';
import type { Queryable } from './db';
import { enrolmentCodeHash, newEnrolmentCode } from './secrets';

/** How long an unused code stays valid unless the administrator says otherwise: three days to reach an office. */
export const enrolmentCodeValidHoursDefault = 72;

/** The longest an administrator may make a code live (30 days): beyond that a code is a standing password. */
export const enrolmentCodeValidHoursMax = 30 * 24;

/** A code just issued, with its expiry. */
export interface IssuedEnrolmentCode {
  /** `XXXX-XXXX`; not stored anywhere, so show it now or lose it. */
  code: string;
  expiresAt: Date;
}

/**
 * Issues a new one-time enrolment code for an organisation, valid for `validHours` (1…720).
 * @example const { code } = await issueEnrolmentCode(db, orgId, clock) // code: 'KX7M-4RTQ', valid 72 h
 */
export async function issueEnrolmentCode(
  db: Queryable,
  orgId: string,
  clock: Clock,
  validHours: number = enrolmentCodeValidHoursDefault,
): Promise<IssuedEnrolmentCode> {
  if (!Number.isInteger(validHours) || validHours < 1 || validHours > enrolmentCodeValidHoursMax) {
    throw new RangeError(`validHours must be an integer 1…${enrolmentCodeValidHoursMax}, got ${validHours}`);
  }
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + validHours * 60 * 60 * 1000);
  const code = newEnrolmentCode();
  await db.query(
    `INSERT INTO enrolment_codes (org_id, code_hash, expires_at, created_at) VALUES ($1, $2, $3, $4)`,
    [orgId, enrolmentCodeHash(code), expiresAt.toISOString(), now.toISOString()],
  );
  return { code, expiresAt };
}
