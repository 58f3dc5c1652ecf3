/**
 * The administrator's commands about who may post (create-org, issue-code --valid-hours, devices,
 * revoke-device) on both databases, and the command line on DATABASE_URL: each prints Thai lines, writes
 * nothing when it refuses, and answers 0 done · 1 refused · 2 wrong command line.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createOrg, issueCode, listDevices, revokeDevice } from '../../src/server/admin/accounts';
import { runAdmin, type AdminDeps } from '../../src/server/admin/cli';
import type { AdminIo } from '../../src/server/admin/commands';
import { openDatabaseUrl, readTextFileBounded } from '../../src/server/admin/files';
import type { Db } from '../../src/server/db';
import { apiPaths, digestPath, setupPath } from '../../src/sync/protocol';
import { createPostgresDatabase } from './serverBackends';
import {
  EntryMaker,
  enrol,
  enrolAnotherDevice,
  expectThaiError,
  newEntryId,
  openServerFixture,
  postJson,
  pushResults,
  serverBackends,
  type TestServer,
} from './helpers';

type CapturedIo = AdminIo & { outLines: string[]; errLines: string[] };

function capturedIo(): CapturedIo {
  const outLines: string[] = [];
  const errLines: string[] = [];
  return { outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l) };
}

/** The code printed on a 'รหัสลงทะเบียน (enrolment code): …' line. */
function printedCode(lines: string[]): string {
  const line = lines.find((l) => l.startsWith('รหัสลงทะเบียน (enrolment code): '));
  const code = /: ([A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(line ?? '')?.[1];
  if (!code) throw new Error(`no code printed in ${JSON.stringify(lines)}`);
  return code;
}

/** The three device routes, asked with `token`: their statuses. */
async function deviceRouteStatuses(server: TestServer, token: string, deviceId: string): Promise<number[]> {
  const auth = { authorization: `Bearer ${token}` };
  const entries = await postJson(server, apiPaths.entries, { protocol: 1, deviceId, entries: [{}] }, auth);
  const setup = await server.app.request(setupPath, { headers: auth });
  const digest = await server.app.request(`${digestPath}?from=2024-01-01&to=2024-01-31`, { headers: auth });
  return [entries.status, setup.status, digest.status];
}

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend, { orgName: 'อบต.บ้านบัญชี' });
  let io: CapturedIo;
  beforeEach(() => {
    io = capturedIo();
  });

  describe('create-org', () => {
    it('creates the organisation and prints its id and a first code that enrols a PC into it', async () => {
      expect(await createOrg(fx.server.db, fx.server.clock, { name: '  อบต.บ้านใหม่  ' }, io)).toBe(0);
      expect(io.outLines[0]).toBe('สร้างหน่วยงาน อบต.บ้านใหม่ แล้ว');
      const orgId = /^รหัสหน่วยงาน \(org id\): ([0-9a-f-]{36})$/.exec(io.outLines[1]!)?.[1];
      expect(io.outLines[3]).toBe('สำหรับ อบต.บ้านใหม่ ใช้ได้ครั้งเดียว หมดอายุ 13/07/2567 10:00 น. (เวลาประเทศไทย)');
      const device = await enrol(fx.server, printedCode(io.outLines));
      expect(device).toMatchObject({ orgId, orgName: 'อบต.บ้านใหม่' });
    });

    it('refuses an empty or too long name and a code life out of range, creating nothing', async () => {
      const before = (await fx.server.db.query('SELECT org_id FROM orgs')).rows.length;
      expect(await createOrg(fx.server.db, fx.server.clock, { name: '   ' }, io)).toBe(1);
      expect(await createOrg(fx.server.db, fx.server.clock, { name: 'ก'.repeat(301) }, io)).toBe(1);
      expect(await createOrg(fx.server.db, fx.server.clock, { name: 'อบต.อายุรหัสผิด', validHours: 0 }, io)).toBe(1);
      expect(io.errLines).toEqual([
        'ชื่อหน่วยงาน (--name) ต้องยาว 1–300 ตัวอักษร',
        'ชื่อหน่วยงาน (--name) ต้องยาว 1–300 ตัวอักษร',
        'อายุรหัส (--valid-hours) ต้องเป็นจำนวนเต็ม 1–720 ชั่วโมง',
      ]);
      expect((await fx.server.db.query('SELECT org_id FROM orgs')).rows.length).toBe(before);
    });
  });

  describe('issue-code', () => {
    it('issues a code for the hours asked, printed with its B.E. expiry, refused once expired', async () => {
      expect(await issueCode(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, validHours: 5 }, io)).toBe(0);
      expect(io.outLines[1]).toBe('สำหรับ อบต.บ้านบัญชี ใช้ได้ครั้งเดียว หมดอายุ 10/07/2567 15:00 น. (เวลาประเทศไทย)');
      const code = printedCode(io.outLines);
      fx.server.clock.advanceMs(5 * 60 * 60 * 1000);
      try {
        expect(await expectThaiError(await postJson(fx.server, apiPaths.enroll, { code }), 401)).toBe('enrolment_code_invalid');
      } finally {
        fx.server.clock.advanceMs(-5 * 60 * 60 * 1000);
      }
    });

    it('refuses an organisation that does not exist, writing no code', async () => {
      const orgId = newEntryId();
      expect(await issueCode(fx.server.db, fx.server.clock, { orgId }, io)).toBe(1);
      expect(io.errLines).toEqual([`ไม่พบหน่วยงานรหัส ${orgId} (ดูรายชื่อหน่วยงานด้วยคำสั่ง orgs)`]);
      expect((await fx.server.db.query('SELECT 1 FROM enrolment_codes WHERE org_id = $1', [orgId])).rows).toHaveLength(0);
    });
  });

  describe('devices and revoke-device', () => {
    it('lists the devices with their enrolment, last entry received and status', async () => {
      const second = await enrolAnotherDevice(fx.server, fx.device.orgId, 'PC กองคลัง');
      await pushResults(fx.server, fx.device, [fx.make.receipt()]);
      expect(await revokeDevice(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, deviceId: second.deviceId }, io)).toBe(0);
      io.outLines.length = 0;
      expect(await listDevices(fx.server.db, { orgId: fx.device.orgId }, io)).toBe(0);
      // Both enrolled at the same instant: then by device id.
      const rows = [
        `${fx.device.deviceId}\tPC การเงิน 1\t10/07/2567 10:00 น.\t-\t10/07/2567 10:00 น.\tใช้งานได้`,
        `${second.deviceId}\tPC กองคลัง\t10/07/2567 10:00 น.\t-\t-\tยกเลิกสิทธิ์แล้ว 10/07/2567 10:00 น.`,
      ].sort();
      expect(io.outLines).toEqual(['รหัสเครื่อง\tชื่อเครื่อง\tลงทะเบียนเมื่อ\tลงทะเบียนใหม่เมื่อ\tส่งรายการล่าสุด\tสถานะ', ...rows]);
    });

    it('revokes a device: 401 with a Thai message on entries, setup and digest; other devices go on', async () => {
      const other = await enrolAnotherDevice(fx.server, fx.device.orgId);
      expect(await deviceRouteStatuses(fx.server, fx.device.token, fx.device.deviceId)).not.toContain(401);
      expect(await revokeDevice(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, deviceId: fx.device.deviceId }, io)).toBe(0);
      expect(io.outLines[0]).toMatch(/^ยกเลิกสิทธิ์เครื่อง .* ของ อบต.บ้านบัญชี แล้ว รายการที่ส่งแล้วยังอยู่ครบ/);
      expect(await deviceRouteStatuses(fx.server, fx.device.token, fx.device.deviceId)).toEqual([401, 401, 401]);
      const res = await fx.server.app.request(setupPath, { headers: { authorization: `Bearer ${fx.device.token}` } });
      expect(await expectThaiError(res, 401)).toBe('device_revoked');
      expect(await pushResults(fx.server, other, [new EntryMaker(other).receipt()])).toMatchObject([{ outcome: 'posted' }]);
    });

    it('says so when the device is revoked already, and refuses a device not of that organisation', async () => {
      const { deviceId, orgId } = fx.device;
      expect(await revokeDevice(fx.server.db, fx.server.clock, { orgId, deviceId }, io)).toBe(0);
      expect(await revokeDevice(fx.server.db, fx.server.clock, { orgId, deviceId }, io)).toBe(0);
      expect(io.outLines[1]).toMatch(/ถูกยกเลิกสิทธิ์ไว้แล้วเมื่อ 10\/07\/2567 10:00 น\. \(ไม่มีการเปลี่ยนแปลง\)$/);
      // The demo organisation's id with this device: not found there (the device is another org's).
      expect(await revokeDevice(fx.server.db, fx.server.clock, { orgId: fx.server.orgId, deviceId }, io)).toBe(1);
      expect(io.errLines[0]).toMatch(/^ไม่พบเครื่องรหัส .* ใน อบต.ตัวอย่าง \(สาธิต\)/);
    });
  });

  describe('the command line', () => {
    function deps(over: Partial<AdminDeps> = {}): AdminDeps & { opened: string[] } {
      const opened: string[] = [];
      const db: Db = { ...fx.server.db, close: async () => {} };
      return {
        opened,
        openDb: async (dir) => (opened.push(`dir:${dir}`), db),
        openDatabaseUrl: async (url) => (opened.push(`url:${url}`), db),
        readTextFile: readTextFileBounded,
        clock: fx.server.clock,
        io,
        defaultDataDir: './data',
        ...over,
      };
    }

    it('runs create-org, issue-code, devices and revoke-device from their arguments', async () => {
      const d = deps();
      expect(await runAdmin(['create-org', '--name', 'อบต.จากคำสั่ง', '--valid-hours', '24'], d)).toBe(0);
      expect(io.outLines.at(-1)).toBe('สำหรับ อบต.จากคำสั่ง ใช้ได้ครั้งเดียว หมดอายุ 11/07/2567 10:00 น. (เวลาประเทศไทย)');
      const device = await enrol(fx.server, printedCode(io.outLines));
      expect(await runAdmin(['issue-code', '--org', device.orgId.toUpperCase()], d)).toBe(0);
      expect(await runAdmin(['devices', '--org', device.orgId], d)).toBe(0);
      expect(io.outLines.at(-1)).toMatch(new RegExp(`^${device.deviceId}\\tPC การเงิน 1\\t`));
      expect(await runAdmin(['revoke-device', '--org', device.orgId, '--device', device.deviceId.toUpperCase()], d)).toBe(0);
      expect(await deviceRouteStatuses(fx.server, device.token, device.deviceId)).toEqual([401, 401, 401]);
      expect(d.opened).toEqual(['dir:./data', 'dir:./data', 'dir:./data', 'dir:./data']);
    });

    it('works on DATABASE_URL when it is set, and refuses --data-dir beside it', async () => {
      const d = deps({ databaseUrl: 'postgres://samut@db.example/samut' });
      expect(await runAdmin(['orgs'], d)).toBe(0);
      expect(d.opened).toEqual(['url:postgres://samut@db.example/samut']);
      expect(await runAdmin(['orgs', '--data-dir', '/srv/samut'], d)).toBe(2);
      expect(io.errLines[0]).toBe('ตั้ง DATABASE_URL ไว้แล้ว คำสั่งจึงทำงานกับ PostgreSQL นั้น ใช้ --data-dir พร้อมกันไม่ได้');
      expect(d.opened).toHaveLength(1);
    });

    it('answers 2 for a device id or a code life that is not one, opening nothing', async () => {
      const d = deps();
      for (const argv of [
        ['revoke-device', '--org', fx.device.orgId],
        ['revoke-device', '--org', fx.device.orgId, '--device', 'pc-1'],
        ['issue-code', '--org', fx.device.orgId, '--valid-hours', '3 days'],
        ['create-org'],
      ]) {
        io.errLines.length = 0;
        expect(await runAdmin(argv, d), argv.join(' ')).toBe(2);
        expect(io.errLines.join('\n')).toContain('วิธีใช้: npm run admin --');
      }
      expect(d.opened).toEqual([]);
    });
  });
});

