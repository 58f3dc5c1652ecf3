/**
 * ฎีกา from a sheet: one row per voucher, charged to a budget line (รหัสงบประมาณ, one of the lines the
 * caller passes from the books) or paid on from a เงินรับฝาก account (บัญชีเงินรับฝาก): exactly one of
 * the two. Withholding tax, when typed, is the one deduction, to the withholding account (902). Paying
 * on a ผูกพัน is left to the form: a sheet cannot name the commitment entry. Read by readPaymentForm.
 */
import type { BudgetLineDef } from '../budget/budgetLine';
import { cashAccountCode, savingsBankAccountCode, withholdingTaxAccountCode } from '../chart/defaultChart';
import { readPaymentForm, type PaymentFormInput } from '../forms/paymentForm';
import { paymentMethodNamesTh, type PaymentMethod } from '../kinds/payment';
import { parseBaht } from '../money';
import { amountCellText, arabicDigits } from './importCell';
import type { ImportTemplate } from './importTypes';
import { addFormErrors, dateCell, vocabulary, wordOf, type KindReaderOf } from './kindReader';

export const paymentImportTemplate: ImportTemplate = {
  kind: 'payment',
  titleTh: 'ฎีกาจ่ายเงิน (หนึ่งแถวต่อหนึ่งฎีกา)',
  columns: [
    { field: 'date', headerTh: 'วันที่', aliases: ['date', 'วันที่จ่าย', 'ลงวันที่'], required: true, noteTh: 'วว/ดด/ปปปป (พ.ศ.) เช่น 25/01/2567' },
    { field: 'voucherNo', headerTh: 'เลขที่ฎีกา', aliases: ['voucher no', 'voucher no.', 'voucherno', 'ฎีกาเลขที่', 'เลขที่'], required: true, noteTh: 'จัดรูปแบบเซลล์เป็นข้อความ (Excel อาจแปลง 15/2567 เป็นวันที่)' },
    { field: 'payee', headerTh: 'ผู้รับเงิน', aliases: ['payee', 'ชื่อผู้รับเงิน'], required: true },
    { field: 'description', headerTh: 'รายการ', aliases: ['description', 'รายละเอียด', 'รายละเอียดการจ่าย', 'คำอธิบาย'], required: true },
    { field: 'budgetLine', headerTh: 'รหัสงบประมาณ', aliases: ['budget line', 'budgetline', 'budget code', 'รหัสรายการงบประมาณ', 'รายการงบประมาณ'], required: false, noteTh: 'รหัสรายการงบประมาณที่เบิกจ่าย หรือเว้นว่างเมื่อจ่ายจากเงินรับฝาก' },
    { field: 'depositAccount', headerTh: 'บัญชีเงินรับฝาก', aliases: ['deposit account', 'depositaccount', 'เงินรับฝาก'], required: false, noteTh: `เมื่อจ่ายจากเงินรับฝาก เช่น ${withholdingTaxAccountCode} (กรอกอย่างใดอย่างหนึ่งกับรหัสงบประมาณ)` },
    { field: 'gross', headerTh: 'จำนวนเงิน', aliases: ['amount', 'gross', 'จำนวนเงินขอเบิก', 'ยอดขอเบิก'], required: true, noteTh: 'ยอดขอเบิก (ก่อนหักภาษี) บาท' },
    { field: 'withholding', headerTh: 'ภาษีหัก ณ ที่จ่าย', aliases: ['withholding', 'withholding tax', 'wht', 'หักภาษี ณ ที่จ่าย', 'ภาษีหัก ณ ที่จ่าย (บาท)'], required: false, noteTh: `บาท เข้าบัญชี ${withholdingTaxAccountCode}; เว้นว่างเมื่อไม่มี` },
    { field: 'method', headerTh: 'วิธีจ่าย', aliases: ['method', 'payment method', 'วิธีจ่ายเงิน'], required: true, noteTh: 'เช็ค โอน หรือ เงินสด' },
    { field: 'paidFrom', headerTh: 'จ่ายจากบัญชี', aliases: ['paid from', 'paidfrom', 'บัญชีที่จ่าย', 'จ่ายจาก'], required: false, noteTh: `บัญชีธนาคาร เช่น ${savingsBankAccountCode}; เว้นว่าง = ${cashAccountCode} เมื่อจ่ายเงินสด` },
    { field: 'reference', headerTh: 'เลขที่เช็ค/อ้างอิง', aliases: ['reference', 'ref', 'cheque no', 'เลขที่เช็ค', 'เลขที่อ้างอิง'], required: false },
  ],
  exampleRows: [
    ['25/01/2567', '15/2567', 'หจก. สะอาดดี', 'ค่าจ้างเหมาทำความสะอาดอาคารสำนักงาน มกราคม 2567', '00111-532000-01', '', '15,000.00', '150.00', 'โอน', savingsBankAccountCode, 'TR6701250001'],
    ['09/02/2567', '16/2567', 'สำนักงานสรรพากรพื้นที่', 'นำส่งภาษีหัก ณ ที่จ่าย เดือนมกราคม 2567', '', withholdingTaxAccountCode, '150.00', '', 'เช็ค', '012', '00012345'],
  ],
};

