/**
 * Request ids: every request gets one, from a sane incoming `X-Request-Id` (set by a reverse proxy or
 * the client) or a new UUID. It is echoed in the `X-Request-Id` response header, in every error body
 * (`error.requestId`) and in every log line of the request, so an officer reading out an error on the
 * phone and the operator reading the log find the same request.
 */
import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';

/** Hono variables set by the server's own middleware. */
export type RequestEnv = { Variables: { requestId: string } };

export const requestIdHeader = 'X-Request-Id';

/** What a proxy's id may look like: short, and nothing that could break a log line or a header. */
const saneRequestId = /^[A-Za-z0-9._:@+=/-]{1,128}$/;

/**
 * Middleware giving the request its id (`c.get('requestId')`). Runs first, so even a refusal carries it.
 * @example app.use('*', requestId())
 */
export function requestId() {
  return createMiddleware<RequestEnv>(async (c, next) => {
    const incoming = c.req.header(requestIdHeader);
    const id = incoming !== undefined && saneRequestId.test(incoming) ? incoming : randomUUID();
    c.set('requestId', id);
    c.header(requestIdHeader, id);
    await next();
    // A handler that built its own Response (static files) may have dropped the header set above.
    if (c.res.headers.get(requestIdHeader) !== id) c.res.headers.set(requestIdHeader, id);
  });
}
