/**
 * A small HTTP proxy on 127.0.0.1 in front of the real server, for end-to-end tests of an overloaded
 * server: it answers the first `overloadedPushes` `POST /api/v1/entries` with `503` and `Retry-After`
 * (as the server's admission control does), then forwards every request unchanged. The app is opened
 * and enrolled through the proxy's origin, so everything it sends passes here. Every push is logged
 * with its entry ids, status and timing, so a test can tell which runner sent what, and whether two
 * pushes ever overlapped.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiPaths } from '../../src/sync/protocol';

/** One `POST /api/v1/entries` as the proxy saw it. */
export interface ProxiedPush {
  entryIds: string[];
  /** 503 from the proxy itself, or the server's status. */
  status: number;
  startedMs: number;
  endedMs: number;
}

export interface OverloadProxy {
  /** `http://127.0.0.1:<port>`: open the app here. */
  origin: string;
  /** Every push so far, in the order they arrived. */
  readonly pushes: readonly ProxiedPush[];
  /** The most pushes that were ever in progress at once. */
  readonly pushesInFlightMax: number;
  close(): Promise<void>;
}

export interface OverloadProxyOptions {
  /** The server's origin, `http://127.0.0.1:<port>`. */
  target: string;
  /** How many pushes to answer 503 before forwarding. */
  overloadedPushes: number;
  retryAfterSeconds: number;
}

/** A request body larger than this is refused (413): the app's pushes are ≤ 4 MB. */
const bodyBytesMax = 8 * 1024 * 1024;

/**
 * Starts the proxy on a free port.
 * @example const proxy = await startOverloadProxy({ target: server.origin, overloadedPushes: 3, retryAfterSeconds: 1 });
 */
export async function startOverloadProxy(options: OverloadProxyOptions): Promise<OverloadProxy> {
  const target = new URL(options.target);
  const pushes: ProxiedPush[] = [];
  let inFlight = 0;
  let inFlightMax = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    if (body === undefined) {
      res.writeHead(413).end();
      return;
    }
    const isPush = req.method === 'POST' && (req.url ?? '').split('?')[0] === apiPaths.entries;
    if (!isPush) {
      await forward(req, body, res);
      return;
    }
    const push: ProxiedPush = { entryIds: entryIdsOf(body), status: 0, startedMs: Date.now(), endedMs: 0 };
    pushes.push(push);
    inFlight += 1;
    inFlightMax = Math.max(inFlightMax, inFlight);
    try {
      if (pushes.length <= options.overloadedPushes) {
        push.status = 503;
        res
          .writeHead(503, { 'content-type': 'application/json', 'retry-after': String(options.retryAfterSeconds) })
          .end(JSON.stringify({ error: { code: 'overloaded', message: 'เซิร์ฟเวอร์มีผู้ใช้มาก กรุณาลองใหม่ภายหลัง' } }));
      } else {
        push.status = await forward(req, body, res);
      }
    } finally {
      push.endedMs = Date.now();
      inFlight -= 1;
    }
  };

  /** Sends the request on to the server and its answer back; resolves with the server's status once answered. */
  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<number> =>
    new Promise((done) => {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.once('end', () => done(answer.statusCode ?? 502));
          answer.once('error', () => done(502));
        },
      );
      upstream.once('error', () => {
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
        done(502);
      });
      upstream.end(body);
    });

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    pushes,
    get pushesInFlightMax() {
      return inFlightMax;
    },
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req) {
    bytes += (chunk as Buffer).length;
    if (bytes > bodyBytesMax) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The entry ids of a push body; none if it is not one (the server will say why). */
function entryIdsOf(body: Buffer): string[] {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { entries?: { id?: unknown }[] };
    return (parsed.entries ?? []).map((e) => String(e.id));
  } catch {
    return [];
  }
}
