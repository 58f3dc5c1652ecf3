/**
 * GET /api/v1/digest?from=YYYY-MM-DD&to=YYYY-MM-DD: for the calling device (from its token, never from
 * the query) and each business date in range that has its entries on the server, `{ date, count, hash }`
 * (DESIGN.md §4 Server data loss). The PC compares it with its own posted entries and sends again every
 * entry of a day that differs. A bad or too long range is a 400 with a Thai message naming the field.
 */
import { Hono } from 'hono';
import { admitAtMost } from '../admission';
import { requireDevice, type DeviceEnv } from '../auth';
import type { Queryable } from '../db';
import { dayDigestsOf } from '../digest/dayDigests';
import { ApiError } from '../errors';
import type { ServerLimits } from '../limits';
import { describeIssue, thaiIssueMessage } from '../zodThai';
import { digestQuerySchema, digestResponseSchema, protocolVersion, type DigestResponse } from '../../sync/protocol';

/** Routes for the per-day digest. */
export function digestRoutes(deps: { db: Queryable; limits: ServerLimits }): Hono<DeviceEnv> {
  const app = new Hono<DeviceEnv>();
  // Admitted like pushes (its own counter): 7,850 PCs checking after a reconnect must queue, not pile up.
  // Admission before the token lookup, as for pushes: beyond its places the answer costs no database work.
  app.get('/', admitAtMost(deps.limits.pushConcurrentMax, deps.limits.retryAfterSeconds), requireDevice(deps.db), async (c) => {
    const device = c.get('device');
    const parsed = digestQuerySchema.safeParse(c.req.query(), { error: thaiIssueMessage });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiError(400, 'invalid_query', `คำขอสรุปรายการรายวันไม่ถูกต้อง${issue ? ` — ${describeIssue(issue)}` : ''}`);
    }
    const { from, to } = parsed.data;
    const days = await dayDigestsOf(deps.db, device.orgId, device.deviceId, from, to);
    const answer: DigestResponse = { protocol: protocolVersion, deviceId: device.deviceId, from, to, days };
    // Paired with the client's parse: never send an answer the PC would refuse (a bug → 500).
    return c.json(digestResponseSchema.parse(answer), 200);
  });
  return app;
}
