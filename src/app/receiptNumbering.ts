/**
 * What the receipt form says under เลขที่, from the book's status on this PC (receiptBookStatus): the
 * next number, and a warning when the typed number skips numbers (a gap the auditor will ask about),
 * is already used, or lies outside this PC's range of the book. Pure, for the component and tests.
 */
import type { ReceiptBookStatus } from '../store';

export type ReceiptNoWarning =
  | { kind: 'gap'; textTh: string }
  | { kind: 'used'; textTh: string }
  | { kind: 'out-of-range'; textTh: string }
  | { kind: 'used-up'; textTh: string };

export interface ReceiptNoHint {
  /** "เลขที่ถัดไป 42", or undefined when the book has no next number here. */
  nextNo: number | undefined;
  warning: ReceiptNoWarning | undefined;
}

/** "42" or "42–44" */
function span(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/**
 * @example receiptNoHint({ usedNos: [40, 41], nextNo: 42, ranges: [], … }, '45')
 *   // { nextNo: 42, warning: { kind: 'gap', textTh: 'เลขที่ 45 ข้ามเลขที่ 42–44 ที่ยังไม่ได้บันทึก…' } }
 */
export function receiptNoHint(status: Pick<ReceiptBookStatus, 'bookNo' | 'usedNos' | 'nextNo' | 'ranges'>, typed: string): ReceiptNoHint {
  const t = typed.trim();
  const no = /^\d{1,6}$/.test(t) ? Number(t) : undefined;
  const hint: ReceiptNoHint = { nextNo: status.nextNo, warning: undefined };
  if (status.nextNo === undefined && status.ranges.length > 0) {
    hint.warning = { kind: 'used-up', textTh: `เลขที่ของเล่มที่ ${status.bookNo} ที่กำหนดให้เครื่องนี้ใช้ครบแล้ว กรุณาตั้งเล่มใหม่ที่หน้าตั้งค่า` };
  }
  if (no === undefined) return hint;
  if (status.ranges.length > 0 && !status.ranges.some((r) => r.firstNo <= no && no <= r.lastNo)) {
    const ranges = status.ranges.map((r) => span(r.firstNo, r.lastNo)).join(', ');
    hint.warning = { kind: 'out-of-range', textTh: `เลขที่ ${no} อยู่นอกช่วงของเล่มที่ ${status.bookNo} ที่กำหนดให้เครื่องนี้ (${ranges})` };
  } else if (status.usedNos.includes(no)) {
    hint.warning = { kind: 'used', textTh: `เล่มที่ ${status.bookNo} เลขที่ ${no} ใช้ไปแล้ว` };
  } else if (status.nextNo !== undefined && no > status.nextNo) {
    hint.warning = {
      kind: 'gap',
      textTh: `เลขที่ ${no} ข้ามเลขที่ ${span(status.nextNo, no - 1)} ที่ยังไม่ได้บันทึก ตรวจสอบว่าพิมพ์ถูก หรือบันทึกใบที่ข้ามไปก่อน (ใบที่เสียให้บันทึกแล้วยกเลิก)`,
    };
  }
  return hint;
}
