/**
 * The two databases every server test runs on: PGlite (embedded, the default) and PostgreSQL (the
 * throwaway cluster of postgresGlobalSetup.ts). Each opened database is a new one: PGlite in memory, or a
 * CREATE DATABASE of its own in the cluster, so test files run side by side without seeing each other.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { beforeEach, inject } from 'vitest';
import type { Db } from '../../src/server/db';
import { openPglite } from '../../src/server/pglite';
import { openPostgres } from '../../src/server/postgres';

export type ServerBackend = 'pglite' | 'postgres';

/** Both, unless SAMUT_TEST_POSTGRES=off. `describe.each(serverBackends)('%s', (backend) => …)`. */
export const serverBackends: readonly ServerBackend[] = inject('testPostgres').state === 'off' ? ['pglite'] : ['pglite', 'postgres'];

/**
 * Registers a beforeEach that fails every test of the enclosing block, with the reason, when `backend`
 * cannot run here (the cluster did not start). Returns whether it can run: hooks that open a database
 * must not run otherwise, since a failed beforeAll marks the tests skipped and CI would count nothing
 * failed.
 */
export function requireBackend(backend: ServerBackend): boolean {
  const reason = backend === 'postgres' ? whyNoPostgres() : undefined;
  if (reason === undefined) return true;
  beforeEach(() => {
    throw new Error(reason);
  });
  return false;
}

/** A new, empty database of `backend` (not migrated). */
export async function openEmptyDb(backend: ServerBackend): Promise<Db> {
  return backend === 'pglite' ? openPglite() : openPostgres(await createPostgresDatabase());
}

/**
 * Creates a database of its own in the test cluster and returns its URL. Fails with the reason when the
 * cluster is not running.
 */
export async function createPostgresDatabase(): Promise<string> {
  const postgres = inject('testPostgres');
  if (postgres.state !== 'running') throw new Error(whyNoPostgres());
  // 11 + 32 characters: within PostgreSQL's 63 for a name, and unique without coordinating the workers.
  const name = `samut_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgres.adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function whyNoPostgres(): string | undefined {
  const postgres = inject('testPostgres');
  if (postgres.state === 'running') return undefined;
  return postgres.state === 'off' ? 'SAMUT_TEST_POSTGRES=off: no PostgreSQL for this test' : postgres.reason;
}
