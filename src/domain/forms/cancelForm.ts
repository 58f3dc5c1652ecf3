/**
 * The ยกเลิก form: the officer picks an entry in the list, gives the date and the reason; the cancel
 * pins the target by id and hash. Its lines (the target's, reversed) are derived by the store.
 */
import { cancelDocSchema, type CancelDoc } from '../kinds/cancel';
import { formatBeDate, type IsoDate } from '../thaiDate';
import { ErrorCollector, pathMap, readDate, type FormResult } from './formResult';

export interface CancelFormInput {
  dateBe: string;
  reason: string;
}

/** The entry to cancel, as the list knows it. */
export interface CancelTarget {
  id: string;
  hash: string;
  date: IsoDate;
}

/**
 * @example readCancelForm({ dateBe: '20/01/2567', reason: 'เขียนชื่อผู้ชำระผิด' }, { id, hash, date: '2024-01-16' })
 *   // { ok: true, date: '2024-01-20', kind: 'cancel', doc: { targetId: id, targetHash: hash, reason: 'เขียนชื่อผู้ชำระผิด' } }
 */
export function readCancelForm(input: CancelFormInput, target: CancelTarget): FormResult<'cancel'> {
  const errors = new ErrorCollector();
  const date = readDate(input.dateBe, errors);
  if (date !== undefined && date < target.date) {
    errors.add('dateBe', `วันที่ยกเลิกต้องไม่ก่อนวันที่ของรายการเดิม (${formatBeDate(target.date)})`);
  }
  const parsed = cancelDocSchema.safeParse({ targetId: target.id, targetHash: target.hash, reason: input.reason });
  if (!parsed.success) errors.addIssues(parsed.error, cancelFieldOf);
  if (!errors.empty || date === undefined || !parsed.success) return { ok: false, errors: errors.errors };
  return { ok: true, date, kind: 'cancel', doc: parsed.data as CancelDoc };
}

/** The form field that shows a cancel document path; the target's own faults go to the form's top (''). */
export const cancelFieldOf = pathMap([
  [/^date$/, 'dateBe'],
  [/^reason$/, 'reason'],
  [/^(targetId|targetHash)$/, ''],
]);
