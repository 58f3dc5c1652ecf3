/**
 * Vitest globalSetup: one throwaway PostgreSQL cluster for the whole run (initdb costs seconds; a
 * database per test file costs milliseconds), handed to the test files through `provide`. When it cannot
 * start, the files get the reason instead, and their postgres runs fail with it: CI must never pass
 * while silently testing one database. SAMUT_TEST_POSTGRES=off starts nothing and runs PGlite only.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgresCluster';

/** What the test files learn about PostgreSQL (serverBackends.ts reads it). */
export type TestPostgres = { state: 'running'; adminUrl: string } | { state: 'unavailable'; reason: string } | { state: 'off' };

declare module 'vitest' {
  export interface ProvidedContext {
    testPostgres: TestPostgres;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.SAMUT_TEST_POSTGRES === 'off') {
    project.provide('testPostgres', { state: 'off' });
    return undefined;
  }
  try {
    const cluster = await startPostgresCluster();
    project.provide('testPostgres', { state: 'running', adminUrl: cluster.adminUrl });
    return () => cluster.stop();
  } catch (err) {
    project.provide('testPostgres', { state: 'unavailable', reason: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
}
