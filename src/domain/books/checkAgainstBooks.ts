/**
 * The rules that need the books: accounts in the chart of the year, dates, receipt numbers, budget
 * control, commitments and cancels. Pure: the same function runs on the PC before writing and on the
 * server before inserting, over a BooksLookup each fills for the entries at hand.
 */
import { remainingSatang } from '../budget/budgetLine';
import type { Entry, EntryOfKind } from '../entry';
import { sameLines } from '../entry';
import { reverseLines } from '../kinds/cancel';
import { formatBaht } from '../money';
import { fiscalYearOf } from '../thaiDate';
import type { BooksLookup } from './booksLookup';
import { checkBudgetEntry, overspendMessage } from './checkBudget';
import { accepted, checkAccount, checkDate, checkLineAccounts, firstRefusal, refuse, type BooksCheck } from './booksRules';
import { cancelEffectsFit } from './cancelEffects';

/**
 * Accepts or refuses (with a code and a Thai message) an entry that already passed checkEntry.
 * @example checkAgainstBooks(entry, books) // { outcome: 'refused', code: 'receipt_number_taken', messageTh: '…' }
 */
export function checkAgainstBooks(entry: Entry, books: BooksLookup): BooksCheck {
  // Kind rules first: they name the document field at fault; the sweep over every line catches the rest.
  return firstRefusal(
    () => checkDate(entry, books),
    () => checkKind(entry, books),
    () => (entry.kind === 'cancel' ? accepted : checkLineAccounts(entry, books)),
  );
}

function checkKind(entry: Entry, books: BooksLookup): BooksCheck {
  switch (entry.kind) {
    case 'receipt':
      return checkReceipt(entry, books);
    case 'deposit':
      return firstRefusal(
        () => checkAccount(books, entry, entry.doc.fromCashAccount, { roles: ['cash'] }, 'บัญชีเงินสด', 'fromCashAccount'),
        () => checkAccount(books, entry, entry.doc.toBankAccount, { roles: ['bank'] }, 'บัญชีเงินฝากธนาคาร', 'toBankAccount'),
      );
    case 'payment':
      return checkPayment(entry, books);
    case 'budget':
      return checkBudgetEntry(entry, books);
    case 'journal':
      if (entry.doc.purpose === 'opening' && entry.date.slice(5) !== '10-01') {
        return refuse('opening_date', 'ยอดยกมาต้องลงวันที่ 1 ตุลาคม ซึ่งเป็นวันเริ่มปีงบประมาณ', 'date');
      }
      return accepted;
    case 'cancel':
      return checkCancel(entry, books);
  }
}

function checkReceipt(entry: EntryOfKind<'receipt'>, books: BooksLookup): BooksCheck {
  const d = entry.doc;
  const holder = books.receiptHolder(d.bookNo, d.receiptNo);
  if (holder !== undefined && holder !== entry.id) {
    return refuse('receipt_number_taken', `ใบเสร็จเล่มที่ ${d.bookNo} เลขที่ ${d.receiptNo} ถูกใช้ไปแล้ว`, 'receiptNo');
  }
  const into = d.method === 'transfer' ? { roles: ['bank'] as const, th: 'บัญชีเงินฝากธนาคารที่รับโอน' } : { roles: ['cash'] as const, th: 'บัญชีเงินสด' };
  return firstRefusal(
    () => checkAccount(books, entry, d.receivedInto, { roles: into.roles }, into.th, 'receivedInto'),
    ...d.items.map((item, i) => () => {
      const revenue = checkAccount(books, entry, item.account, { types: ['revenue'] }, 'รายการรับ', `items.${i}.account`);
      if (revenue.outcome === 'accepted') return revenue;
      return checkAccount(books, entry, item.account, { roles: ['deposit'] }, 'รายการรับ (ต้องเป็นรายได้หรือเงินรับฝาก)', `items.${i}.account`);
    }),
  );
}

