/**
 * The simulated network between the devices' drain loops and the server app: a PushClient per drain
 * that delivers pushes to the real app (`app.request`, no socket) and maps the real HTTP answer with
 * the real `outcomeOfResponse` (httpPush.ts), with faults injected between them.
 *
 * Determinism with concurrent drains ("two tabs racing"): pushes wait in the network until every
 * running drain is either waiting on the network or finished; then the PRNG picks which waiting push
 * the server handles next, to completion. So the server sees pushes in an order fixed by the seed,
 * and two in-flight pushes of one device really do overlap (both read their batch before either is
 * applied), which is the race that matters.
 *
 * Faults (one per delivered push at most, drawn with the seed's fault rate):
 * - request-lost: nothing reaches the server; the client sees a network error.
 * - response-lost: the server commits; the answer is lost (connection reset).
 * - duplicate: the request is delivered twice (a retrying proxy); the client sees one of the answers.
 * - server-error: a 502 from a proxy in front of the server, nothing handled.
 * - overloaded: 503 with Retry-After (1–120 s), as the admission control answers; nothing handled.
 *   Checked: a drain of that device started afterwards does not push before Retry-After has passed,
 *   unless a push of the device has been answered since (another tab got through), or the 503 went to
 *   one of two tabs racing without the sync lock (they overwrite each other's backoff: syncLock.ts).
 * - slow: the answer takes 1–45 s of virtual time; past the client's 30 s timeout it is lost.
 * - crash: the server process dies inside the push (before or after commit; simServer.ts) and is down
 *   for 1–60 s; until restarted, connections are refused.
 * - tab-closed: the answer arrives and the tab closes while applying it (device.ts).
 * Every delivery also takes 5–300 ms of virtual time.
 *
 * Broken variant for self-tests: `optimistic-client` turns a lost request or answer into an invented
 * "posted" answer, as a client that marks entries posted without the server's word would.
 */
import { outcomeOfResponse, pushTimeoutMsDefault } from '../../src/sync/httpPush';
import type { DigestClient } from '../../src/sync/httpDigest';
import { apiPaths, digestPath, protocolVersion, type PushRequest, type PushResponse } from '../../src/sync/protocol';
import type { PushClient, PushOutcome } from '../../src/sync/pushClient';
import type { SimDevice, SimTab } from './device';
import type { Prng } from './prng';
import type { SimServer } from './simServer';
import type { VirtualClock } from './virtualClock';

export const faultKinds = [
  'request-lost',
  'response-lost',
  'duplicate',
  'server-error',
  'overloaded',
  'slow',
  'crash',
  'tab-closed',
] as const;
export type FaultKind = (typeof faultKinds)[number];

/** Relative weights of the fault kinds when a fault is drawn. */
const faultWeights: Record<FaultKind, number> = {
  'request-lost': 3,
  'response-lost': 3,
  duplicate: 2,
  'server-error': 2,
  overloaded: 2,
  slow: 2,
  crash: 2,
  'tab-closed': 2,
};

export type ClientVariant = 'correct' | 'optimistic-client';

/** What the run records: the trace and the counts of the summary. */
export interface SimLog {
  trace: string[];
  faults: Record<FaultKind | 'server-down' | 'digest-lost', number>;
  pushes: number;
  /** Protocol breaches the network itself sees (Retry-After ignored). */
  violations: string[];
  line(text: string): void;
}

export function createSimLog(clock: VirtualClock, stepOf: () => number): SimLog {
  const faults = Object.fromEntries([...faultKinds, 'server-down', 'digest-lost'].map((k) => [k, 0])) as SimLog['faults'];
  const log: SimLog = {
    trace: [],
    faults,
    pushes: 0,
    violations: [],
    line: (text) => log.trace.push(`#${stepOf()} t=${(clock.elapsedMs() / 1000).toFixed(3)}s ${text}`),
  };
  return log;
}

/** Who is pushing: the device, its tab, and the drain call (numbered in start order). */
export interface PushContext {
  device: SimDevice;
  tab: SimTab;
  drainNo: number;
  /**
   * False for a drain racing another without the sync lock: two such runners overwrite each other's
   * backoff state (the documented cost of running without the lock, syncLock.ts), so a 503 one of them
   * gets is not held against the device.
   */
  alone: boolean;
}

interface Waiting {
  request: PushRequest;
  context: PushContext;
  resolve: (outcome: PushOutcome) => void;
}

