/**
 * The admin process, `npm run admin -- <command>` (the commands: admin/cli.ts): the only admin file
 * that reads the environment and exits. Works on the PGlite data folder while the server is stopped; a
 * folder in use by a running server is refused, not shared.
 */
import { runAdmin } from './admin/cli';
import { openExistingDataDir, readTextFileBounded } from './admin/files';
import { systemClock } from './clock';

const exitCode = await runAdmin(process.argv.slice(2), {
  openDb: openExistingDataDir,
  readTextFile: readTextFileBounded,
  clock: systemClock,
  io: { out: (line) => console.log(line), err: (line) => console.error(line) },
  defaultDataDir: process.env.DATA_DIR ?? './data',
});
process.exit(exitCode);
