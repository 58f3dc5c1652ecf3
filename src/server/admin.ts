/**
 * The admin process, `npm run admin -- <command>` (the commands: admin/cli.ts): the only admin file
 * that reads the environment and exits. Like the server: DATABASE_URL set → that PostgreSQL database
 * (the server may be running); unset → the PGlite data folder while the server is stopped (a folder in
 * use by a running server is refused, not shared).
 */
import { runAdmin } from './admin/cli';
import { openDatabaseUrl, openExistingDataDir, readTextFileBounded } from './admin/files';
import { systemClock } from './clock';

const exitCode = await runAdmin(process.argv.slice(2), {
  openDb: openExistingDataDir,
  databaseUrl: process.env.DATABASE_URL,
  openDatabaseUrl,
  readTextFile: readTextFileBounded,
  clock: systemClock,
  io: { out: (line) => console.log(line), err: (line) => console.error(line) },
  defaultDataDir: process.env.DATA_DIR ?? './data',
});
process.exit(exitCode);
