/**
 * Benchmarks (figures, never assertions). Sections, in order:
 *   domain    validate + derive + hash of 100,000 mixed entries of every kind (domainThroughput.ts)
 *   backpost  back-posting the lost half-year (DESIGN.md §1) from one PC to the real server
 *   reports   trial balance, cash book and budget register over ≥ 250,000 journal lines in headless
 *             Chromium, beside the trial balance from every entry (reports/reportsInChromium.ts)
 *   import    20,000 receipt rows as CSV and as XLSX imported in headless Chromium (decode, read,
 *             match, record in one transaction), and the keyboard grid's save latency (import/importInChromium.ts)
 *   herd      1,000 PCs × 100 entries reconnecting at once to one server process (503s, 429s, latencies,
 *             health p99, exactly-once), and server ingest entries/s on PGlite and PostgreSQL beside one
 *             bulk INSERT of the same rows (herd/index.ts)
 *
 *   npm run bench                     everything; per-entry baseline on a 2,000-entry sample, extrapolated
 *   npm run bench -- --full           per-entry baseline over all 20,000 (several minutes)
 *   npm run bench -- --only domain    one section
 *
 * Starts the real server in this process (createApp + PGlite in a temp folder, on 127.0.0.1), enrols
 * two devices, records 20,000 pending receipts on each (Dexie on fake-indexeddb, through the store's
 * own recordReceipts), then times:
 *   1. the drain loop with httpPush, batches of 200 (what Samut does);
 *   2. the same loop with batches of 1: one HTTP request and one IndexedDB apply per entry (the
 *      per-entry replay pattern a naive client uses).
 * Verifies that the server then holds exactly 40,000 entry rows, every one posted once, and exits 0.
 *
 * Reading the figures: "PC store" time is fake-indexeddb in Node, not Chrome's IndexedDB. Its index
 * keeps deleted keys as tombstones until a rebuild, so each read of the pending range walks past every
 * entry already moved out of it: cheap for 100 batched reads, ever more costly for 20,000 per-entry
 * reads (which is also why the 2,000-entry sample understates the full per-entry run). The
 * "HTTP + server" ratio is the figure that does not depend on the fake.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { openSamutDb, type SamutDb } from '../../src/store/db';
import { saveEnrolment, type Enrolment } from '../../src/store/enrolment';
import { countPending } from '../../src/store/queries';
import { recordBatchMax, recordReceipts } from '../../src/store/recordReceipt';
import { drainQueue, type DrainReport } from '../../src/sync/drain';
import { createHttpPushClient } from '../../src/sync/httpPush';
import type { PushClient } from '../../src/sync/pushClient';
import { startRealServer, type RealServer } from '../sync/realServer';
import { benchDomain } from './domainThroughput';
import { outageLedger } from './ledger';
import { benchImport } from './import/importInChromium';
import { benchReports } from './reports/reportsInChromium';
import { benchHerdSection } from './herd/index';

const entriesPerDevice = 20_000;
const batchSize = 200;
const perEntrySampleDefault = 2_000;
/** Calls of drainQueue per phase: each call is bounded, the bench loops over them (bounded too). */
const drainCallsMax = 100;

async function main(): Promise<void> {
  const only = process.argv[process.argv.indexOf('--only') + 1];
  const wants = (section: string) => !process.argv.includes('--only') || only === section;
  if (wants('domain')) benchDomain();
  if (wants('backpost')) await benchBackPost();
  if (wants('reports')) await benchReports();
  if (wants('import')) await benchImport();
  if (wants('herd')) await benchHerdSection();
}

