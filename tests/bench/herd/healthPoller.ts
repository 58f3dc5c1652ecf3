/**
 * Polls GET /api/v1/health every `intervalMs` from a worker thread: its own event loop and its own
 * connection pool, so the 1,000 simulated devices in the main thread (JSON, sockets, timers) do not
 * inflate the health figures. A check starts every interval; one slower than the interval delays the
 * next (never two at once), as a load balancer's probe would. Each check times out after 5 s (counted).
 */
import { Worker } from 'node:worker_threads';

export interface HealthReport {
  /** Latency of each answered check, ms. */
  latenciesMs: number[];
  /** Checks that got a status other than 200, or no answer within 5 s. */
  failures: number;
}

// Plain JS (eval: a CommonJS worker): tsx need not be loaded in the worker.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, intervalMs } = workerData;
const latenciesMs = [];
let failures = 0;
let stopping = false;
parentPort.on('message', () => { stopping = true; });
(async () => {
  while (!stopping) {
    const started = performance.now();
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status === 200) latenciesMs.push(performance.now() - started);
      else failures += 1;
    } catch {
      failures += 1;
    }
    const wait = intervalMs - (performance.now() - started);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  parentPort.postMessage({ latenciesMs, failures });
})();
`;

/** Starts polling; `stop()` resolves to every check's figures. */
export function startHealthPoller(url: string, intervalMs: number): { stop: () => Promise<HealthReport> } {
  const worker = new Worker(workerSource, { eval: true, workerData: { url, intervalMs } });
  const report = new Promise<HealthReport>((resolve, reject) => {
    worker.once('message', (m: HealthReport) => resolve(m));
    worker.once('error', reject);
  });
  return {
    stop: async () => {
      worker.postMessage('stop');
      const r = await report;
      await worker.terminate();
      return r;
    },
  };
}
