/**
 * The Thai message to show for an error thrown by the store or the browser. Store errors carry their
 * own (StoreError.messageTh); anything else is unexpected and says so, with the technical text kept
 * for whoever the officer calls.
 */
import { StoreError } from '../store';

/** @example errorMessageTh(new StoreError('not-enrolled', 'เครื่องนี้ยังไม่ได้ลงทะเบียน…')) // 'เครื่องนี้ยังไม่ได้ลงทะเบียน…' */
export function errorMessageTh(error: unknown): string {
  if (error instanceof StoreError) return error.messageTh;
  if (error instanceof Error && error.name === 'QuotaExceededError') {
    return 'พื้นที่เก็บข้อมูลในเครื่องเต็ม บันทึกไม่ได้ กรุณาลบไฟล์ที่ไม่ใช้หรือติดต่อผู้ดูแลระบบ';
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `เกิดข้อผิดพลาดที่ไม่คาดคิด (${detail}) กรุณาแจ้งผู้ดูแลระบบ`;
}
