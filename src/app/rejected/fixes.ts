/**
 * What the rules allow for an entry the server refused, decided from the entry alone (pure):
 * - The refused entry is never edited (append-only) and, since a rejected or conflicting entry does
 *   not count in this PC's books (countsInBooks), it cannot be cancelled either: the store refuses a
 *   cancel of it (targetNotCountingTh) and there is nothing to reverse.
 * - A refused receipt, deposit, ฎีกา, budget entry or ใบผ่านรายการ is fixed by a NEW entry (new id) with
 *   the right content; its form starts from the refused document (prefill.ts).
 * - A refused cancel leaves its original counting here: the fix is a new cancel of the original, when
 *   it still counts and nothing else cancels it — unless the server says the original is already
 *   cancelled there (cancel_already) or it is itself refused (nothing left to reverse).
 * - A conflict (the server holds other content under the id) is never overwritten: the server's copy
 *   stands. The officer asks the administrator which document the server holds and records this one
 *   anew if it is not there.
 * - Entries recorded after the refused one and depending on it (a payment on a budget line the refused
 *   appropriation would have created) still count here and are judged on their own by the server: the
 *   correction, when dated no later, is sent before them (drain order is by date).
 */
import { entryKindNamesTh, type EntryKind } from '../../domain/entry';
import { countsInBooks, type RefusedEntry, type StoredEntry } from '../../store';
import { isPrefillKind, type PrefillKind } from './prefill';

/** The officer's ways forward for one refused entry. */
export type FixAction =
  /** A new entry on the kind's form, pre-filled from the refused one when `prefilled`. */
  | { kind: 'record-anew'; entryKind: Exclude<EntryKind, 'cancel'>; prefilled: boolean }
  /** A new cancel of the refused cancel's original (targetId). */
  | { kind: 'cancel-original'; targetId: string };

/** Where a refused entry stands: still to fix, fixed by a later entry, or needing nothing. */
export type FixStatus = 'open' | 'fixed' | 'nothing-to-do';

export interface FixPlan {
  status: FixStatus;
  /** ถูกปฏิเสธ / ข้อมูลไม่ตรงกับเซิร์ฟเวอร์ */
  stateTh: string;
  /** What the refusal means for the books on this PC. */
  booksTh: string;
  /** What the officer should do (or why nothing is needed). */
  adviceTh: string;
  actions: FixAction[];
  /** The entry that fixed it, when status is 'fixed'. */
  fixedBy?: StoredEntry;
}

export const refusedStateTh = { rejected: 'ถูกปฏิเสธ', conflict: 'ข้อมูลไม่ตรงกับเซิร์ฟเวอร์' } as const;

const noEditTh = 'รายการเดิมคงอยู่ในเครื่องเป็นหลักฐาน แก้ไขไม่ได้ และยกเลิกไม่ได้เพราะไม่นับในบัญชีแล้ว';

/**
 * @example fixPlanOf({ entry: rejectedReceipt, corrections: [] })
 *   // { status: 'open', actions: [{ kind: 'record-anew', entryKind: 'receipt', prefilled: true }], … }
 */
export function fixPlanOf(item: RefusedEntry): FixPlan {
  const { entry } = item;
  const state = entry.state === 'conflict' ? 'conflict' : 'rejected';
  const stateTh = refusedStateTh[state];
  const last = item.corrections[item.corrections.length - 1];
  const fixedBy = last !== undefined && countsInBooks(last.state) ? last : undefined;
  const base = { stateTh, booksTh: booksMeaningTh(item), ...(fixedBy ? { fixedBy } : {}) };
  const retriedTh = last !== undefined && fixedBy === undefined ? ' (รายการที่บันทึกแก้ไขครั้งก่อนถูกปฏิเสธเช่นกัน)' : '';

  if (entry.kind === 'cancel') return cancelPlan(item, base, fixedBy, retriedTh);
  if (fixedBy) return { ...base, status: 'fixed', adviceTh: 'บันทึกรายการใหม่แทนแล้ว ' + noEditTh, actions: [] };
  if (state === 'rejected' && entry.syncCode === 'wrong_org') {
    return { ...base, status: 'open', adviceTh: 'รายการนี้บันทึกไว้ให้หน่วยงานอื่น เครื่องนี้ส่งแทนไม่ได้ กรุณาติดต่อผู้ดูแลระบบ', actions: [] };
  }
  const anew: FixAction = { kind: 'record-anew', entryKind: entry.kind, prefilled: isPrefillKind(entry.kind) };
  const adviceTh =
    state === 'conflict'
      ? `เซิร์ฟเวอร์มีรายการรหัสเดียวกันที่เนื้อหาต่างกัน และเก็บฉบับของเซิร์ฟเวอร์ไว้ ไม่เขียนทับ กรุณาแจ้งผู้ดูแลระบบให้ตรวจสอบรายการรหัส ${entry.id} ในเซิร์ฟเวอร์ ถ้าไม่ใช่เอกสารนี้ ให้บันทึกรายการใหม่${retriedTh}`
      : `แก้ไขสิ่งที่เซิร์ฟเวอร์แจ้ง แล้วบันทึกเป็นรายการใหม่${retriedTh} ${noEditTh}`;
  return { ...base, status: 'open', adviceTh, actions: [anew] };
}