const methods = vocabulary<PaymentMethod>({
  cheque: ['เช็ค', 'เช็ก', 'cheque', 'check'],
  transfer: ['โอน', paymentMethodNamesTh.transfer, 'โอนเข้าบัญชี', 'bank transfer'],
  cash: ['เงินสด', 'สด'],
});

/** Form fields to the columns showing them. */
const columnOfField: Record<string, string> = {
  dateBe: 'date',
  voucherNo: 'voucherNo',
  payee: 'payee',
  description: 'description',
  chargeKind: 'budgetLine',
  budgetLine: 'budgetLine',
  commitmentId: 'budgetLine',
  commitmentReleaseBaht: 'budgetLine',
  depositAccount: 'depositAccount',
  grossBaht: 'gross',
  net: 'withholding',
  deductions: 'withholding',
  'deductions.0.account': 'withholding',
  'deductions.0.amountBaht': 'withholding',
  'deductions.0.kind': 'withholding',
  method: 'method',
  paidFrom: 'paidFrom',
  reference: 'reference',
};

/** @example paymentImportReader({ budgetLines }).read([row], sink) // { date: '2024-01-25', kind: 'payment', doc: { voucherNo: '15/2567', … } } */
export const paymentImportReader: KindReaderOf = (options) => {
  // Only the lines a row names are handed to the form, so a file reads in time linear in its rows.
  const linesByCode = new Map<string, BudgetLineDef[]>();
  for (const l of options.budgetLines ?? []) linesByCode.set(l.code, [...(linesByCode.get(l.code) ?? []), l]);
  return {
    template: paymentImportTemplate,
    read(group, sink) {
      const r = group[0];
      if (r === undefined || group.length !== 1) return undefined;
      const budgetLine = arabicDigits(sink.text(r, 'budgetLine'));
      const depositAccount = arabicDigits(sink.text(r, 'depositAccount'));
      if (budgetLine === '' && depositAccount === '') sink.fail(r, 'budgetLine', 'กรุณากรอกรหัสงบประมาณ หรือบัญชีเงินรับฝากที่จ่าย อย่างใดอย่างหนึ่ง');
      if (budgetLine !== '' && depositAccount !== '') sink.fail(r, 'depositAccount', 'กรอกได้อย่างใดอย่างหนึ่ง: รหัสงบประมาณ หรือบัญชีเงินรับฝาก');

      const methodText = sink.text(r, 'method');
      const method = wordOf(methods, methodText);
      if (methodText === '') sink.fail(r, 'method', 'กรุณาระบุวิธีจ่าย (เช็ค โอน หรือ เงินสด)');
      else if (method === undefined) sink.fail(r, 'method', `วิธีจ่าย "${methodText}" ไม่รู้จัก ใช้ เช็ค โอน หรือ เงินสด`);
      const typedFrom = arabicDigits(sink.text(r, 'paidFrom'));
      // Only cash has an account to assume; an unreadable method is reported once, on its own cell.
      const paidFrom = typedFrom !== '' || method === 'cheque' || method === 'transfer' ? typedFrom : cashAccountCode;

      const withholdingBaht = amountCellText(sink.text(r, 'withholding'));
      const withholding = parseBaht(withholdingBaht);
      const noWithholding = withholdingBaht === '' || (withholding.ok && withholding.satang === 0);
      const input: PaymentFormInput = {
        dateBe: dateCell(sink, r, 'date'),
        voucherNo: sink.text(r, 'voucherNo'),
        payee: sink.text(r, 'payee'),
        description: sink.text(r, 'description'),
        chargeKind: budgetLine === '' && depositAccount !== '' ? 'deposit' : 'budget',
        budgetLine,
        commitmentId: '',
        commitmentReleaseBaht: '',
        depositAccount,
        grossBaht: amountCellText(sink.text(r, 'gross')),
        deductions: noWithholding ? [] : [{ kind: 'withholding', account: withholdingTaxAccountCode, amountBaht: withholdingBaht, note: '' }],
        method: method ?? '',
        paidFrom,
        reference: sink.text(r, 'reference'),
      };
      const context = { budgetLines: linesByCode.get(budgetLine) ?? [], ...(options.commitments ? { commitments: options.commitments } : {}) };
      const result = readPaymentForm(input, context);
      if (!result.ok) {
        addFormErrors(sink, result.errors, (formField) => [r, columnOfField[formField] ?? '-']);
        return undefined;
      }
      return sink.failed ? undefined : { date: result.date, kind: 'payment', doc: result.doc };
    },
    duplicate(entry, firstRow) {
      const voucherNo = entry.kind === 'payment' ? entry.doc.voucherNo : '';
      return { field: 'voucherNo', messageTh: `ฎีกาเลขที่ ${voucherNo} ซ้ำกับแถว ${firstRow} (ในปีงบประมาณเดียวกัน)` };
    },
  };
};
