/**
 * Dates as written on Thai official paper: "16 มกราคม พ.ศ. 2567" (DOMAIN.md §8.2), from ISO dates.
 */
import { buddhistEraOffset, isIsoDate, type IsoDate } from '../../domain/thaiDate';

export const thaiMonthNames = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
] as const;

/** @example thaiLongDate('2024-01-16') // '16 มกราคม พ.ศ. 2567' */
export function thaiLongDate(iso: IsoDate): string {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${thaiMonthNames[m - 1]} พ.ศ. ${y + buddhistEraOffset}`;
}
