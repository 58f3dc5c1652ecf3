/**
 * GET /api/v1/health: is the server up and can it reach its database. For load balancers, monitoring
 * and the app's "server reachable" indicator.
 */
import { Hono } from 'hono';
import type { Clock } from '../clock';
import type { Queryable } from '../db';
import { errorBody } from '../errors';
import { protocolVersion } from '../../sync/protocol';

/** Routes for health checks. */
export function healthRoutes(deps: { db: Queryable; clock: Clock }): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    try {
      await deps.db.query('SELECT 1');
    } catch (err) {
      // 503, not 500: the server itself works and says so; a load balancer should route elsewhere.
      console.error('[samut-server] health check: database unreachable:', err);
      return c.json(errorBody('database_unavailable', 'ฐานข้อมูลของเซิร์ฟเวอร์ไม่พร้อมใช้งานชั่วคราว'), 503);
    }
    return c.json({ status: 'ok', protocol: protocolVersion, time: deps.clock.now().toISOString() }, 200);
  });
  return app;
}
