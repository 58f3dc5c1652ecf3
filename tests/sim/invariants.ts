/**
 * What must hold after every step of the simulation, and what must hold once it has wound down.
 * Each check returns the violations it found, as sentences naming entries by their trace labels.
 *
 * After every step:
 * - server: no entry id twice, no (device, seq) twice (one document posted under two ids is posted
 *   twice too), server sequences exactly 1..last_server_seq, every row one a device recorded with
 *   that hash, and Σdebit = Σcredit over the organisation's journal lines (SQL over the bodies);
 * - each device: every entry the officer recorded is still there with its hash (nothing lost on the
 *   PC); none rejected or in conflict (the sim records only valid entries); every `posted` one is on
 *   the server with the same hash and server sequence (posted means the server has it), except the
 *   entries a restore took from the server, until the digest check has re-queued them (`Excused`);
 *   Σdebit = Σcredit in its
 *   per-account day totals (the books' cache) and over its counting entries' lines.
 * At the end (faults off, drains run to quiescence): every recorded entry is posted and on the server
 * exactly once with an equal hash, and the server holds nothing else of the organisation.
 */
import type { SamutDb } from '../../src/store/db';
import { countsInBooks, type StoredEntry } from '../../src/store/storedEntry';
import type { SimDevice } from './device';
import type { SimServer } from './simServer';

interface ServerRow {
  id: string;
  device_id: string;
  seq: number;
  hash: string;
  server_seq: number;
}

export interface ServerView {
  rows: Map<string, ServerRow>;
  violations: string[];
}

/** Reads the organisation's entries from the server and checks what holds on the server alone. */
export async function checkServer(server: SimServer, devices: readonly SimDevice[]): Promise<ServerView> {
  const violations: string[] = [];
  // One round trip (it runs after every step): the rows, last_server_seq, and Σdebit/Σcredit over the lines.
  const { rows: found } = await server.db.query<{ last: number; debit: string; credit: string; rows: ServerRow[] }>(
    `SELECT o.last_server_seq::int AS last,
            (SELECT coalesce(sum((l->>'debitSatang')::bigint), 0)::text
               FROM entries e, jsonb_array_elements(e.body->'lines') AS l WHERE e.org_id = o.org_id) AS debit,
            (SELECT coalesce(sum((l->>'creditSatang')::bigint), 0)::text
               FROM entries e, jsonb_array_elements(e.body->'lines') AS l WHERE e.org_id = o.org_id) AS credit,
            coalesce((SELECT json_agg(json_build_object('id', id, 'device_id', device_id, 'seq', seq, 'hash', hash, 'server_seq', server_seq)
                                      ORDER BY server_seq)
                        FROM entries WHERE org_id = o.org_id), '[]'::json) AS rows
       FROM orgs o WHERE o.org_id = $1`,
    [server.orgId],
  );
  const summary = found[0];
  if (!summary) throw new Error(`the sim's organisation ${server.orgId} is gone`);
  const rows = summary.rows;
  const byId = new Map<string, ServerRow>();
  const byDeviceSeq = new Set<string>();
  const labelOf = (r: ServerRow): string => devices.find((d) => d.enrolment.deviceId === r.device_id)?.labelOf(r.id) ?? `?${r.id}`;
  for (const r of rows) {
    if (byId.has(r.id)) violations.push(`server holds ${labelOf(r)} twice`);
    byId.set(r.id, r);
    const key = `${r.device_id}/${r.seq}`;
    if (byDeviceSeq.has(key)) violations.push(`server holds seq ${r.seq} of device ${r.device_id} twice (${labelOf(r)}): one document posted twice`);
    byDeviceSeq.add(key);
    const recorded = devices.flatMap((d) => (d.enrolment.deviceId === r.device_id ? [d.ledger.get(r.id)] : []))[0];
    if (!recorded) violations.push(`server holds ${labelOf(r)}, which no device recorded`);
    else if (recorded.hash !== r.hash) violations.push(`server holds ${recorded.label} with another hash`);
  }
  rows.forEach((r, i) => {
    if (r.server_seq !== i + 1) violations.push(`server sequence ${i + 1} missing or out of place (found ${r.server_seq})`);
  });
  if (rows.length !== summary.last) violations.push(`server holds ${rows.length} entries but last_server_seq is ${summary.last}`);
  if (summary.debit !== summary.credit) violations.push(`server books unbalanced: Σdebit ${summary.debit} ≠ Σcredit ${summary.credit}`);
  return { rows: byId, violations };
}

