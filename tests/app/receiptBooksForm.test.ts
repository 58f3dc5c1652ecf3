import { describe, expect, it } from 'vitest';
import { readReceiptBooksForm, receiptBookRows } from '../../src/app/receiptBooksForm';

describe("the receipt-books setting", () => {
  it('reads rows into ranges, dropping blank rows and remembering each one’s form row', () => {
    expect(
      readReceiptBooksForm([
        { bookNo: ' 12 ', firstNo: '1', lastNo: '100' },
        { bookNo: '', firstNo: '', lastNo: '' },
        { bookNo: '13', firstNo: '101', lastNo: '200' },
      ]),
    ).toEqual({
      ok: true,
      books: [
        { bookNo: '12', firstNo: 1, lastNo: 100 },
        { bookNo: '13', firstNo: 101, lastNo: 200 },
      ],
      formRows: [0, 2],
    });
  });

  it('reports every bad cell in Thai', () => {
    expect(readReceiptBooksForm([{ bookNo: '', firstNo: 'a', lastNo: '5' }, { bookNo: '2', firstNo: '10', lastNo: '9' }])).toEqual({
      ok: false,
      errors: {
        '0.bookNo': 'กรุณากรอกเล่มที่',
        '0.firstNo': 'เลขที่เริ่มต้องเป็นตัวเลขมากกว่า 0',
        '1.lastNo': 'เลขที่สิ้นสุดต้องไม่น้อยกว่าเลขที่เริ่ม',
      },
    });
  });

  it('shows the saved books with one blank row to add another', () => {
    expect(receiptBookRows([{ bookNo: '12', firstNo: 1, lastNo: 100 }])).toEqual([
      { bookNo: '12', firstNo: '1', lastNo: '100' },
      { bookNo: '', firstNo: '', lastNo: '' },
    ]);
  });
});
