/**
 * kill -9 during pushes (issue 6): the real server process (`src/server/main.ts` under tsx, as `npm start`
 * runs it) on PGlite in DATA_DIR and on PostgreSQL (DATABASE_URL, a fresh database in the test cluster)
 * is killed with SIGKILL at a seeded random moment during the pushes of each of 20 rounds, then started
 * again on the same folder or database. The client is the real one in Node: Dexie on fake-indexeddb,
 * entries written by recordEntries, sent by drainQueue through createHttpPushClient to the server's
 * socket.
 * After each kill, with the process dead, the database is read directly: every entry the client saw
 * acknowledged (`posted` or `duplicate` in a push response) is there exactly once, and nothing is there
 * that the client did not record. A restart must find the data (no new demo organisation). At the end a
 * clean drain posts everything, and the server holds every recorded entry exactly once, with the server
 * sequence number the client keeps.
 * Replay a run with the seed it prints: SAMUT_KILL_SEED=<seed> npx vitest run tests/killNine
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordEntryInput } from '../../src/store/entryInput';
import { saveEnrolment } from '../../src/store/enrolment';
import { countPending } from '../../src/store/queries';
import { recordEntries } from '../../src/store/recordEntry';
import type { Clock } from '../../src/store/clock';
import { drainQueue, type DrainReport } from '../../src/sync/drain';
import { enrolDevice } from '../../src/sync/enrol';
import { createHttpPushClient } from '../../src/sync/httpPush';
import type { PushClient } from '../../src/sync/pushClient';
import { getSyncStatus } from '../../src/sync/syncStatus';
import { freePort, startServer, type ServerProcess } from '../e2e/serverProcess';
import { createPostgresDatabase, requireBackend, serverBackends } from '../server/serverBackends';
import { freshDb, receiptOn, seededRandom } from '../store/fixtures';
import { killSeedOf, nextKillMoment, seededInts } from './killPlan';
import { readServerEntries, snapshotServerEntries, type ServerDatabase } from './serverEntries';

const kills = 20;
/** Per round: 40 receipts in pushes of 10, so a round has ≥ 4 pushes to be killed in. */
const entriesPerRound = 40;
const batchSize = 10;
/** A push of 10 receipts takes ≈ 10–50 ms: a kill up to 60 ms after one is sent lands before, during or after its commit. */
const killDelayMsMax = 60;
/** Drain calls per round or for the final drain: each ends at the kill, or after ≤ ceil(pending/10) + 3 pushes. */
const drainCallsMax = 50;

const seed = killSeedOf(process.env);
console.log(`kill -9 test seed ${seed} (replay: SAMUT_KILL_SEED=${seed} npx vitest run tests/killNine)`);

const dates = ['2024-01-16', '2024-02-05', '2024-03-20', '2024-05-02', '2024-06-28'];