async function benchBackPost(): Promise<void> {
  const full = process.argv.includes('--full');
  const dataDir = await mkdtemp(join(tmpdir(), 'samut-bench-'));
  // The per-device push rate is policy, not protocol: lifted here so the per-entry baseline (one push
  // per entry) measures HTTP and the server, not the limit.
  const server = await startRealServer({ dataDir, limits: { devicePushBurst: 1_000_000, devicePushesPerSecond: 1_000_000 } });
  try {
    console.log(`server: ${server.url}, PGlite in ${dataDir}; Node ${process.version}`);

    const a = await deviceWithLedger(server, 'bench-a', 1);
    const batched = await timeDrain(a.db, a.enrolment, batchSize, entriesPerDevice);
    const batchedS = batched.ms / 1000;
    console.log(
      `back-post ${entriesPerDevice} receipts, batched drain: ${batchedS.toFixed(1)} s ` +
        `(${Math.round(entriesPerDevice / batchedS)} entries/s, ${batched.pushes} requests of ≤ ${batchSize})`,
    );
    console.log(`  of which HTTP + server ${split(batched)}`);

    const b = await deviceWithLedger(server, 'bench-b', 2);
    const sample = full ? entriesPerDevice : perEntrySampleDefault;
    const perEntry = await timeDrain(b.db, b.enrolment, 1, sample);
    const perEntryMsPerEntry = perEntry.ms / perEntry.posted;
    const perEntryS = (perEntryMsPerEntry * entriesPerDevice) / 1000;
    const perEntrySplit = `  of which HTTP + server ${split(perEntry)}`;
    if (full) {
      console.log(`same, one request per entry: ${perEntryS.toFixed(1)} s (${Math.round(entriesPerDevice / perEntryS)} entries/s)`);
      console.log(perEntrySplit);
    } else {
      console.log(
        `same, one request per entry: ${perEntryS.toFixed(1)} s — EXTRAPOLATED from the first ${perEntry.posted} of ` +
          `${entriesPerDevice} (${(perEntry.ms / 1000).toFixed(1)} s measured, ${perEntryMsPerEntry.toFixed(2)} ms/entry); ` +
          `run with --full to measure all`,
      );
      console.log(perEntrySplit);
      // The rest of device B goes batched (untimed), so the server ends with both ledgers whole.
      await timeDrain(b.db, b.enrolment, batchSize, entriesPerDevice - perEntry.posted);
    }
    const perEntryHttpS = (perEntry.httpMs / perEntry.posted) * entriesPerDevice / 1000;
    console.log(
      `ratio per-entry / batched: ${(perEntryS / batchedS).toFixed(1)}x ` +
        `(HTTP + server time alone: ${(perEntryHttpS / (batched.httpMs / 1000)).toFixed(1)}x)`,
    );

    await verify(server, [a, b]);
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** How the drain's time divides between the network + server and the PC's own store work. */
function split(t: { ms: number; httpMs: number }): string {
  return `${(t.httpMs / 1000).toFixed(1)} s (${Math.round((100 * t.httpMs) / t.ms)}%), PC store and checks ${((t.ms - t.httpMs) / 1000).toFixed(1)} s`;
}

interface Device {
  db: SamutDb;
  enrolment: Enrolment;
}

/** Enrols a device and records its ledger as pending entries. */
async function deviceWithLedger(server: RealServer, name: string, seed: number): Promise<Device> {
  const enrolment = await server.enrolDevice(name);
  const db = openSamutDb(`${name}-${process.pid}`, { indexedDB, IDBKeyRange });
  await saveEnrolment(db, enrolment);
  const ledger = outageLedger(entriesPerDevice, seed, `B${seed}`);
  const started = performance.now();
  for (let i = 0; i < ledger.length; i += recordBatchMax) {
    await recordReceipts(db, ledger.slice(i, i + recordBatchMax));
  }
  const pending = await countPending(db);
  if (pending !== entriesPerDevice) throw new Error(`${name}: ${pending} pending after recording, expected ${entriesPerDevice}`);
  console.log(`${name}: recorded ${pending} pending receipts in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed below)`);
  return { db, enrolment };
}

/** Drains until `count` more entries are posted; returns the time taken. */
async function timeDrain(db: SamutDb, enrolment: Enrolment, size: number, count: number) {
  const http = createHttpPushClient({ serverUrl: enrolment.serverUrl, token: enrolment.token });
  const tally = { posted: 0, pushes: 0, httpMs: 0 };
  // Time inside push (HTTP + server) apart from the rest (PC store reads and applies, on fake-indexeddb).
  const push: PushClient = async (req) => {
    const t0 = performance.now();
    try {
      return await http(req);
    } finally {
      tally.httpMs += performance.now() - t0;
    }
  };
  const started = performance.now();
  for (let call = 0; call < drainCallsMax && tally.posted < count; call++) {
    // pushesMax stops a sample exactly at `count` entries; a whole drain needs only one call.
    const report: DrainReport = await drainQueue({ db, push, batchSize: size, pushesMax: Math.ceil((count - tally.posted) / size) });
    tally.posted += report.posted;
    tally.pushes += report.pushes;
    if (report.rejected + report.conflicts > 0) throw new Error(`unexpected answers: ${JSON.stringify(report)}`);
    if (report.outcome !== 'drained' && report.outcome !== 'incomplete') {
      throw new Error(`drain ended ${report.outcome}: ${report.messageTh ?? ''}`);
    }
  }
  const ms = performance.now() - started;
  if (tally.posted !== count) throw new Error(`posted ${tally.posted} of ${count}`);
  return { ms, ...tally };
}

/** The server holds every entry exactly once, and every PC entry is posted with the server's number. */
async function verify(server: RealServer, devices: Device[]): Promise<void> {
  const expected = entriesPerDevice * devices.length;
  const rows = await server.countEntryRows();
  const { rows: seqs } = await server.db.query<{ max: number; distinct_ids: number }>(
    'SELECT max(server_seq)::int AS max, count(DISTINCT id)::int AS distinct_ids FROM entries',
  );
  let postedOnPcs = 0;
  for (const d of devices) postedOnPcs += (await d.db.entries.toArray()).filter((e) => e.state === 'posted').length;
  const ok = rows === expected && seqs[0]?.distinct_ids === expected && seqs[0]?.max === expected && postedOnPcs === expected;
  console.log(
    `server holds ${rows} entry rows (${seqs[0]?.distinct_ids} distinct ids, server_seq 1..${seqs[0]?.max}); ` +
      `PCs hold ${postedOnPcs} posted; expected ${expected}: ${ok ? 'OK' : 'MISMATCH'}`,
  );
  if (!ok) throw new Error('verification failed');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
