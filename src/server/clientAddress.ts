/**
 * The address a request came from, for per-client limits (enrolmentAttempts.ts): the socket's peer
 * address under @hono/node-server. Behind a reverse proxy every request comes from the proxy, so the
 * per-address limit then acts like the shared one (X-Forwarded-For is not trusted: any client can
 * write it). A request with no socket (app.request() in tests without an env) is 'unknown'.
 */
import type { Context } from 'hono';

/** Longest address kept as a key: an IPv6 address with a zone is well under this. */
const addressLengthMax = 100;

/**
 * @example clientAddress(c) // '192.0.2.7', '::ffff:10.0.0.5', or 'unknown'
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: SocketHolder; server?: { incoming?: SocketHolder } } | undefined;
  const address = (env?.incoming ?? env?.server?.incoming)?.socket?.remoteAddress;
  return typeof address === 'string' && address !== '' ? address.slice(0, addressLengthMax) : 'unknown';
}

interface SocketHolder {
  socket?: { remoteAddress?: unknown };
}
