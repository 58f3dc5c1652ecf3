/**
 * ใบเสร็จรับเงิน from a sheet: one row per item. Adjacent rows with the same เล่มที่ and เลขที่ are one
 * receipt; their receipt columns (date, payer, method, account, reference) must agree, and a later row
 * that disagrees is an error on that row and column. The same เล่ม/เลขที่ again further down (not
 * adjacent) is a second receipt with the same natural key, reported as a duplicate: merging it would
 * silently double a receipt pasted twice. Each receipt is read by readReceiptForm.
 */
import { cashAccountCode, savingsBankAccountCode } from '../chart/defaultChart';
import { readReceiptForm, type ReceiptFormInput } from '../forms/receiptForm';
import { receiptMethodNamesTh, type ReceiptMethod } from '../kinds/receipt';
import { amountCellText, arabicDigits } from './importCell';
import type { ImportRow, RowSink } from './importSheet';
import type { ImportTemplate } from './importTypes';
import { addFormErrors, dateCell, shownTh, vocabulary, wordOf, type KindReader } from './kindReader';

export const receiptImportTemplate: ImportTemplate = {
  kind: 'receipt',
  titleTh: 'ใบเสร็จรับเงิน (หนึ่งแถวต่อหนึ่งรายการรับ)',
  columns: [
    { field: 'date', headerTh: 'วันที่', aliases: ['date', 'วันที่รับเงิน', 'วันที่ใบเสร็จ', 'ลงวันที่'], required: true, noteTh: 'วว/ดด/ปปปป (พ.ศ.) เช่น 16/01/2567' },
    { field: 'bookNo', headerTh: 'เล่มที่', aliases: ['book', 'book no', 'book no.', 'bookno', 'เล่ม'], required: true, noteTh: 'จัดรูปแบบเซลล์เป็นข้อความ (Excel อาจแปลง 1/2567 เป็นวันที่)' },
    { field: 'receiptNo', headerTh: 'เลขที่', aliases: ['receipt no', 'receipt no.', 'receiptno', 'no', 'no.', 'number', 'เลขที่ใบเสร็จ'], required: true, noteTh: 'ตัวเลข; รายการของใบเสร็จเดียวกันใส่เล่มที่/เลขที่เดียวกันในแถวติดกัน' },
    { field: 'payer', headerTh: 'ผู้ชำระเงิน', aliases: ['payer', 'ชื่อผู้ชำระเงิน', 'ผู้ชำระ', 'ได้รับเงินจาก'], required: true },
    { field: 'account', headerTh: 'รหัสรายรับ', aliases: ['account', 'account code', 'revenue code', 'รหัสบัญชี', 'รายการรับ', 'รหัสรายได้'], required: true, noteTh: 'รหัสรายได้หรือบัญชีเงินรับฝากตามผังบัญชี เช่น 411002' },
    { field: 'description', headerTh: 'รายการ', aliases: ['description', 'คำอธิบาย', 'รายละเอียด'], required: false },
    { field: 'amount', headerTh: 'จำนวนเงิน', aliases: ['amount', 'amount (baht)', 'จำนวนเงิน (บาท)', 'บาท'], required: true, noteTh: 'บาท เช่น 1,234.50' },
    { field: 'method', headerTh: 'วิธีรับเงิน', aliases: ['method', 'payment method', 'วิธีชำระเงิน', 'รับเป็น'], required: true, noteTh: 'เงินสด เช็ค หรือ โอน' },
    { field: 'receivedInto', headerTh: 'รับเข้าบัญชี', aliases: ['received into', 'receivedinto', 'บัญชีที่รับเงิน', 'เข้าบัญชี'], required: false, noteTh: `เว้นว่าง = ${cashAccountCode} เงินสด (เงินสด/เช็ค); รับโอนต้องระบุบัญชีธนาคาร เช่น ${savingsBankAccountCode}` },
    { field: 'reference', headerTh: 'เลขที่อ้างอิง', aliases: ['reference', 'ref', 'เลขที่เช็ค', 'เลขที่เช็ค/อ้างอิง', 'cheque no'], required: false, noteTh: 'เลขที่เช็คหรือเลขอ้างอิงการโอน' },
  ],
  exampleRows: [
    ['16/01/2567', '1/2567', '41', 'นายสมชาย ใจดี', '411002', 'ป้ายร้านค้า', '1,200.00', 'เงินสด', '', ''],
    ['16/01/2567', '1/2567', '41', 'นายสมชาย ใจดี', '412001', 'ค่าเก็บขยะ ม.ค. 2567', '40.00', 'เงินสด', '', ''],
    ['17/01/2567', '1/2567', '42', 'บริษัท ตัวอย่าง จำกัด', '411001', '', '15,000.00', 'โอน', savingsBankAccountCode, 'TR6701170001'],
  ],
};

