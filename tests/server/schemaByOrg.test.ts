/**
 * The schema is partitioned by organisation (DESIGN.md §6): every primary key and every unique index
 * of every table starts with org_id, so the tables can be distributed by organisation (Citus) and each
 * push's transaction stays on one shard. Read from the catalog (pg_index), on both databases, after
 * every migration (`orgs` passes too: org_id is its whole key). Exempt, with its reason:
 * `schema_migrations`, the server's own bookkeeping, holding no organisation's data (Citus keeps it as a
 * local table). Plain (non-unique) lookups by token or code hash alone are allowed: they constrain nothing.
 */
import { describe, expect, it } from 'vitest';
import { openServerFixture, serverBackends } from './helpers';

const exempt: Record<string, string> = {
  schema_migrations: 'bookkeeping of applied migrations, no organisation data',
};

interface KeyIndex {
  table_name: string;
  index_name: string;
  first_column: string;
  is_primary: boolean;
}

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend, { perTest: false });

  it('starts every primary key and unique index with org_id', async () => {
    const { rows } = await fx.server.db.query<KeyIndex>(
      `SELECT c.relname AS table_name, i.relname AS index_name, a.attname AS first_column, x.indisprimary AS is_primary
         FROM pg_index x
         JOIN pg_class c ON c.oid = x.indrelid
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
        WHERE n.nspname = current_schema() AND (x.indisprimary OR x.indisunique)
        ORDER BY 1, 2`,
    );
    const checked = rows.filter((r) => !(r.table_name in exempt));
    // The catalog was really read: the tables known to exist are among those checked.
    expect(new Set(checked.map((r) => r.table_name))).toEqual(
      new Set(['orgs', 'enrolment_codes', 'devices', 'entries', 'receipt_numbers', 'budget_lines', 'budget_effects', 'cancellations', 'org_charts', 'org_rules']),
    );
    const offenders = checked.filter((r) => r.first_column !== 'org_id').map((r) => `${r.table_name}.${r.index_name} (${r.first_column})`);
    expect(offenders).toEqual([]);
  });

  it('gives every table a primary key', async () => {
    const { rows } = await fx.server.db.query<{ table_name: string }>(
      `SELECT t.table_name FROM information_schema.tables t
        WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints k
                           WHERE k.table_schema = t.table_schema AND k.table_name = t.table_name AND k.constraint_type = 'PRIMARY KEY')`,
    );
    expect(rows).toEqual([]);
  });
});
