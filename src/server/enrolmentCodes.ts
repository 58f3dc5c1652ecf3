/**
 * One-time enrolment codes: an administrator gives one to an office, a PC trades it once for a device
 * token (routes/enroll.ts). Only the hash is stored; the code is shown once, when issued.
 */
import type { Clock } from './clock';
import type { Queryable } from './db';
import { enrolmentCodeHash, newEnrolmentCode } from './secrets';

/** How long an unused code stays valid: long enough to reach a remote office, short enough to expire. */
export const enrolmentCodeValidDays = 7;

/** A code just issued, with its expiry. */
export interface IssuedEnrolmentCode {
  /** `XXXX-XXXX`; not stored anywhere, so show it now or lose it. */
  code: string;
  expiresAt: Date;
}

/**
 * Issues a new one-time enrolment code for an organisation.
 * @example const { code } = await issueEnrolmentCode(db, orgId, clock) // code: 'KX7M-4RTQ'
 */
export async function issueEnrolmentCode(db: Queryable, orgId: string, clock: Clock): Promise<IssuedEnrolmentCode> {
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + enrolmentCodeValidDays * 24 * 60 * 60 * 1000);
  const code = newEnrolmentCode();
  await db.query(
    `INSERT INTO enrolment_codes (org_id, code_hash, expires_at, created_at) VALUES ($1, $2, $3, $4)`,
    [orgId, enrolmentCodeHash(code), expiresAt.toISOString(), now.toISOString()],
  );
  return { code, expiresAt };
}
