/**
 * The admin command line, `npm run admin -- <command> [options]`: parses the arguments, opens the
 * database the server uses — the PostgreSQL of DATABASE_URL when it is set, else the PGlite data folder
 * (which must not be open in a running server: the folder is locked while it is) — applies any pending
 * migrations, runs one command (admin/commands.ts, admin/accounts.ts), closes the database, and answers
 * the exit code. Everything it touches comes in through `AdminDeps`, so tests run it without a process.
 */
import { parseArgs } from 'node:util';
import { uuidPattern } from '../../domain/entryId';
import type { Clock } from '../clock';
import { DataDirLockedError } from '../dataDirLock';
import type { Db } from '../db';
import { migrate } from '../migrate';
import { createOrg, issueCode, listDevices, revokeDevice } from './accounts';
import { listOrgs, loadChart, setRules, type AdminIo, type ExitCode } from './commands';

/** What the command line needs from the world. */
export interface AdminDeps {
  /** Opens the database in a data folder; throws AdminRefusal (or DataDirLockedError) when it cannot. */
  openDb(dataDir: string): Promise<Db>;
  /** DATABASE_URL, as for the server: when set, the commands work on that PostgreSQL database. */
  databaseUrl?: string | undefined;
  /** Opens the PostgreSQL database at `databaseUrl`; throws AdminRefusal when it cannot. */
  openDatabaseUrl?(url: string): Promise<Db>;
  /** Reads a text file, at most `bytesMax` bytes; throws AdminRefusal when it cannot. */
  readTextFile(path: string, bytesMax: number): Promise<string>;
  clock: Clock;
  io: AdminIo;
  /** The data folder when --data-dir is not given (DATA_DIR, else ./data, as for the server). */
  defaultDataDir: string;
}

/** A refusal with a Thai message for the administrator (exit 1), as opposed to a bug. */
export class AdminRefusal extends Error {
  constructor(readonly messageTh: string) {
    super(messageTh);
    this.name = 'AdminRefusal';
  }
}

/** A chart CSV of 5,000 accounts is well under 1 MB; anything much larger is the wrong file. */
export const chartFileBytesMax = 4 * 1024 * 1024;

export const adminUsage = [
  'วิธีใช้: npm run admin -- <คำสั่ง> [ตัวเลือก]',
  '  orgs                                                    รายชื่อหน่วยงาน',
  '  create-org --name "<ชื่อหน่วยงาน>" [--valid-hours <ชม.>]   สร้างหน่วยงานใหม่ พร้อมรหัสลงทะเบียนเครื่องแรก',
  '  issue-code --org <รหัสหน่วยงาน> [--valid-hours <ชม.>]     ออกรหัสลงทะเบียนเครื่อง ใช้ได้ครั้งเดียว (ค่าตั้งต้น 72 ชั่วโมง)',
  '  devices    --org <รหัสหน่วยงาน>                           รายการเครื่องของหน่วยงาน',
  '  revoke-device --org <รหัสหน่วยงาน> --device <รหัสเครื่อง>   ยกเลิกสิทธิ์เครื่อง (ลงทะเบียนใหม่ได้ด้วยรหัสใหม่)',
  '  load-chart --org <รหัสหน่วยงาน> --file <ไฟล์.csv> --label "<ชื่อรุ่น>"   โหลดผังบัญชีเป็นรุ่นใหม่',
  '  set-rules  --org <รหัสหน่วยงาน> --json \'{"booksClosedThrough":"2024-03-31"}\'   ตั้งค่ากฎการเงิน',
  'ฐานข้อมูล: DATABASE_URL (PostgreSQL เดียวกับเซิร์ฟเวอร์ สั่งได้ขณะเซิร์ฟเวอร์ทำงาน) หรือ',
  '  --data-dir <โฟลเดอร์ข้อมูล> (PGlite ค่าตั้งต้น DATA_DIR หรือ ./data: หยุดเซิร์ฟเวอร์ก่อน ใช้ได้ทีละโปรแกรม)',
  'ผลลัพธ์: 0 สำเร็จ · 1 ถูกปฏิเสธหรือผิดพลาด (ไม่มีการบันทึก) · 2 คำสั่งไม่ถูกต้อง',
].join('\n');

type Options = {
  org?: string;
  file?: string;
  label?: string;
  json?: string;
  name?: string;
  device?: string;
  'valid-hours'?: string;
  'data-dir'?: string;
  help?: boolean;
};

const requiredOptions: Record<string, readonly (keyof Options)[]> = {
  orgs: [],
  'create-org': ['name'],
  'issue-code': ['org'],
  devices: ['org'],
  'revoke-device': ['org', 'device'],
  'load-chart': ['org', 'file', 'label'],
  'set-rules': ['org', 'json'],
};

