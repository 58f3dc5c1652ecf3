/**
 * One JSON log line per request, written when the answer is ready: time, requestId, method, path
 * (never the query string: it may one day carry something private), status, ms, and the organisation
 * and device when the request was authenticated. Never the token, never the body.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requestIdOf } from '../errors';
import type { Logger } from './logger';

/** Paths are logged, but never an unbounded one. */
const loggedPathMax = 200;

/**
 * Middleware; mounted right after requestId() so it times and logs everything, refusals included.
 * @example app.use('*', requestLog(logger))
 */
export function requestLog(logger: Logger) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    // At debug only: with it, a log shows which requests were in flight when something happened.
    logger.debug('request received', { requestId: requestIdOf(c), method: c.req.method, path: c.req.path.slice(0, loggedPathMax) });
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    logger.info('request', {
      requestId: requestIdOf(c),
      method: c.req.method,
      path: c.req.path.slice(0, loggedPathMax),
      status: c.res.status,
      ms,
      ...deviceOf(c),
    });
  });
}

/** The device requireDevice (auth.ts) found, if the request got that far. */
function deviceOf(c: Context): { orgId?: string; deviceId?: string } {
  const device: unknown = c.get('device');
  if (typeof device !== 'object' || device === null) return {};
  const { orgId, deviceId } = device as { orgId?: unknown; deviceId?: unknown };
  return { orgId: typeof orgId === 'string' ? orgId : undefined, deviceId: typeof deviceId === 'string' ? deviceId : undefined };
}