describe('the command line on a real DATABASE_URL', () => {
  const postgresOnly = serverBackends.includes('postgres') ? it : it.skip;

  postgresOnly('creates an organisation in that PostgreSQL database, migrating it first', async () => {
    const url = await createPostgresDatabase();
    const io = capturedIo();
    const deps: AdminDeps = {
      openDb: async () => {
        throw new Error('the data folder must not be opened when DATABASE_URL is set');
      },
      databaseUrl: url,
      openDatabaseUrl,
      readTextFile: readTextFileBounded,
      clock: { now: () => new Date('2024-07-10T03:00:00Z') },
      io,
      defaultDataDir: './data',
    };
    expect(await runAdmin(['create-org', '--name', 'อบต.บนพีจี'], deps)).toBe(0);
    expect(await runAdmin(['orgs'], deps)).toBe(0);
    expect(io.outLines.at(-1)).toMatch(/\tอบต.บนพีจี\t0\t0\tผังบัญชีตั้งต้น$/);
  });

  it('answers 1 in Thai, without the password, when the database cannot be reached', async () => {
    const io = capturedIo();
    const deps: AdminDeps = {
      openDb: async () => {
        throw new Error('not used');
      },
      databaseUrl: 'postgres://samut:s3cret-pw@127.0.0.1:1/samut',
      openDatabaseUrl,
      readTextFile: readTextFileBounded,
      clock: { now: () => new Date() },
      io,
      defaultDataDir: './data',
    };
    expect(await runAdmin(['orgs'], deps)).toBe(1);
    expect(io.errLines[0]).toMatch(/^เชื่อมต่อฐานข้อมูล PostgreSQL ตาม DATABASE_URL ไม่ได้/);
    expect(io.errLines.join('\n')).not.toContain('s3cret-pw');
  });
});
