/**
 * What every end-to-end file sets up: the real server process in a temporary data folder on a free
 * port, and headless Chromium with a persistent profile of its own (launchChromiumProfile). Registers
 * the hooks (beforeAll starts both; afterAll prints the pages' last console lines, closes the browser,
 * stops the server and removes both folders); call it inside the file's `describe`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromiumProfile } from './browser';
import { freePort, startServer, type ServerProcess } from './serverProcess';

export interface E2eSession {
  /** The server folder PGlite writes to (open it after `server.stop()` to read what was posted). */
  readonly dataDir: string;
  /** The server process started last. */
  readonly server: ServerProcess;
  readonly context: BrowserContext;
  /** Starts the server again, on the same port and data folder (after `server.stop()`). */
  restartServer(): Promise<ServerProcess>;
  /** Keeps the page's console lines and errors, printed when the file ends. */
  watch(page: Page): Page;
}

/** `prefix` names the temporary folders: `<prefix>-…` for the data, `<prefix>-chromium-…` for the profile. */
export function openE2eSession(prefix: string): E2eSession {
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const profileDir = mkdtempSync(join(tmpdir(), `${prefix}-chromium-`));
  let server: ServerProcess | undefined;
  let context: BrowserContext | undefined;
  let port: number;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    server = await startServer({ port, dataDir });
    context = await launchChromiumProfile(profileDir);
  });

  afterAll(async () => {
    if (consoleLines.length) console.log(consoleLines.slice(-40).join('\n'));
    await context?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  });

  return {
    dataDir,
    get server() {
      if (!server) throw new Error('the e2e server is read before beforeAll started it');
      return server;
    },
    get context() {
      if (!context) throw new Error('the e2e browser is read before beforeAll launched it');
      return context;
    },
    restartServer: async () => (server = await startServer({ port, dataDir })),
    watch: (page) => {
      page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
      return page;
    },
  };
}