/**
 * Runs one admin command line; resolves to its exit code (the process exits with it).
 * @example await runAdmin(['issue-code', '--org', orgId], deps) // 0, and the code printed
 */
export async function runAdmin(argv: readonly string[], deps: AdminDeps): Promise<ExitCode> {
  const { io } = deps;
  let command: string | undefined;
  let options: Options;
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        org: { type: 'string' },
        file: { type: 'string' },
        label: { type: 'string' },
        json: { type: 'string' },
        name: { type: 'string' },
        device: { type: 'string' },
        'valid-hours': { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    options = parsed.values;
    if (parsed.positionals.length > 1) return usageError(io, `มีคำสั่งเกินมา: ${parsed.positionals.slice(1).join(' ')}`);
    command = parsed.positionals[0];
  } catch (err) {
    return usageError(io, `ตัวเลือกไม่ถูกต้อง: ${(err as Error).message}`);
  }
  if (options.help || command === undefined || command === 'help') {
    io.out(adminUsage);
    return command === undefined && !options.help ? 2 : 0;
  }
  const required = requiredOptions[command];
  if (!required) return usageError(io, `ไม่รู้จักคำสั่ง "${command}"`);
  const missing = required.filter((o) => options[o] === undefined);
  if (missing.length > 0) return usageError(io, `คำสั่ง ${command} ต้องระบุ ${missing.map((o) => `--${o}`).join(' ')}`);
  const orgId = options.org?.trim().toLowerCase();
  if (orgId !== undefined && !uuidPattern.test(orgId)) {
    return usageError(io, `รหัสหน่วยงาน "${options.org}" ไม่ใช่ UUID (ดูรหัสได้จากคำสั่ง orgs)`);
  }
  const deviceId = options.device?.trim().toLowerCase();
  if (deviceId !== undefined && !uuidPattern.test(deviceId)) {
    return usageError(io, `รหัสเครื่อง "${options.device}" ไม่ใช่ UUID (ดูรหัสได้จากคำสั่ง devices)`);
  }
  const validHoursText = options['valid-hours']?.trim();
  if (validHoursText !== undefined && !/^\d{1,6}$/.test(validHoursText)) {
    return usageError(io, `อายุรหัส --valid-hours "${options['valid-hours']}" ต้องเป็นจำนวนชั่วโมง เช่น 72`);
  }
  const validHours = validHoursText === undefined ? undefined : Number(validHoursText);
  if (deps.databaseUrl && options['data-dir'] !== undefined) {
    return usageError(io, 'ตั้ง DATABASE_URL ไว้แล้ว คำสั่งจึงทำงานกับ PostgreSQL นั้น ใช้ --data-dir พร้อมกันไม่ได้');
  }

  try {
    // The file is read before the database is opened: a wrong path costs nothing and locks nothing.
    const csvText = command === 'load-chart' ? await deps.readTextFile(options.file!, chartFileBytesMax) : '';
    const db = await openDatabase(deps, options['data-dir']);
    try {
      await migrate(db);
      switch (command) {
        case 'orgs':
          return await listOrgs(db, io);
        case 'create-org':
          return await createOrg(db, deps.clock, { name: options.name!, ...(validHours === undefined ? {} : { validHours }) }, io);
        case 'issue-code':
          return await issueCode(db, deps.clock, { orgId: orgId!, ...(validHours === undefined ? {} : { validHours }) }, io);
        case 'devices':
          return await listDevices(db, { orgId: orgId! }, io);
        case 'revoke-device':
          return await revokeDevice(db, deps.clock, { orgId: orgId!, deviceId: deviceId! }, io);
        case 'load-chart':
          return await loadChart(db, deps.clock, { orgId: orgId!, csvText, label: options.label! }, io);
        case 'set-rules':
          return await setRules(db, deps.clock, { orgId: orgId!, json: options.json! }, io);
        default:
          throw new Error(`command ${command} has required options but no case`);
      }
    } finally {
      await db.close();
    }
  } catch (err) {
    if (err instanceof AdminRefusal || err instanceof DataDirLockedError) {
      io.err(err.message);
      return 1;
    }
    io.err(`เกิดข้อผิดพลาด ไม่มีการบันทึกใด ๆ: ${(err as Error).message}`);
    return 1;
  }
}

/** DATABASE_URL's PostgreSQL when set (as for the server), else the data folder. */
async function openDatabase(deps: AdminDeps, dataDirOption: string | undefined): Promise<Db> {
  if (deps.databaseUrl) {
    if (!deps.openDatabaseUrl) throw new Error('databaseUrl given without openDatabaseUrl');
    return deps.openDatabaseUrl(deps.databaseUrl);
  }
  return deps.openDb(dataDirOption ?? deps.defaultDataDir);
}

function usageError(io: AdminIo, messageTh: string): ExitCode {
  io.err(messageTh);
  io.err(adminUsage);
  return 2;
}
