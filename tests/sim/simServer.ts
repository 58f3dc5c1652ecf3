/**
 * The simulated server: the REAL app (createApp → app.request, in process, no socket) over one shared
 * in-memory PGlite per process. PGlite takes seconds to start, so every seed gets an organisation of
 * its own in that database (organisations are isolated by design: every push locks and touches one).
 *
 * Faults the server itself can suffer, all confined to the seed's organisation:
 * - crash: the push's transaction dies after `n` statements (rolled back, as PostgreSQL does when the
 *   process dies); when `n` is past the last statement the crash comes after the commit, before the
 *   answer leaves. Either way the client sees no answer, the server is down until `downUntilMs`, and a
 *   fresh app over the same database serves again ("restart": the app's in-memory state, e.g.
 *   admission counters, is gone; committed rows are not).
 * - restore from an older backup: the organisation's rows are put back as they were when its
 *   `toServerSeq`-th entry committed (entries and every row derived from them, and orgs.last_server_seq).
 *   `entries` is append-only by trigger; the restore runs with session_replication_role = replica,
 *   which is what a restore tool (pg_restore) does too. Which point the sim may restore to is decided
 *   by the caller (simulate.ts): see there.
 * Broken variant for self-tests: `ack-without-commit` answers every push as written and rolls its
 * transaction back (so the sim must notice that posted entries are missing).
 */
import type { Hono } from 'hono';
import { createApp } from '../../src/server/app';
import type { Clock as ServerClock } from '../../src/server/clock';
import type { Db, Queryable } from '../../src/server/db';
import { issueEnrolmentCode } from '../../src/server/demoOrg';
import { ApiError } from '../../src/server/errors';
import { migrate } from '../../src/server/migrate';
import { openPglite } from '../../src/server/pglite';
import { apiPaths, enrollResponseSchema, type EnrollResponse } from '../../src/sync/protocol';

/** One migrated in-memory PGlite for all the seeds this process runs. */
export async function openSimDatabase(): Promise<Db> {
  const db = await openPglite();
  await migrate(db);
  return db;
}

/** A server-side defect the self-test injects. */
export type ServerVariant = 'correct' | 'ack-without-commit';

/** Thrown inside the push transaction to kill it. An ApiError, so the app does not log a stack for it. */
class SimulatedCrash extends ApiError {
  constructor() {
    super(500, 'simulated_crash', 'เซิร์ฟเวอร์หยุดทำงาน (จำลอง)');
  }
}

const rollbackOnPurpose = Symbol('rollback on purpose');

export class SimServer {
  /** The app now serving; replaced on restart. */
  private app: Hono;
  /** Statements the next push transaction may run before the process "dies"; undefined: no crash armed. */
  private crashAfterStatements: number | undefined;
  private crashFired = false;
  /** While the clock is before this, the process is down: connections are refused. */
  downUntilMs = 0;
  restarts = 0;
  /** The broken variant misbehaves only once the devices are enrolled (enrolment is a transaction too). */
  misbehaving = false;
  private readonly wrapped: Db;

  private constructor(
    readonly db: Db,
    readonly orgId: string,
    private readonly clock: ServerClock,
    readonly variant: ServerVariant,
  ) {
    this.wrapped = this.wrapDb(db);
    this.app = createApp({ db: this.wrapped, clock });
  }

  /** A new organisation (id from the seed) in the shared database, served by a fresh app. */
  static async open(db: Db, orgId: string, clock: ServerClock, variant: ServerVariant): Promise<SimServer> {
    await db.query('INSERT INTO orgs (org_id, name, created_at) VALUES ($1, $2, $3)', [orgId, `sim ${orgId}`, clock.now().toISOString()]);
    return new SimServer(db, orgId, clock, variant);
  }

  /** Enrols a device of this organisation through the real route. */
  async enrolDevice(deviceName: string): Promise<EnrollResponse> {
    const { code } = await issueEnrolmentCode(this.db, this.orgId, this.clock);
    const res = await this.app.request(apiPaths.enroll, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName }),
    });
    if (res.status !== 200) throw new Error(`sim enrolment failed: ${res.status} ${await res.text()}`);
    return enrollResponseSchema.parse(await res.json());
  }

  isDown(nowMs: number): boolean {
    return nowMs < this.downUntilMs;
  }

  /** Hands one HTTP request to the app. */
  async handle(path: string, init: RequestInit): Promise<Response> {
    return this.app.request(path, init);
  }

  /**
   * Handles a request during which the process dies after `statements` statements of the push
   * transaction. Resolves to where it died; the answer, if any was computed, never leaves.
   */
  async handleCrashing(path: string, init: RequestInit, statements: number, downForMs: number, nowMs: number): Promise<'before-commit' | 'after-commit'> {
    this.crashAfterStatements = statements;
    this.crashFired = false;
    try {
      const res = await this.app.request(path, init);
      await res.arrayBuffer(); // finish the handler; the bytes are lost with the process
    } finally {
      this.crashAfterStatements = undefined;
    }
    this.downUntilMs = nowMs + downForMs;
    return this.crashFired ? 'before-commit' : 'after-commit';
  }

  /** A fresh app over the same database (after a crash). */
  restart(): void {
    this.app = createApp({ db: this.wrapped, clock: this.clock });
    this.downUntilMs = 0;
    this.restarts += 1;
  }

  async lastServerSeq(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT last_server_seq::int AS n FROM orgs WHERE org_id = $1', [this.orgId]);
    return rows[0]?.n ?? 0;
  }

  /**
   * Puts the organisation back as it was when its `toServerSeq`-th entry committed; returns how many
   * entries the server lost.
   */
  async restoreTo(toServerSeq: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      const lost = `SELECT id FROM entries WHERE org_id = $1 AND server_seq > $2`;
      const p = [this.orgId, toServerSeq];
      await tx.query(`DELETE FROM cancellations WHERE org_id = $1 AND (cancel_id IN (${lost}) OR target_id IN (${lost}))`, p);
      await tx.query(`DELETE FROM receipt_numbers WHERE org_id = $1 AND entry_id IN (${lost})`, p);
      await tx.query(`DELETE FROM budget_effects WHERE org_id = $1 AND entry_id IN (${lost})`, p);
      await tx.query(`DELETE FROM budget_lines WHERE org_id = $1 AND entry_id IN (${lost})`, p);
      const { rows } = await tx.query<{ id: string }>('DELETE FROM entries WHERE org_id = $1 AND server_seq > $2 RETURNING id', p);
      await tx.query('UPDATE orgs SET last_server_seq = $2 WHERE org_id = $1', p);
      return rows.length;
    });
  }

  /** The database as the app sees it: crashes and the broken variant live here. */
  private wrapDb(db: Db): Db {
    const self = this;
    return {
      query: db.query.bind(db),
      exec: db.exec.bind(db),
      close: async () => {}, // the database is shared by every seed of the process
      async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
        if (self.variant === 'ack-without-commit' && self.misbehaving) {
          let result: T | undefined;
          try {
            await db.transaction(async (tx) => {
              result = await work(tx);
              throw rollbackOnPurpose;
            });
          } catch (error) {
            if (error !== rollbackOnPurpose) throw error;
          }
          return result as T;
        }
        const budget = self.crashAfterStatements;
        if (budget === undefined) return db.transaction(work);
        let ran = 0;
        return db.transaction((tx) =>
          work({
            query: async <Row>(sql: string, params?: unknown[]) => {
              if (ran >= budget) {
                self.crashFired = true;
                throw new SimulatedCrash();
              }
              ran += 1;
              return tx.query<Row>(sql, params);
            },
          }),
        );
      },
    };
  }
}
