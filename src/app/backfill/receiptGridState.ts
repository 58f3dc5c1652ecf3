/**
 * The back-entry grid's rows as pure data: one receipt of one item per row, typed from a paper ledger
 * cell by cell. Reading and checking stay the domain's (readReceiptForm, through receiptFormOfRow);
 * this decides what a row holds, which cell comes next, what the next row starts with, and where a
 * reader's or store's message is shown in the row.
 */
import type { Account } from '../../domain/chart/account';
import { emptyReceiptItem, type FieldErrors, type ReceiptFormInput } from '../../domain/forms';
import { nextReceiptNo } from '../receiptFormState';

/** The grid's columns, in typing order (the order of the paper ledger's columns). */
export const gridColumns = ['dateBe', 'bookNo', 'receiptNo', 'payer', 'account', 'amountBaht', 'method'] as const;
export type GridColumn = (typeof gridColumns)[number];

export const gridColumnNamesTh: Record<GridColumn, string> = {
  dateBe: 'วันที่ (พ.ศ.)',
  bookNo: 'เล่มที่',
  receiptNo: 'เลขที่',
  payer: 'ผู้ชำระเงิน',
  account: 'รายการรับ',
  amountBaht: 'จำนวนเงิน (บาท)',
  method: 'วิธีรับ',
};

/**
 * One row as typed. `method` is 'cash', 'cheque' or 'transfer:<bank account code>': a transfer names
 * the bank account it came into in the same cell, so a ledger with two bank accounts needs no extra column.
 */
export interface GridRowInput {
  dateBe: string;
  bookNo: string;
  receiptNo: string;
  payer: string;
  account: string;
  amountBaht: string;
  method: string;
}

/** Messages per cell, plus one for the whole row (a refusal that names no cell). */
export interface GridRowErrors {
  cells: Partial<Record<GridColumn, string>>;
  rowTh: string | undefined;
}

export const noGridErrors: GridRowErrors = { cells: {}, rowTh: undefined };

/**
 * The cell that usually changes from one receipt to the next, focused when a new row opens. It is
 * ผู้ชำระเงิน, not จำนวนเงิน: on a ledger page nearly every receipt has another payer, and every cell
 * after it (รายการรับ pre-filled, จำนวนเงิน, วิธีรับ) comes in typing order, so a run of receipts needs
 * no Shift+Enter; starting at จำนวนเงิน would make the officer step back for the payer every time.
 */
export const gridFocusAfterSave: GridColumn = 'payer';

/** Saved rows the grid keeps on screen (older ones are in the entry list). */
export const gridSavedRowsShownMax = 200;

/** A fresh first row dated `todayBe`, paid in cash. */
export function emptyGridRow(todayBe: string): GridRowInput {
  return { dateBe: todayBe, bookNo: '', receiptNo: '', payer: '', account: '', amountBaht: '', method: 'cash' };
}

/**
 * The row opened after `saved`: same date and book (a ledger page runs day by day in one book), the
 * next number, the same revenue account suggested; payer and amount empty. The method goes back to
 * เงินสด: cash is the usual case on a paper ledger, a cheque or transfer the exception to type.
 * @example nextGridRow({ …, receiptNo: '041', account: '411002' }) // { …, receiptNo: '042', account: '411002', payer: '', amountBaht: '' }
 */
export function nextGridRow(saved: GridRowInput): GridRowInput {
  return {
    dateBe: saved.dateBe,
    bookNo: saved.bookNo,
    receiptNo: nextReceiptNo(saved.receiptNo),
    payer: '',
    account: saved.account,
    amountBaht: '',
    method: 'cash',
  };
}

/** The cells of a row still blank, in typing order. */
export function blankCells(row: GridRowInput): GridColumn[] {
  return gridColumns.filter((c) => row[c].trim() === '');
}

/** A row is complete when every cell holds something (whether it is right is the reader's to say). */
export function isRowComplete(row: GridRowInput): boolean {
  return blankCells(row).length === 0;
}

/** "กรุณากรอก…" under each blank cell. */
export function blankCellErrors(row: GridRowInput): GridRowErrors {
  const cells: GridRowErrors['cells'] = {};
  for (const c of blankCells(row)) cells[c] = c === 'account' ? 'กรุณากรอกรายการรับ' : `กรุณากรอก${gridColumnNamesTh[c].replace(/ \(.*\)$/, '')}`;
  return { cells, rowTh: undefined };
}

/**
 * The cell after (`step` 1) or before (`step` -1) `column`, or undefined past either end.
 * @example nextColumn('payer', 1) // 'account'
 */
