/**
 * The demonstration organisation: a server started on an empty database creates one, with a one-time
 * enrolment code, so that a fresh install can be tried at once (main prints the code). Real
 * organisations come from the admin command line (`npm run admin -- create-org`).
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from './clock';
import type { Db } from './db';
import { issueEnrolmentCode } from './enrolmentCodes';

/** Re-exported so tests and the admin CLI find code issuing next to the demo organisation. */
export { issueEnrolmentCode } from './enrolmentCodes';

/** Name of the demonstration organisation (an อบต. that does not exist). */
export const demoOrgName = 'อบต.ตัวอย่าง (สาธิต)';

/** Created (with the code to print, shown once), or there was an organisation already. */
export type DemoOrgOutcome = { created: true; orgId: string; orgName: string; code: string } | { created: false };

/**
 * Creates the demo organisation and an enrolment code when the database has no organisation yet.
 * @example const demo = await ensureDemoOrg(db, clock); if (demo.created) console.log(demo.code);
 */
export async function ensureDemoOrg(db: Db, clock: Clock): Promise<DemoOrgOutcome> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query('SELECT 1 FROM orgs LIMIT 1');
    if (rows.length > 0) return { created: false };
    const orgId = randomUUID();
    await tx.query('INSERT INTO orgs (org_id, name, created_at) VALUES ($1, $2, $3)', [
      orgId,
      demoOrgName,
      clock.now().toISOString(),
    ]);
    const { code } = await issueEnrolmentCode(tx, orgId, clock);
    return { created: true, orgId, orgName: demoOrgName, code };
  });
}
