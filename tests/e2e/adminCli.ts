/**
 * The administrator's command line in end-to-end stories: `npm run admin -- …argv` run in-process on a
 * stopped server's data folder (the folder is one process at a time), and the one-time code it issues.
 */
import { expect } from 'vitest';
import { runAdmin } from '../../src/server/admin/cli';
import { openDatabaseUrl, openExistingDataDir, readTextFileBounded } from '../../src/server/admin/files';

/** Runs the command on `dataDir`; expects exit 0 and returns its output lines. */
export async function admin(dataDir: string, argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  const code = await runAdmin([...argv, '--data-dir', dataDir], {
    openDb: openExistingDataDir,
    openDatabaseUrl,
    readTextFile: readTextFileBounded,
    clock: { now: () => new Date() },
    io: { out: (l) => lines.push(l), err: (l) => lines.push(l) },
    defaultDataDir: dataDir,
  });
  expect(code, lines.join('\n')).toBe(0);
  return lines;
}

/** The only organisation's id (the demo one an e2e server creates on its first start). */
export async function onlyOrgId(dataDir: string): Promise<string> {
  return (await admin(dataDir, ['orgs']))[1]!.split('\t')[0]!;
}

/** A new one-time enrolment code of `orgId`, as `ABCD-EFGH`. */
export async function issueCode(dataDir: string, orgId: string): Promise<string> {
  const line = (await admin(dataDir, ['issue-code', '--org', orgId]))[0]!;
  return /: ([A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(line)![1]!;
}