export function nextColumn(column: GridColumn, step: 1 | -1): GridColumn | undefined {
  return gridColumns[gridColumns.indexOf(column) + step];
}

/**
 * The account code of what was typed in รายการรับ: the code itself, the code with its name (as a
 * datalist option may fill it), or an exact name; anything else as typed, for the reader to refuse.
 * @example accountCodeOf('411002 ภาษีป้าย', accounts) // '411002'
 * @example accountCodeOf('ภาษีป้าย', accounts) // '411002'
 */
export function accountCodeOf(text: string, accounts: readonly Pick<Account, 'code' | 'nameTh'>[]): string {
  const t = text.trim().replace(/\s+/g, ' ');
  const head = t.split(' ')[0] ?? '';
  if (accounts.some((a) => a.code === head)) return head;
  return accounts.find((a) => a.nameTh === t)?.code ?? t;
}

/** What the accounts a row may be received into are: the cash account, and each bank account. */
export interface ReceivedIntoAccounts {
  cashCode: string;
  bankCodes: readonly string[];
}

/**
 * The receipt form the row stands for, for readReceiptForm: one item, the money received into the
 * cash account (cash, cheque) or the bank the transfer names.
 */
export function receiptFormOfRow(row: GridRowInput, accounts: readonly Pick<Account, 'code' | 'nameTh'>[], into: ReceivedIntoAccounts): ReceiptFormInput {
  const transferTo = /^transfer:(.+)$/.exec(row.method)?.[1];
  const method = transferTo !== undefined ? 'transfer' : row.method;
  return {
    dateBe: row.dateBe,
    bookNo: row.bookNo.trim(),
    receiptNo: row.receiptNo,
    payer: row.payer.trim(),
    items: [{ ...emptyReceiptItem, account: accountCodeOf(row.account, accounts), amountBaht: row.amountBaht }],
    method,
    receivedInto: transferTo ?? (method === 'transfer' ? (into.bankCodes[0] ?? '') : into.cashCode),
    reference: '',
  };
}

/**
 * The grid column that shows a receipt form field (as readReceiptForm and receiptFieldOf name them).
 * The one item is row 0; how and into what the money came are all the วิธีรับ cell.
 * @example gridColumnOf('items.0.amountBaht') // 'amountBaht'
 */
export function gridColumnOf(formField: string): GridColumn | undefined {
  switch (formField) {
    case 'dateBe':
    case 'bookNo':
    case 'receiptNo':
    case 'payer':
      return formField;
    case 'items':
    case 'items.0':
    case 'items.0.account':
      return 'account';
    case 'items.0.amountBaht':
      return 'amountBaht';
    case 'items.0.description':
      return 'account';
    case 'method':
    case 'receivedInto':
    case 'reference':
      return 'method';
    default:
      return undefined;
  }
}

/**
 * The reader's (or the store's) messages placed on the row's cells; a message for no cell, or for a
 * field the grid has not, goes to the row (first one kept per cell: it is the one to fix first).
 */
export function gridErrorsOf(errors: FieldErrors): GridRowErrors {
  const cells: GridRowErrors['cells'] = {};
  const rowMessages: string[] = [];
  for (const [field, messageTh] of Object.entries(errors)) {
    const column = gridColumnOf(field);
    if (column === undefined) rowMessages.push(messageTh);
    else cells[column] ??= messageTh;
  }
  return { cells, rowTh: rowMessages.length > 0 ? rowMessages.join(' ') : undefined };
}

/** The first cell at fault, in typing order (focused so the officer fixes it at once). */
export function firstFaultyCell(errors: GridRowErrors): GridColumn | undefined {
  return gridColumns.find((c) => errors.cells[c] !== undefined);
}

/** The row without the messages of the cells just edited. */
export function clearCellError(errors: GridRowErrors, column: GridColumn): GridRowErrors {
  if (errors.cells[column] === undefined && errors.rowTh === undefined) return errors;
  const cells = { ...errors.cells };
  delete cells[column];
  return { cells, rowTh: undefined };
}

/**
 * The number to offer when the officer leaves เล่มที่ with เลขที่ still blank: the book's next
 * number on this PC (receiptBookStatus), else nothing. A typed number is never replaced.
 */
export function suggestedReceiptNo(row: GridRowInput, bookNextNo: number | undefined): string | undefined {
  if (row.receiptNo.trim() !== '' || row.bookNo.trim() === '' || bookNextNo === undefined) return undefined;
  return String(bookNextNo);
}