export class SimNetwork {
  /** Probability that a delivered push suffers a fault; 0 once the sim winds down. */
  faultRate: number;
  private readonly waiting: Waiting[] = [];
  private running = 0;
  private delivering = false;
  private drainCounter = 0;
  /** Per device: no push before this, for drains started after drain `afterDrainNo` got the 503. */
  private readonly retryAfter = new Map<SimDevice, { notBeforeMs: number; afterDrainNo: number }>();

  constructor(
    private readonly server: SimServer,
    private readonly clock: VirtualClock,
    private readonly rng: Prng,
    private readonly log: SimLog,
    faultRate: number,
    private readonly variant: ClientVariant,
  ) {
    this.faultRate = faultRate;
  }

  /** Registers a drain about to run; call `drainEnded` when it settles, however it settles. */
  drainStarted(device: SimDevice, tab: SimTab, alone: boolean): PushContext {
    this.running += 1;
    this.drainCounter += 1;
    return { device, tab, drainNo: this.drainCounter, alone };
  }

  drainEnded(): void {
    this.running -= 1;
    this.pump();
  }

  /** The PushClient of one drain call. */
  clientFor(context: PushContext): PushClient {
    return (request) =>
      new Promise<PushOutcome>((resolve) => {
        this.waiting.push({ request, context, resolve });
        this.pump();
      });
  }

  /**
   * The DigestClient of one device: GET /api/v1/digest on the app. With half the push fault rate the
   * request or its answer is lost; a server that is down refuses it. (Digest checks run between
   * steps, never during a race, so they need no scheduling.)
   */
  digestClientFor(device: SimDevice): DigestClient {
    return async ({ from, to }) => {
      this.clock.advance(this.rng.int(5, 300));
      if (this.server.isDown(this.clock.nowMs())) {
        this.log.line(`${device.label} digest ${from}..${to} → server down: connection refused`);
        return { kind: 'failed', messageTh: 'connection refused (จำลอง)' };
      }
      if (this.rng.chance(this.faultRate / 2)) {
        this.log.faults['digest-lost'] += 1;
        this.log.line(`${device.label} digest ${from}..${to} → [fault: lost]`);
        return { kind: 'failed', messageTh: 'lost (จำลอง)' };
      }
      const res = await this.server.handle(`${digestPath}?from=${from}&to=${to}`, {
        headers: { authorization: `Bearer ${device.enrolment.token}`, accept: 'application/json' },
      });
      if (!res.ok) {
        await res.arrayBuffer();
        return { kind: 'failed', messageTh: `status ${res.status}` };
      }
      return { kind: 'answered', body: (await res.json()) as unknown };
    };
  }

  private pump(): void {
    if (this.delivering || this.waiting.length === 0 || this.waiting.length < this.running) return;
    const [next] = this.waiting.splice(this.rng.int(0, this.waiting.length - 1), 1);
    this.delivering = true;
    void this.deliver(next!.request, next!.context).then(
      (outcome) => {
        this.delivering = false;
        next!.resolve(outcome);
        this.pump();
      },
      (error: unknown) => {
        // A bug of the harness or an unexpected server failure: record it, and let the drain see a failure.
        this.delivering = false;
        this.log.violations.push(`the network failed to deliver: ${String(error)}`);
        next!.resolve({ kind: 'retry', messageTh: 'harness failure' });
        this.pump();
      },
    );
  }

