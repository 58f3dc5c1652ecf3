/**
 * The embedded database: a data folder survives close and reopen (what a server restart does),
 * migrations apply once, entries cannot be changed or deleted even by hand, and the folder is locked
 * against other processes while open.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openExistingDataDir } from '../../src/server/admin/files';
import { createApp } from '../../src/server/app';
import { DataDirLockedError, lockFileName } from '../../src/server/dataDirLock';
import { ensureDemoOrg } from '../../src/server/demoOrg';
import { migrate } from '../../src/server/migrate';
import { openPglite } from '../../src/server/pglite';
import { pushResponseSchema } from '../../src/sync/protocol';
import { enrol, manualClock, push, receiptEntries, type TestServer } from './helpers';

const dataDir = mkdtempSync(join(tmpdir(), 'samut-pglite-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a PGlite data folder', () => {
  it('keeps organisations, devices and entries across close and reopen', async () => {
    const clock = manualClock();
    const first = await openPglite(dataDir);
    expect((await migrate(first)).applied).toEqual(['001_init.sql', '002_books.sql', '003_entries_by_device_date.sql', '004_accounts.sql']);
    const demo = await ensureDemoOrg(first, clock);
    if (!demo.created) throw new Error('expected the demo organisation');
    const server: TestServer = { db: first, app: createApp({ db: first, clock }), clock, orgId: demo.orgId, code: demo.code };
    const device = await enrol(server);
    const entries = receiptEntries(device, 3);
    expect((await push(server, device, entries)).status).toBe(200);

    // Append-only, enforced by the database itself and not only by the application.
    await expect(first.query(`UPDATE entries SET hash = repeat('0', 64)`)).rejects.toThrow(/append-only/);
    await expect(first.query('DELETE FROM entries')).rejects.toThrow(/append-only/);
    // TRUNCATE is refused by the derived tables' foreign keys before the trigger; with CASCADE, by the trigger.
    await expect(first.query('TRUNCATE entries')).rejects.toThrow(/append-only|foreign key/);
    await expect(first.query('TRUNCATE entries CASCADE')).rejects.toThrow(/append-only/);
    // The folder is locked while open and free once closed; another live process's lock keeps it shut.
    expect(readFileSync(join(dataDir, lockFileName), 'utf8').trim()).toBe(String(process.pid));
    await first.close();
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
    writeFileSync(join(dataDir, lockFileName), `${process.ppid}\n`);
    await expect(openPglite(dataDir)).rejects.toThrow(DataDirLockedError);
    rmSync(join(dataDir, lockFileName));

    // Reopened as the admin command line opens it: an existing folder only (admin/files.ts).
    const second = await openExistingDataDir(dataDir);
    try {
      expect(await migrate(second)).toEqual({ applied: [], alreadyApplied: ['001_init.sql', '002_books.sql', '003_entries_by_device_date.sql', '004_accounts.sql'] });
      expect(await ensureDemoOrg(second, clock)).toEqual({ created: false });
      const reopened: TestServer = { ...server, db: second, app: createApp({ db: second, clock }) };
      // The same device token still works, and the resend is recognised: exactly once across restarts.
      const res = await push(reopened, device, entries);
      expect(pushResponseSchema.parse(await res.json()).results.map((r) => r.outcome)).toEqual([
        'duplicate',
        'duplicate',
        'duplicate',
      ]);
      const { rows } = await second.query<{ n: number }>('SELECT count(*)::int AS n FROM entries');
      expect(rows[0]!.n).toBe(3);
    } finally {
      await second.close();
    }
  });
});