function cancelPlan(item: RefusedEntry, base: Omit<FixPlan, 'status' | 'adviceTh' | 'actions'>, fixedBy: StoredEntry | undefined, retriedTh: string): FixPlan {
  const { entry, cancelTarget: target } = item;
  if (fixedBy) return { ...base, status: 'fixed', adviceTh: 'บันทึกการยกเลิกใหม่แล้ว', actions: [] };
  if (target === undefined) {
    return { ...base, status: 'open', adviceTh: 'ไม่พบรายการเดิมในเครื่องนี้ จึงยกเลิกใหม่จากเครื่องนี้ไม่ได้ กรุณาติดต่อผู้ดูแลระบบ', actions: [] };
  }
  const targetTh = `${entryKindNamesTh[target.kind]}`;
  if (!countsInBooks(target.state)) {
    return { ...base, status: 'nothing-to-do', adviceTh: `${targetTh}ที่จะยกเลิกถูกเซิร์ฟเวอร์ปฏิเสธเช่นกัน จึงไม่นับในบัญชีอยู่แล้ว ไม่ต้องยกเลิก`, actions: [] };
  }
  if (item.targetCancelledBy !== undefined && item.targetCancelledBy !== entry.id) {
    return { ...base, status: 'nothing-to-do', adviceTh: `${targetTh}นี้ถูกยกเลิกด้วยรายการยกเลิกอื่นในเครื่องนี้แล้ว`, actions: [] };
  }
  if (entry.state === 'rejected' && entry.syncCode === 'cancel_already') {
    return {
      ...base,
      status: 'nothing-to-do',
      adviceTh: `เซิร์ฟเวอร์แจ้งว่า${targetTh}นี้ถูกยกเลิกไปแล้ว (อาจยกเลิกจากเครื่องอื่น) ไม่ต้องยกเลิกซ้ำ ถ้าสงสัยกรุณาติดต่อผู้ดูแลระบบ`,
      actions: [],
    };
  }
  if (entry.state === 'rejected' && entry.syncCode === 'cancel_of_cancel') {
    return { ...base, status: 'nothing-to-do', adviceTh: 'รายการยกเลิกยกเลิกซ้ำไม่ได้ ถ้าต้องการให้รายการเดิมกลับมา ให้บันทึกรายการใหม่', actions: [] };
  }
  const adviceTh =
    entry.state === 'conflict'
      ? `เซิร์ฟเวอร์มีรายการรหัสเดียวกันที่เนื้อหาต่างกัน กรุณาแจ้งผู้ดูแลระบบให้ตรวจสอบ ถ้ายังต้องการยกเลิก${targetTh}นี้ ให้บันทึกการยกเลิกใหม่${retriedTh}`
      : `การยกเลิกไม่มีผล ${targetTh}เดิมจึงยังนับในบัญชี ถ้ายังต้องการยกเลิก ให้บันทึกการยกเลิกใหม่ (เช่น ลงวันที่ที่ยังไม่ปิดบัญชี)${retriedTh}`;
  return { ...base, status: 'open', adviceTh, actions: [{ kind: 'cancel-original', targetId: target.id }] };
}

/** What the refusal means for this PC's books, in the accountant's words. */
export function booksMeaningTh(item: RefusedEntry): string {
  const { entry, cancelTarget } = item;
  const notHere = 'ไม่นับในบัญชีของเครื่องนี้';
  const server = entry.state === 'conflict' ? 'เซิร์ฟเวอร์เก็บรายการรหัสนี้ฉบับที่ต่างออกไป' : 'ไม่มีในเซิร์ฟเวอร์';
  switch (entry.kind) {
    case 'receipt':
      return `${notHere} (ยอดรับและเลขที่ใบเสร็จ เล่ม ${entry.doc.bookNo} เลขที่ ${entry.doc.receiptNo} ว่างให้ใช้ใหม่) และ${server}`;
    case 'payment':
      return `${notHere} (ไม่ตัดงบประมาณและไม่ลดยอดเงิน) และ${server}`;
    case 'budget':
      return `${notHere} (ไม่มีผลต่อทะเบียนงบประมาณ) และ${server}`;
    case 'cancel': {
      const stands = cancelTarget !== undefined && countsInBooks(cancelTarget.state);
      return `การยกเลิกนี้${notHere}${stands ? ` ${entryKindNamesTh[cancelTarget.kind]}เดิมจึงยังนับอยู่` : ''} และ${server}`;
    }
    default:
      return `${notHere} และ${server}`;
  }
}

/** How many refused entries still wait for the officer (the badge on the navigation). */
export function openFixCount(items: readonly RefusedEntry[]): number {
  return items.filter((i) => fixPlanOf(i).status === 'open').length;
}

/** The kinds whose new entry starts from the refused document. */
export function prefillKindOf(action: FixAction): PrefillKind | undefined {
  return action.kind === 'record-anew' && isPrefillKind(action.entryKind) ? action.entryKind : undefined;
}
