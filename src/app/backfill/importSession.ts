/**
 * What the import worker does, apart from being a worker (so Node tests run it on fake-indexeddb):
 * read a file (decode → the domain's row reader → which entries this PC already holds), answer with a
 * summary, keep the reading, and on a commit record its new entries with recordImport: ONE IndexedDB
 * transaction, all or nothing. The page never parses and never writes; this keeps one reading at a
 * time, the latest the page asked for.
 */
import type { RowError } from '../../domain/csvTable';
import type { ImportedEntry, ImportKind, ImportReading } from '../../domain/import/importTypes';
import { readImportTable } from '../../domain/import/readImportTable';
import { canonicalJson } from '../../domain/canonicalJson';
import { bangkokDateOf, fiscalYearOf, formatBeDate } from '../../domain/thaiDate';
import { importEntriesMax, listBudgetLines, listCommitments, recordedNaturalKeys, recordImport, StoreError, type RecordEntryInput, type SamutDb, type StoredEntry } from '../../store';
import { errorMessageTh } from '../errorMessage';
import { decodeImportFile, ImportFileError } from './decodeImportFile';
import {
  importErrorsShownMax,
  importPreviewRowsMax,
  type FromImportWorker,
  type ImportCommitMode,
  type ImportPhase,
  type ImportSummary,
  type ToImportWorker,
} from './importMessages';
import { importPreviewRow } from './importPreview';

/** Fiscal years whose budget lines a ฎีกา or budget file may name: an outage's months lie within a few years back. */
export const importBudgetYearsBack = 5;
/** Least time between two progress messages: enough for a smooth bar, few enough not to flood the page. */
export const importProgressIntervalMs = 50;

export interface ImportSessionOptions {
  db: SamutDb;
  post: (message: FromImportWorker) => void;
  /** Time for the progress throttle and the current fiscal year; tests pass their own. */
  now?: () => number;
}

/** A file read and kept for its commit. */
interface Reading {
  readId: number;
  kind: ImportKind;
  fileName: string;
  rowsRead: number;
  /** Entries read cleanly, in file order, and whether this PC already holds each one's natural key. */
  entries: { entry: ImportedEntry; recorded: boolean }[];
  errors: RowError[];
}

export interface ImportSession {
  handle(message: ToImportWorker): Promise<void>;
}

