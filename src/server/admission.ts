/**
 * Admission control: at most `concurrentMax` pushes are handled at once; beyond that the server says
 * 503 with Retry-After at once, rather than queueing requests (and their bodies) without bound. The
 * client backs off with jitter and comes back (DESIGN.md §4 Overload): slower, never failed or doubled.
 */
import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors';

/**
 * Middleware admitting at most `concurrentMax` requests at a time. Each call makes its own counter
 * (no global state), owned by the app that mounts it.
 * @example app.post('/api/v1/entries', admitAtMost(8, 5), handler)
 */
export function admitAtMost(concurrentMax: number, retryAfterSeconds: number) {
  let inFlight = 0;
  return createMiddleware(async (_c, next) => {
    if (inFlight >= concurrentMax) {
      throw new ApiError(
        503,
        'overloaded',
        `เซิร์ฟเวอร์กำลังรับข้อมูลจากหลายเครื่องพร้อมกัน ระบบจะส่งใหม่ให้อัตโนมัติในอีก ${retryAfterSeconds} วินาที ข้อมูลในเครื่องยังอยู่ครบ`,
        { 'Retry-After': String(retryAfterSeconds) },
      );
    }
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
    }
  });
}