/**
 * Entries a restore took from the server although a PC held them as posted, per PC: excused from
 * "posted ⇒ on the server" until they are pending again (the digest check re-queued them) or back
 * on the server; then the excuse ends, so it cannot hide a later loss.
 */
export type Excused = Map<SimDevice, Set<string>>;

/** Checks one device against its ledger and the server's rows. */
export async function checkDevice(device: SimDevice, server: ServerView, excused: Set<string> = new Set()): Promise<string[]> {
  const violations: string[] = [];
  const db = device.anyTab.db;
  const stored = new Map((await db.entries.toArray()).map((e) => [e.id, e]));
  for (const entry of device.ledger.values()) {
    const row = stored.get(entry.id);
    if (!row) {
      violations.push(`${entry.label} is lost on ${device.label}`);
      continue;
    }
    if (row.hash !== entry.hash) violations.push(`${entry.label} changed its hash on ${device.label}`);
    if (row.state === 'rejected' || row.state === 'conflict') {
      violations.push(`${entry.label} is ${row.state} on ${device.label}: ${row.syncMessage ?? ''}`);
    }
    const onServer = server.rows.get(entry.id);
    if (excused.has(entry.id) && (row.state === 'pending' || onServer)) excused.delete(entry.id);
    if (row.state === 'posted') {
      if (!onServer) {
        if (!excused.has(entry.id)) violations.push(`${entry.label} is posted on ${device.label} but not on the server`);
      } else if (onServer.server_seq !== row.serverSeq) {
        violations.push(`${entry.label} is posted on ${device.label} as server seq ${row.serverSeq}, the server has ${onServer.server_seq}`);
      }
    }
  }
  if (stored.size !== device.ledger.size) violations.push(`${device.label} holds ${stored.size} entries, the officer recorded ${device.ledger.size}`);
  violations.push(...(await checkDeviceBalance(device.label, db, [...stored.values()])));
  return violations;
}

async function checkDeviceBalance(label: string, db: SamutDb, entries: StoredEntry[]): Promise<string[]> {
  const violations: string[] = [];
  let debit = 0;
  let credit = 0;
  for (const row of await db.accountDayTotals.toArray()) {
    debit += row.debitSatang;
    credit += row.creditSatang;
  }
  if (debit !== credit) violations.push(`${label} day totals unbalanced: Σdebit ${debit} ≠ Σcredit ${credit}`);
  let linesDebit = 0;
  let linesCredit = 0;
  for (const e of entries) {
    if (!countsInBooks(e.state)) continue;
    for (const l of e.lines) {
      linesDebit += l.debitSatang;
      linesCredit += l.creditSatang;
    }
  }
  if (linesDebit !== linesCredit) violations.push(`${label} entries unbalanced: Σdebit ${linesDebit} ≠ Σcredit ${linesCredit}`);
  return violations;
}

/** Every step: the server, then each device against it. */
export async function checkStep(server: SimServer, devices: readonly SimDevice[], excused: Excused = new Map()): Promise<string[]> {
  const view = await checkServer(server, devices);
  const violations = [...view.violations];
  for (const d of devices) violations.push(...(await checkDevice(d, view, excused.get(d))));
  return violations;
}

/** At the end, after quiescence: everything recorded is posted, on the server exactly once. */
export async function checkFinal(server: SimServer, devices: readonly SimDevice[]): Promise<string[]> {
  const view = await checkServer(server, devices);
  const violations = [...view.violations];
  let recorded = 0;
  for (const d of devices) {
    violations.push(...(await checkDevice(d, view)));
    const rows = await d.anyTab.db.entries.toArray();
    for (const row of rows) if (row.state !== 'posted') violations.push(`${d.labelOf(row.id)} is still ${row.state} on ${d.label} at the end`);
    for (const e of d.ledger.values()) {
      recorded += 1;
      if (!view.rows.has(e.id)) violations.push(`${e.label} never reached the server`);
    }
  }
  if (view.rows.size !== recorded) violations.push(`the server holds ${view.rows.size} entries, the devices recorded ${recorded}`);
  return violations;
}
