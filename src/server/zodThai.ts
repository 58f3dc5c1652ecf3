/**
 * Thai messages for request-validation failures. The protocol schemas carry Thai messages where they
 * chose to; for the rest zod's defaults are English, so this error map (used per parse, which ranks
 * below a schema's own message) fills in a Thai one, and `describeIssue` names the offending field.
 */
import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

/** Per-parse error map: `schema.safeParse(data, { error: thaiIssueMessage })`. */
export function thaiIssueMessage(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'ไม่มีข้อมูลในช่องนี้' : `ชนิดข้อมูลไม่ถูกต้อง (ต้องเป็น ${issue.expected})`;
    case 'too_big':
      return `มากหรือยาวเกินกำหนด (ไม่เกิน ${String(issue.maximum)})`;
    case 'too_small':
      return `น้อยหรือสั้นเกินกำหนด (อย่างน้อย ${String(issue.minimum)})`;
    case 'invalid_format':
      return 'รูปแบบไม่ถูกต้อง';
    case 'unrecognized_keys':
      return `มีช่องข้อมูลที่ไม่รู้จัก: ${issue.keys.slice(0, 5).join(', ')}`;
    case 'invalid_value':
      return 'ค่าไม่ถูกต้อง';
    default:
      return 'ข้อมูลไม่ถูกต้อง';
  }
}

/** Field paths are echoed to help, but only so much of them. */
const pathTextMax = 100;

/**
 * One line for the officer (and the developer): which field, what is wrong.
 * @example describeIssue({ path: ['entries'], message: 'ส่งได้ครั้งละไม่เกิน 500 รายการ' })
 *   // 'ช่อง "entries": ส่งได้ครั้งละไม่เกิน 500 รายการ'
 */
export function describeIssue(issue: Pick<z.core.$ZodIssue, 'path' | 'message'>): string {
  const path = issue.path.map(String).join('.').slice(0, pathTextMax);
  return path === '' ? issue.message : `ช่อง "${path}": ${issue.message}`;
}
