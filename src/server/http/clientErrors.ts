/**
 * Requests too broken for the app to see — a request line or headers Node's HTTP parser refuses, headers
 * beyond its size limit, a request that never finishes arriving — are answered by Node itself with a
 * bare `400 Bad Request` in English. Here they get what every other refusal gets: a JSON body with a
 * Thai message and a request id, the API's security headers, and a warning line in the log.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { errorBody } from '../errors';
import type { Logger } from './logger';
import { apiContentSecurityPolicy } from './securityHeaders';

const statusOf: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/**
 * Answers `server`'s client errors (its 'clientError' event).
 * @example answerClientErrors(server, logger)
 */
export function answerClientErrors(server: Server, logger: Logger): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // A connection the client already dropped has no one to answer.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    const [status, reason] = statusOf[err.code ?? ''] ?? [400, 'Bad Request'];
    const body = JSON.stringify(errorBody('bad_request', 'คำขอไม่ถูกต้องตามรูปแบบ HTTP ระบบจึงไม่รับ', requestId));
    socket.end(
      [
        `HTTP/1.1 ${status} ${reason}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        `X-Request-Id: ${requestId}`,
        'X-Content-Type-Options: nosniff',
        `Content-Security-Policy: ${apiContentSecurityPolicy}`,
        '',
        body,
      ].join('\r\n'),
    );
    logger.warn('malformed HTTP request', { requestId, status, code: err.code });
  });
}
