/**
 * The administrator's commands about who may post: organisations, enrolment codes, devices. Like
 * commands.ts, each works over an open database, validates before writing, writes in one transaction,
 * prints Thai lines, and answers an exit code (0 done · 1 refused, nothing written). Times are printed
 * in Thailand's time with B.E. dates, as an officer reads them.
 */
import { randomUUID } from 'node:crypto';
import { bangkokDateOf, formatBeDate } from '../../domain/thaiDate';
import type { Clock } from '../clock';
import type { Db, Queryable } from '../db';
import { enrolmentCodeValidHoursDefault, enrolmentCodeValidHoursMax, issueEnrolmentCode } from '../enrolmentCodes';
import type { AdminIo, ExitCode } from './commands';

/** Longest organisation name: the orgs table's own check (1–300). */
export const orgNameLengthMax = 300;

/**
 * Creates an organisation and issues its first enrolment code, in one transaction.
 * @example await createOrg(db, clock, { name: 'อบต.บ้านใหม่' }, io) // prints its id and a code
 */
export async function createOrg(db: Db, clock: Clock, input: { name: string; validHours?: number }, io: AdminIo): Promise<ExitCode> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > orgNameLengthMax) {
    io.err(`ชื่อหน่วยงาน (--name) ต้องยาว 1–${orgNameLengthMax} ตัวอักษร`);
    return 1;
  }
  const validHours = input.validHours ?? enrolmentCodeValidHoursDefault;
  if (!validHoursOk(validHours, io)) return 1;
  const { orgId, issued } = await db.transaction(async (tx) => {
    const orgId = randomUUID();
    await tx.query('INSERT INTO orgs (org_id, name, created_at) VALUES ($1, $2, $3)', [orgId, name, clock.now().toISOString()]);
    return { orgId, issued: await issueEnrolmentCode(tx, orgId, clock, validHours) };
  });
  io.out(`สร้างหน่วยงาน ${name} แล้ว`);
  io.out(`รหัสหน่วยงาน (org id): ${orgId}`);
  printCode(io, name, issued);
  return 0;
}

/**
 * Issues a one-time enrolment code for the organisation, valid `validHours` (default 72), and prints
 * it with its expiry (it is stored only as a hash).
 * @example await issueCode(db, clock, { orgId }, io) // 'รหัสลงทะเบียน (enrolment code): KX7M-4RTQ'
 */
export async function issueCode(db: Db, clock: Clock, input: { orgId: string; validHours?: number }, io: AdminIo): Promise<ExitCode> {
  const validHours = input.validHours ?? enrolmentCodeValidHoursDefault;
  if (!validHoursOk(validHours, io)) return 1;
  const org = await findOrg(db, input.orgId, io);
  if (!org) return 1;
  const issued = await db.transaction((tx) => issueEnrolmentCode(tx, org.orgId, clock, validHours));
  printCode(io, org.name, issued);
  return 0;
}

/**
 * Lists the organisation's devices: id, name, first enrolled, enrolled again, last entry received,
 * and whether revoked. "Last entry received" is read from the entries (no write per request for it).
 * @example await listDevices(db, { orgId }, io)
 */
export async function listDevices(db: Queryable, input: { orgId: string }, io: AdminIo): Promise<ExitCode> {
  const org = await findOrg(db, input.orgId, io);
  if (!org) return 1;
  const { rows } = await db.query<{
    device_id: string;
    name: string;
    created_at: Date;
    reenrolled_at: Date | null;
    revoked_at: Date | null;
    last_received_at: Date | null;
  }>(
    `SELECT d.device_id, d.name, d.created_at, d.reenrolled_at, d.revoked_at,
            (SELECT max(e.received_at) FROM entries e WHERE e.org_id = d.org_id AND e.device_id = d.device_id) AS last_received_at
       FROM devices d WHERE d.org_id = $1 ORDER BY d.created_at, d.device_id`,
    [org.orgId],
  );
  if (rows.length === 0) {
    io.out(`${org.name} ยังไม่มีเครื่องที่ลงทะเบียน (ออกรหัสด้วยคำสั่ง issue-code)`);
    return 0;
  }
  io.out(['รหัสเครื่อง', 'ชื่อเครื่อง', 'ลงทะเบียนเมื่อ', 'ลงทะเบียนใหม่เมื่อ', 'ส่งรายการล่าสุด', 'สถานะ'].join('\t'));
  for (const r of rows) {
    const status = r.revoked_at === null ? 'ใช้งานได้' : `ยกเลิกสิทธิ์แล้ว ${thaiDateTime(r.revoked_at)}`;
    io.out([r.device_id, r.name || '-', thaiDateTime(r.created_at), orDash(r.reenrolled_at), orDash(r.last_received_at), status].join('\t'));
  }
  return 0;
}

