/**
 * What the admin command line needs of the world, refused in Thai when it cannot be had: the data
 * folder (existing only, and not in use by a running server), the PostgreSQL of DATABASE_URL, and a
 * bounded UTF-8 text file.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db';
import { openPglite } from '../pglite';
import { openPostgres } from '../postgres';
import { AdminRefusal } from './cli';

/**
 * Opens an existing PGlite data folder: a mistyped --data-dir must not quietly create an empty database.
 * A folder a running server has open throws DataDirLockedError (dataDirLock.ts).
 * @example const db = await openExistingDataDir('./data');
 */
export async function openExistingDataDir(dataDir: string): Promise<Db> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new AdminRefusal(`ไม่พบฐานข้อมูลในโฟลเดอร์ ${dataDir} กรุณาตรวจสอบ --data-dir (หรือเริ่มเซิร์ฟเวอร์ครั้งแรกเพื่อสร้างฐานข้อมูล)`);
  }
  return openPglite(dataDir);
}

/**
 * Opens the PostgreSQL database of DATABASE_URL. The URL is not echoed: it usually holds a password.
 * @example const db = await openDatabaseUrl(process.env.DATABASE_URL);
 */
export async function openDatabaseUrl(url: string): Promise<Db> {
  try {
    return await openPostgres(url);
  } catch (err) {
    throw new AdminRefusal(`เชื่อมต่อฐานข้อมูล PostgreSQL ตาม DATABASE_URL ไม่ได้: ${(err as Error).message}`);
  }
}

/**
 * Reads a UTF-8 text file of at most `bytesMax` bytes.
 * @example const csv = await readTextFileBounded('chart.csv', chartFileBytesMax);
 */
export async function readTextFileBounded(path: string, bytesMax: number): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new AdminRefusal(`เปิดไฟล์ ${path} ไม่ได้ กรุณาตรวจสอบชื่อและที่อยู่ของไฟล์`);
  }
  if (size > bytesMax) throw new AdminRefusal(`ไฟล์ ${path} ใหญ่เกิน ${bytesMax.toLocaleString('en-US')} ไบต์ ไม่น่าใช่ไฟล์ผังบัญชี`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch {
    throw new AdminRefusal(`ไฟล์ ${path} ไม่ใช่ข้อความ UTF-8 (ให้บันทึกจาก Excel เป็น "CSV UTF-8")`);
  }
}
