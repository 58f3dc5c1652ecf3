/**
 * Requests Node's HTTP parser refuses before the app sees them get a JSON answer with a Thai message and
 * a request id, like every other refusal (http/clientErrors.ts), on a real socket.
 */
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerClientErrors } from '../../src/server/http/clientErrors';
import { captureLogger } from './captureLogger';

const log = captureLogger();
let server: Server;
let port: number;

beforeAll(async () => {
  server = createServer((_req, res) => res.end('ok'));
  answerClientErrors(server, log.logger);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Sends raw bytes and reads everything until the server closes. */
function raw(bytes: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => done(text));
    socket.on('error', fail);
  });
}

describe('requests the HTTP parser refuses', () => {
  it.each([
    ['a request line that is not HTTP', 'HELLO\r\n\r\n', 400],
    ['a header without a colon', 'GET / HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n', 400],
    ['two Content-Length headers that disagree', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab', 400],
    ['headers beyond the size limit', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
  ])('%s: JSON with a Thai message and a request id', async (_what, bytes, status) => {
    const answer = await raw(bytes);
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toMatch(/\r\nContent-Type: application\/json; charset=utf-8\r\n/);
    expect(head).toMatch(/\r\nX-Content-Type-Options: nosniff/);
    const requestId = /\r\nX-Request-Id: ([0-9a-f-]{36})/.exec(head!)?.[1];
    const parsed = JSON.parse(body!) as { error: { code: string; message: string; requestId: string } };
    expect(parsed.error).toEqual({ code: 'bad_request', message: expect.stringMatching(/[\u0E00-\u0E7F]/), requestId });
    expect(log.lines().some((l) => l.msg === 'malformed HTTP request' && l.requestId === requestId && l.status === status)).toBe(true);
  });
});
