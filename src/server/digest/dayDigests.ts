/**
 * The server's side of the per-day digest (DESIGN.md §4 Server data loss): for one device and a range of
 * business dates, each date's count and hash over the entries the server holds. Only accepted entries
 * are in `entries` (rejected and conflicting ones are never written), so only posted entries count.
 * One statement, grouped by date over the (org_id, device_id, date) index; the hash itself is computed
 * here with the same pure function the PC uses (src/sync/dayDigest.ts), never re-implemented in SQL.
 */
import type { Queryable } from '../db';
import { sqlInt } from '../sqlInt';
import { dayDigestOf, type DayDigest, type DigestItem } from '../../sync/dayDigest';

/**
 * The digests of `deviceId`'s entries dated `from`..`to` (both included), by date; dates without
 * entries are absent. The range is bounded by the caller (digestQuerySchema: ≤ 400 days).
 * @example await dayDigestsOf(db, orgId, deviceId, '2024-01-01', '2024-12-31') // [{ date, count, hash }, …]
 */
export async function dayDigestsOf(db: Queryable, orgId: string, deviceId: string, from: string, to: string): Promise<DayDigest[]> {
  // Plain text out (no arrays, no dates): both adapters return it unchanged. A single statement reads
  // one snapshot of committed rows, so a push committing meanwhile is either wholly in or wholly out.
  const { rows } = await db.query<{ date: string; n: unknown; items: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, count(*) AS n,
            string_agg(id::text || ' ' || hash, E'\\n' ORDER BY id) AS items
       FROM entries
      WHERE org_id = $1 AND device_id = $2 AND date BETWEEN $3::date AND $4::date
      GROUP BY date
      ORDER BY date`,
    [orgId, deviceId, from, to],
  );
  return rows.map((row) => {
    const items = row.items.split('\n').map(itemOf);
    // Paired assertion: the rows the database counted are the rows hashed.
    if (items.length !== sqlInt(row.n)) throw new Error(`digest of ${row.date}: ${items.length} items for ${String(row.n)} rows`);
    return dayDigestOf(row.date, items);
  });
}

function itemOf(line: string): DigestItem {
  const [id, hash, extra] = line.split(' ');
  if (id === undefined || hash === undefined || extra !== undefined) throw new Error(`bad digest line: ${line.slice(0, 200)}`);
  return { id, hash };
}
