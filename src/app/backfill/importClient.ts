/**
 * The page's side of the import worker: one worker, started on first use, spoken to in typed messages
 * (importMessages.ts, checked on arrival). A read or a commit is a promise of its outcome; progress
 * comes through a callback. A newer read supersedes an older one: the older's answers are ignored.
 */
import type { ImportKind } from '../../domain/import/importTypes';
import {
  fromImportWorkerSchema,
  type FromImportWorker,
  type ImportCommitMode,
  type ImportPhase,
  type ImportSummary,
  type ToImportWorker,
} from './importMessages';

export interface ImportProgress {
  phase: ImportPhase;
  done: number;
  /** 0: length unknown. */
  total: number;
}

export type ReadOutcome = { outcome: 'read'; summary: ImportSummary } | { outcome: 'failed'; messageTh: string };

export type CommitOutcome =
  | { outcome: 'committed'; recorded: number }
  /** Nothing was written; `rows` are the file rows at fault, `summary` the reading without the refused entry. */
  | { outcome: 'refused'; messageTh: string; rows: number[]; summary?: ImportSummary };

/** The part of a Worker the client uses (tests pass a stand-in). */
export interface WorkerLike {
  postMessage(message: ToImportWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface ImportClient {
  read(kind: ImportKind, file: File, onProgress: (p: ImportProgress) => void): Promise<ReadOutcome>;
  commit(readId: number, mode: ImportCommitMode, recordedBy: string, onProgress: (p: ImportProgress) => void): Promise<CommitOutcome>;
  dispose(): void;
}

/** The real worker: a module worker Vite bundles from importWorker.ts. */
export function startImportWorker(): WorkerLike {
  return new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'samut-import' });
}

const workerFailedTh = 'ตัวอ่านไฟล์หยุดทำงาน ไม่มีรายการใดถูกบันทึก กรุณาโหลดหน้านี้ใหม่แล้วลองอีกครั้ง';

interface Waiting {
  readId: number;
  onProgress: (p: ImportProgress) => void;
  /** Takes the worker's answer if it settles this request; false: not this request's answer. */
  settle: (message: FromImportWorker) => boolean;
  fail: (messageTh: string) => void;
}

/** @example const client = createImportClient(); const r = await client.read('receipt', file, setProgress); */
export function createImportClient(start: () => WorkerLike = startImportWorker): ImportClient {
  let worker: WorkerLike | undefined;
  let lastReadId = 0;
  let waiting: Waiting | undefined;

  function ensureWorker(): WorkerLike {
    if (worker !== undefined) return worker;
    const w = start();
    w.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = fromImportWorkerSchema.safeParse(event.data);
      if (!parsed.success || waiting === undefined) return;
      const m = parsed.data;
      const readId = m.type === 'read-done' ? m.summary.readId : m.readId;
      if (readId !== waiting.readId) return;
      if (m.type === 'progress') {
        waiting.onProgress({ phase: m.phase, done: m.done, total: m.total });
        return;
      }
      if (waiting.settle(m)) waiting = undefined;
    });
    w.addEventListener('error', (event: Event) => {
      event.preventDefault();
      // The worker is gone (failed to load, or crashed): its open transaction, if any, was aborted.
      waiting?.fail(workerFailedTh);
      waiting = undefined;
      worker?.terminate();
      worker = undefined;
    });
    worker = w;
    return w;
  }

  return {
    read(kind, file, onProgress) {
      const readId = ++lastReadId;
      waiting?.fail('ยกเลิกแล้ว: เลือกไฟล์ใหม่');
      return new Promise<ReadOutcome>((done) => {
        waiting = {
          readId,
          onProgress,
          settle: (m) => {
            if (m.type === 'read-done') done({ outcome: 'read', summary: m.summary });
            else if (m.type === 'read-failed') done({ outcome: 'failed', messageTh: m.messageTh });
            else return false;
            return true;
          },
          fail: (messageTh) => done({ outcome: 'failed', messageTh }),
        };
        ensureWorker().postMessage({ type: 'read', readId, kind, file, fileName: file.name });
      });
    },
    commit(readId, mode, recordedBy, onProgress) {
      return new Promise<CommitOutcome>((done) => {
        waiting = {
          readId,
          onProgress,
          settle: (m) => {
            if (m.type === 'committed') done({ outcome: 'committed', recorded: m.recorded });
            else if (m.type === 'commit-refused') done({ outcome: 'refused', messageTh: m.messageTh, rows: m.rows, ...(m.summary ? { summary: m.summary } : {}) });
            else return false;
            return true;
          },
          fail: (messageTh) => done({ outcome: 'refused', messageTh, rows: [] }),
        };
        ensureWorker().postMessage({ type: 'commit', readId, mode, recordedBy });
      });
    },
    dispose() {
      waiting = undefined;
      worker?.terminate();
      worker = undefined;
    },
  };
}
