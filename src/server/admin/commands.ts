/**
 * The administrator's commands about the books (chart, money rules, the list of organisations; those
 * about who may post are in accounts.ts), as functions over an open database (admin/cli.ts parses the command
 * line and opens the data folder; tests call these directly). Each validates its input with the domain
 * before writing anything, writes in one transaction, prints Thai lines, and answers an exit code:
 * 0 done · 1 refused or failed (nothing written) · 2 the command line itself is wrong (cli.ts).
 */
import { parseChartCsv } from '../../domain/chart/chartCsv';
import { rowErrorText } from '../../domain/csvTable';
import { moneyRulesSchema, type MoneyRules } from '../../domain/moneyRules';
import type { Clock } from '../clock';
import type { Db, Queryable } from '../db';
import { loadOrgRules, saveOrgChart, saveOrgRules } from '../books/orgSetup';
import { sqlInt } from '../sqlInt';
import { describeIssue, thaiIssueMessage } from '../zodThai';
import { findOrg } from './accounts';

/** Where a command prints: `out` for results, `err` for what went wrong. */
export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}

/** 0 done · 1 refused or failed, nothing written · 2 wrong command line. */
export type ExitCode = 0 | 1 | 2;

/** Codes of accounts used by posted entries but absent from a new chart are listed up to this many. */
const missingCodesShownMax = 20;

/**
 * Loads a chart of accounts from CSV text as the organisation's next chart version. Rows with errors
 * are listed ("แถว 5, คอลัมน์ ประเภท: …") and nothing is loaded. Posted entries are never rewritten; any
 * account they use that the new chart lacks is reported (new entries cannot use it any more).
 * @example await loadChart(db, clock, { orgId, csvText, label: 'ผังบัญชี ว 2431' }, io) // 0
 */
export async function loadChart(
  db: Db,
  clock: Clock,
  input: { orgId: string; csvText: string; label: string },
  io: AdminIo,
): Promise<ExitCode> {
  const label = input.label.trim();
  if (label.length < 1 || label.length > 200) {
    io.err('ชื่อรุ่นผังบัญชี (--label) ต้องยาว 1–200 ตัวอักษร');
    return 1;
  }
  const org = await findOrg(db, input.orgId, io);
  if (!org) return 1;
  const load = parseChartCsv(input.csvText, label);
  if (!load.ok) {
    for (const e of load.errors) io.err(rowErrorText(e));
    io.err(`โหลดผังบัญชีไม่สำเร็จ: พบข้อผิดพลาด ${load.errors.length} รายการ กรุณาแก้ไฟล์แล้วสั่งใหม่ (ยังไม่มีการบันทึกใด ๆ)`);
    return 1;
  }
  const { chart } = load;
  const { version, missing } = await db.transaction(async (tx) => ({
    version: await saveOrgChart(tx, org.orgId, chart, clock),
    missing: await postedAccountsMissingFrom(tx, org.orgId, new Set(chart.accounts.map((a) => a.code))),
  }));
  io.out(`โหลดผังบัญชี "${label}" เป็นรุ่นที่ ${version} ของ ${org.name} แล้ว (${chart.accounts.length} บัญชี) รายการที่บันทึกไว้แล้วไม่ถูกแก้ไข`);
  if (missing.length > 0) {
    const shown = missing.slice(0, missingCodesShownMax).join(', ');
    io.out(
      `หมายเหตุ: รายการที่บันทึกแล้วใช้รหัสบัญชีที่ไม่มีในผังรุ่นนี้ ${missing.length} รหัส: ${shown}${missing.length > missingCodesShownMax ? ' …' : ''} ` +
        '(รายการเดิมยังอยู่ครบ แต่รายการใหม่จะใช้รหัสเหล่านี้ไม่ได้)',
    );
  }
  return 0;
}

/**
 * Changes the organisation's money rules: the given fields replace the current ones (the defaults when
 * none were set), `null` removes an optional one (`{"booksClosedThrough": null}` reopens the books), and
 * the result must pass moneyRulesSchema as a whole.
 * @example await setRules(db, clock, { orgId, json: '{"booksClosedThrough":"2024-03-31"}' }, io) // 0
 */
export async function setRules(db: Db, clock: Clock, input: { orgId: string; json: string }, io: AdminIo): Promise<ExitCode> {
  let given: unknown;
  try {
    given = JSON.parse(input.json);
  } catch {
    io.err('ค่า --json ไม่ใช่ JSON ที่ถูกต้อง ตัวอย่าง: --json \'{"booksClosedThrough":"2024-03-31"}\'');
    return 1;
  }
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    io.err('ค่า --json ต้องเป็นออบเจกต์ JSON เช่น {"withholdingRateBasisPoints":100}');
    return 1;
  }
  const org = await findOrg(db, input.orgId, io);
  if (!org) return 1;
  return db.transaction(async (tx) => {
    const merged: Record<string, unknown> = { ...(await loadOrgRules(tx, org.orgId)), ...given };
    for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
    const parsed = moneyRulesSchema.safeParse(merged, { error: thaiIssueMessage });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) io.err(describeIssue(issue));
      io.err('ตั้งค่ากฎการเงินไม่สำเร็จ (ยังไม่มีการบันทึกใด ๆ)');
      return 1;
    }
    const rules = parsed.data as MoneyRules;
    await saveOrgRules(tx, org.orgId, rules, clock);
    io.out(`ตั้งค่ากฎการเงินของ ${org.name} แล้ว: ${JSON.stringify(rules)}`);
    return 0;
  });
}

/**
 * Lists the organisations: id, name, devices enrolled (not revoked), entries posted, current chart.
 * @example await listOrgs(db, io) // prints one tab-separated line per organisation
 */
export async function listOrgs(db: Queryable, io: AdminIo): Promise<ExitCode> {
  const { rows } = await db.query<{ org_id: string; name: string; devices: unknown; entries: unknown; chart: string | null }>(
    `SELECT o.org_id, o.name, o.last_server_seq AS entries,
            (SELECT count(*) FROM devices d WHERE d.org_id = o.org_id AND d.revoked_at IS NULL) AS devices,
            (SELECT c.version_label FROM org_charts c WHERE c.org_id = o.org_id ORDER BY c.version DESC LIMIT 1) AS chart
       FROM orgs o ORDER BY o.created_at, o.name`,
  );
  if (rows.length === 0) {
    io.out('ยังไม่มีหน่วยงาน (สร้างด้วยคำสั่ง create-org --name "…")');
    return 0;
  }
  io.out(['รหัสหน่วยงาน', 'ชื่อ', 'เครื่อง', 'รายการ', 'ผังบัญชี'].join('\t'));
  for (const r of rows) {
    io.out([r.org_id, r.name, sqlInt(r.devices), sqlInt(r.entries), r.chart ?? 'ผังบัญชีตั้งต้น'].join('\t'));
  }
  return 0;
}

/** Accounts that posted entries of the organisation post to, missing from `codes`, in code order. */
async function postedAccountsMissingFrom(tx: Queryable, orgId: string, codes: ReadonlySet<string>): Promise<string[]> {
  const { rows } = await tx.query<{ account: string }>(
    `SELECT DISTINCT l->>'account' AS account
       FROM entries e CROSS JOIN LATERAL jsonb_array_elements(e.body->'lines') AS l
      WHERE e.org_id = $1 ORDER BY 1`,
    [orgId],
  );
  return rows.map((r) => r.account).filter((a) => !codes.has(a));
}
