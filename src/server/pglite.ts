/**
 * The PGlite adapter: embedded PostgreSQL (WebAssembly) in the server process, the default database so
 * that one office or one province can run the server with no separate database to install.
 * This file and postgres.ts (node-postgres, DATABASE_URL) are the only ones that know which database they have.
 */
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from './dataDirLock';
import type { Db, Queryable } from './db';

/**
 * Opens (creating if needed) a PGlite database in `dataDir`, or in memory when it is undefined. A data
 * folder is locked while open (dataDirLock.ts): opening one that another process has open throws
 * DataDirLockedError.
 * @example const db = await openPglite('./data'); … await db.close();
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const release = dataDir === undefined ? () => {} : lockDataDir(dataDir);
  let pg: PGlite;
  try {
    // PGlite.create awaits readiness, so the first query never races initialisation.
    pg = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  } catch (err) {
    release();
    throw err;
  }

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
    // Closing flushes PGlite's files, so the data folder is consistent when the process exits; only
    // then is the folder free for another process.
    close: async () => {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
