/**
 * A per-device limit on pushes: a token bucket per device (burst `burst`, refilled at `perSecond`).
 * Admission control (admission.ts) shares the server among devices; this stops ONE device — a retry
 * loop gone wrong, a script — from taking every place. Beyond it: 429 with Retry-After, which the
 * client honours like a 503 (src/sync/httpPush.ts): slower, never failed or doubled.
 * A healthy back-post of 20,000 entries is 100 pushes: with the defaults (burst 60, 5 a second) it
 * takes ≈ 8 s more at most, and a PC that drains its queue every few minutes never meets the limit.
 */
import { createMiddleware } from 'hono/factory';
import type { DeviceEnv } from './auth';
import type { Clock } from './clock';
import { ApiError } from './errors';

/** Devices remembered at most; the ones idle longest are forgotten first (a full bucket again). */
export const pushRateDevicesMax = 100_000;

interface Bucket {
  tokens: number;
  atMs: number;
}

/**
 * Middleware, after requireDevice. Each call has its own buckets (no global state).
 * @example app.post('/', requireDevice(db), limitDevicePushRate(60, 5, clock), …)
 */
export function limitDevicePushRate(burst: number, perSecond: number, clock: Clock) {
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  const buckets = new Map<string, Bucket>();
  return createMiddleware<DeviceEnv>(async (c, next) => {
    const key = `${c.get('device').orgId}/${c.get('device').deviceId}`;
    const nowMs = clock.now().getTime();
    const held = buckets.get(key);
    // A clock stepped back (NTP, a VM resumed) refills nothing; it must not take tokens away either.
    const elapsedMs = held === undefined ? 0 : Math.max(0, nowMs - held.atMs);
    const tokens = held === undefined ? burst : Math.min(burst, held.tokens + (elapsedMs / 1000) * perSecond);
    buckets.delete(key);
    if (tokens < 1) {
      buckets.set(key, { tokens, atMs: nowMs });
      const waitSeconds = Math.max(1, Math.ceil((1 - tokens) / perSecond));
      throw new ApiError(
        429,
        'too_many_pushes',
        `เครื่องนี้ส่งข้อมูลถี่เกินไป ระบบจะส่งใหม่ให้อัตโนมัติในอีก ${waitSeconds} วินาที ข้อมูลในเครื่องยังอยู่ครบ`,
        { 'Retry-After': String(waitSeconds) },
      );
    }
    buckets.set(key, { tokens: tokens - 1, atMs: nowMs });
    if (buckets.size > pushRateDevicesMax) buckets.delete(buckets.keys().next().value!);
    await next();
  });
}
