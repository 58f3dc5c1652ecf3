/**
 * The backup file (ไฟล์สำรองข้อมูล), format `samut-backup` version 1: every entry this PC holds with its
 * sync state, the settings worth keeping (meta rows named by {@link backedUpMetaKey}), which device
 * and organisation it is from, and a SHA-256 checksum. Pure: no Dexie, no DOM; the export and the
 * restore (backupExport.ts, backupRestore.ts) do the I/O.
 *
 * Rules:
 * - Never the bearer token: a file copied off a shared PC must not let anyone post as that device.
 *   The identity (server, organisation, device) travels without it; enrolling again takes a code.
 * - The file is JSON, one row per line, so it can be written in chunks and read by any JSON reader:
 *   `{<header>,"entries":[\n<row>,\n…\n],"meta":[\n<row>,\n…\n],"checksum":"<hex>"}`.
 * - checksum = SHA-256 of canonicalJson(header) + "\n", then canonicalJson(row) + "\n" for every
 *   entry row, then for every meta row, in file order. It is computed incrementally (no second copy
 *   of the content) with @noble/hashes, as entryHash is: WebCrypto has no incremental digest, and
 *   does not exist on a page served over plain http on an office LAN.
 * - Reading refuses the whole file on the first fault, with a Thai message naming the row: another
 *   program's file, a newer version, a checksum that does not match, an entry whose hash does not.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalJson } from '../domain/canonicalJson';
import { uuidPattern } from '../domain/entryId';
import { readEntryOfAnyFormat } from '../domain/entryFormats';
import { bangkokDateOf } from '../domain/thaiDate';
import type { MetaRow } from './db';
import type { StoredEntry, SyncFields } from './storedEntry';

export const backupFormatName = 'samut-backup';
/** Version of the file format (not of the entries inside: each says its own). */
export const backupFormatVersion = 1;

/** Limits: a PC of a large office for years holds a few hundred thousand entries. */
export const backupEntriesMax = 2_000_000;
export const backupMetaRowsMax = 500_000;
/** A JavaScript string cannot hold much more; a bigger file is refused before it is read. */
export const backupFileBytesMax = 500 * 1024 * 1024;

const uuid = z.string().regex(uuidPattern);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * The last seq of each device covered by a backup: a pending entry with a higher seq than its
 * device's is not in any backup yet (it exists only on this PC). Seqs, not clock times, because the
 * PC's clock may be wrong or changed; seqs only go up.
 */
export const lastSeqByDeviceSchema = z.record(uuid, count).refine((r) => Object.keys(r).length <= 1000, { error: 'อุปกรณ์มากเกินไป' });

/** The file's header: everything but the rows and the checksum. */
export const backupHeaderSchema = z
  .object({
    format: z.literal(backupFormatName),
    version: z.literal(backupFormatVersion),
    appVersion: z.string().min(1).max(100),
    exportedAt: z.iso.datetime(),
    serverUrl: z.string().min(1).max(2000),
    orgId: uuid,
    orgName: z.string().max(500),
    deviceId: uuid,
    counts: z.object({ entries: count.max(backupEntriesMax), meta: count.max(backupMetaRowsMax) }).strict(),
    lastSeqByDevice: lastSeqByDeviceSchema,
  })
  .strict();

export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** What a restore reads: the header, and the rows already checked one by one. */
export interface BackupContent {
  header: BackupHeader;
  entries: StoredEntry[];
  meta: MetaRow[];
}

/** Why a file was refused; nothing was written. */
export type BackupErrorCode = 'not-a-backup' | 'newer-version' | 'damaged' | 'invalid-row' | 'other-device' | 'no-identity' | 'too-large';

/** @example try { parseBackupText(text) } catch (e) { if (e instanceof BackupError) show(e.messageTh) } */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    readonly messageTh: string,
  ) {
    super(messageTh);
  }
}

