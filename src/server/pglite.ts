/**
 * The PGlite adapter: embedded PostgreSQL (WebAssembly) in the server process, the default database so
 * that one office or one province can run the server with no separate database to install.
 * This file and the future node-postgres adapter are the only ones that know which database they have.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

/**
 * Opens (creating if needed) a PGlite database in `dataDir`, or in memory when it is undefined.
 * @example const db = await openPglite('./data'); … await db.close();
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  // PGlite.create awaits readiness, so the first query never races initialisation.
  const pg = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);

  const query: Queryable['query'] = async <Row>(sql: string, params?: unknown[]) => {
    const result = await pg.query<Row>(sql, params);
    return { rows: result.rows };
  };

  return {
    query,
    // PGlite runs BEGIN/COMMIT around `work` and ROLLBACK when it throws; other queries wait meanwhile.
    transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
      pg.transaction(async (tx) =>
        work({
          query: async <Row>(sql: string, params?: unknown[]) => ({ rows: (await tx.query<Row>(sql, params)).rows }),
        }),
      ),
    exec: async (sql: string) => {
      await pg.exec(sql);
    },
    // Closing flushes PGlite's files, so the data folder is consistent when the process exits.
    close: () => pg.close(),
  };
}
