/**
 * The node-postgres adapter keeps the Db contract as PGlite does: the same JS values for the same rows
 * (whatever the server's time zone), transactions on one connection that commit or roll back whole, a
 * connection that cannot roll back never reused, scripts applied all or nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/db';
import { migrate } from '../../src/server/migrate';
import { openPostgres, poolConnectionsMax } from '../../src/server/postgres';
import { freePort } from '../e2e/serverProcess';
import { serverBackends } from './helpers';
import { openEmptyDb, requireBackend } from './serverBackends';

const orgId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const deviceId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const entryId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d';

/** One organisation, device, entry and receipt number: every column type our migrations use. */
async function writeOneOfEach(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO orgs (org_id, name, created_at, last_server_seq) VALUES ($1, $2, $3, 1)', [
      orgId,
      'อบต.ทดสอบ',
      '2024-07-10T03:00:00.123Z',
    ]);
    await tx.query(`INSERT INTO devices (org_id, device_id, token_hash, created_at) VALUES ($1, $2, repeat('a', 64), now())`, [
      orgId,
      deviceId,
    ]);
    const body = { kind: 'receipt', payer: 'นาย ก', items: [{ account: '41100000', amountSatang: 1_234_567 }], note: null };
    await tx.query(
      `INSERT INTO entries (org_id, id, device_id, seq, kind, date, hash, body, server_seq, received_at)
       VALUES ($1, $2, $3, 7, 'receipt', '2024-01-16', repeat('b', 64), $4::text::jsonb, 1, '2024-07-10 10:00:00.123456+07')`,
      [orgId, entryId, deviceId, JSON.stringify(body)],
    );
    await tx.query(`INSERT INTO receipt_numbers (org_id, book_no, receipt_no, entry_id) VALUES ($1, '12', 34, $2)`, [orgId, entryId]);
  });
}

