/** Dates on forms: the fiscal year a typed B.E. date falls in, for the accounts and lines on offer. */
import { bangkokDateOf, fiscalYearOf, parseBeDate } from '../domain/thaiDate';

/**
 * The fiscal year of the typed date, or of today while the date is not (yet) a real one.
 * @example fiscalYearOfForm('01/10/2566') // 2567
 */
export function fiscalYearOfForm(dateBe: string, nowMs: number = Date.now()): number {
  const parsed = parseBeDate(dateBe);
  return fiscalYearOf(parsed.ok ? parsed.iso : bangkokDateOf(nowMs));
}

