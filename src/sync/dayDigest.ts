/**
 * The per-day digest of posted entries (DESIGN.md §4 Server data loss): for one device and one business
 * date, how many entries and one hash over them. The PC computes it from its posted entries, the server
 * from the entries it holds; a day whose digests differ is sent again whole. Pure, shared by both ends,
 * so the two sides cannot drift apart in how they hash.
 *
 * Definition (protocol v1): take each entry as the line `<id> <hash>` (lowercase UUID, a space, the
 * entry's 64-hex SHA-256), sort the lines in UTF-16 code-unit order (= by id, ids being fixed-width
 * lowercase hex), join them with '\n' (no trailing newline), and take sha256Hex of that text.
 */
import { sha256Hex } from '../domain/entryHash';
import type { IsoDate } from '../domain/thaiDate';

/** What one entry contributes to its day's digest. */
export interface DigestItem {
  id: string;
  hash: string;
}

/** One day's digest as both ends compute it. */
export interface DayDigest {
  date: IsoDate;
  count: number;
  hash: string;
}

/**
 * The digest hash of one day's entries, whatever order they come in.
 * @example dayDigestHash([{ id: 'b…', hash: 'h2' }, { id: 'a…', hash: 'h1' }]) // sha256Hex('a… h1\nb… h2')
 */
export function dayDigestHash(items: readonly DigestItem[]): string {
  const lines = items.map((item) => `${item.id} ${item.hash}`);
  // Default sort: UTF-16 code-unit order, the same on every JS engine (no locale involved).
  lines.sort();
  return sha256Hex(lines.join('\n'));
}

/** One day's `{ date, count, hash }`. */
export function dayDigestOf(date: IsoDate, items: readonly DigestItem[]): DayDigest {
  return { date, count: items.length, hash: dayDigestHash(items) };
}

const dayMs = 86_400_000;

/** Days since 1970-01-01 of an ISO date (UTC: calendar arithmetic only). @example dayNumberOf('1970-01-02') // 1 */
export function dayNumberOf(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

/** The ISO date of a day number. @example isoDateOfDayNumber(1) // '1970-01-02' */
export function isoDateOfDayNumber(day: number): IsoDate {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. @example daysInRange('2024-01-01', '2024-01-31') // 31 */
export function daysInRange(from: IsoDate, to: IsoDate): number {
  return dayNumberOf(to) - dayNumberOf(from) + 1;
}

/**
 * Cuts `from..to` into consecutive ranges of at most `daysMax` days.
 * @example digestRanges('2024-01-01', '2024-01-05', 2) // [01..02], [03..04], [05..05]
 */
export function digestRanges(from: IsoDate, to: IsoDate, daysMax: number): { from: IsoDate; to: IsoDate }[] {
  if (!Number.isSafeInteger(daysMax) || daysMax < 1) throw new RangeError(`bad range length ${daysMax}`);
  const first = dayNumberOf(from);
  const last = dayNumberOf(to);
  const ranges: { from: IsoDate; to: IsoDate }[] = [];
  for (let start = first; start <= last; start += daysMax) {
    ranges.push({ from: isoDateOfDayNumber(start), to: isoDateOfDayNumber(Math.min(start + daysMax - 1, last)) });
  }
  return ranges;
}