/** The row back, with aggregates as the server's queries compute them (count, sums, casts). */
async function readOneOfEach(db: Db): Promise<Record<string, unknown>> {
  const { rows } = await db.query(
    `SELECT o.org_id, o.name, o.created_at, o.last_server_seq, d.revoked_at,
            e.id, e.seq, e.kind, e.date, e.hash, e.body, e.server_seq, e.received_at,
            r.book_no, r.receipt_no,
            (SELECT count(*) FROM entries) AS entry_count,
            (SELECT sum(seq) FROM entries) AS seq_sum_numeric,
            (SELECT sum(seq)::bigint FROM entries) AS seq_sum,
            (SELECT sum(seq)::text FROM entries) AS seq_sum_text,
            9007199254740993::bigint AS beyond_2_53,
            e.body->'items' AS items, e.body->>'payer' AS payer, (e.body->'items'->0->>'amountSatang')::bigint AS amount,
            e.received_at::text AS received_text, e.date::text AS date_text, e.date - date '2024-01-01' AS days
       FROM orgs o JOIN devices d USING (org_id) JOIN entries e USING (org_id) JOIN receipt_numbers r ON r.entry_id = e.id`,
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe.skipIf(!serverBackends.includes('postgres'))('the PostgreSQL adapter', () => {
  let pglite: Db;
  let postgres: Db;
  const runnable = requireBackend('postgres');
  beforeAll(async () => {
    if (!runnable) return;
    [pglite, postgres] = await Promise.all([openEmptyDb('pglite'), openEmptyDb('postgres')]);
    await Promise.all([migrate(pglite), migrate(postgres)]);
  });
  afterAll(async () => {
    await Promise.all([pglite?.close(), postgres?.close()]);
  });

  it('reads the same row as the same JS values as PGlite, also on a server in Bangkok time', async () => {
    await writeOneOfEach(pglite);
    await writeOneOfEach(postgres);
    const tzBefore = process.env.TZ;
    process.env.TZ = 'Asia/Bangkok';
    try {
      // Node applies TZ at once: node-postgres's own date parser would now read local (Bangkok) midnight.
      expect(new Date(2024, 0, 16).toISOString()).toBe('2024-01-15T17:00:00.000Z');
      const fromPglite = await readOneOfEach(pglite);
      const fromPostgres = await readOneOfEach(postgres);
      expect(fromPostgres).toStrictEqual(fromPglite);
      expect(fromPostgres).toMatchObject({
        created_at: new Date('2024-07-10T03:00:00.123Z'),
        last_server_seq: 1,
        revoked_at: null,
        seq: 7,
        date: new Date('2024-01-16T00:00:00.000Z'),
        received_at: new Date('2024-07-10T03:00:00.123Z'),
        receipt_no: 34,
        entry_count: 1,
        seq_sum_numeric: '7',
        seq_sum: 7,
        beyond_2_53: 9007199254740993n,
        amount: 1_234_567,
        received_text: '2024-07-10 03:00:00.123456+00',
        date_text: '2024-01-16',
        days: 15,
      });
    } finally {
      if (tzBefore === undefined) delete process.env.TZ;
      else process.env.TZ = tzBefore;
    }
  });

  it('runs a transaction on one connection: its writes are unseen outside until COMMIT', async () => {
    const name = 'seen only after commit';
    const outsideDuring = await postgres.transaction(async (tx) => {
      await tx.query(`INSERT INTO orgs (org_id, name, created_at) VALUES (gen_random_uuid(), $1, now())`, [name]);
      expect((await tx.query('SELECT 1 FROM orgs WHERE name = $1', [name])).rows).toHaveLength(1);
      return (await postgres.query('SELECT 1 FROM orgs WHERE name = $1', [name])).rows.length;
    });
    expect(outsideDuring).toBe(0);
    expect((await postgres.query('SELECT 1 FROM orgs WHERE name = $1', [name])).rows).toHaveLength(1);
  });

  it('gives every connection back after failed transactions', async () => {
    for (let i = 0; i < poolConnectionsMax + 2; i++) {
      await expect(postgres.transaction(async (tx) => tx.query('SELECT 1/0'))).rejects.toThrow(/division by zero/);
    }
    const { rows } = await postgres.query<{ one: number }>('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('throws the work’s error and drops a connection that cannot roll back', async () => {
    const lost = postgres.transaction(async (tx) => {
      await tx.query(`INSERT INTO orgs (org_id, name, created_at) VALUES (gen_random_uuid(), 'lost', now())`);
      await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
    });
    await expect(lost).rejects.toThrow(/terminat/);
    expect((await postgres.query(`SELECT 1 FROM orgs WHERE name = 'lost'`)).rows).toHaveLength(0);
    // Every later transaction gets a live connection, so the broken one was not returned to the pool.
    for (let i = 0; i < poolConnectionsMax + 1; i++) {
      expect(await postgres.transaction(async (tx) => (await tx.query<{ n: number }>('SELECT 2 AS n')).rows[0]!.n)).toBe(2);
    }
  });

  it('refuses to open on a URL where nothing answers', async () => {
    await expect(openPostgres(`postgres://samut@127.0.0.1:${await freePort()}/samut`)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe.each(serverBackends)('the Db contract on %s', (backend) => {
  let db: Db;
  const runnable = requireBackend(backend);
  beforeAll(async () => {
    if (runnable) db = await openEmptyDb(backend);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.exec('CREATE TABLE t (n integer NOT NULL)');
    expect(await db.transaction(async (tx) => (await tx.query('INSERT INTO t VALUES (1) RETURNING n')).rows)).toEqual([{ n: 1 }]);
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (2)');
        throw new Error('refused by the work');
      }),
    ).rejects.toThrow('refused by the work');
    expect((await db.query('SELECT n FROM t')).rows).toEqual([{ n: 1 }]);
  });

  it('applies a script of several statements whole or not at all', async () => {
    await expect(db.exec('CREATE TABLE half (n integer); INSERT INTO half VALUES (1); SELECT 1/0;')).rejects.toThrow(/division by zero/);
    expect((await db.query(`SELECT to_regclass('half') IS NULL AS absent`)).rows).toEqual([{ absent: true }]);
    await db.exec('CREATE TABLE whole (n integer); INSERT INTO whole VALUES (1), (2);');
    expect((await db.query('SELECT count(*) AS n FROM whole')).rows).toEqual([{ n: 2 }]);
  });
});
