/**
 * Server ingest: N receipts of one device pushed through the server's whole push path, on PGlite and on
 * PostgreSQL 15 (a throwaway cluster, tests/server/postgresCluster.ts), beside the SAME rows written by
 * one bulk statement into a fresh database with the same migrations: the limit of the database itself.
 *
 * Push path: createApp + app.request (no socket), sequential pushes of 200 (drain's batchSizeDefault),
 * one device; the device rate limit is lifted (policy, not cost). Each push: auth lookup, rate and
 * admission, body read + zod, checkEntry per entry (validate, derive lines, re-hash), the books gate
 * (org row lock, stored ids, receipt numbers taken), one INSERT of the entries, one of the derived
 * rows, last_server_seq, the Σdebit = Σcredit read-back, COMMIT, the JSON answer.
 *
 * Bulk: the org and device rows copied from the push database (same ids), then ONE statement (CTEs): the
 * entries rows (same id, device_id, seq, kind, date, hash, body, server_seq), their derived rows made by
 * the server's own DerivedRows (receipts: receipt_numbers), and orgs.last_server_seq — in one transaction
 * of its own. Nothing is checked or hashed. JSON is built before the clock starts; parsing it in the
 * database is timed. Both databases are then compared row for row (md5 over the entries and receipt
 * numbers, received_at aside).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Entry } from '../../../src/domain/entry';
import { createApp } from '../../../src/server/app';
import { DerivedRows } from '../../../src/server/books/derivedRows';
import { systemClock } from '../../../src/server/clock';
import type { Db } from '../../../src/server/db';
import { ensureDemoOrg, issueEnrolmentCode } from '../../../src/server/demoOrg';
import { migrate } from '../../../src/server/migrate';
import { openPglite } from '../../../src/server/pglite';
import { openPostgres } from '../../../src/server/postgres';
import { batchSizeDefault } from '../../../src/sync/drain';
import { apiPaths, enrollResponseSchema, protocolVersion, pushResponseSchema } from '../../../src/sync/protocol';
import { EntryMaker } from '../../server/builders';
import { fmt, seconds } from './figures';

const entryCount = 20_000;

interface Backend {
  label: string;
  /** A new, empty database of this backend. */
  open(name: string): Promise<Db>;
}

/** `adminUrl`: the throwaway PostgreSQL cluster's (tests/server/postgresCluster.ts). */
export async function benchIngest(adminUrl: string): Promise<void> {
  console.log(`\ningest: ${fmt(entryCount)} receipts of one device, pushes of ${batchSizeDefault} through the server's push path ` +
    `(createApp + app.request) vs the same rows by one bulk INSERT … SELECT FROM jsonb_to_recordset`);
  const folders: string[] = [];
  const pglite: Backend = {
    label: 'PGlite',
    async open() {
      const dir = await mkdtemp(join(tmpdir(), 'samut-ingest-'));
      folders.push(dir);
      return openPglite(dir);
    },
  };
  try {
    await ingestOn(pglite);
  } finally {
    for (const d of folders) await rm(d, { recursive: true, force: true });
  }

  await ingestOn({ label: 'PostgreSQL', open: async (name) => openPostgres(await createDatabase(adminUrl, name)) });
}

