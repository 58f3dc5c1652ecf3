/**
 * Closing the server's listener and connections at shutdown without cutting an answer short.
 * Node's `closeIdleConnections()` — which `http.Server.close()` itself calls since Node 19 — destroys a
 * socket once its response has *ended*, even while that response is still queued for the socket: the
 * shutdown test saw a push's 200 (40 KB of results), committed, cut off half-sent or not sent at all
 * when SIGTERM came just as the handler returned. So: the listener is closed with net.Server's own
 * close (no destroying sweep), a connection counts as idle only once its response has been handed to
 * the system ('finish'), and an idle one is *ended* (queued bytes flushed, then FIN), never destroyed.
 */
import type { Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/**
 * Stops accepting connections; `done` runs once every connection has closed. Unlike `server.close()`,
 * destroys nothing.
 */
export function closeListener(server: Server, done: () => void): void {
  NetServer.prototype.close.call(server, () => done());
}

export interface ConnectionDrain {
  /** Ends every connection with no request in progress; busy ones are left to finish. */
  endIdle(): void;
}

/**
 * Starts tracking `server`'s connections; call before it accepts any.
 * @example const drain = trackConnections(server); … drain.endIdle();
 */
export function trackConnections(server: Server): ConnectionDrain {
  const sockets = new Set<Socket>();
  const busy = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      busy.delete(socket);
    });
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    busy.add(socket);
    const done = () => busy.delete(socket);
    res.once('finish', done);
    res.once('close', done);
  });
  return {
    endIdle: () => {
      for (const socket of sockets) if (!busy.has(socket)) socket.end();
    },
  };
}