function checkPayment(entry: EntryOfKind<'payment'>, books: BooksLookup): BooksCheck {
  const d = entry.doc;
  const paidFromRole = d.method === 'cash' ? 'cash' : 'bank';
  const common = firstRefusal(
    () => checkAccount(books, entry, d.paidFrom, { roles: [paidFromRole] }, d.method === 'cash' ? 'บัญชีเงินสดที่จ่าย' : 'บัญชีธนาคารที่จ่าย', 'paidFrom'),
    ...d.deductions.map((x, i) => () => checkAccount(books, entry, x.account, { roles: ['deposit'] }, 'บัญชีรายการหัก (ต้องเป็นเงินรับฝาก)', `deductions.${i}.account`)),
  );
  if (common.outcome === 'refused') return common;
  const c = d.charge;
  if (c.kind === 'deposit') return checkAccount(books, entry, c.account, { roles: ['deposit'] }, 'บัญชีเงินรับฝากที่จ่าย', 'charge.account');

  if (c.fiscalYear !== fiscalYearOf(entry.date)) {
    return refuse('fiscal_year_mismatch', `ฎีกาลงวันที่ในปีงบประมาณ ${fiscalYearOf(entry.date)} แต่เบิกจากงบประมาณปี ${c.fiscalYear}`, 'charge.fiscalYear');
  }
  const line = books.budgetLine(c.fiscalYear, c.budgetLine);
  if (!line) return refuse('budget_line_unknown', `ไม่มีรายการงบประมาณรหัส ${c.budgetLine} ในปีงบประมาณ ${c.fiscalYear}`, 'charge.budgetLine');
  if (line.def.categoryAccount !== c.expenseAccount) {
    return refuse('expense_account_mismatch', `รายการงบประมาณ ${c.budgetLine} เบิกจากหมวด ${line.def.categoryAccount} ไม่ใช่ ${c.expenseAccount}`, 'charge.expenseAccount');
  }
  if (c.commitmentId !== undefined) {
    const commitment = books.commitment(c.commitmentId);
    if (!commitment || commitment.line !== c.budgetLine || commitment.fiscalYear !== c.fiscalYear) {
      return refuse('commitment_unknown', 'ไม่พบรายการผูกพันที่อ้างถึงในรายการงบประมาณนี้', 'charge.commitmentId');
    }
    if (c.commitmentReleaseSatang > commitment.outstandingSatang) {
      return refuse('release_exceeds', `ยอดที่ตัดจากเงินผูกพันเกินยอดผูกพันคงเหลือ (${formatBaht(commitment.outstandingSatang)} บาท)`, 'charge.commitmentReleaseSatang');
    }
  }
  const needSatang = d.grossSatang - c.commitmentReleaseSatang;
  if (needSatang > remainingSatang(line.balance)) {
    return refuse('overspend', overspendMessage(c.budgetLine, line.balance, needSatang), 'grossSatang');
  }
  return accepted;
}

function checkCancel(entry: EntryOfKind<'cancel'>, books: BooksLookup): BooksCheck {
  const d = entry.doc;
  const record = books.entry(d.targetId);
  if (!record) return refuse('cancel_unknown', 'ไม่พบรายการที่ต้องการยกเลิก', 'targetId');
  const target = record.entry;
  if (target.kind === 'cancel') return refuse('cancel_of_cancel', 'ยกเลิกรายการยกเลิกไม่ได้ ให้บันทึกรายการใหม่แทน', 'targetId');
  if (record.cancelledBy !== undefined && record.cancelledBy !== entry.id) {
    return refuse('cancel_already', 'รายการนี้ถูกยกเลิกไปแล้ว', 'targetId');
  }
  if (target.hash !== d.targetHash || !sameLines(reverseLines(target.lines), entry.lines)) {
    return refuse('cancel_mismatch', 'รายการยกเลิกไม่ตรงกับรายการเดิม (เนื้อหาหรือยอดบัญชีต่างกัน)', 'targetId');
  }
  if (entry.date < target.date) return refuse('cancel_mismatch', 'วันที่ยกเลิกต้องไม่ก่อนวันที่ของรายการเดิม', 'date');
  return cancelEffectsFit(entry, target, books);
}
