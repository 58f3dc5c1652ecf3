/**
 * A BooksLookup held in memory: loaded with the slice of the books a batch needs, then advanced entry
 * by entry (`apply`) so that each entry of a batch is checked against the ones accepted before it.
 * The server loads it from PostgreSQL per push; the PC from IndexedDB per write; tests from nothing.
 */
import { applyBudgetEffects, emptyBudgetBalance, type BudgetLineDef } from '../budget/budgetLine';
import type { Chart } from '../chart/chart';
import { budgetEffectsOf, type Entry } from '../entry';
import { budgetLineDefsOf } from '../kinds/budgetEntry';
import type { MoneyRules } from '../moneyRules';
import type { IsoDate } from '../thaiDate';
import type { BooksLookup, BudgetLineState, CommitmentState, EntryRecord } from './booksLookup';

export interface BooksSlice {
  chart: Chart;
  rules: MoneyRules;
  todayIso: IsoDate;
  receiptHolders?: { bookNo: string; receiptNo: number; entryId: string }[];
  budgetLines?: BudgetLineState[];
  commitments?: CommitmentState[];
  entries?: EntryRecord[];
}

const receiptKey = (bookNo: string, receiptNo: number) => `${bookNo}\u0000${receiptNo}`;
const lineKey = (fiscalYear: number, code: string) => `${fiscalYear}\u0000${code}`;

export class InMemoryBooks implements BooksLookup {
  readonly chart: Chart;
  readonly rules: MoneyRules;
  readonly todayIso: IsoDate;
  private readonly receipts = new Map<string, string>();
  private readonly lines = new Map<string, BudgetLineState>();
  private readonly commitments = new Map<string, CommitmentState>();
  private readonly entries = new Map<string, EntryRecord>();

  constructor(slice: BooksSlice) {
    this.chart = slice.chart;
    this.rules = slice.rules;
    this.todayIso = slice.todayIso;
    for (const r of slice.receiptHolders ?? []) this.receipts.set(receiptKey(r.bookNo, r.receiptNo), r.entryId);
    for (const l of slice.budgetLines ?? []) this.lines.set(lineKey(l.def.fiscalYear, l.def.code), { def: l.def, balance: { ...l.balance } });
    for (const c of slice.commitments ?? []) this.commitments.set(c.id, { ...c });
    for (const e of slice.entries ?? []) this.entries.set(e.entry.id, { ...e });
  }

  receiptHolder(bookNo: string, receiptNo: number): string | undefined {
    return this.receipts.get(receiptKey(bookNo, receiptNo));
  }
  budgetLine(fiscalYear: number, code: string): BudgetLineState | undefined {
    return this.lines.get(lineKey(fiscalYear, code));
  }
  commitment(id: string): CommitmentState | undefined {
    return this.commitments.get(id);
  }
  entry(id: string): EntryRecord | undefined {
    return this.entries.get(id);
  }

  /** Records an accepted entry, so the next entry is checked against it too. */
  apply(entry: Entry): void {
    const target = entry.kind === 'cancel' ? this.entries.get(entry.doc.targetId)?.entry : undefined;
    if (entry.kind === 'cancel') {
      if (!target) throw new Error('apply: a cancel needs its target in the books');
      this.entries.set(target.id, { entry: target, cancelledBy: entry.id });
    }
    if (entry.kind === 'receipt') this.receipts.set(receiptKey(entry.doc.bookNo, entry.doc.receiptNo), entry.id);
    if (entry.kind === 'budget') budgetLineDefsOf(entry.doc).forEach((def) => this.defineLine(def));
    if (entry.kind === 'budget' && entry.doc.action === 'commitment') {
      const d = entry.doc;
      this.commitments.set(entry.id, { id: entry.id, fiscalYear: d.fiscalYear, line: d.line, originalSatang: d.amountSatang, outstandingSatang: 0 });
    }
    for (const effect of budgetEffectsOf(entry, target)) {
      const line = this.lines.get(lineKey(effect.fiscalYear, effect.lineCode));
      if (line) line.balance = applyBudgetEffects(line.balance, [effect], { fiscalYear: effect.fiscalYear, code: effect.lineCode });
      const c = effect.commitmentId === undefined ? undefined : this.commitments.get(effect.commitmentId);
      if (c && effect.column === 'committedSatang') c.outstandingSatang += effect.amountSatang;
    }
    this.entries.set(entry.id, { entry });
  }

  private defineLine(def: BudgetLineDef): void {
    const key = lineKey(def.fiscalYear, def.code);
    // The first definition of a line stands; later ones (supplementary) add money, not a new identity.
    if (!this.lines.has(key)) this.lines.set(key, { def, balance: { ...emptyBudgetBalance } });
  }
}
