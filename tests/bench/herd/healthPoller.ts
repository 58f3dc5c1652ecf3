/**
 * Polls GET /api/v1/health every `intervalMs` from a worker thread: its own event loop and its own
 * connection pool, so the 1,000 simulated devices in the main thread (JSON, sockets, timers) do not
 * inflate the health figures. A check starts every interval whether or not the previous one answered
 * (a slow stretch is sampled as often as a quick one, so it weighs fully in p99), at most 200 at once
 * (beyond: counted as skipped). Each check times out after 5 s (counted as failed).
 */
import { Worker } from 'node:worker_threads';

export interface HealthReport {
  /** Latency of each answered check, ms. */
  latenciesMs: number[];
  /** Checks that got a status other than 200, or no answer within 5 s. */
  failures: number;
  /** Checks not started because 200 were still waiting. */
  skipped: number;
}

// Plain JS (eval: a CommonJS worker): tsx need not be loaded in the worker.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, intervalMs, inFlightMax } = workerData;
const latenciesMs = [];
let failures = 0;
let skipped = 0;
let inFlight = 0;
const check = async () => {
  if (inFlight >= inFlightMax) { skipped += 1; return; }
  inFlight += 1;
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    if (res.status === 200) latenciesMs.push(performance.now() - started);
    else failures += 1;
  } catch {
    failures += 1;
  }
  inFlight -= 1;
};
const timer = setInterval(check, intervalMs);
parentPort.on('message', async () => {
  clearInterval(timer);
  while (inFlight > 0) await new Promise((r) => setTimeout(r, 20));
  parentPort.postMessage({ latenciesMs, failures, skipped });
});
`;

/** Starts polling; `stop()` resolves to every check's figures. */
export function startHealthPoller(url: string, intervalMs: number): { stop: () => Promise<HealthReport> } {
  const worker = new Worker(workerSource, { eval: true, workerData: { url, intervalMs, inFlightMax: 200 } });
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
