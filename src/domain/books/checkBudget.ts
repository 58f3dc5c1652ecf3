/** Budget control (ควบคุมงบประมาณ): the rules of budget entries and the overspend message. */
import { remainingSatang, type BudgetBalance } from '../budget/budgetLine';
import type { EntryOfKind } from '../entry';
import { formatBaht, type Satang } from '../money';
import { fiscalYearOf } from '../thaiDate';
import type { BooksLookup } from './booksLookup';
import { accepted, checkAccount, refuse, type BooksCheck } from './booksRules';

/** The message an officer sees when a line cannot cover an amount: every register column, then the need. */
export function overspendMessage(lineCode: string, b: BudgetBalance, needSatang: Satang): string {
  return (
    `งบประมาณรายการ ${lineCode} คงเหลือไม่พอ: ` +
    `อนุมัติ ${formatBaht(b.appropriationSatang + b.supplementarySatang)} บาท, ` +
    `โอนเพิ่ม ${formatBaht(b.transferInSatang)} บาท, โอนลด ${formatBaht(b.transferOutSatang)} บาท, ` +
    `ผูกพัน ${formatBaht(b.committedSatang)} บาท, เบิกจ่ายแล้ว ${formatBaht(b.spentSatang)} บาท, ` +
    `คงเหลือ ${formatBaht(remainingSatang(b))} บาท แต่ต้องการ ${formatBaht(needSatang)} บาท`
  );
}

export function checkBudgetEntry(entry: EntryOfKind<'budget'>, books: BooksLookup): BooksCheck {
  const d = entry.doc;
  const fyOfDate = fiscalYearOf(entry.date);
  switch (d.action) {
    case 'appropriation':
    case 'supplementary': {
      // A year's budget is enacted before the year starts: allow the coming year too.
      if (d.line.fiscalYear < fyOfDate || d.line.fiscalYear > fyOfDate + 1) {
        return refuse('fiscal_year_mismatch', `ลงวันที่ในปีงบประมาณ ${fyOfDate} ตั้งงบประมาณของปี ${d.line.fiscalYear} ไม่ได้`, 'line.fiscalYear');
      }
      const existing = books.budgetLine(d.line.fiscalYear, d.line.code);
      if (d.action === 'appropriation' && existing && existing.balance.appropriationSatang > 0) {
        return refuse('budget_line_exists', `รายการงบประมาณ ${d.line.code} ตั้งงบไว้แล้ว ให้ใช้งบเพิ่มเติมหรือการโอนแทน`, 'line.code');
      }
      return checkAccount(books, entry, d.line.categoryAccount, { types: ['expense'] }, 'หมวดรายจ่าย', 'line.categoryAccount');
    }
    case 'transfer': {
      if (d.fiscalYear !== fyOfDate) return fyMismatch(fyOfDate, d.fiscalYear);
      const from = books.budgetLine(d.fiscalYear, d.fromLine);
      if (!from) return refuse('budget_line_unknown', `ไม่มีรายการงบประมาณรหัส ${d.fromLine} ที่จะโอนลด`, 'fromLine');
      const to = books.budgetLine(d.fiscalYear, d.toLine);
      if (!to && !d.toLineDef) {
        return refuse('budget_line_unknown', `ไม่มีรายการงบประมาณรหัส ${d.toLine} ที่จะโอนเพิ่ม (ตั้งเป็นรายการใหม่ได้โดยระบุรายละเอียด)`, 'toLine');
      }
      if (to && d.toLineDef) return refuse('budget_line_exists', `รายการงบประมาณ ${d.toLine} มีอยู่แล้ว ไม่ต้องตั้งเป็นรายการใหม่`, 'toLineDef');
      if (d.amountSatang > remainingSatang(from.balance)) {
        return refuse('transfer_exceeds', overspendMessage(d.fromLine, from.balance, d.amountSatang).replace('คงเหลือไม่พอ', 'คงเหลือไม่พอให้โอนลด'), 'amountSatang');
      }
      if (d.toLineDef) {
        return checkAccount(books, entry, d.toLineDef.categoryAccount, { types: ['expense'] }, 'หมวดรายจ่ายของรายการใหม่', 'toLineDef.categoryAccount');
      }
      return accepted;
    }
    case 'commitment': {
      if (d.fiscalYear !== fyOfDate) return fyMismatch(fyOfDate, d.fiscalYear);
      const line = books.budgetLine(d.fiscalYear, d.line);
      if (!line) return refuse('budget_line_unknown', `ไม่มีรายการงบประมาณรหัส ${d.line} ในปีงบประมาณ ${d.fiscalYear}`, 'line');
      if (d.amountSatang > remainingSatang(line.balance)) return refuse('overspend', overspendMessage(d.line, line.balance, d.amountSatang), 'amountSatang');
      return accepted;
    }
    case 'revenueEstimate': {
      // Like a budget, the year's estimates are enacted before the year starts.
      if (d.fiscalYear < fyOfDate || d.fiscalYear > fyOfDate + 1) {
        return refuse('fiscal_year_mismatch', `ลงวันที่ในปีงบประมาณ ${fyOfDate} ประมาณการรายรับของปี ${d.fiscalYear} ไม่ได้`, 'fiscalYear');
      }
      return checkAccount(books, entry, d.account, { types: ['revenue'] }, 'รายการรายได้', 'account');
    }
    case 'release': {
      if (d.fiscalYear !== fyOfDate) return fyMismatch(fyOfDate, d.fiscalYear);
      const c = books.commitment(d.commitmentId);
      if (!c || c.line !== d.line || c.fiscalYear !== d.fiscalYear) {
        return refuse('commitment_unknown', 'ไม่พบรายการผูกพันที่จะยกเลิกในรายการงบประมาณนี้', 'commitmentId');
      }
      if (d.amountSatang > c.outstandingSatang) {
        return refuse('release_exceeds', `ยกเลิกผูกพันได้ไม่เกินยอดผูกพันคงเหลือ ${formatBaht(c.outstandingSatang)} บาท`, 'amountSatang');
      }
      return accepted;
    }
  }
}

function fyMismatch(fyOfDate: number, fy: number): BooksCheck {
  return refuse('fiscal_year_mismatch', `รายการลงวันที่ในปีงบประมาณ ${fyOfDate} แต่อ้างถึงงบประมาณปี ${fy}`, 'fiscalYear');
}
