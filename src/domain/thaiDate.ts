/**
 * Dates. Stored as ISO `YYYY-MM-DD` in the Common Era; shown, typed and printed in the Buddhist Era
 * (พ.ศ. = ค.ศ. + 543) only at the edges. Converting in one place avoids the classic "+543 twice" bug.
 */
export type IsoDate = string;

export const buddhistEraOffset = 543;

/** The range of B.E. years an officer may plausibly type; anything else is a typo (e.g. 2067, 25677). */
export const beYearMin = 2500;
export const beYearMax = 2700;

export type ParsedDate = { ok: true; iso: IsoDate } | { ok: false; messageTh: string };

function daysInMonth(ceYear: number, month: number): number {
  if (month === 2) {
    const leap = (ceYear % 4 === 0 && ceYear % 100 !== 0) || ceYear % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `text` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/**
 * Reads a B.E. date as officers write it.
 * @example parseBeDate('16/01/2567') // { ok: true, iso: '2024-01-16' }
 * @example parseBeDate('31/02/2567') // { ok: false, messageTh: 'วันที่ 31/02/2567 ไม่มีอยู่จริง' }
 */
export function parseBeDate(text: string): ParsedDate {
  const t = text.trim();
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) {
    return { ok: false, messageTh: `วันที่ "${t}" ต้องอยู่ในรูป วว/ดด/ปปปป (พ.ศ.) เช่น 16/01/2567` };
  }
  const [d, mo, beYear] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (beYear < beYearMin || beYear > beYearMax) {
    return { ok: false, messageTh: `ปี พ.ศ. ${beYear} ไม่ถูกต้อง (ต้องอยู่ระหว่าง ${beYearMin}–${beYearMax})` };
  }
  const ceYear = beYear - buddhistEraOffset;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(ceYear, mo)) {
    return { ok: false, messageTh: `วันที่ ${t} ไม่มีอยู่จริง` };
  }
  return { ok: true, iso: `${ceYear}-${pad2(mo)}-${pad2(d)}` };
}

/**
 * Writes an ISO date as the B.E. `dd/mm/bbbb` officers expect.
 * @example formatBeDate('2024-01-16') // '16/01/2567'
 */
export function formatBeDate(iso: IsoDate): string {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  const [y, mo, d] = iso.split('-');
  return `${d}/${mo}/${Number(y) + buddhistEraOffset}`;
}

/**
 * The fiscal year (ปีงบประมาณ, 1 Oct – 30 Sep) a date falls in, named by the B.E. year in which it ends.
 * @example fiscalYearOf('2023-10-01') // 2567
 * @example fiscalYearOf('2024-09-30') // 2567
 */
export function fiscalYearOf(iso: IsoDate): number {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO date: ${iso}`);
  const ceYear = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  return ceYear + buddhistEraOffset + (month >= 10 ? 1 : 0);
}

/** First and last day (ISO) of a B.E. fiscal year. */
export function fiscalYearRange(fiscalYearBe: number): { first: IsoDate; last: IsoDate } {
  const endCe = fiscalYearBe - buddhistEraOffset;
  return { first: `${endCe - 1}-10-01`, last: `${endCe}-09-30` };
}

/** Thailand has no daylight saving: Bangkok is always UTC+7. */
const bangkokOffsetMs = 7 * 60 * 60 * 1000;

/** The calendar date in Thailand at an instant, whatever the PC's time zone. */
export function bangkokDateOf(epochMs: number): IsoDate {
  return new Date(epochMs + bangkokOffsetMs).toISOString().slice(0, 10);
}

/** The ISO date `n` days after (before, if negative) `date`. @example shiftIsoDate('2024-02-28', 2) // '2024-03-01' */
export function shiftIsoDate(date: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
