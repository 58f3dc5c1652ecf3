/**
 * Reads the slice of an organisation's books that a batch's rules need (BooksKeys → the parts of a
 * BooksSlice), with one or two set-based statements per part, whatever the batch size: never a query per entry.
 * The derived tables (migration 002) make each part an indexed lookup instead of a scan of the entries.
 */
import type { BooksKeys } from '../../domain/books/booksKeys';
import type { BudgetLineState, CommitmentState, EntryRecord } from '../../domain/books/booksLookup';
import type { BooksSlice } from '../../domain/books/inMemoryBooks';
import { emptyBudgetBalance, type BudgetColumn, type BudgetLineDef } from '../../domain/budget/budgetLine';
import { checkEntry } from '../../domain/entry';
import type { Queryable } from '../db';
import { sqlInt } from '../sqlInt';

/**
 * The registers of a BooksSlice that come from the database. Entries (cancel targets) are loaded apart,
 * first, by `loadEntryRecords`: the keys of a cancel's reversal are known only once its target is.
 */
export type StoredRegisters = Required<Pick<BooksSlice, 'receiptHolders' | 'budgetLines' | 'commitments'>>;

/**
 * Loads the receipt holders, budget lines with their balances, and commitments named by `keys`.
 * @example const registers = await loadStoredRegisters(tx, orgId, mergeBooksKeys(keys));
 */
export async function loadStoredRegisters(db: Queryable, orgId: string, keys: BooksKeys): Promise<StoredRegisters> {
  return {
    receiptHolders: await loadReceiptHolders(db, orgId, keys.receiptNumbers),
    budgetLines: await loadBudgetLines(db, orgId, keys.budgetLines),
    commitments: await loadCommitments(db, orgId, keys.commitmentIds),
  };
}

async function loadReceiptHolders(
  db: Queryable,
  orgId: string,
  numbers: BooksKeys['receiptNumbers'],
): Promise<StoredRegisters['receiptHolders']> {
  if (numbers.length === 0) return [];
  const { rows } = await db.query<{ book_no: string; receipt_no: unknown; entry_id: string }>(
    `SELECT r.book_no, r.receipt_no, r.entry_id
       FROM receipt_numbers r
       JOIN unnest($2::text[], $3::int[]) AS k(book_no, receipt_no)
         ON r.book_no = k.book_no AND r.receipt_no = k.receipt_no
      WHERE r.org_id = $1`,
    [orgId, numbers.map((n) => n.bookNo), numbers.map((n) => n.receiptNo)],
  );
  return rows.map((r) => ({ bookNo: r.book_no, receiptNo: sqlInt(r.receipt_no), entryId: r.entry_id }));
}

/** Each line's definition, and its register columns summed from budget_effects. */
async function loadBudgetLines(db: Queryable, orgId: string, lines: BooksKeys['budgetLines']): Promise<BudgetLineState[]> {
  if (lines.length === 0) return [];
  const params = [orgId, lines.map((l) => l.fiscalYear), lines.map((l) => l.code)];
  const defs = await db.query<{ fiscal_year: unknown; code: string; def: BudgetLineDef }>(
    `SELECT b.fiscal_year, b.code, b.def
       FROM budget_lines b
       JOIN unnest($2::int[], $3::text[]) AS k(fiscal_year, code) ON b.fiscal_year = k.fiscal_year AND b.code = k.code
      WHERE b.org_id = $1`,
    params,
  );
  const sums = await db.query<{ fiscal_year: unknown; line_code: string; column_name: BudgetColumn; amount: unknown }>(
    `SELECT e.fiscal_year, e.line_code, e.column_name, sum(e.amount_satang)::bigint AS amount
       FROM budget_effects e
       JOIN unnest($2::int[], $3::text[]) AS k(fiscal_year, code) ON e.fiscal_year = k.fiscal_year AND e.line_code = k.code
      WHERE e.org_id = $1
      GROUP BY e.fiscal_year, e.line_code, e.column_name`,
    params,
  );
  const key = (fiscalYear: unknown, code: string) => `${sqlInt(fiscalYear)}\u0000${code}`;
  const states = new Map<string, BudgetLineState>();
  for (const d of defs.rows) states.set(key(d.fiscal_year, d.code), { def: d.def, balance: { ...emptyBudgetBalance } });
  for (const s of sums.rows) {
    const state = states.get(key(s.fiscal_year, s.line_code));
    // Effects only ever land on defined lines (the rules refuse the rest); a stray row is not ours to count.
    if (state) state.balance[s.column_name] += sqlInt(s.amount);
  }
  return [...states.values()];
}

/**
 * A commitment is the budget_effects row its own ผูกพัน entry wrote (commitment_id = entry_id): that row
 * gives its line and original amount; the sum of every row carrying its id is what is still outstanding.
 */
async function loadCommitments(db: Queryable, orgId: string, ids: string[]): Promise<CommitmentState[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.query<{ id: string; fiscal_year: unknown; line_code: string; original: unknown; outstanding: unknown }>(
    `SELECT commitment_id AS id,
            min(fiscal_year) FILTER (WHERE entry_id = commitment_id) AS fiscal_year,
            min(line_code) FILTER (WHERE entry_id = commitment_id) AS line_code,
            sum(amount_satang) FILTER (WHERE entry_id = commitment_id)::bigint AS original,
            sum(amount_satang)::bigint AS outstanding
       FROM budget_effects
      WHERE org_id = $1 AND commitment_id = ANY($2::uuid[])
      GROUP BY commitment_id
     HAVING count(*) FILTER (WHERE entry_id = commitment_id) = 1`,
    [orgId, ids],
  );
  return rows.map((r) => ({
    id: r.id,
    fiscalYear: sqlInt(r.fiscal_year),
    line: r.line_code,
    originalSatang: sqlInt(r.original),
    outstandingSatang: sqlInt(r.outstanding),
  }));
}

/** Stored entries by id: those the domain reads, and the ids of those it no longer can. */
export interface StoredEntries {
  records: EntryRecord[];
  /**
   * Stored entries that no longer pass checkEntry (e.g. recorded in a shape an older version wrote).
   * They are evidence and stay as they are; a cancel of one is refused alone (booksGate.ts) rather than
   * failing its whole push on every retry.
   */
  unreadableIds: Set<string>;
}

/**
 * Stored entries by id (the targets of cancels), with the cancel that reversed each, if any. Each body is
 * checked again as on arrival, so the rules judge against exactly what the domain reads.
 */
export async function loadEntryRecords(db: Queryable, orgId: string, ids: string[]): Promise<StoredEntries> {
  const loaded: StoredEntries = { records: [], unreadableIds: new Set() };
  if (ids.length === 0) return loaded;
  const { rows } = await db.query<{ id: string; body: unknown; cancel_id: string | null }>(
    `SELECT e.id, e.body, c.cancel_id
       FROM entries e LEFT JOIN cancellations c ON c.org_id = e.org_id AND c.target_id = e.id
      WHERE e.org_id = $1 AND e.id = ANY($2::uuid[])`,
    [orgId, ids],
  );
  for (const r of rows) {
    const check = checkEntry(r.body);
    if (check.outcome !== 'valid') {
      console.error(`[samut-server] stored entry ${r.id} of ${orgId} no longer passes checkEntry (${check.code}): ${check.messageTh}`);
      loaded.unreadableIds.add(r.id);
    } else {
      loaded.records.push(r.cancel_id === null ? { entry: check.entry } : { entry: check.entry, cancelledBy: r.cancel_id });
    }
  }
  return loaded;
}