/**
 * Revokes a device: its token stops working at once (401 on every route). The entries it posted stay;
 * the PC keeps its pending ones and may enrol again with a new code of the same organisation.
 * @example await revokeDevice(db, clock, { orgId, deviceId }, io)
 */
export async function revokeDevice(db: Db, clock: Clock, input: { orgId: string; deviceId: string }, io: AdminIo): Promise<ExitCode> {
  const org = await findOrg(db, input.orgId, io);
  if (!org) return 1;
  const nowIso = clock.now().toISOString();
  const outcome = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ name: string; revoked_at: Date | null }>(
      'SELECT name, revoked_at FROM devices WHERE org_id = $1 AND device_id = $2 FOR UPDATE',
      [org.orgId, input.deviceId],
    );
    const device = rows[0];
    if (!device) return { kind: 'unknown' as const };
    if (device.revoked_at !== null) return { kind: 'already' as const, at: device.revoked_at };
    await tx.query('UPDATE devices SET revoked_at = $3 WHERE org_id = $1 AND device_id = $2', [org.orgId, input.deviceId, nowIso]);
    return { kind: 'revoked' as const, name: device.name };
  });
  switch (outcome.kind) {
    case 'unknown':
      io.err(`ไม่พบเครื่องรหัส ${input.deviceId} ใน ${org.name} (ดูรายการเครื่องด้วยคำสั่ง devices)`);
      return 1;
    case 'already':
      io.out(`เครื่อง ${input.deviceId} ของ ${org.name} ถูกยกเลิกสิทธิ์ไว้แล้วเมื่อ ${thaiDateTime(outcome.at)} (ไม่มีการเปลี่ยนแปลง)`);
      return 0;
    case 'revoked':
      io.out(
        `ยกเลิกสิทธิ์เครื่อง ${input.deviceId}${outcome.name ? ` (${outcome.name})` : ''} ของ ${org.name} แล้ว ` +
          'รายการที่ส่งแล้วยังอยู่ครบ เครื่องนี้จะส่งได้อีกเมื่อลงทะเบียนใหม่ด้วยรหัสของหน่วยงานนี้',
      );
      return 0;
  }
}

/** The organisation, or undefined after printing why not. */
export async function findOrg(db: Queryable, orgId: string, io: AdminIo): Promise<{ orgId: string; name: string } | undefined> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM orgs WHERE org_id = $1', [orgId]);
  const name = rows[0]?.name;
  if (name === undefined) {
    io.err(`ไม่พบหน่วยงานรหัส ${orgId} (ดูรายชื่อหน่วยงานด้วยคำสั่ง orgs)`);
    return undefined;
  }
  return { orgId, name };
}

function printCode(io: AdminIo, orgName: string, issued: { code: string; expiresAt: Date }): void {
  io.out(`รหัสลงทะเบียน (enrolment code): ${issued.code}`);
  io.out(`สำหรับ ${orgName} ใช้ได้ครั้งเดียว หมดอายุ ${thaiDateTime(issued.expiresAt)} (เวลาประเทศไทย)`);
}

function validHoursOk(validHours: number, io: AdminIo): boolean {
  if (Number.isInteger(validHours) && validHours >= 1 && validHours <= enrolmentCodeValidHoursMax) return true;
  io.err(`อายุรหัส (--valid-hours) ต้องเป็นจำนวนเต็ม 1–${enrolmentCodeValidHoursMax} ชั่วโมง`);
  return false;
}

/**
 * '17/07/2567 10:00 น.' in Thailand (UTC+7, no daylight saving).
 * @example thaiDateTime(new Date('2024-07-17T03:00:00Z')) // '17/07/2567 10:00 น.'
 */
export function thaiDateTime(at: Date): string {
  const ms = at.getTime();
  const time = new Date(ms + 7 * 60 * 60 * 1000).toISOString().slice(11, 16);
  return `${formatBeDate(bangkokDateOf(ms))} ${time} น.`;
}

function orDash(at: Date | null): string {
  return at === null ? '-' : thaiDateTime(at);
}