const methods = vocabulary<ReceiptMethod>({
  cash: ['เงินสด', 'สด'],
  cheque: ['เช็ค', 'เช็ก', 'cheque', 'check'],
  transfer: ['โอน', 'โอนเงิน', 'โอนเข้าบัญชี', receiptMethodNamesTh.transfer, 'bank transfer'],
});

/** Columns that say the receipt as a whole; an item row must repeat them as the first row has them. */
const headFields = ['date', 'payer', 'method', 'receivedInto', 'reference'] as const;
type HeadField = (typeof headFields)[number];

/** "041" and "41" are one receipt number. */
function receiptNoText(text: string): string {
  const t = arabicDigits(text);
  // Only a number typed with leading zeros has any to strip.
  return t.startsWith('0') && /^\d+$/.test(t) ? t.replace(/^0+(?=\d)/, '') : t;
}

/** The receipt columns of a row, as the form takes them (errors of unreadable cells go to `sink`). */
function headOf(r: ImportRow, sink: RowSink): Record<HeadField, string> & { methodValue: string } {
  const methodText = sink.text(r, 'method');
  const method = wordOf(methods, methodText);
  if (methodText === '') sink.fail(r, 'method', 'กรุณาระบุวิธีรับเงิน (เงินสด เช็ค หรือ โอน)');
  else if (method === undefined) sink.fail(r, 'method', `วิธีรับเงิน "${methodText}" ไม่รู้จัก ใช้ เงินสด เช็ค หรือ โอน`);
  const typedInto = arabicDigits(sink.text(r, 'receivedInto'));
  // Only a transfer must name its account; an unreadable method is reported once, on its own cell.
  const receivedInto = typedInto !== '' || method === 'transfer' ? typedInto : cashAccountCode;
  return {
    date: dateCell(sink, r, 'date'),
    payer: sink.text(r, 'payer').replace(/\s+/g, ' '),
    method: method === undefined ? methodText : receiptMethodNamesTh[method],
    methodValue: method ?? '',
    receivedInto,
    reference: sink.text(r, 'reference'),
  };
}

const itemField = /^items\.(\d+)\.(account|amountBaht|description)$/;
const columnOfItemField: Record<string, string> = { account: 'account', amountBaht: 'amount', description: 'description' };

/** @example receiptImportReader({}).read(rows, sink) // { date: '2024-01-16', kind: 'receipt', doc: { bookNo: '1/2567', … } } */
export const receiptImportReader = (): KindReader => ({
  template: receiptImportTemplate,
  groupKeyOf(r, cell) {
    const book = cell(r, 'bookNo');
    const no = receiptNoText(cell(r, 'receiptNo'));
    return book === '' || no === '' ? undefined : `${book}\u0000${no}`;
  },
  read(group, sink) {
    const first = group[0];
    if (first === undefined) return undefined;
    const head = headOf(first, sink);
    const bookNo = sink.text(first, 'bookNo');
    const receiptNo = receiptNoText(sink.text(first, 'receiptNo'));
    for (let i = 1; i < group.length; i++) {
      const r = group[i] as ImportRow;
      const other = headOf(r, sink);
      for (const f of headFields) {
        if (other[f] === head[f]) continue;
        const header = sink.sheet.headerOf(f);
        sink.fail(r, f, `ใบเสร็จเล่มที่ ${bookNo} เลขที่ ${receiptNo} ซ้ำกับแถว ${first.row} แต่${header}ไม่ตรงกัน (${shownTh(head[f])} กับ ${shownTh(other[f])})`);
      }
    }
    const input: ReceiptFormInput = {
      dateBe: head.date,
      bookNo,
      receiptNo,
      payer: head.payer,
      items: group.map((r) => ({
        account: arabicDigits(sink.text(r, 'account')),
        amountBaht: amountCellText(sink.text(r, 'amount')),
        description: sink.text(r, 'description'),
      })),
      method: head.methodValue,
      receivedInto: head.receivedInto,
      reference: head.reference,
    };
    const result = readReceiptForm(input);
    if (!result.ok) {
      addFormErrors(sink, result.errors, (formField) => {
        const m = itemField.exec(formField);
        if (m) return [group[Number(m[1])] ?? first, columnOfItemField[m[2] ?? ''] ?? 'account'];
        if (formField === 'items') return [first, 'account'];
        return [first, formField === 'dateBe' ? 'date' : formField];
      });
      return undefined;
    }
    return sink.failed ? undefined : { date: result.date, kind: 'receipt', doc: result.doc };
  },
  duplicate(entry, firstRow) {
    const doc = entry.kind === 'receipt' ? entry.doc : undefined;
    return {
      field: 'receiptNo',
      messageTh: `ใบเสร็จเล่มที่ ${doc?.bookNo} เลขที่ ${doc?.receiptNo} ซ้ำกับแถว ${firstRow} (รายการของใบเสร็จเดียวกันต้องอยู่ในแถวติดกัน)`,
    };
  },
});
