/**
 * The server's own state for shutdown: once `stopping`, new requests get 503 with Retry-After and
 * `Connection: close` (a keep-alive connection may still bring one after the listener closed), while
 * requests already admitted run on to their commit and their answer (main.ts waits for them).
 * Readiness answers 503 from the same moment, so a load balancer stops sending work here.
 */
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../errors';

export interface Lifecycle {
  readonly stopping: boolean;
  /** From now on, refuse new requests. */
  beginStopping(): void;
}

/** A lifecycle that is running until told to stop. Each app gets its own (no global state). */
export function createLifecycle(): Lifecycle {
  let stopping = false;
  return {
    get stopping() {
      return stopping;
    },
    beginStopping: () => {
      stopping = true;
    },
  };
}

/** Seconds a client is told to wait: long enough for a restart, which is what a shutdown usually is. */
const stoppingRetryAfterSeconds = 10;

/** The 503 of a server that is stopping. */
export function stoppingError(): ApiError {
  return new ApiError(
    503,
    'shutting_down',
    `เซิร์ฟเวอร์กำลังปิดเพื่อเริ่มใหม่ ระบบจะส่งใหม่ให้อัตโนมัติในอีก ${stoppingRetryAfterSeconds} วินาที ข้อมูลในเครื่องยังอยู่ครบ`,
    { 'Retry-After': String(stoppingRetryAfterSeconds), Connection: 'close' },
  );
}

/**
 * Middleware refusing new requests once stopping, and closing the connection after any answer given
 * while stopping (an in-flight push's too), so keep-alive connections do not hold the shutdown open.
 * @example app.use('*', refuseWhileStopping(lifecycle))
 */
export function refuseWhileStopping(lifecycle: Lifecycle) {
  return createMiddleware(async (c, next) => {
    if (lifecycle.stopping) throw stoppingError();
    await next();
    if (lifecycle.stopping) c.res.headers.set('Connection', 'close');
  });
}
