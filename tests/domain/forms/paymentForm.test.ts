import { describe, expect, it } from 'vitest';
import {
  paymentAmounts,
  paymentFieldOf,
  readPaymentForm,
  suggestedWithholdingBaht,
  type PaymentFormContext,
  type PaymentFormInput,
} from '../../../src/domain/forms/paymentForm';
import { moneyRulesDefault } from '../../../src/domain/moneyRules';

const context: PaymentFormContext = {
  budgetLines: [{ code: '00111-532000-01', fiscalYear: 2567, categoryAccount: '532000' }],
  commitments: [{ id: '018d1a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2b', outstandingSatang: 1_000_000 }],
};

const valid: PaymentFormInput = {
  dateBe: '05/02/2567',
  voucherNo: '15/2567',
  payee: 'หจก. ก้าวหน้าการค้า',
  description: 'ค่าจ้างซ่อมแซมอาคาร',
  chargeKind: 'budget',
  budgetLine: '00111-532000-01',
  commitmentId: '',
  commitmentReleaseBaht: '',
  depositAccount: '',
  grossBaht: '15,000',
  deductions: [
    { kind: 'withholding', account: '902', amountBaht: '150', note: '' },
    { kind: 'other', account: '', amountBaht: '', note: '' },
  ],
  method: 'cheque',
  paidFrom: '012',
  reference: 'ชค 1234567',
};

describe('the payment form (readPaymentForm)', () => {
  it('reads a ฎีกา charged to a budget line: net = gross − deductions, fiscal year and หมวด from the line', () => {
    expect(readPaymentForm(valid, context)).toEqual({
      ok: true,
      date: '2024-02-05',
      kind: 'payment',
      doc: {
        voucherNo: '15/2567',
        payee: 'หจก. ก้าวหน้าการค้า',
        description: 'ค่าจ้างซ่อมแซมอาคาร',
        charge: { kind: 'budget', fiscalYear: 2567, budgetLine: '00111-532000-01', expenseAccount: '532000', commitmentReleaseSatang: 0 },
        grossSatang: 1_500_000,
        deductions: [{ kind: 'withholding', account: '902', amountSatang: 15_000 }],
        netSatang: 1_485_000,
        method: 'cheque',
        paidFrom: '012',
        reference: 'ชค 1234567',
      },
    });
  });

  it('pays on a commitment, using up as much of it as the payment covers when the field is blank', () => {
    const id = context.commitments![0]!.id;
    const result = readPaymentForm({ ...valid, commitmentId: id }, context);
    expect(result.ok && result.doc.charge).toEqual({
      kind: 'budget',
      fiscalYear: 2567,
      budgetLine: '00111-532000-01',
      expenseAccount: '532000',
      commitmentId: id,
      commitmentReleaseSatang: 1_000_000,
    });
  });

  it('pays on from a เงินรับฝาก account', () => {
    const result = readPaymentForm({ ...valid, chargeKind: 'deposit', depositAccount: '902', budgetLine: '', deductions: [] }, context);
    expect(result.ok && result.doc.charge).toEqual({ kind: 'deposit', account: '902' });
  });

  it('reports every bad field at once, in Thai, deductions on their own rows', () => {
    const result = readPaymentForm(
      {
        ...valid,
        dateBe: '',
        voucherNo: '',
        payee: '',
        description: '',
        budgetLine: '',
        grossBaht: 'หนึ่งหมื่น',
        deductions: [
          { kind: 'withholding', account: '', amountBaht: '', note: 'ภาษี' },
          { kind: 'other', account: '999', amountBaht: '-5', note: '' },
        ],
        method: '',
        paidFrom: '',
      },
      context,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        dateBe: 'วันที่ "" ต้องอยู่ในรูป วว/ดด/ปปปป (พ.ศ.) เช่น 16/01/2567',
        grossBaht: 'จำนวนเงิน "หนึ่งหมื่น" ไม่ใช่ตัวเลข',
        'deductions.0.account': 'กรุณาเลือกบัญชีรายการหัก',
        'deductions.0.amountBaht': 'กรุณากรอกจำนวนเงินที่หัก',
        'deductions.1.amountBaht': 'จำนวนเงินที่หักต้องมากกว่า 0',
        budgetLine: 'กรุณาเลือกรายการงบประมาณที่เบิกจ่าย',
        paidFrom: 'กรุณาเลือกบัญชีธนาคารที่จ่าย',
        voucherNo: 'กรุณากรอกเลขที่ฎีกา',
        payee: 'กรุณากรอกชื่อผู้รับเงิน',
        description: 'กรุณากรอกรายละเอียดการจ่าย',
        method: 'กรุณาเลือกวิธีจ่ายเงิน',
      },
    });
  });

  it('refuses deductions that take the whole gross', () => {
    const result = readPaymentForm({ ...valid, grossBaht: '100', deductions: [{ kind: 'other', account: '999', amountBaht: '100', note: '' }] }, context);
    expect(result).toEqual({ ok: false, errors: { net: 'รายการหักรวม 100.00 บาท ต้องน้อยกว่าจำนวนเงินขอเบิก 100.00 บาท' } });
  });

  it('refuses a budget line of another fiscal year than the date', () => {
    const result = readPaymentForm({ ...valid, dateBe: '05/10/2567' }, context);
    expect(result).toEqual({ ok: false, errors: { budgetLine: 'ไม่มีรายการงบประมาณรหัส 00111-532000-01 ในปีงบประมาณ 2568' } });
  });

  it('shows gross, deductions and net live as they are typed', () => {
    expect(paymentAmounts(valid)).toEqual({ grossSatang: 1_500_000, deductionsSatang: 15_000, netSatang: 1_485_000 });
    expect(paymentAmounts({ grossBaht: '', deductions: [] })).toEqual({ deductionsSatang: 0 });
    expect(paymentAmounts({ grossBaht: '100', deductions: [{ kind: 'other', account: '', amountBaht: 'x', note: '' }] })).toEqual({ grossSatang: 10_000 });
  });

  it('suggests 1 % withholding from 10,000 baht (the default rules), nothing below', () => {
    expect(suggestedWithholdingBaht('15,000', moneyRulesDefault)).toBe('150.00');
    expect(suggestedWithholdingBaht('10,000', moneyRulesDefault)).toBe('100.00');
    expect(suggestedWithholdingBaht('9,999.99', moneyRulesDefault)).toBe('');
    expect(suggestedWithholdingBaht('abc', moneyRulesDefault)).toBe('');
  });

  it("maps the store's document paths back to form fields and deduction rows", () => {
    const input = { ...valid, deductions: [{ kind: 'other', account: '', amountBaht: '', note: '' }, ...valid.deductions] };
    expect(paymentFieldOf('grossSatang', input)).toBe('grossBaht');
    expect(paymentFieldOf('charge.budgetLine', input)).toBe('budgetLine');
    expect(paymentFieldOf('charge.commitmentReleaseSatang', input)).toBe('commitmentReleaseBaht');
    expect(paymentFieldOf('deductions.0.account', input)).toBe('deductions.1.account');
    expect(paymentFieldOf('paidFrom', input)).toBe('paidFrom');
  });
});
