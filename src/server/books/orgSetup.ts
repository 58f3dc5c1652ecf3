/**
 * An organisation's setup: its chart of accounts (the latest version loaded, else the domain's default
 * chart) and its money rules (else the defaults). Read by every push and by GET /api/v1/setup; written
 * only by the admin CLI. What is written was validated by the domain first, and what is read back is
 * validated again: a row that no longer parses is a bug or a hand edit, and fails loudly.
 */
import { z } from 'zod';
import { accountSchema, type Account } from '../../domain/chart/account';
import type { Chart } from '../../domain/chart/chart';
import { defaultChart } from '../../domain/chart/defaultChart';
import { moneyRulesDefault, moneyRulesSchema, type MoneyRules } from '../../domain/moneyRules';
import type { Clock } from '../clock';
import type { Queryable } from '../db';
import { sqlInt } from '../sqlInt';

/** The chart and rules an organisation's entries are checked with. */
export interface OrgSetup {
  chart: Chart;
  rules: MoneyRules;
}

const accountsSchema = z.array(accountSchema);

/**
 * The organisation's chart and rules, defaults where none were loaded: two indexed reads.
 * @example const { chart, rules } = await loadOrgSetup(tx, orgId);
 */
export async function loadOrgSetup(db: Queryable, orgId: string): Promise<OrgSetup> {
  return { chart: await loadOrgChart(db, orgId), rules: await loadOrgRules(db, orgId) };
}

/** The latest chart version loaded for the organisation, or the default chart. */
export async function loadOrgChart(db: Queryable, orgId: string): Promise<Chart> {
  const { rows } = await db.query<{ version_label: string; accounts: unknown }>(
    'SELECT version_label, accounts FROM org_charts WHERE org_id = $1 ORDER BY version DESC LIMIT 1',
    [orgId],
  );
  const row = rows[0];
  if (!row) return defaultChart;
  return { versionLabel: row.version_label, accounts: accountsSchema.parse(row.accounts) as Account[] };
}

/** The organisation's money rules, or the defaults. */
export async function loadOrgRules(db: Queryable, orgId: string): Promise<MoneyRules> {
  const { rows } = await db.query<{ rules: unknown }>('SELECT rules FROM org_rules WHERE org_id = $1', [orgId]);
  const row = rows[0];
  return row ? (moneyRulesSchema.parse(row.rules) as MoneyRules) : moneyRulesDefault;
}

/**
 * Stores a chart (already validated by parseChartCsv) as the organisation's next version; returns it.
 * Entries are not touched: they keep the codes they were posted with.
 * @example await saveOrgChart(tx, orgId, chart, clock) // 2
 */
export async function saveOrgChart(db: Queryable, orgId: string, chart: Chart, clock: Clock): Promise<number> {
  const { rows } = await db.query<{ version: unknown }>(
    `INSERT INTO org_charts (org_id, version, version_label, accounts, loaded_at)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3::text::jsonb, $4 FROM org_charts WHERE org_id = $1
     RETURNING version`,
    [orgId, chart.versionLabel, JSON.stringify(chart.accounts), clock.now().toISOString()],
  );
  return sqlInt(rows[0]?.version);
}

/** Stores the organisation's money rules (already validated with moneyRulesSchema), replacing any before. */
export async function saveOrgRules(db: Queryable, orgId: string, rules: MoneyRules, clock: Clock): Promise<void> {
  await db.query(
    `INSERT INTO org_rules (org_id, rules, updated_at) VALUES ($1, $2::text::jsonb, $3)
     ON CONFLICT (org_id) DO UPDATE SET rules = EXCLUDED.rules, updated_at = EXCLUDED.updated_at`,
    [orgId, JSON.stringify(rules), clock.now().toISOString()],
  );
}