/** Meta rows a backup holds: settings the officer made or the server sent, counters, print counts. */
export function backedUpMetaKey(key: string): boolean {
  return (
    key === 'booksSetup.chartAndRules' ||
    key === 'booksSetup.receiptBooks' ||
    key === 'coverageWindow' ||
    key === 'printOptions' ||
    key.startsWith('deviceSeq:') ||
    key.startsWith('print:')
  );
  // Not: `enrolment` (the token), `previousDevice` (the header carries the identity), the sync
  // engine's transient rows (`syncStatus` backoff, `digestCheck`, `setupSyncedAtMs`), `lastBackup`.
}

const syncFieldsSchema = z
  .object({
    state: z.enum(['pending', 'posted', 'rejected', 'conflict'], { error: 'สถานะการส่งไม่ถูกต้อง' }),
    serverSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    syncCode: z.string().max(200).optional(),
    syncMessage: z.string().max(5000).optional(),
    syncedAt: z.string().max(100).optional(),
  })
  .strict();

const syncFieldNames = ['state', 'serverSeq', 'syncCode', 'syncMessage', 'syncedAt'] as const;

const metaRowSchema = z
  .object({
    key: z.string().min(1).max(200).refine(backedUpMetaKey, { error: 'ไม่ใช่ข้อมูลตั้งค่าที่สำรองได้' }),
    value: z.unknown(),
  })
  .strict()
  .refine((row) => !row.key.startsWith('deviceSeq:') || (typeof row.value === 'number' && Number.isSafeInteger(row.value) && row.value >= 0), {
    error: 'ตัวนับลำดับรายการไม่ถูกต้อง',
  });

/** The incremental checksum of a backup: feed the header, then each row, in file order. */
export class BackupChecksum {
  private readonly hash = sha256.create();

  /** Adds one canonical line (without its newline). */
  add(canonicalLine: string): void {
    this.hash.update(utf8ToBytes(`${canonicalLine}\n`));
  }

  hex(): string {
    return bytesToHex(this.hash.digest());
  }
}

/** The file's opening text up to the first entry row: the header and `"entries":[`. */
export function backupOpening(headerLine: string): string {
  return `${headerLine.slice(0, -1)},"entries":[\n`;
}

/** The text between the entry rows and the meta rows. */
export const backupMiddle = '\n],"meta":[\n';

/** The file's closing text after the last meta row. */
export function backupClosing(checksumHex: string): string {
  return `\n],"checksum":"${checksumHex}"}\n`;
}

/**
 * The file name: samut-<organisation>-<B.E. date>-<time in Bangkok>.json, characters Windows refuses
 * in a name replaced. @example backupFileName('อบต.ทดสอบ', Date.UTC(2024, 6, 8, 2, 5)) // 'samut-อบต.ทดสอบ-2567-07-08-0905.json'
 */
export function backupFileName(orgName: string, atMs: number): string {
  const iso = bangkokDateOf(atMs);
  const beDate = `${Number(iso.slice(0, 4)) + 543}${iso.slice(4)}`;
  const time = new Date(atMs + 7 * 3600_000).toISOString().slice(11, 16).replace(':', '');
  const org = orgName.trim().replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80) || 'org';
  return `samut-${org}-${beDate}-${time}.json`;
}

const notBackupTh = 'ไฟล์นี้ไม่ใช่ไฟล์สำรองข้อมูลของสมุด กรุณาเลือกไฟล์ที่ได้จากปุ่ม "สำรองข้อมูลลงไฟล์"';
const damagedTh = 'ไฟล์สำรองเสียหายหรือถูกแก้ไข (ค่าตรวจสอบ SHA-256 ไม่ตรงกับเนื้อหา) จึงไม่ได้นำเข้าข้อมูลใด ๆ กรุณาใช้ไฟล์สำรองอื่น';

/**
 * Reads and checks a whole backup file's text: format, version, header, checksum, then every entry
 * (schema of its own entry format, lines, hash) and every meta row. Throws BackupError on the first
 * fault; a returned content is safe to restore.
 */
