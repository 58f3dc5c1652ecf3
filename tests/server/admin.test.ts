/**
 * The admin commands, called as functions (and the command line through runAdmin with its world
 * injected): each validates before writing, writes nothing when it refuses, prints Thai lines, and
 * answers 0 done · 1 refused · 2 wrong command line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { chartFileBytesMax, runAdmin, type AdminDeps } from '../../src/server/admin/cli';
import { issueCode } from '../../src/server/admin/accounts';
import { listOrgs, loadChart, setRules, type AdminIo } from '../../src/server/admin/commands';
import { openExistingDataDir, readTextFileBounded } from '../../src/server/admin/files';
import { DataDirLockedError, lockFileName } from '../../src/server/dataDirLock';
import { loadOrgChart, loadOrgRules } from '../../src/server/books/orgSetup';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import type { Db } from '../../src/server/db';
import { EntryMaker, enrol, expectRejected, newEntryId, openServerFixture, pushResults, serverBackends } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'samut-admin-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend, { orgName: 'อบต.บ้านทดสอบ' });
  let io: AdminIo & { outLines: string[]; errLines: string[] };

  beforeEach(async () => {
    const outLines: string[] = [];
    const errLines: string[] = [];
    io = { outLines, errLines, out: (l) => outLines.push(l), err: (l) => errLines.push(l) };
  });

  /** The default chart as a CSV an administrator might prepare, without the accounts in `leaveOut`. */
  function chartCsv(leaveOut: string[] = []): string {
    const rows = defaultChart.accounts
      .filter((a) => !leaveOut.includes(a.code))
      .map((a) => [a.code, a.nameTh, a.type, a.normalSide, a.parent ?? '', a.postable ? 'ใช่' : 'ไม่', a.role ?? '', a.validFromFy].join(','));
    return ['รหัสบัญชี,ชื่อบัญชี,ประเภท,ด้านปกติ,บัญชีแม่,ลงรายการได้,บทบาท,ปีเริ่มใช้', ...rows].join('\n');
  }

  async function countRows(table: 'org_charts' | 'org_rules', orgId = fx.device.orgId): Promise<number> {
    const { rows } = await fx.server.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE org_id = $1`, [orgId]);
    return rows[0]!.n;
  }

  describe('load-chart', () => {
    it('loads a valid CSV as version 1, and pushes are then checked against it', async () => {
      const code = await loadChart(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, csvText: chartCsv(['412001']), label: 'ผังบัญชี ว 2431' }, io);
      expect(code).toBe(0);
      expect(io.outLines[0]).toMatch(/^โหลดผังบัญชี "ผังบัญชี ว 2431" เป็นรุ่นที่ 1 ของ อบต.บ้านทดสอบ แล้ว \(\d+ บัญชี\)/);
      expect((await loadOrgChart(fx.server.db, fx.device.orgId)).versionLabel).toBe('ผังบัญชี ว 2431');
      const [result] = await pushResults(fx.server, fx.device, [new EntryMaker(fx.device).receipt({ account: '412001' })]);
      expectRejected(result, 'unknown_account');
    });

    it('prints every row error in Thai and loads nothing', async () => {
      const csv = ['รหัสบัญชี,ชื่อบัญชี,ประเภท,ปีเริ่มใช้', '010,เงินสด,สินทรัพย์,2567', '011,ธนาคาร,ทรัพย์สิน,2567', '01x,ผิด,รายได้,67'].join('\n');
      expect(await loadChart(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, csvText: csv, label: 'ผังผิด' }, io)).toBe(1);
      expect(io.errLines).toContain('แถว 3, คอลัมน์ ประเภท: "ทรัพย์สิน" ไม่ใช่ประเภทบัญชี (สินทรัพย์ หนี้สิน ทุน รายได้ รายจ่าย)');
      expect(io.errLines.some((l) => l.startsWith('แถว 4, คอลัมน์ ปีเริ่มใช้:'))).toBe(true);
      expect(io.errLines.at(-1)).toMatch(/^โหลดผังบัญชีไม่สำเร็จ: พบข้อผิดพลาด \d+ รายการ/);
      expect(await countRows('org_charts')).toBe(0);
    });

    it('adds a new version without touching posted entries, and names codes they use that it lacks', async () => {
      const make = new EntryMaker(fx.device);
      await pushResults(fx.server, fx.device, [make.receipt({ account: '412003' }), make.receipt()]);
      const before = await fx.server.db.query('SELECT id, hash, body FROM entries WHERE org_id = $1 ORDER BY server_seq', [fx.device.orgId]);
      expect(await loadChart(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, csvText: chartCsv(), label: 'รุ่นแรก' }, io)).toBe(0);
      expect(await loadChart(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, csvText: chartCsv(['412003']), label: 'รุ่นสอง' }, io)).toBe(0);
      expect(io.outLines.some((l) => l.includes('เป็นรุ่นที่ 2'))).toBe(true);
      expect(io.outLines.at(-1)).toMatch(/^หมายเหตุ: รายการที่บันทึกแล้วใช้รหัสบัญชีที่ไม่มีในผังรุ่นนี้ 1 รหัส: 412003 /);
      const after = await fx.server.db.query('SELECT id, hash, body FROM entries WHERE org_id = $1 ORDER BY server_seq', [fx.device.orgId]);
      expect(after.rows).toEqual(before.rows);
      expect(await countRows('org_charts')).toBe(2);
    });

    it('refuses an organisation that does not exist', async () => {
      const orgId = newEntryId();
      expect(await loadChart(fx.server.db, fx.server.clock, { orgId, csvText: chartCsv(), label: 'ผัง' }, io)).toBe(1);
      expect(io.errLines).toEqual([`ไม่พบหน่วยงานรหัส ${orgId} (ดูรายชื่อหน่วยงานด้วยคำสั่ง orgs)`]);
    });
  });

  describe('set-rules', () => {
    it('sets the given rules over the current ones, and pushes honour them', async () => {
      const json = '{"booksClosedThrough":"2024-03-31","withholdingRateBasisPoints":150}';
      expect(await setRules(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, json }, io)).toBe(0);
      expect(await loadOrgRules(fx.server.db, fx.device.orgId)).toEqual({ ...moneyRulesDefault, booksClosedThrough: '2024-03-31', withholdingRateBasisPoints: 150 });
      const [result] = await pushResults(fx.server, fx.device, [new EntryMaker(fx.device).receipt({}, { date: '2024-03-01' })]);
      expectRejected(result, 'date_closed');
    });

    it('removes an optional rule given as null (reopens the books)', async () => {
      await setRules(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, json: '{"booksClosedThrough":"2024-03-31"}' }, io);
      expect(await setRules(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, json: '{"booksClosedThrough":null}' }, io)).toBe(0);
      expect(await loadOrgRules(fx.server.db, fx.device.orgId)).toEqual(moneyRulesDefault);
    });

    it('refuses invalid JSON, unknown fields and out-of-range values in Thai, writing nothing', async () => {
      const refused = async (json: string) => {
        io.errLines.length = 0;
        expect(await setRules(fx.server.db, fx.server.clock, { orgId: fx.device.orgId, json }, io)).toBe(1);
        expect(io.errLines.join('\n')).toMatch(/[\u0E00-\u0E7F]/);
        return io.errLines;
      };
      expect((await refused('{booksClosedThrough:'))[0]).toMatch(/^ค่า --json ไม่ใช่ JSON ที่ถูกต้อง/);
      expect((await refused('[1]'))[0]).toMatch(/^ค่า --json ต้องเป็นออบเจกต์ JSON/);
      expect(await refused('{"withholdingRateBasisPoints":-1}')).toContain('ช่อง "withholdingRateBasisPoints": น้อยหรือสั้นเกินกำหนด (อย่างน้อย 0)');
      expect(await refused('{"booksClosedThrough":"2024-02-30"}')).toContain('ช่อง "booksClosedThrough": วันที่ปิดบัญชีไม่ถูกต้อง');
      expect((await refused('{"cashLimit":1}'))[0]).toMatch(/ช่องข้อมูลที่ไม่รู้จัก: cashLimit/);
      expect(await countRows('org_rules')).toBe(0);
    });
  });

  describe('orgs and issue-code', () => {
    it('lists organisations with their devices, entries and chart', async () => {
      await pushResults(fx.server, fx.device, [new EntryMaker(fx.device).receipt()]);
      expect(await listOrgs(fx.server.db, io)).toBe(0);
      expect(io.outLines[0]).toBe('รหัสหน่วยงาน\tชื่อ\tเครื่อง\tรายการ\tผังบัญชี');
      expect(io.outLines).toContain(`${fx.device.orgId}\tอบต.บ้านทดสอบ\t1\t1\tผังบัญชีตั้งต้น`);
    });

    it('issues a one-time code that enrols a PC in that organisation', async () => {
      expect(await issueCode(fx.server.db, fx.server.clock, { orgId: fx.device.orgId }, io)).toBe(0);
      const code = /^รหัสลงทะเบียน \(enrolment code\): ([A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(io.outLines[0]!)?.[1];
      expect(io.outLines[1]).toMatch(/^สำหรับ อบต.บ้านทดสอบ ใช้ได้ครั้งเดียว หมดอายุ 13\/07\/2567 10:00 น\. \(เวลาประเทศไทย\)$/);
      expect((await enrol(fx.server, code)).orgId).toBe(fx.device.orgId);
    });
  });

  describe('the command line', () => {
    /** runAdmin over the shared test database (not closed by it) and files in `tmp`. */
    function deps(over: Partial<AdminDeps> = {}): AdminDeps & { opened: string[] } {
      const opened: string[] = [];
      const db: Db = { ...fx.server.db, close: async () => {} };
      return {
        opened,
        openDb: async (dir) => (opened.push(dir), db),
        readTextFile: readTextFileBounded,
        clock: fx.server.clock,
        io,
        defaultDataDir: './data',
        ...over,
      };
    }

    it('runs a command on the data folder given, or the default one', async () => {
      const d = deps();
      expect(await runAdmin(['issue-code', '--org', fx.device.orgId, '--data-dir', '/srv/samut'], d)).toBe(0);
      expect(await runAdmin(['orgs'], d)).toBe(0);
      expect(d.opened).toEqual(['/srv/samut', './data']);
    });

    it('reads the chart file and loads it', async () => {
      const file = join(tmp, 'chart.csv');
      writeFileSync(file, chartCsv());
      const argv = ['load-chart', '--org', fx.device.orgId.toUpperCase(), '--file', file, '--label', 'ผังบัญชี ว 2431'];
      expect(await runAdmin(argv, deps())).toBe(0);
      expect(await countRows('org_charts')).toBe(1);
    });

    it('answers 2 with the usage for a wrong command line, opening nothing', async () => {
      const d = deps();
      for (const argv of [
        [],
        ['frobnicate'],
        ['issue-code'],
        ['load-chart', '--org', fx.device.orgId, '--file', 'x.csv'],
        ['issue-code', '--org', 'not-a-uuid'],
        ['orgs', '--colour'],
        ['orgs', 'extra'],
      ]) {
        io.errLines.length = 0;
        io.outLines.length = 0;
        expect(await runAdmin(argv, d), argv.join(' ')).toBe(2);
        expect([...io.errLines, ...io.outLines].join('\n')).toContain('วิธีใช้: npm run admin --');
      }
      expect(d.opened).toEqual([]);
    });

    it('prints the usage for --help, with exit 0', async () => {
      expect(await runAdmin(['--help'], deps())).toBe(0);
      expect(io.outLines[0]).toMatch(/^วิธีใช้/);
    });

    it('answers 1 with the reason when the data folder is in use by the server', async () => {
      const locked = deps({
        openDb: async (dir) => {
          throw new DataDirLockedError(dir, 4242);
        },
      });
      expect(await runAdmin(['orgs', '--data-dir', '/srv/samut'], locked)).toBe(1);
      expect(io.errLines[0]).toMatch(/^โฟลเดอร์ข้อมูล \/srv\/samut กำลังถูกใช้งานโดยโปรแกรมอื่น \(process 4242\)/);
    });

    it('answers 1 when the chart file cannot be read, before opening the database', async () => {
      const d = deps();
      expect(await runAdmin(['load-chart', '--org', fx.device.orgId, '--file', join(tmp, 'missing.csv'), '--label', 'x'], d)).toBe(1);
      expect(io.errLines[0]).toMatch(/^เปิดไฟล์ .*missing\.csv ไม่ได้/);
      expect(d.opened).toEqual([]);
    });
  });
});

describe('the data folder and files', () => {
  it('refuses a folder with no database rather than create one', async () => {
    const empty = mkdtempSync(join(tmp, 'empty-'));
    await expect(openExistingDataDir(empty)).rejects.toThrow(/^ไม่พบฐานข้อมูลในโฟลเดอร์/);
  });

  it('refuses a folder another live process holds, before starting the database', async () => {
    const dir = mkdtempSync(join(tmp, 'held-'));
    writeFileSync(join(dir, 'PG_VERSION'), '17\n');
    writeFileSync(join(dir, lockFileName), `${process.ppid}\n`);
    await expect(openExistingDataDir(dir)).rejects.toThrow(DataDirLockedError);
  });

  it('refuses a file too large or not UTF-8', async () => {
    const big = join(tmp, 'big.csv');
    writeFileSync(big, Buffer.alloc(chartFileBytesMax + 1, 0x41));
    await expect(readTextFileBounded(big, chartFileBytesMax)).rejects.toThrow(/ใหญ่เกิน/);
    const latin1 = join(tmp, 'latin1.csv');
    writeFileSync(latin1, Buffer.from([0x63, 0x6f, 0x64, 0x65, 0xe9]));
    await expect(readTextFileBounded(latin1, chartFileBytesMax)).rejects.toThrow(/ไม่ใช่ข้อความ UTF-8/);
  });
});
