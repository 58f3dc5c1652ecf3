/**
 * POST /api/v1/entries: a device pushes a batch of entries (DESIGN.md §4 Push). The envelope is refused
 * whole when malformed (4xx, nothing written); entries are then judged one by one, and the valid ones
 * are written in one transaction. The answer — one result per entry, in request order — is sent only
 * after commit, so a client that sees `posted` can rely on it.
 */
import { Hono } from 'hono';
import type { Clock } from '../clock';
import type { Db } from '../db';
import { admitAtMost } from '../admission';
import { limitDevicePushRate } from '../devicePushRate';
import { requireDevice, type DeviceEnv } from '../auth';
import { ApiError } from '../errors';
import { readJsonBody } from '../jsonBody';
import type { ServerLimits } from '../limits';
import { postEntries } from '../push/postEntries';
import { screenEntries, type Candidate } from '../push/screenEntries';
import { invalidBodyError, thaiIssueMessage } from '../zodThai';
import { protocolVersion, pushRequestSchema, type PushResponse, type PushResult } from '../../sync/protocol';

/** Routes for pushing entries. */
export function entriesRoutes(deps: { db: Db; clock: Clock; limits: ServerLimits }): Hono<DeviceEnv> {
  const { db, clock, limits } = deps;
  const app = new Hono<DeviceEnv>();
  // Admission first: beyond the places it gives out the answer is 503 at once, without touching the
  // database (the herd bench showed pushes queueing on the token lookup in front of admission, so it
  // never said 503 and clients timed out instead). Then authentication, then the device's own rate.
  const deviceRate = limitDevicePushRate(limits.devicePushBurst, limits.devicePushesPerSecond, clock);
  app.post('/', admitAtMost(limits.pushConcurrentMax, limits.retryAfterSeconds), requireDevice(db), deviceRate, async (c) => {
    const device = c.get('device');
    const parsed = pushRequestSchema.safeParse(await readJsonBody(c, limits.pushBytesMax), { error: thaiIssueMessage });
    if (!parsed.success) throw invalidBodyError(parsed.error, 'คำขอส่งรายการ');
    const push = parsed.data;
    if (push.entries.length > limits.batchEntriesMax) {
      throw new ApiError(400, 'invalid_body', `คำขอส่งรายการไม่ถูกต้อง — ช่อง "entries": ส่งได้ครั้งละไม่เกิน ${limits.batchEntriesMax} รายการ`);
    }
    if (push.deviceId !== device.deviceId) {
      throw new ApiError(403, 'wrong_device', 'รหัสเครื่องในข้อมูลที่ส่งไม่ตรงกับเครื่องที่ลงทะเบียนไว้');
    }

    const screened = screenEntries(push.entries, device);
    const candidates: Candidate[] = [];
    for (const s of screened) if (s.outcome === 'candidate') candidates.push(s.candidate);
    const written = await postEntries(db, device.orgId, candidates, clock.now());

    // Put the database outcomes back among the rejections, in request order.
    const results: PushResult[] = [];
    let next = 0;
    for (const s of screened) {
      if (s.outcome === 'rejected') results.push(s.result);
      else results.push(nth(written, next++));
    }
    const answer: PushResponse = { protocol: protocolVersion, results };
    return c.json(answer, 200);
  });
  return app;
}

function nth(results: PushResult[], i: number): PushResult {
  const r = results[i];
  if (r === undefined) throw new Error(`postEntries answered ${results.length} results, needed more than ${i}`);
  return r;
}
