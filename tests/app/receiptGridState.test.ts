import { describe, expect, it } from 'vitest';
import { readReceiptForm } from '../../src/domain/forms';
import {
  accountCodeOf,
  blankCellErrors,
  blankCells,
  clearCellError,
  emptyGridRow,
  firstFaultyCell,
  gridColumnOf,
  gridErrorsOf,
  gridFocusAfterSave,
  isRowComplete,
  nextColumn,
  nextGridRow,
  receiptFormOfRow,
  suggestedReceiptNo,
  type GridRowInput,
} from '../../src/app/backfill/receiptGridState';

const accounts = [
  { code: '411001', nameTh: 'ภาษีโรงเรือนและที่ดิน' },
  { code: '411002', nameTh: 'ภาษีป้าย' },
  { code: '412001', nameTh: 'ค่าธรรมเนียมเก็บขยะ' },
];
const into = { cashCode: '010', bankCodes: ['011', '012'] };

const row: GridRowInput = {
  dateBe: '16/01/2567',
  bookNo: '1/2567',
  receiptNo: '041',
  payer: 'นายสมชาย ใจดี',
  account: '411002',
  amountBaht: '1,500',
  method: 'cash',
};

describe('the receipt grid rows', () => {
  it('starts with today, no book, cash', () => {
    expect(emptyGridRow('16/01/2567')).toEqual({ dateBe: '16/01/2567', bookNo: '', receiptNo: '', payer: '', account: '', amountBaht: '', method: 'cash' });
  });

  it('carries the date and the book over to the next row, clears payer and amount, goes back to cash', () => {
    const next = nextGridRow({ ...row, method: 'transfer:011' });
    expect(next.dateBe).toBe('16/01/2567');
    expect(next.bookNo).toBe('1/2567');
    expect(next.payer).toBe('');
    expect(next.amountBaht).toBe('');
    expect(next.method).toBe('cash');
  });

  it('numbers the next row one up, keeping leading zeros', () => {
    expect(nextGridRow(row).receiptNo).toBe('042');
    expect(nextGridRow({ ...row, receiptNo: '9' }).receiptNo).toBe('10');
    expect(nextGridRow({ ...row, receiptNo: '099' }).receiptNo).toBe('100');
  });

  it('suggests the last revenue account on the next row', () => {
    expect(nextGridRow(row).account).toBe('411002');
    expect(nextGridRow({ ...row, account: '412001' }).account).toBe('412001');
  });

  it('focuses the payer after a save: the cell that changes on nearly every receipt, the rest follow in order', () => {
    expect(gridFocusAfterSave).toBe('payer');
    expect(nextColumn('payer', 1)).toBe('account');
    expect(nextColumn('account', 1)).toBe('amountBaht');
  });

  it('moves between cells in typing order, nothing past either end', () => {
    expect(nextColumn('dateBe', 1)).toBe('bookNo');
    expect(nextColumn('bookNo', -1)).toBe('dateBe');
    expect(nextColumn('dateBe', -1)).toBeUndefined();
    expect(nextColumn('method', 1)).toBeUndefined();
  });

  it('calls a row complete only when every cell holds something', () => {
    expect(isRowComplete(row)).toBe(true);
    expect(isRowComplete({ ...row, payer: '  ' })).toBe(false);
    expect(isRowComplete(nextGridRow(row))).toBe(false);
    expect(blankCells(nextGridRow(row))).toEqual(['payer', 'amountBaht']);
  });

  it('asks in Thai for each blank cell', () => {
    expect(blankCellErrors({ ...row, payer: '', amountBaht: '', dateBe: '' })).toEqual({
      cells: { dateBe: 'กรุณากรอกวันที่', payer: 'กรุณากรอกผู้ชำระเงิน', amountBaht: 'กรุณากรอกจำนวนเงิน' },
      rowTh: undefined,
    });
  });

  it('offers the book’s next number when leaving เล่มที่ with เลขที่ blank, never over a typed one', () => {
    expect(suggestedReceiptNo({ ...row, receiptNo: '' }, 42)).toBe('42');
    expect(suggestedReceiptNo(row, 42)).toBeUndefined();
    expect(suggestedReceiptNo({ ...row, receiptNo: '' }, undefined)).toBeUndefined();
    expect(suggestedReceiptNo({ ...row, receiptNo: '', bookNo: ' ' }, 42)).toBeUndefined();
  });
});

