/**
 * The node-postgres adapter: a real PostgreSQL server (DATABASE_URL), for a province or a country that
 * runs its own database. Rows come back as the same JS values as from PGlite (see `pgliteTypes`), so the
 * rest of the server cannot tell the two apart. This file and pglite.ts are the only ones that know which
 * database they have.
 */
import pg from 'pg';
import type { Db, Queryable } from './db';

/**
 * Connections held at most. Pushes are admitted `pushConcurrentMax` (8) at a time and each holds one
 * connection for its transaction; the rest leaves room for health checks and enrolments.
 */
export const poolConnectionsMax = 10;

/** A request waits this long for a free connection before failing, rather than hanging on a lost database. */
const connectWaitMsMax = 10_000;

/**
 * Opens a pool on `url` and checks that the database answers, so a wrong URL fails at start, not at the
 * first request. Opening creates nothing: the database must exist; `migrate` creates the tables.
 * @example const db = await openPostgres('postgres://samut@db.example/samut'); … await db.close();
 */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolConnectionsMax,
    connectionTimeoutMillis: connectWaitMsMax,
    types: pgliteTypes,
    // PGlite's session settings: dates and timestamps as text, and date arithmetic, then agree, and the
    // date parser below reads ISO whatever the database's own default. A URL that sets `options` itself
    // takes precedence (node-postgres lets the URL win).
    options: '-c TimeZone=UTC -c DateStyle=ISO,MDY',
  });
  // An idle connection that breaks (database restarted, network cut) is dropped by the pool and replaced
  // on the next checkout; without a listener its error would end the process.
  pool.on('error', (err) => console.error('[samut-server] idle database connection lost:', err.message));
  try {
    await pool.query('SELECT 1');
  } catch (err) {
    await pool.end();
    throw err;
  }

  const query: Queryable['query'] = async <Row>(sql: string, params?: unknown[]) => {
    const result = await pool.query(sql, params);
    return { rows: result.rows as Row[] };
  };

  return {
    query,
    // BEGIN, the work and COMMIT must run on one connection: the pool would hand each query to any of them.
    transaction: async <T>(work: (tx: Queryable) => Promise<T>) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      // A checked-out connection that breaks (database restarted, backend terminated) reports it as an
      // event, not only through the pending query: unheard, that event would end the process.
      const onConnectionError = (err: Error) => (broken = err);
      client.on('error', onConnectionError);
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as Row[] }),
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          // A connection that cannot roll back may still hold the transaction open: never reuse it.
          broken = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr));
        }
        throw err;
      } finally {
        client.off('error', onConnectionError);
        client.release(broken);
      }
    },
    // Without parameters node-postgres sends the simple query protocol, which takes several statements
    // and runs them as one implicit transaction (what migrate.ts relies on).
    exec: async (sql: string) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** Parses a text-format value the way PGlite does where node-postgres's default differs. */
type TextParser = (text: string) => unknown;

/**
 * int8 (bigint, count(*)): node-postgres gives a string; PGlite a number, or a bigint beyond 2^53
 * (sqlInt.ts then refuses it instead of rounding).
 */
const int8LikePglite: TextParser = (text) => {
  const n = BigInt(text);
  return n < BigInt(Number.MIN_SAFE_INTEGER) || n > BigInt(Number.MAX_SAFE_INTEGER) ? n : Number(n);
};

/**
 * date: node-postgres gives local midnight, which moves with the server's TZ (a Bangkok server would
 * read 2024-01-16 as 2024-01-15T17:00Z); PGlite gives UTC midnight, the same everywhere.
 */
const dateLikePglite: TextParser = (text) => {
  if (text === 'infinity') return Infinity;
  if (text === '-infinity') return -Infinity;
  return new Date(`${text}T00:00:00.000Z`);
};

const pglikeParsers = new Map<number, TextParser>([
  [pg.types.builtins.INT8, int8LikePglite],
  [pg.types.builtins.DATE, dateLikePglite],
]);

/**
 * The type parsers of this pool only (pg.types.setTypeParser would change them for every pool in the
 * process). The other types our tables use already agree: int4 → number, numeric → string (exact),
 * timestamptz → Date, jsonb → parsed JSON, uuid and text → string, bool → boolean. Arrays of int8 are not
 * read back by any query and keep node-postgres's strings.
 */
export const pgliteTypes: pg.CustomTypesConfig = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    (format !== 'binary' && pglikeParsers.get(oid)) || pg.types.getTypeParser(oid, format),
};
