import { describe, expect, it } from 'vitest';
import { readReceiptForm, receiptFieldOf, type ReceiptFormInput } from '../../../src/domain/forms/receiptForm';

const valid: ReceiptFormInput = {
  dateBe: '16/01/2567',
  bookNo: ' 1/2567 ',
  receiptNo: '41',
  payer: 'นายสมชาย ใจดี',
  items: [
    { account: '411002', amountBaht: '1,234.50', description: 'ป้ายร้านค้า' },
    { account: '', amountBaht: '', description: '' },
    { account: '412001', amountBaht: '20', description: '' },
  ],
  method: 'cash',
  receivedInto: '010',
  reference: '',
};

describe('the receipt form (readReceiptForm)', () => {
  it('reads a filled form into a business date and a receipt, skipping blank item rows', () => {
    expect(readReceiptForm(valid)).toEqual({
      ok: true,
      date: '2024-01-16',
      kind: 'receipt',
      doc: {
        bookNo: '1/2567',
        receiptNo: 41,
        payer: 'นายสมชาย ใจดี',
        items: [
          { account: '411002', amountSatang: 123450, description: 'ป้ายร้านค้า' },
          { account: '412001', amountSatang: 2000 },
        ],
        method: 'cash',
        receivedInto: '010',
      },
    });
  });

  it('keeps the transfer reference and the bank account it came into', () => {
    const result = readReceiptForm({ ...valid, method: 'transfer', receivedInto: '011', reference: 'KTB 889' });
    expect(result.ok && result.doc).toMatchObject({ method: 'transfer', receivedInto: '011', reference: 'KTB 889' });
  });

  it('reports every bad field at once, each in Thai, on its own row', () => {
    const result = readReceiptForm({
      dateBe: '31/02/2567',
      bookNo: '',
      receiptNo: 'ก12',
      payer: '  ',
      items: [
        { account: '', amountBaht: '', description: '' },
        { account: '', amountBaht: 'abc', description: '' },
        { account: '411002', amountBaht: '0', description: '' },
      ],
      method: 'bitcoin',
      receivedInto: '',
      reference: '',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      dateBe: 'วันที่ 31/02/2567 ไม่มีอยู่จริง',
      bookNo: 'กรุณากรอกเล่มที่',
      receiptNo: 'เลขที่ใบเสร็จต้องเป็นตัวเลข',
      payer: 'กรุณากรอกชื่อผู้ชำระเงิน',
      'items.1.account': 'กรุณาเลือกรายการรับ',
      'items.1.amountBaht': 'จำนวนเงิน "abc" ไม่ใช่ตัวเลข',
      'items.2.amountBaht': 'จำนวนเงินต้องมากกว่า 0',
      method: 'กรุณาเลือกวิธีรับเงิน (เงินสด เช็ค หรือโอน)',
      receivedInto: 'กรุณาเลือกบัญชีเงินสดที่รับเงิน',
    });
  });

  it('asks for at least one item', () => {
    const result = readReceiptForm({ ...valid, items: [{ account: '', amountBaht: '', description: '' }] });
    expect(result).toEqual({ ok: false, errors: { items: 'ใบเสร็จต้องมีอย่างน้อย 1 รายการ' } });
  });

  it('asks for the bank account of a transfer', () => {
    const result = readReceiptForm({ ...valid, method: 'transfer', receivedInto: '' });
    expect(result).toEqual({ ok: false, errors: { receivedInto: 'กรุณาเลือกบัญชีธนาคารที่รับโอน' } });
  });

  it('refuses a receipt number of 0', () => {
    const result = readReceiptForm({ ...valid, receiptNo: '0' });
    expect(result).toEqual({ ok: false, errors: { receiptNo: 'เลขที่ใบเสร็จต้องมากกว่า 0' } });
  });

  it("maps the store's document paths back to form fields and rows", () => {
    expect(receiptFieldOf('receiptNo', valid)).toBe('receiptNo');
    expect(receiptFieldOf('date', valid)).toBe('dateBe');
    // item 1 of the document is row 2 of the form (row 1 was blank)
    expect(receiptFieldOf('items.1.account', valid)).toBe('items.2.account');
    expect(receiptFieldOf('items.0.amountSatang', valid)).toBe('items.0.amountBaht');
    expect(receiptFieldOf('something.else', valid)).toBeUndefined();
  });
});
