import { defineConfig } from 'vitest/config';

/**
 * Tests run in Node (domain, store on fake-indexeddb, sync, server on PGlite) and drive real headless
 * Chromium from Node for tests/e2e. Kept apart from vite.config.ts so the PWA build plugins stay out of tests.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    // One throwaway PostgreSQL cluster for the run: the server tests run on it as well as on PGlite.
    globalSetup: ['tests/server/postgresGlobalSetup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores: e2e files start servers and Chromium; running them side by side only adds noise.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