export function parseBackupText(text: string): BackupContent {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError('not-a-backup', notBackupTh);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== backupFormatName) {
    throw new BackupError('not-a-backup', notBackupTh);
  }
  const { entries, meta, checksum, ...headerRaw } = raw as Record<string, unknown>;
  const version = headerRaw.version;
  if (typeof version === 'number' && version > backupFormatVersion) {
    throw new BackupError('newer-version', `ไฟล์สำรองนี้สร้างจากสมุดรุ่นใหม่กว่า (รูปแบบไฟล์รุ่น ${version}) กรุณาอัปเดตสมุดก่อนนำเข้า`);
  }
  const header = backupHeaderSchema.safeParse(headerRaw);
  if (!header.success || !Array.isArray(entries) || !Array.isArray(meta) || typeof checksum !== 'string') {
    throw new BackupError('damaged', `ไฟล์สำรองไม่ครบถ้วน (ส่วนหัวของไฟล์ไม่ถูกต้อง${header.success ? '' : `: ${header.error.issues[0]?.path.join('.') ?? ''}`}) จึงไม่ได้นำเข้าข้อมูลใด ๆ`);
  }
  if (entries.length !== header.data.counts.entries || meta.length !== header.data.counts.meta) {
    throw new BackupError('damaged', `ไฟล์สำรองไม่ครบถ้วน: ส่วนหัวบอก ${header.data.counts.entries} รายการ แต่พบ ${entries.length} รายการ จึงไม่ได้นำเข้าข้อมูลใด ๆ`);
  }

  const sum = new BackupChecksum();
  let lines: string[];
  try {
    sum.add(canonicalJson(headerRaw));
    lines = [...entries, ...meta].map((row) => canonicalJson(row));
  } catch {
    throw new BackupError('damaged', damagedTh);
  }
  for (const line of lines) sum.add(line);
  if (sum.hex() !== checksum) throw new BackupError('damaged', damagedTh);

  const seen = new Set<string>();
  const stored = entries.map((row, i) => {
    const entry = storedEntryOfRow(row, i);
    if (entry.orgId !== header.data.orgId) {
      throw new BackupError('invalid-row', `รายการที่ ${i + 1} (${entry.id}) เป็นของหน่วยงานอื่น ไม่ตรงกับหน่วยงานของไฟล์ จึงไม่ได้นำเข้าข้อมูลใด ๆ`);
    }
    if (seen.has(entry.id)) throw new BackupError('invalid-row', `รายการที่ ${i + 1} (${entry.id}) ซ้ำกับรายการก่อนหน้าในไฟล์ จึงไม่ได้นำเข้าข้อมูลใด ๆ`);
    seen.add(entry.id);
    return entry;
  });
  const metaRows = meta.map((row, i): MetaRow => {
    const parsed = metaRowSchema.safeParse(row);
    if (!parsed.success) {
      throw new BackupError('invalid-row', `ข้อมูลตั้งค่าแถวที่ ${i + 1} ในไฟล์สำรองไม่ถูกต้อง (${parsed.error.issues[0]?.message ?? ''}) จึงไม่ได้นำเข้าข้อมูลใด ๆ`);
    }
    return { key: parsed.data.key, value: parsed.data.value };
  });
  return { header: header.data, entries: stored, meta: metaRows };
}

/** One entry row of the file: its sync fields checked here, the entry by the reader of its format. */
function storedEntryOfRow(row: unknown, i: number): StoredEntry {
  const refuse = (why: string, id?: unknown): never => {
    const name = typeof id === 'string' ? ` (${id.slice(0, 36)})` : '';
    throw new BackupError('invalid-row', `รายการที่ ${i + 1}${name} ในไฟล์สำรองไม่ถูกต้อง: ${why} จึงไม่ได้นำเข้าข้อมูลใด ๆ`);
  };
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return refuse('ไม่ใช่รายการ');
  const all = row as Record<string, unknown>;
  const syncPart: Record<string, unknown> = {};
  const entryPart: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    if ((syncFieldNames as readonly string[]).includes(key)) syncPart[key] = value;
    else entryPart[key] = value;
  }
  const sync = syncFieldsSchema.safeParse(syncPart);
  if (!sync.success) return refuse(sync.error.issues[0]?.message ?? 'สถานะการส่งไม่ถูกต้อง', all.id);
  const check = readEntryOfAnyFormat(entryPart);
  if (check.outcome === 'invalid') return refuse(check.messageTh, all.id);
  return { ...check.entry, ...(sync.data as SyncFields) } as StoredEntry;
}
