/**
 * The `herd` bench section (npm run bench -- --only herd):
 *   1. herd.ts    1,000 PCs × 100 entries reconnecting at once to one real server process, on PGlite
 *                 (the default server) and on PostgreSQL (DATABASE_URL);
 *   2. ingest.ts  server ingest entries/s on PGlite and PostgreSQL, beside one bulk INSERT of the same rows.
 * PostgreSQL is a throwaway 15 cluster (tests/server/postgresCluster.ts, as vitest's globalSetup starts
 * it), stopped and removed at the end.
 */
import { openPostgres } from '../../../src/server/postgres';
import { startPostgresCluster } from '../../server/postgresCluster';
import { seconds } from './figures';
import { benchHerd } from './herd';
import { benchIngest, createDatabase } from './ingest';

export async function benchHerdSection(): Promise<void> {
  await benchHerd();
  const started = performance.now();
  const cluster = await startPostgresCluster();
  console.log(`\n(PostgreSQL 15 throwaway cluster started in ${seconds(performance.now() - started)}; ` +
    'fsync, synchronous_commit and full_page_writes off, as for the tests)');
  try {
    const url = await createDatabase(cluster.adminUrl, 'samut_herd');
    await benchHerd({ label: 'PostgreSQL', open: () => openPostgres(url), env: { DATABASE_URL: url } });
    await benchIngest(cluster.adminUrl);
  } finally {
    await cluster.stop();
  }
}
