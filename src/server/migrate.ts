/**
 * Schema migrations: the files `migrations/NNN_name.sql`, applied in name order at start, each once,
 * each in its own transaction together with its row in `schema_migrations`, so a migration is either
 * wholly applied and recorded or not at all.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

/** Where the migration files live, next to this module. */
export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Names allowed for migration files; anything else in the folder is a mistake, not a migration. */
const migrationNamePattern = /^\d{3}_[a-z0-9_]+\.sql$/;

/** Migrations are a handful; a folder with more is not ours. */
const migrationsMax = 1000;

/** File names applied now, and those found applied already. */
export type MigrationOutcome = { applied: string[]; alreadyApplied: string[] };

/**
 * Applies every migration not yet recorded.
 * @example await migrate(db) // { applied: ['001_init.sql'], alreadyApplied: [] }
 */
export async function migrate(db: Db, dir: string = migrationsDir): Promise<MigrationOutcome> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const names = await migrationNames(dir);
  const done = new Set(
    (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name),
  );
  const outcome: MigrationOutcome = { applied: [], alreadyApplied: [] };
  for (const name of names) {
    if (done.has(name)) {
      outcome.alreadyApplied.push(name);
      continue;
    }
    const sql = await readFile(`${dir}/${name}`, 'utf8');
    // A multi-statement script sent in one simple query runs as one implicit transaction in PostgreSQL:
    // an error anywhere rolls the whole file back, including the schema_migrations row. The name is
    // safe to inline: it matched migrationNamePattern (digits, a-z, underscore, dot).
    await db.exec(`${sql}\n;\nINSERT INTO schema_migrations (name) VALUES ('${name}');`);
    outcome.applied.push(name);
  }
  return outcome;
}

async function migrationNames(dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql'));
  if (files.length > migrationsMax) throw new Error(`more than ${migrationsMax} migration files in ${dir}`);
  for (const f of files) {
    if (!migrationNamePattern.test(f)) throw new Error(`migration file name not NNN_name.sql: ${f}`);
  }
  return files.sort();
}
