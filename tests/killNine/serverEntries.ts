/**
 * What a Samut server's database holds, read directly (not through the API) while the server process is
 * dead: how many rows each entry id has, and its server sequence number.
 * - PGlite: the data folder a killed process left behind is copied and the copy opened here, so the
 *   next server start still finds the folder exactly as the kill left it (stale `samut.lock`, a WAL to
 *   recover) and must take it over itself. Opening the copy takes over the copied lock the same way.
 * - PostgreSQL: a plain connection to the server's database.
 */
import { cpSync, rmSync } from 'node:fs';
import pg from 'pg';
import type { Db } from '../../src/server/db';
import { openPglite } from '../../src/server/pglite';

/** One entry id on the server: its rows (1 when all is well) and its server_seq. */
export interface ServerEntry {
  rows: number;
  serverSeq: number;
}

export type ServerDatabase = { backend: 'pglite'; dataDir: string } | { backend: 'postgres'; url: string };

const entriesSql = `SELECT id::text AS id, count(*)::int AS rows, min(server_seq)::int AS server_seq FROM entries GROUP BY id`;

/** Every entry id on the server, with its row count and server_seq. */
export async function readServerEntries(database: ServerDatabase): Promise<Map<string, ServerEntry>> {
  return snapshotServerEntries(database)();
}

/**
 * Takes the database as it is now (PGlite: copies the folder, synchronously) and returns the reader of
 * that state, which may then run while a new server process starts on the original.
 * @example const read = snapshotServerEntries(db); const [entries, server] = await Promise.all([read(), startServer(…)]);
 */
export function snapshotServerEntries(database: ServerDatabase): () => Promise<Map<string, ServerEntry>> {
  if (database.backend === 'postgres') {
    // PostgreSQL's state after the kill is what it committed; a new server only adds to it once pushed to.
    return async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        return entriesOf((await client.query<EntryRow>(entriesSql)).rows);
      } finally {
        await client.end();
      }
    };
  }
  const copy = `${database.dataDir}-copy`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(database.dataDir, copy, { recursive: true });
  return async () => {
    let db: Db | undefined;
    try {
      db = await openPglite(copy);
      return entriesOf((await db.query<EntryRow>(entriesSql)).rows);
    } finally {
      await db?.close();
      rmSync(copy, { recursive: true, force: true });
    }
  };
}

interface EntryRow {
  id: string;
  rows: number;
  server_seq: number;
}

function entriesOf(rows: readonly EntryRow[]): Map<string, ServerEntry> {
  return new Map(rows.map((r) => [r.id, { rows: r.rows, serverSeq: r.server_seq }]));
}
