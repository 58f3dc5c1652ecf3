/**
 * An in-memory sync server behind a PushClient, keyed by entry id and hash like the real one:
 * checks each entry with the domain, inserts absent ones, answers posted | duplicate | rejected |
 * conflict. Faults can be queued for the next pushes to play a network and a server that misbehave.
 */
import { checkEntry, type Entry } from '../../src/domain/entry';
import type { PushClient, PushOutcome } from '../../src/sync/pushClient';
import { protocolVersion, type PushRequest, type PushResult } from '../../src/sync/protocol';

export type Fault =
  /** The server commits, then the answer is lost on the way back (connection reset). */
  | { kind: 'lose-answer' }
  /** Overloaded: 503 with Retry-After; nothing written. */
  | { kind: 'overloaded'; retryAfterMs?: number }
  | { kind: 'auth-failed' }
  | { kind: 'refused'; status: number }
  /** Commits, but answers with a body of the wrong shape. */
  | { kind: 'garbage-answer' }
  /** Commits, but answers with no results at all. */
  | { kind: 'empty-answer' }
  /** Commits only the first entry of the batch and answers only for it. */
  | { kind: 'settle-first-only' };

export interface StoredRow {
  entry: Entry;
  serverSeq: number;
}

export interface FakeServer {
  push: PushClient;
  /** Rows by entry id. */
  rows: Map<string, StoredRow>;
  /** Ids in insertion order. */
  insertOrder: string[];
  /** Every request received (also those that then faulted). */
  requests: PushRequest[];
  /** Faults for the next pushes, consumed in order. */
  faults: Fault[];
  /** A fault applied to every push while set. */
  stickyFault?: Fault;
  /** A business rule: a reason to reject an entry, or undefined. */
  rejectIf?: (entry: Entry) => { code: string; message: string } | undefined;
}

export function createFakeServer(): FakeServer {
  let serverSeq = 0;
  const server: FakeServer = {
    rows: new Map(),
    insertOrder: [],
    requests: [],
    faults: [],
    push: async (req) => handle(req),
  };

  function commit(entries: readonly unknown[]): PushResult[] {
    return entries.map((raw): PushResult => {
      const check = checkEntry(raw);
      const id = String((raw as { id?: unknown }).id);
      if (check.outcome === 'invalid') return { id, outcome: 'rejected', code: check.code, message: check.messageTh };
      const existing = server.rows.get(id);
      if (existing) {
        return existing.entry.hash === check.entry.hash
          ? { id, outcome: 'duplicate', serverSeq: existing.serverSeq }
          : { id, outcome: 'conflict', message: 'มีรายการรหัสเดียวกันแต่เนื้อหาต่างกันอยู่ในเซิร์ฟเวอร์แล้ว' };
      }
      const rule = server.rejectIf?.(check.entry);
      if (rule) return { id, outcome: 'rejected', ...rule };
      serverSeq += 1;
      server.rows.set(id, { entry: check.entry, serverSeq });
      server.insertOrder.push(id);
      return { id, outcome: 'posted', serverSeq };
    });
  }

  async function handle(req: PushRequest): Promise<PushOutcome> {
    // The request object is the client's; keep a deep copy as it was on the wire.
    server.requests.push(JSON.parse(JSON.stringify(req)) as PushRequest);
    const fault = server.faults.shift() ?? server.stickyFault;
    switch (fault?.kind) {
      case 'overloaded':
        return { kind: 'retry', messageTh: 'เซิร์ฟเวอร์มีผู้ใช้มาก', ...(fault.retryAfterMs !== undefined ? { retryAfterMs: fault.retryAfterMs } : {}) };
      case 'auth-failed':
        return { kind: 'auth-failed', messageTh: 'กรุณาลงทะเบียนเครื่องใหม่' };
      case 'refused':
        return { kind: 'refused', status: fault.status, messageTh: `เซิร์ฟเวอร์ไม่รับคำขอ (รหัส ${fault.status})` };
      case 'lose-answer':
        commit(req.entries);
        return { kind: 'retry', messageTh: 'เชื่อมต่อเซิร์ฟเวอร์ไม่ได้' };
      case 'garbage-answer':
        commit(req.entries);
        return { kind: 'answered', response: { protocol: protocolVersion, results: [{ id: 'x', outcome: 'great' }] } as never };
      case 'empty-answer':
        commit(req.entries);
        return { kind: 'answered', response: { protocol: protocolVersion, results: [] } };
      case 'settle-first-only':
        return { kind: 'answered', response: { protocol: protocolVersion, results: commit(req.entries.slice(0, 1)) } };
      case undefined:
        return { kind: 'answered', response: { protocol: protocolVersion, results: commit(req.entries) } };
    }
  }

  return server;
}
