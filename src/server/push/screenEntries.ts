/**
 * The first half of a push, pure: each entry is checked on its own with the domain's `checkEntry`
 * (schema, lines re-derived, balance, hash) and against the calling device. An entry that fails is
 * rejected alone with a Thai reason; the others go on to the database (postEntries.ts).
 */
import { checkEntry, type Entry } from '../../domain/entry';
import type { PushResult } from '../../sync/protocol';
import type { DeviceIdentity } from '../auth';

/** An entry fit to be written: its position in the request, the checked entry and the body as received. */
export interface Candidate {
  index: number;
  entry: Entry;
  /** The entry exactly as it arrived, stored as is so its hash can be re-verified later. */
  raw: Record<string, unknown>;
}

/** An entry fit to be written, or its rejection. */
export type Screened = { outcome: 'candidate'; candidate: Candidate } | { outcome: 'rejected'; result: PushResult };

/** Ids are echoed in results so the client can match them; a non-id is cut short. */
const echoedIdLengthMax = 64;

/**
 * Screens every entry of a push, in request order.
 * @example screenEntries(body.entries, { orgId, deviceId }) // [{ outcome: 'candidate', … }, …]
 */
export function screenEntries(raws: readonly Record<string, unknown>[], device: DeviceIdentity): Screened[] {
  return raws.map((raw, index) => screenOne(raw, index, device));
}

function screenOne(raw: Record<string, unknown>, index: number, device: DeviceIdentity): Screened {
  const id = typeof raw.id === 'string' ? raw.id.slice(0, echoedIdLengthMax) : '';
  const rejected = (code: string, message: string): Screened => ({
    outcome: 'rejected',
    result: { id, outcome: 'rejected', code, message },
  });
  const check = checkEntry(raw);
  if (check.outcome === 'invalid') return rejected(check.code, check.messageTh);
  const { entry } = check;
  if (entry.orgId !== device.orgId) {
    return rejected('wrong_org', 'รายการนี้เป็นของหน่วยงานอื่น เครื่องนี้ส่งได้เฉพาะรายการของหน่วยงานที่ลงทะเบียนไว้');
  }
  if (entry.deviceId !== device.deviceId) {
    return rejected('wrong_device', 'รายการนี้บันทึกจากเครื่องอื่น ต้องส่งจากเครื่องที่บันทึกรายการนั้น');
  }
  // PostgreSQL text and jsonb cannot hold NUL or a lone UTF-16 surrogate; one such entry would fail the
  // whole batch's INSERT forever, so it is refused alone here instead.
  if (hasUnstorableText(raw, 0)) {
    return rejected('malformed', 'รายการมีอักขระพิเศษที่บันทึกไม่ได้ (อักขระควบคุมหรืออักขระเสีย) กรุณาแก้ข้อความแล้วบันทึกใหม่');
  }
  return { outcome: 'candidate', candidate: { index, entry, raw } };
}

/** A checked entry is a few levels deep (entry → doc/lines → line); anything deeper was refused already. */
const depthMax = 8;

function hasUnstorableText(value: unknown, depth: number): boolean {
  if (depth > depthMax) return true;
  if (typeof value === 'string') return /\u0000|\p{Cs}/u.test(value);
  if (Array.isArray(value)) return value.some((v) => hasUnstorableText(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => hasUnstorableText(k, depth) || hasUnstorableText(v, depth + 1));
  }
  return false;
}
