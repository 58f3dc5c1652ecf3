/**
 * The second half of a push: one transaction, a fixed handful of set-based statements whatever the
 * batch size (no per-entry round trips):
 *   1. lock the organisation row: pushes of one organisation are serialised, so server sequences are
 *      gap-free, an id cannot slip in between our read and our insert, and the books read in step 3
 *      cannot change before step 5 writes;
 *   2. read what is stored under the batch's ids;
 *   3. load the slice of the books the new entries read (booksGate.ts: setup, cancel targets, receipt
 *      numbers, budget lines, commitments);
 *   4. decide (decideOutcomes.ts), judging each new entry against the books in request order;
 *   5. insert the accepted entries in one statement, then their derived rows (books/derivedRows.ts);
 *   6. advance orgs.last_server_seq;
 *   7. read the inserted lines back and assert Σdebit = Σcredit (paired with checkEntry before).
 * Any failed assertion throws, so the transaction rolls back and nothing of the batch is kept.
 */
import type { PushResult } from '../../sync/protocol';
import type { Db, Queryable } from '../db';
import { sqlInt } from '../sqlInt';
import { insertDerivedRows } from '../books/derivedRows';
import { openBooksGate } from './booksGate';
import { decideOutcomes, type StoredEntry } from './decideOutcomes';
import type { Candidate } from './screenEntries';

/**
 * Writes the candidates of one organisation; resolves, after commit, to one result per candidate.
 * @example const results = await postEntries(db, orgId, candidates, clock.now());
 */
export async function postEntries(db: Db, orgId: string, candidates: readonly Candidate[], receivedAt: Date): Promise<PushResult[]> {
  if (candidates.length === 0) return [];
  return db.transaction(async (tx) => {
    const lastBefore = await lockOrg(tx, orgId);
    const stored = await storedEntries(tx, orgId, [...new Set(candidates.map((c) => c.entry.id))]);
    const gate = await openBooksGate(tx, orgId, candidates.filter((c) => !stored.has(c.entry.id)), receivedAt);
    const decision = decideOutcomes(candidates, stored, lastBefore, gate.judge);
    if (decision.inserts.length > 0) {
      await insertEntries(tx, orgId, decision.inserts, receivedAt);
      await insertDerivedRows(tx, orgId, gate.derived);
      await advanceServerSeq(tx, orgId, lastBefore, decision.lastServerSeq);
      await assertInsertedBalance(tx, orgId, lastBefore, decision.lastServerSeq);
    }
    return decision.results;
  });
}

async function lockOrg(tx: Queryable, orgId: string): Promise<number> {
  const { rows } = await tx.query<{ last_server_seq: unknown }>(
    'SELECT last_server_seq FROM orgs WHERE org_id = $1 FOR UPDATE',
    [orgId],
  );
  if (!rows[0]) throw new Error(`organisation ${orgId} of an authenticated device does not exist`);
  return sqlInt(rows[0].last_server_seq);
}

async function storedEntries(tx: Queryable, orgId: string, ids: string[]): Promise<Map<string, StoredEntry>> {
  const { rows } = await tx.query<{ id: string; hash: string; server_seq: unknown }>(
    'SELECT id, hash, server_seq FROM entries WHERE org_id = $1 AND id = ANY($2::uuid[])',
    [orgId, ids],
  );
  return new Map(rows.map((r) => [r.id, { hash: r.hash, serverSeq: sqlInt(r.server_seq) }]));
}

async function insertEntries(
  tx: Queryable,
  orgId: string,
  inserts: { candidate: Candidate; serverSeq: number }[],
  receivedAt: Date,
): Promise<void> {
  const records = inserts.map(({ candidate: { entry, raw }, serverSeq }) => ({
    id: entry.id,
    device_id: entry.deviceId,
    seq: entry.seq,
    kind: entry.kind,
    date: entry.date,
    hash: entry.hash,
    body: raw,
    server_seq: serverSeq,
  }));
  // One statement for the whole batch. `$2::text::jsonb`: the records travel as JSON text, which both
  // PGlite and node-postgres pass through unchanged. ON CONFLICT DO NOTHING is the last line of
  // defence of idempotency; with the org row locked it never fires, which the count below asserts.
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO entries (org_id, id, device_id, seq, kind, date, hash, body, server_seq, received_at)
     SELECT $1::uuid, r.id, r.device_id, r.seq, r.kind, r.date, r.hash, r.body, r.server_seq, $3::timestamptz
       FROM jsonb_to_recordset($2::text::jsonb)
         AS r(id uuid, device_id uuid, seq bigint, kind text, date date, hash text, body jsonb, server_seq bigint)
     ON CONFLICT (org_id, id) DO NOTHING
     RETURNING id`,
    [orgId, JSON.stringify(records), receivedAt.toISOString()],
  );
  if (rows.length !== records.length) {
    throw new Error(`inserted ${rows.length} of ${records.length} new entries: the org lock did not hold`);
  }
}

async function advanceServerSeq(tx: Queryable, orgId: string, lastBefore: number, lastAfter: number): Promise<void> {
  const { rows } = await tx.query(
    'UPDATE orgs SET last_server_seq = $3 WHERE org_id = $1 AND last_server_seq = $2 RETURNING org_id',
    [orgId, lastBefore, lastAfter],
  );
  if (rows.length !== 1) throw new Error(`last_server_seq of ${orgId} moved while its row was locked`);
}

/**
 * Reads the just-inserted entries' lines back from the database: the books must balance after writing
 * too. LEFT JOIN: budget entries (and cancels of them) have no lines but must still be counted.
 */
async function assertInsertedBalance(tx: Queryable, orgId: string, lastBefore: number, lastAfter: number): Promise<void> {
  const { rows } = await tx.query<{ debit: string; credit: string; entries: unknown }>(
    `SELECT coalesce(sum((l->>'debitSatang')::bigint), 0)::text AS debit,
            coalesce(sum((l->>'creditSatang')::bigint), 0)::text AS credit,
            count(DISTINCT e.id) AS entries
       FROM entries e LEFT JOIN LATERAL jsonb_array_elements(e.body->'lines') AS l ON true
      WHERE e.org_id = $1 AND e.server_seq > $2 AND e.server_seq <= $3`,
    [orgId, lastBefore, lastAfter],
  );
  const totals = rows[0];
  if (!totals || totals.debit !== totals.credit || sqlInt(totals.entries) !== lastAfter - lastBefore) {
    throw new Error(`inserted entries of ${orgId} do not balance: ${JSON.stringify(totals)}`);
  }
}
