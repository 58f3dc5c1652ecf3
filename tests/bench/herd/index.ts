/**
 * The `herd` bench section (npm run bench -- --only herd):
 *   1. herd.ts    1,000 PCs × 100 entries reconnecting at once to one real server process;
 *   2. ingest.ts  server ingest entries/s on PGlite and PostgreSQL, beside one bulk INSERT of the same rows.
 */
import { benchHerd } from './herd';
import { benchIngest } from './ingest';

export async function benchHerdSection(): Promise<void> {
  await benchHerd();
  await benchIngest();
}