/** @example const session = createImportSession({ db, post: (m) => self.postMessage(m) }); onmessage = (e) => session.handle(e.data); */
export function createImportSession({ db, post, now = Date.now }: ImportSessionOptions): ImportSession {
  let latestReadId = -1;
  let kept: Reading | undefined;

  function progress(readId: number) {
    let lastMs = -Infinity;
    return (phase: ImportPhase, done: number, total: number, force = false) => {
      const t = now();
      if (!force && t - lastMs < importProgressIntervalMs && done < total) return;
      lastMs = t;
      post({ type: 'progress', readId, phase, done, total });
    };
  }

  async function read(message: Extract<ToImportWorker, { type: 'read' }>): Promise<void> {
    const { readId, kind, file, fileName } = message;
    latestReadId = readId;
    kept = undefined;
    const step = progress(readId);
    try {
      step('file', 0, 0, true);
      const bytes = await file.arrayBuffer();
      step('decode', 0, 0, true);
      const table = await decodeImportFile(fileName, bytes);
      if (readId !== latestReadId) return;
      const books = kind === 'payment' || kind === 'budget' ? await budgetBooksNear(db, now()) : { budgetLines: [], commitments: [] };
      step('rows', 0, Math.max(0, table.length - 1), true);
      const domainReading = readImportTable(kind, table, { ...books, onProgress: (done, total) => step('rows', done, total) });
      if (readId !== latestReadId) return;
      step('keys', 0, 0, true);
      const reading = await withRecordedKeys(db, readId, fileName, domainReading);
      if (readId !== latestReadId) return;
      kept = reading;
      post({ type: 'read-done', summary: summaryOf(reading) });
    } catch (error) {
      if (readId !== latestReadId) return;
      const messageTh = error instanceof ImportFileError ? error.messageTh : `อ่านไฟล์ ${fileName} ไม่สำเร็จ: ${errorMessageTh(error)}`;
      post({ type: 'read-failed', readId, messageTh });
    }
  }

  async function commit(message: Extract<ToImportWorker, { type: 'commit' }>): Promise<void> {
    const { readId, mode, recordedBy } = message;
    const refuse = (messageTh: string, rows: number[] = [], summary?: ImportSummary) =>
      post({ type: 'commit-refused', readId, messageTh, rows, ...(summary ? { summary } : {}) });
    const reading = kept;
    if (reading === undefined || reading.readId !== readId) {
      refuse('ไม่พบไฟล์ที่อ่านไว้ กรุณาเลือกไฟล์อีกครั้ง');
      return;
    }
    const refusal = commitRefusalTh(reading, mode, recordedBy);
    if (refusal !== undefined) {
      refuse(refusal);
      return;
    }
    // Read again just before writing: a form on this PC may have recorded one of them since.
    const fresh = reading.entries.filter((e) => !e.recorded).map((e) => e.entry);
    const heldNow = await recordedNaturalKeys(db, fresh);
    const toRecord = fresh.filter((e) => !heldNow.has(e.naturalKey));
    if (toRecord.length === 0) {
      kept = undefined;
      post({ type: 'committed', readId, recorded: 0 });
      return;
    }
    progress(readId)('record', 0, 0, true);
    try {
      const who = recordedBy.trim();
      await recordImport(
        db,
        // kind and doc go together (the union): TypeScript cannot follow them through a new object.
        toRecord.map((e) => ({ date: e.date, recordedBy: who, kind: e.kind, doc: e.doc }) as RecordEntryInput),
      );
      kept = undefined;
      post({ type: 'committed', readId, recorded: toRecord.length });
    } catch (error) {
      const refused = error instanceof StoreError && error.index !== undefined ? toRecord[error.index] : undefined;
      if (refused === undefined) {
        refuse(`บันทึกไม่สำเร็จ ไม่มีรายการใดถูกบันทึก — ${errorMessageTh(error)}`);
        return;
      }
      // The refused entry becomes a row error: "valid only" can then go on without it.
      const messageTh = errorMessageTh(error).replace(/^รายการที่ \d+:\s*/, '');
      reading.entries = reading.entries.filter((e) => e.entry !== refused);
      reading.errors = [...reading.errors, ...refused.rows.slice(0, 1).map((row) => ({ row, column: '', messageTh }))].sort((a, b) => a.row - b.row);
      refuse(`บันทึกไม่สำเร็จ ไม่มีรายการใดถูกบันทึก — แถว ${refused.rows.join(', ')} ของไฟล์: ${messageTh}`, refused.rows, summaryOf(reading));
    }
  }

  return {
    async handle(message) {
      if (message.type === 'read') await read(message);
      else await commit(message);
    },
  };
}

/** Why a commit may not go ahead, or undefined. */
function commitRefusalTh(reading: Reading, mode: ImportCommitMode, recordedBy: string): string | undefined {
  if (recordedBy.trim() === '') return 'กรุณากรอกชื่อผู้บันทึก';
  if (mode === 'all-or-nothing' && reading.errors.length > 0) {
    return `ไฟล์มีข้อผิดพลาด ${reading.errors.length} จุด จึงไม่บันทึกสิ่งใด (ทั้งหมดหรือไม่บันทึกเลย) แก้ไขไฟล์แล้วเลือกใหม่ หรือเลือก "บันทึกเฉพาะแถวที่ถูกต้อง"`;
  }
  const newCount = reading.entries.filter((e) => !e.recorded).length;
  if (newCount > importEntriesMax) {
    return `ไฟล์มีรายการใหม่ ${newCount.toLocaleString('th-TH')} รายการ บันทึกได้ครั้งละไม่เกิน ${importEntriesMax.toLocaleString('th-TH')} รายการ กรุณาแบ่งไฟล์`;
  }
  return undefined;
}