/** Creates database `name` in the cluster of `adminUrl` (its `postgres` database); resolves to its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

async function ingestOn(backend: Backend): Promise<void> {
  const pushDb = await backend.open('samut_ingest_push');
  const bulkDb = await backend.open('samut_ingest_bulk');
  try {
    await migrate(pushDb);
    await migrate(bulkDb);
    const demo = await ensureDemoOrg(pushDb, systemClock);
    if (!demo.created) throw new Error('a fresh database must get the demo organisation');
    const app = createApp({ db: pushDb, clock: systemClock, limits: { devicePushBurst: 1_000_000, devicePushesPerSecond: 1_000_000 } });
    const { code } = await issueEnrolmentCode(pushDb, demo.orgId, systemClock);
    const enrolRes = await app.request(apiPaths.enroll, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'ingest' }),
    });
    if (enrolRes.status !== 200) throw new Error(`enrolment failed: ${enrolRes.status} ${await enrolRes.text()}`);
    const device = enrollResponseSchema.parse(await enrolRes.json());
    const make = new EntryMaker({ orgId: device.orgId, deviceId: device.deviceId });
    const entries: Entry[] = Array.from({ length: entryCount }, () => make.receipt());

    // 1. The push path.
    const pushStarted = performance.now();
    for (let i = 0; i < entries.length; i += batchSizeDefault) {
      const res = await app.request(apiPaths.entries, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
        body: JSON.stringify({ protocol: protocolVersion, deviceId: device.deviceId, entries: entries.slice(i, i + batchSizeDefault) }),
      });
      if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
      const results = pushResponseSchema.parse(await res.json()).results;
      const notPosted = results.filter((r) => r.outcome !== 'posted');
      if (notPosted.length > 0) throw new Error(`push: ${JSON.stringify(notPosted[0])}`);
    }
    const pushMs = performance.now() - pushStarted;

    // 2. The same rows by one statement, into a fresh database holding the same org and device rows.
    await copyRows(pushDb, bulkDb, 'orgs', ['org_id', 'name', 'created_at']);
    await copyRows(pushDb, bulkDb, 'devices', ['org_id', 'device_id', 'name', 'token_hash', 'created_at']);
    await bulkDb.query('UPDATE orgs SET last_server_seq = 0');
    const derived = new DerivedRows();
    for (const e of entries) derived.add(e);
    if (derived.budgetLines.length + derived.budgetEffects.length + derived.cancellations.length > 0) {
      throw new Error('receipts derive receipt numbers only; extend the bulk statement for other kinds');
    }
    const entryRows = JSON.stringify(
      entries.map((e, i) => ({ id: e.id, device_id: e.deviceId, seq: e.seq, kind: e.kind, date: e.date, hash: e.hash, body: e, server_seq: i + 1 })),
    );
    const receiptRows = JSON.stringify(derived.receiptNumbers);
    const bulkStarted = performance.now();
    await bulkDb.transaction(async (tx) => {
      await tx.query(
        `WITH e AS (
           INSERT INTO entries (org_id, id, device_id, seq, kind, date, hash, body, server_seq, received_at)
           SELECT $1::uuid, r.id, r.device_id, r.seq, r.kind, r.date, r.hash, r.body, r.server_seq, $4::timestamptz
             FROM jsonb_to_recordset($2::text::jsonb)
               AS r(id uuid, device_id uuid, seq bigint, kind text, date date, hash text, body jsonb, server_seq bigint)
           RETURNING 1
         ), n AS (
           INSERT INTO receipt_numbers (org_id, book_no, receipt_no, entry_id)
           SELECT $1::uuid, r.book_no, r.receipt_no, r.entry_id
             FROM jsonb_to_recordset($3::text::jsonb) AS r(book_no text, receipt_no integer, entry_id uuid)
           RETURNING 1
         )
         UPDATE orgs SET last_server_seq = (SELECT count(*) FROM e) WHERE org_id = $1`,
        [device.orgId, entryRows, receiptRows, new Date().toISOString()],
      );
    });
    const bulkMs = performance.now() - bulkStarted;

    const [a, b] = [await fingerprint(pushDb), await fingerprint(bulkDb)];
    const same = JSON.stringify(a) === JSON.stringify(b);
    const pushRate = entryCount / (pushMs / 1000);
    const bulkRate = entryCount / (bulkMs / 1000);
    console.log(`  ${backend.label}: push path ${seconds(pushMs)} = ${fmt(pushRate)} entries/s (${entryCount / batchSizeDefault} pushes); ` +
      `bulk statement ${seconds(bulkMs)} = ${fmt(bulkRate)} entries/s; push path at ${((100 * pushRate) / bulkRate).toFixed(0)}% of the limit ` +
      `(bulk ${(bulkRate / pushRate).toFixed(1)}x faster)`);
    console.log(`    same rows: ${same ? 'YES' : 'NO'} — entries ${fmt(a.entries)} / ${fmt(b.entries)}, receipt_numbers ${fmt(a.receipts)} / ${fmt(b.receipts)}, ` +
      `last_server_seq ${fmt(a.lastSeq)} / ${fmt(b.lastSeq)}, md5 of entries ${a.entriesMd5.slice(0, 8)} / ${b.entriesMd5.slice(0, 8)}`);
  } finally {
    await pushDb.close();
    await bulkDb.close();
  }
}

async function copyRows(from: Db, to: Db, table: string, columns: string[]): Promise<void> {
  const { rows } = await from.query<Record<string, unknown>>(`SELECT ${columns.join(', ')} FROM ${table}`);
  for (const row of rows) {
    await to.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      columns.map((c) => row[c]),
    );
  }
}

/** What both databases must agree on (received_at aside: the moment differs). */
async function fingerprint(db: Db) {
  const { rows } = await db.query<{ entries: number; entries_md5: string; receipts: number; receipts_md5: string; last_seq: number }>(
    `SELECT (SELECT count(*)::int FROM entries) AS entries,
            (SELECT md5(string_agg(concat_ws('|', org_id, id, device_id, seq, kind, date, hash, body::text, server_seq), ',' ORDER BY server_seq))
               FROM entries) AS entries_md5,
            (SELECT count(*)::int FROM receipt_numbers) AS receipts,
            (SELECT md5(string_agg(concat_ws('|', org_id, book_no, receipt_no, entry_id), ',' ORDER BY book_no, receipt_no))
               FROM receipt_numbers) AS receipts_md5,
            (SELECT max(last_server_seq)::int FROM orgs) AS last_seq`,
  );
  const r = rows[0]!;
  return { entries: r.entries, entriesMd5: r.entries_md5, receipts: r.receipts, receiptsMd5: r.receipts_md5, lastSeq: r.last_seq };
}