  private async deliver(request: PushRequest, context: PushContext): Promise<PushOutcome> {
    const { device, tab } = context;
    this.log.pushes += 1;
    this.clock.advance(this.rng.int(5, 300));
    const labels = request.entries.map((e) => device.labelOf(String(e.id)));
    const what = `${tab.label} drain#${context.drainNo} push [${labelRange(labels)}]`;
    this.checkRetryAfter(context, what);

    if (this.server.isDown(this.clock.nowMs())) {
      this.log.faults['server-down'] += 1;
      this.log.line(`${what} → server down: connection refused`);
      return this.lost(request, 'connection refused');
    }
    const fault = this.rng.chance(this.faultRate) ? this.rng.weighted(faultWeights) : undefined;
    if (fault) this.log.faults[fault] += 1;
    const init = (): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.enrolment.token}` },
      body: JSON.stringify(request),
    });

    switch (fault) {
      case undefined:
      case 'tab-closed': {
        const outcome = await this.answer(await this.server.handle(apiPaths.entries, init()), context);
        if (fault === 'tab-closed' && outcome.kind === 'answered') tab.killArmed = true;
        this.log.line(`${what} → ${describe(outcome)}${fault ? ' [fault: tab closes while applying]' : ''}`);
        return outcome;
      }
      case 'request-lost':
        this.log.line(`${what} → [fault: request lost]`);
        return this.lost(request, 'request lost');
      case 'response-lost': {
        const res = await this.server.handle(apiPaths.entries, init());
        this.log.line(`${what} → server ${res.status}, [fault: response lost]`);
        await res.arrayBuffer();
        return this.lost(request, 'response lost');
      }
      case 'duplicate': {
        const first = await this.server.handle(apiPaths.entries, init());
        const second = await this.server.handle(apiPaths.entries, init());
        const [seen, dropped] = this.rng.chance(0.5) ? [first, second] : [second, first];
        await dropped.arrayBuffer();
        const outcome = await this.answer(seen, context);
        this.log.line(`${what} → [fault: delivered twice, ${first.status}/${second.status}] ${describe(outcome)}`);
        return outcome;
      }
      case 'server-error': {
        const status = this.rng.pick([500, 502, 504]);
        this.log.line(`${what} → [fault: ${status} from a proxy, not handled]`);
        return outcomeOfResponse(errorResponse(status, 'bad_gateway', {}), this.clock.nowMs());
      }
      case 'overloaded': {
        const seconds = this.rng.int(1, 120);
        if (context.alone) this.retryAfter.set(device, { notBeforeMs: this.clock.nowMs() + seconds * 1000, afterDrainNo: this.drainCounter });
        this.log.line(`${what} → [fault: 503 Retry-After ${seconds}]`);
        return outcomeOfResponse(errorResponse(503, 'overloaded', { 'retry-after': String(seconds) }), this.clock.nowMs());
      }
      case 'slow': {
        const delayMs = this.rng.int(1_000, 45_000);
        const res = await this.server.handle(apiPaths.entries, init());
        this.clock.advance(delayMs);
        if (delayMs > pushTimeoutMsDefault) {
          await res.arrayBuffer();
          this.log.line(`${what} → server ${res.status} after ${delayMs} ms [fault: slow, client timed out]`);
          return this.lost(request, 'timeout');
        }
        const outcome = await this.answer(res, context);
        this.log.line(`${what} → ${describe(outcome)} [fault: slow, ${delayMs} ms]`);
        return outcome;
      }
      case 'crash': {
        const statements = this.rng.int(0, 14);
        const downForMs = this.rng.int(1_000, 60_000);
        const where = await this.server.handleCrashing(apiPaths.entries, init(), statements, downForMs, this.clock.nowMs());
        this.log.line(`${what} → [fault: server crashed ${where} (after ${statements} statements), down ${downForMs} ms]`);
        return this.lost(request, 'connection reset');
      }
    }
  }

  /** The client's view of an HTTP answer; a 2xx ends any Retry-After wait of the device. */
  private async answer(res: Response, context: PushContext): Promise<PushOutcome> {
    const outcome = await outcomeOfResponse(res, this.clock.nowMs());
    if (outcome.kind === 'answered') this.retryAfter.delete(context.device);
    return outcome;
  }

  /** No answer reached the client: a network error, or (broken variant) an invented success. */
  private lost(request: PushRequest, why: string): PushOutcome {
    if (this.variant === 'optimistic-client') {
      const response: PushResponse = {
        protocol: protocolVersion,
        results: request.entries.map((e) => ({ id: String(e.id), outcome: 'posted' as const, serverSeq: 1 })),
      };
      return { kind: 'answered', response };
    }
    return { kind: 'retry', messageTh: `เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ (${why}, จำลอง)` };
  }

  private checkRetryAfter(context: PushContext, what: string): void {
    const wait = this.retryAfter.get(context.device);
    if (wait && context.drainNo > wait.afterDrainNo && this.clock.nowMs() < wait.notBeforeMs) {
      this.log.violations.push(`${what}: pushed ${wait.notBeforeMs - this.clock.nowMs()} ms before the server's Retry-After allowed`);
    }
  }
}

function errorResponse(status: number, code: string, headers: Record<string, string>): Response {
  return new Response(JSON.stringify({ error: { code, message: 'จำลอง' } }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function describe(outcome: PushOutcome): string {
  if (outcome.kind !== 'answered') return `${outcome.kind}`;
  const counts = new Map<string, number>();
  for (const r of outcome.response.results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  return `200 ${[...counts].map(([k, n]) => `${k}×${n}`).join(' ')}`;
}

/** `D1#1..D1#5` when consecutive labels of one device, else the list. */
function labelRange(labels: string[]): string {
  if (labels.length <= 3) return labels.join(' ');
  return `${labels[0]} … ${labels[labels.length - 1]} (${labels.length})`;
}
