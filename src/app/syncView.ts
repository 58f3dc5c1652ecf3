/**
 * What the sync status line shows, derived from the sync engine's BroadcastChannel messages
 * (src/sync/channel.ts, validated there). Pure: the component only follows the channel and the clock.
 */
import type { DrainFinishedOutcome, SyncMessage } from '../sync/channel';

export type SyncView =
  | { kind: 'idle' }
  | { kind: 'sending'; sent?: number; total?: number }
  | {
      kind: 'finished';
      outcome: Exclude<DrainFinishedOutcome, 'busy'>;
      finishedAtMs: number;
      posted: number;
      rejected: number;
      conflicts: number;
      pending: number;
      nextAttemptAtMs?: number;
      messageTh?: string;
    };

/** The view after a message arrives at `nowMs`. */
export function nextSyncView(view: SyncView, message: SyncMessage, nowMs: number): SyncView {
  switch (message.type) {
    case 'drain-started':
      return { kind: 'sending' };
    case 'progress':
      return { kind: 'sending', sent: message.sent, total: message.total };
    case 'drain-finished': {
      // 'busy': another tab or the service worker holds the lock and will report itself.
      if (message.outcome === 'busy') return view.kind === 'idle' ? { kind: 'sending' } : view;
      const finished: SyncView = {
        kind: 'finished',
        outcome: message.outcome,
        finishedAtMs: nowMs,
        posted: message.posted,
        rejected: message.rejected,
        conflicts: message.conflicts,
        pending: message.pending,
      };
      if (message.nextAttemptAtMs !== undefined) finished.nextAttemptAtMs = message.nextAttemptAtMs;
      if (message.messageTh !== undefined) finished.messageTh = message.messageTh;
      return finished;
    }
  }
}

/**
 * The status line in Thai.
 * @example syncStatusTh({ kind: 'finished', outcome: 'backing-off', nextAttemptAtMs: …, … }, true)
 *   // 'เซิร์ฟเวอร์ไม่ตอบ จะลองใหม่เวลา 14:05:09'
 */
export function syncStatusTh(view: SyncView, online: boolean): string {
  if (!online && view.kind !== 'sending') {
    return 'ไม่มีอินเทอร์เน็ต รายการเก็บไว้ในเครื่องนี้ จะส่งเองเมื่อเชื่อมต่อได้';
  }
  switch (view.kind) {
    case 'idle':
      return 'ยังไม่ได้ติดต่อเซิร์ฟเวอร์';
    case 'sending':
      return view.total !== undefined && view.total > 0
        ? `กำลังส่ง… ${view.sent ?? 0}/${view.total} รายการ`
        : 'กำลังส่ง…';
    case 'finished':
      return finishedTh(view);
  }
}

function finishedTh(view: Extract<SyncView, { kind: 'finished' }>): string {
  const reason = view.messageTh !== undefined ? ` (${view.messageTh})` : '';
  switch (view.outcome) {
    case 'drained': {
      const problems = [
        view.rejected > 0 ? `ถูกปฏิเสธ ${view.rejected} รายการ` : '',
        view.conflicts > 0 ? `ขัดแย้ง ${view.conflicts} รายการ` : '',
      ].filter((p) => p !== '');
      const count = view.posted > 0 ? ` ${view.posted} รายการ` : '';
      const tail = problems.length > 0 ? ` · ${problems.join(', ')} ดูในรายการที่ต้องแก้ไข` : '';
      // A drained run carries a message only when its digest check sent entries again
      // (src/sync/runDrain.ts): 'เซิร์ฟเวอร์ขาดรายการ 18 รายการ ของ 3 วัน จึงส่งให้ใหม่แล้ว'.
      const resent = view.messageTh !== undefined ? ` · ${view.messageTh}` : '';
      return `ส่งแล้ว${count} เมื่อ ${bangkokTimeOf(view.finishedAtMs)}${tail}${resent}`;
    }
    case 'backing-off':
      return view.nextAttemptAtMs !== undefined
        ? `เซิร์ฟเวอร์ไม่ตอบ จะลองใหม่เวลา ${bangkokTimeOf(view.nextAttemptAtMs)}${reason}`
        : `เซิร์ฟเวอร์ไม่ตอบ จะลองใหม่ภายหลัง${reason}`;
    case 'auth-failed':
      return `ต้องลงทะเบียนใหม่${reason}`;
    case 'not-enrolled':
      return 'เครื่องนี้ยังไม่ได้ลงทะเบียน';
    case 'incomplete':
      return `ส่งแล้ว ${view.posted} รายการ ยังเหลือ ${view.pending} รายการ จะส่งต่อเอง`;
    case 'refused':
      return `เซิร์ฟเวอร์ไม่รับคำขอส่งรายการ${reason} กรุณาแจ้งผู้ดูแลระบบ`;
    case 'failed':
      return view.messageTh ?? 'ส่งรายการไม่สำเร็จ ฐานข้อมูลในเครื่องมีปัญหา จะลองใหม่';
  }
}

/** Thailand is UTC+7 all year (no daylight saving). */
const bangkokOffsetMs = 7 * 60 * 60 * 1000;

/**
 * Clock time in Thailand, whatever the PC's time zone.
 * @example bangkokTimeOf(Date.UTC(2024, 0, 16, 7, 5, 9)) // '14:05:09'
 */
export function bangkokTimeOf(epochMs: number): string {
  return new Date(epochMs + bangkokOffsetMs).toISOString().slice(11, 19);
}