describe.each(serverBackends)('kill -9 on %s', (backend) => {
  requireBackend(backend);

  it(`keeps every acknowledged entry exactly once across ${kills} kill -9s during pushes, and posts everything after`, async () => {
    const startedMs = Date.now();
    const tmp = mkdtempSync(join(tmpdir(), `samut-kill9-${backend}-`));
    const dataDir = join(tmp, 'data');
    const env: Record<string, string> = backend === 'postgres' ? { DATABASE_URL: await createPostgresDatabase() } : {};
    const database: ServerDatabase = backend === 'postgres' ? { backend, url: env.DATABASE_URL! } : { backend, dataDir };
    const port = await freePort();
    let server: ServerProcess = await startServer({ port, dataDir, env });
    try {
      // Enrol as the enrol screen does, with the code the first start printed.
      expect(server.enrolmentCode, server.output()).toBeDefined();
      const enrolled = await enrolDevice(server.origin, server.enrolmentCode!);
      if (enrolled.outcome !== 'enrolled') throw new Error(`enrolment failed: ${enrolled.messageTh}`);
      const db = freshDb(`kill9-${backend}`);
      await saveEnrolment(db, enrolled.enrolment);
      const random = seededRandom(seed + (backend === 'postgres' ? 1 : 2));
      const ints = seededInts(seed);

      // The push the drain makes, watched: what the client saw acknowledged, and when to kill.
      const acked = new Set<string>();
      const http = createHttpPushClient({ serverUrl: enrolled.enrolment.serverUrl, token: enrolled.enrolment.token, timeoutMs: 15_000 });
      let pushesSent = 0;
      let pushesInFlight = 0;
      let killsDuringPush = 0;
      let kill: { pushNo: number; delayMs: number; done?: Promise<void> } | undefined;
      const push: PushClient = async (request) => {
        pushesSent += 1;
        if (kill !== undefined && kill.pushNo === pushesSent && kill.done === undefined) {
          const victim = server;
          kill.done = new Promise((r) => setTimeout(r, kill!.delayMs)).then(() => {
            if (pushesInFlight > 0) killsDuringPush += 1;
            return victim.kill('SIGKILL');
          });
        }
        pushesInFlight += 1;
        try {
          const outcome = await http(request);
          if (outcome.kind === 'answered') {
            for (const result of outcome.response.results) {
              if (result.outcome === 'posted' || result.outcome === 'duplicate') acked.add(result.id);
              else throw new Error(`the server answered ${result.outcome} for ${result.id}: ${JSON.stringify(result)}`);
            }
          }
          return outcome;
        } finally {
          pushesInFlight -= 1;
        }
      };

      // The drain's clock runs ahead of the wall clock by however long its backoff asks to wait: the
      // test does not sleep through backoffs, and the drain still honours them.
      let skipMs = 0;
      const clock: Clock = { nowMs: () => Date.now() + skipMs };
      const drainOnce = async (): Promise<DrainReport> => {
        const status = await getSyncStatus(db);
        if (status.nextAttemptAtMs > clock.nowMs()) skipMs += status.nextAttemptAtMs - clock.nowMs();
        return drainQueue({ db, push, clock, random, batchSize });
      };

      let receiptNo = 0;
      for (let round = 1; round <= kills; round++) {
        const inputs: RecordEntryInput[] = [];
        for (let i = 0; i < entriesPerRound; i++) {
          receiptNo += 1;
          inputs.push({ ...receiptOn(dates[receiptNo % dates.length]!, receiptNo, 100 + receiptNo, 'K9'), kind: 'receipt' });
        }
        await recordEntries(db, inputs, clock, random);
        kill = nextKillMoment(ints, pushesSent, Math.ceil((await countPending(db)) / batchSize), killDelayMsMax);

        // Drain until the kill cuts it off (or everything is posted before the kill lands).
        let report: DrainReport | undefined;
        for (let call = 0; call < drainCallsMax; call++) {
          report = await drainOnce();
          if (report.outcome !== 'incomplete') break;
        }
        expect(kill.done, `round ${round}: the planned push ${kill.pushNo} was never sent (sent ${pushesSent})`).toBeDefined();
        await kill.done;
        expect(['backing-off', 'drained']).toContain(report?.outcome);

        // With the process dead, the database as the kill left it is read (PGlite: from a copy), while
        // the restart takes over the original folder or database and must find its data.
        const readAfterKill = snapshotServerEntries(database);
        const [onServer, restarted] = await Promise.all([readAfterKill(), startServer({ port, dataDir, env })]);
        server = restarted;
        expect(server.enrolmentCode, `round ${round}: the restart created a new demo organisation:\n${server.output()}`).toBeUndefined();

        // Every acknowledged entry is there exactly once, and nothing the client did not record.
        const clientIds = new Set((await db.entries.toArray()).map((e) => e.id));
        const missing = [...acked].filter((id) => onServer.get(id)?.rows !== 1);
        expect(missing, `round ${round} (seed ${seed}): acknowledged entries not on the server exactly once`).toEqual([]);
        expect([...onServer].filter(([id, e]) => e.rows !== 1 || !clientIds.has(id))).toEqual([]);
      }

      // A clean drain posts what is left, then a clean stop.
      let final: DrainReport | undefined;
      for (let call = 0; call < drainCallsMax && final?.outcome !== 'drained'; call++) final = await drainOnce();
      expect(final).toMatchObject({ outcome: 'drained', pending: 0, rejected: 0, conflicts: 0 });
      await server.stop();

      const onServer = await readServerEntries(database);
      const recorded = await db.entries.toArray();
      expect(recorded).toHaveLength(kills * entriesPerRound);
      for (const entry of recorded) {
        expect(entry.state).toBe('posted');
        expect(onServer.get(entry.id), `entry ${entry.id} (seed ${seed})`).toEqual({ rows: 1, serverSeq: entry.serverSeq });
      }
      expect(onServer.size).toBe(recorded.length);
      console.log(
        `kill -9 on ${backend}: ${kills} kills (${killsDuringPush} with a push in flight), ${pushesSent} pushes, ` +
          `${acked.size} entries acknowledged, ${recorded.length} posted exactly once, ${((Date.now() - startedMs) / 1000).toFixed(1)} s (seed ${seed})`,
      );
      expect(killsDuringPush).toBeGreaterThanOrEqual(kills / 4);
      db.close();
    } finally {
      await server.kill();
      rmSync(tmp, { recursive: true, force: true });
    }
    // ≈ 30 s on PostgreSQL and 80–90 s on PGlite alone on 2 cores (20 restarts of the server at 1.5–3 s
    // each, and a 40 MB folder copied after each kill); beside a browser test in the other worker, 2–3×.
  }, 480_000);
});