describe('a grid row as a receipt form', () => {
  it('reads the account from its code, its code and name, or its exact name', () => {
    expect(accountCodeOf('411002', accounts)).toBe('411002');
    expect(accountCodeOf(' 411002  ภาษีป้าย ', accounts)).toBe('411002');
    expect(accountCodeOf('ภาษีป้าย', accounts)).toBe('411002');
    expect(accountCodeOf('999999', accounts)).toBe('999999');
  });

  it('is one item of cash into the cash account, or a transfer into the bank the cell names', () => {
    const form = receiptFormOfRow({ ...row, account: '411002 ภาษีป้าย' }, accounts, into);
    expect(form).toEqual({
      dateBe: '16/01/2567',
      bookNo: '1/2567',
      receiptNo: '041',
      payer: 'นายสมชาย ใจดี',
      items: [{ account: '411002', amountBaht: '1,500', description: '' }],
      method: 'cash',
      receivedInto: '010',
      reference: '',
    });
    expect(receiptFormOfRow({ ...row, method: 'cheque' }, accounts, into)).toMatchObject({ method: 'cheque', receivedInto: '010' });
    expect(receiptFormOfRow({ ...row, method: 'transfer:012' }, accounts, into)).toMatchObject({ method: 'transfer', receivedInto: '012' });
  });

  it('passes the receipt form’s reader', () => {
    const read = readReceiptForm(receiptFormOfRow(row, accounts, into));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.doc).toMatchObject({ bookNo: '1/2567', receiptNo: 41, items: [{ account: '411002', amountSatang: 150000 }] });
  });
});

describe('messages placed on the grid’s cells', () => {
  it('maps the receipt form’s fields to the grid’s columns', () => {
    expect(gridColumnOf('dateBe')).toBe('dateBe');
    expect(gridColumnOf('receiptNo')).toBe('receiptNo');
    expect(gridColumnOf('items.0.account')).toBe('account');
    expect(gridColumnOf('items')).toBe('account');
    expect(gridColumnOf('items.0.amountBaht')).toBe('amountBaht');
    expect(gridColumnOf('receivedInto')).toBe('method');
    expect(gridColumnOf('')).toBeUndefined();
  });

  it('puts the reader’s errors under their cells, the first bad cell first', () => {
    const read = readReceiptForm(receiptFormOfRow({ ...row, dateBe: '31/02/2567', amountBaht: 'abc' }, accounts, into));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const errors = gridErrorsOf(read.errors);
    expect(errors.cells.dateBe).toContain('31/02/2567');
    expect(errors.cells.amountBaht).toBeDefined();
    expect(errors.rowTh).toBeUndefined();
    expect(firstFaultyCell(errors)).toBe('dateBe');
  });

  it('puts a message that names no cell on the row', () => {
    expect(gridErrorsOf({ '': 'ปิดบัญชีถึงวันที่ 30/09/2566 แล้ว', 'items.0.account': 'ไม่มีรหัสบัญชีนี้' })).toEqual({
      cells: { account: 'ไม่มีรหัสบัญชีนี้' },
      rowTh: 'ปิดบัญชีถึงวันที่ 30/09/2566 แล้ว',
    });
  });

  it('clears a cell’s message when it is edited, and the row’s', () => {
    const errors = { cells: { payer: 'กรุณากรอกผู้ชำระเงิน', amountBaht: 'x' }, rowTh: 'y' };
    expect(clearCellError(errors, 'payer')).toEqual({ cells: { amountBaht: 'x' }, rowTh: undefined });
    const none = { cells: {}, rowTh: undefined };
    expect(clearCellError(none, 'payer')).toBe(none);
  });
});