/** Budget lines and open commitments of the fiscal years around today (a ฎีกา names its line by code). */
async function budgetBooksNear(db: SamutDb, nowMs: number) {
  const fy = fiscalYearOf(bangkokDateOf(nowMs));
  const years = Array.from({ length: importBudgetYearsBack + 2 }, (_, i) => fy - importBudgetYearsBack + i);
  const [lines, commitments] = await Promise.all([
    Promise.all(years.map((y) => listBudgetLines(db, y))),
    Promise.all(years.map((y) => listCommitments(db, y))),
  ]);
  return { budgetLines: lines.flat().map((v) => v.def), commitments: commitments.flat() };
}

/**
 * The domain's reading with each entry marked new or already on this PC. Natural keys repeated within
 * the file are row errors (the second one on): recording both would put one paper document in twice.
 */
async function withRecordedKeys(db: SamutDb, readId: number, fileName: string, r: ImportReading): Promise<Reading> {
  const errors = [...r.errors];
  const firstRowOf = new Map<string, number>();
  const unique: ImportedEntry[] = [];
  for (const e of r.entries) {
    const first = firstRowOf.get(e.naturalKey);
    if (first === undefined) {
      firstRowOf.set(e.naturalKey, e.rows[0] ?? 0);
      unique.push(e);
    } else {
      for (const row of e.rows.slice(0, 1)) errors.push({ row, column: '', messageTh: `เอกสารเดียวกับแถว ${first} (ซ้ำในไฟล์)` });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  // recordedNaturalKeys takes a bounded batch: a larger file is looked up in parts.
  const held = new Map<string, string>();
  for (let i = 0; i < unique.length; i += importEntriesMax) {
    for (const [k, id] of await recordedNaturalKeys(db, unique.slice(i, i + importEntriesMax))) held.set(k, id);
  }
  // A document already recorded with other content (another amount, payer, date…) is not "already
  // recorded": skipping it would hide the difference, recording it would hold one number twice. It is
  // a row error, fixed by cancelling the recorded entry or correcting the file.
  const heldEntries = unique.filter((e) => held.has(e.naturalKey));
  const stored = await db.entries.bulkGet(heldEntries.map((e) => held.get(e.naturalKey)!));
  const differs = new Set<ImportedEntry>();
  heldEntries.forEach((e, i) => {
    const s = stored[i];
    if (s === undefined || sameDocument(e, s)) return;
    differs.add(e);
    errors.push({ row: e.rows[0] ?? 0, column: '', messageTh: differsTh(s) });
  });
  errors.sort((a, b) => a.row - b.row);
  return {
    readId,
    kind: r.kind,
    fileName,
    rowsRead: r.rowsRead,
    entries: unique.filter((e) => !differs.has(e)).map((entry) => ({ entry, recorded: held.has(entry.naturalKey) })),
    errors,
  };
}

/** The same business date, kind and document: what the file says is what was recorded. */
function sameDocument(fromFile: ImportedEntry, recorded: StoredEntry): boolean {
  return canonicalJson({ date: fromFile.date, kind: fromFile.kind, doc: fromFile.doc }) === canonicalJson({ date: recorded.date, kind: recorded.kind, doc: recorded.doc });
}

function differsTh(recorded: StoredEntry): string {
  return (
    `เอกสารเลขนี้บันทึกไว้แล้ว (วันที่ ${formatBeDate(recorded.date)}) แต่ข้อมูลในไฟล์ไม่ตรงกับที่บันทึก ` +
    'ถ้าที่บันทึกไว้ผิด ให้ยกเลิกรายการเดิมก่อนแล้วนำเข้าใหม่ ถ้าไฟล์ผิด ให้แก้ไฟล์'
  );
}

function summaryOf(r: Reading): ImportSummary {
  const recorded = r.entries.filter((e) => e.recorded).length;
  return {
    readId: r.readId,
    kind: r.kind,
    fileName: r.fileName,
    counts: { rows: r.rowsRead, entries: r.entries.length, new: r.entries.length - recorded, alreadyRecorded: recorded, errors: r.errors.length },
    errors: r.errors.slice(0, importErrorsShownMax),
    preview: r.entries.slice(0, importPreviewRowsMax).map((e) => importPreviewRow(e.entry, e.recorded ? 'recorded' : 'new')),
  };
}
