/**
 * Liveness and readiness, for load balancers, service managers and monitoring:
 *   GET /api/v1/health — liveness: the process answers. No database work, so it stays cheap and fast
 *     however loaded the database is (the herd bench polls it during 1,000 reconnecting PCs).
 *   GET /api/v1/ready — readiness: the database answers `SELECT 1` within `readyTimeoutMs`, and the
 *     server is not shutting down; else 503, and a load balancer sends work elsewhere.
 */
import { Hono } from 'hono';
import type { Clock } from '../clock';
import type { Queryable } from '../db';
import { answerJsonError, requestIdOf } from '../errors';
import type { Lifecycle } from '../http/lifecycle';
import { errorFields, type Logger } from '../http/logger';
import { protocolVersion } from '../../sync/protocol';

/** Path of the readiness check (liveness is the protocol's `apiPaths.health`). */
export const readyPath = '/api/v1/ready';

/** Routes for liveness. */
export function healthRoutes(deps: { clock: Clock }): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json({ status: 'ok', protocol: protocolVersion, time: deps.clock.now().toISOString() }, 200));
  return app;
}

/** Routes for readiness. */
export function readyRoutes(deps: { db: Queryable; clock: Clock; lifecycle: Lifecycle; logger: Logger; readyTimeoutMs: number }): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    if (deps.lifecycle.stopping) {
      return answerJsonError(c, 503, 'shutting_down', 'เซิร์ฟเวอร์กำลังปิด ไม่รับงานใหม่');
    }
    const failure = await databaseFailure(deps.db, deps.readyTimeoutMs);
    if (failure !== undefined) {
      // 503, not 500: the server itself works and says so; a load balancer should route elsewhere.
      deps.logger.warn('not ready: database unreachable', { requestId: requestIdOf(c), ...errorFields(failure) });
      return answerJsonError(c, 503, 'database_unavailable', 'ฐานข้อมูลของเซิร์ฟเวอร์ไม่พร้อมใช้งานชั่วคราว');
    }
    return c.json({ status: 'ready', protocol: protocolVersion, time: deps.clock.now().toISOString() }, 200);
  });
  return app;
}

/** Why the database did not answer `SELECT 1` within `timeoutMs`, or undefined when it did. */
async function databaseFailure(db: Queryable, timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Error>((done) => {
    timer = setTimeout(() => done(new Error(`no answer to SELECT 1 within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const answer = await Promise.race([db.query('SELECT 1').then(() => undefined), timeout]);
    return answer;
  } catch (err) {
    return err;
  } finally {
    clearTimeout(timer);
  }
}
