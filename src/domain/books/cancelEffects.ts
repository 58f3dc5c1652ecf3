/**
 * A cancel may only undo what can still be undone: cancelling a budget or transfer must not leave a
 * line with less than nothing (money already spent from it), and a commitment can be cancelled only
 * while nothing has been paid or released against it (release the rest instead).
 */
import { applyBudgetEffects, remainingSatang } from '../budget/budgetLine';
import { budgetEffectsOf, type Entry, type EntryOfKind } from '../entry';
import { formatBaht } from '../money';
import type { BooksLookup } from './booksLookup';
import { accepted, refuse, type BooksCheck } from './booksRules';

export function cancelEffectsFit(cancel: EntryOfKind<'cancel'>, target: Entry, books: BooksLookup): BooksCheck {
  if (target.kind === 'budget' && target.doc.action === 'commitment') {
    const c = books.commitment(target.id);
    if (c && c.outstandingSatang !== c.originalSatang) {
      return refuse(
        'cancel_blocked',
        `มีการเบิกจ่ายหรือยกเลิกผูกพันบางส่วนแล้ว (คงเหลือ ${formatBaht(c.outstandingSatang)} บาท) ให้ยกเลิกผูกพันส่วนที่เหลือแทน`,
        'targetId',
      );
    }
  }
  const effects = budgetEffectsOf(cancel, target);
  const touched = new Map(effects.map((e) => [`${e.fiscalYear}\u0000${e.lineCode}`, e]));
  for (const e of touched.values()) {
    const line = books.budgetLine(e.fiscalYear, e.lineCode);
    if (!line) continue; // nothing recorded on it here: nothing to protect
    const after = applyBudgetEffects(line.balance, effects, { fiscalYear: e.fiscalYear, code: e.lineCode });
    if (remainingSatang(after) < 0) {
      return refuse(
        'cancel_blocked',
        `ยกเลิกไม่ได้ เพราะงบประมาณรายการ ${e.lineCode} จะคงเหลือติดลบ ${formatBaht(-remainingSatang(after))} บาท (มีการใช้งบไปแล้ว)`,
        'targetId',
      );
    }
  }
  return accepted;
}
