/**
 * Entries of every kind for server tests, sealed by the domain's own `buildEntry` (so they are exactly
 * what an honest PC sends). One `EntryMaker` per device: running seq, unique ids, FY 2567 dates (the
 * test clock stands at 10 Jul 2024 = 2567), the default chart's accounts. The envelope sealing and the
 * receipt, appropriation, ฎีกา and budget line documents are the domain tests' (../domain/builders).
 */
import { randomBytes } from 'node:crypto';
import type { BudgetLineDef } from '../../src/domain/budget/budgetLine';
import type { Entry, EntryDoc, EntryOfKind } from '../../src/domain/entry';
import { entryIdOf } from '../../src/domain/entryId';
import type { JournalLine } from '../../src/domain/journal';
import { appropriation, budgetPayment, lineDef, receiptDoc, sealEntry } from '../domain/builders';

export { lineDef };

let idCounter = 0;
let receiptNoCounter = 0;

/** A fresh UUID v7, unique across the test file. */
export function newEntryId(): string {
  idCounter += 1;
  return entryIdOf(Date.parse('2024-07-10T03:00:00Z') + idCounter, randomBytes(10));
}

/** A receipt number no other receipt of the test file has (so receipts never clash by accident). */
export function nextReceiptNo(): number {
  receiptNoCounter += 1;
  return receiptNoCounter;
}

/** Where an entry's envelope differs from the maker's defaults. */
export interface EnvelopeOptions {
  date?: string;
  id?: string;
  seq?: number;
}

/** Makes sealed entries of one device. */
export class EntryMaker {
  private seq = 0;

  constructor(readonly device: { orgId: string; deviceId: string }, readonly defaultDate = '2024-01-16') {}

  /** Any document, sealed; a cancel needs its target. */
  entry(content: EntryDoc, options: EnvelopeOptions = {}, cancelTarget?: Entry): Entry {
    this.seq += 1;
    const envelope = {
      id: options.id ?? newEntryId(),
      orgId: this.device.orgId,
      deviceId: this.device.deviceId,
      seq: options.seq ?? this.seq,
      date: options.date ?? this.defaultDate,
      recordedAt: '2024-07-10T03:00:00.000Z',
      recordedBy: 'นางสาวสมศรี บัญชี',
    };
    return sealEntry(envelope, content, cancelTarget);
  }

  receipt(
    fields: { bookNo?: string; receiptNo?: number; amountSatang?: number; account?: string; payer?: string } = {},
    options: EnvelopeOptions = {},
  ): EntryOfKind<'receipt'> {
    const receipt = receiptDoc(
      fields.bookNo ?? '12',
      fields.receiptNo ?? nextReceiptNo(),
      fields.amountSatang ?? 20_000,
      fields.account ?? '412001',
      fields.payer,
    );
    return this.entry(receipt, options) as EntryOfKind<'receipt'>;
  }

  deposit(amountSatang: number, options: EnvelopeOptions = {}): Entry {
    return this.entry({ kind: 'deposit', doc: { fromCashAccount: '010', toBankAccount: '011', amountSatang, slipNo: 'ฝ001' } }, options);
  }

  appropriation(code: string, amountSatang: number, options: EnvelopeOptions & { def?: BudgetLineDef } = {}): Entry {
    return this.entry(appropriation(code, amountSatang, 2567, options.def), options);
  }

  supplementary(code: string, amountSatang: number, options: EnvelopeOptions = {}): Entry {
    return this.entry({ kind: 'budget', doc: { action: 'supplementary', line: lineDef(code), amountSatang, reference: 'งบเพิ่มเติม 1/2567' } }, options);
  }

  /** โอนลด `from` / โอนเพิ่ม `to`; `newLine` makes `to` a new line (ตั้งจ่ายเป็นรายการใหม่). */
  transfer(from: string, to: string, amountSatang: number, options: EnvelopeOptions & { newLine?: boolean } = {}): Entry {
    const doc = {
      action: 'transfer' as const,
      fiscalYear: 2567,
      fromLine: from,
      toLine: to,
      ...(options.newLine ? { toLineDef: lineDef(to) } : {}),
      amountSatang,
      reference: 'คำสั่งโอน 3/2567',
    };
    return this.entry({ kind: 'budget', doc }, options);
  }

  commitment(code: string, amountSatang: number, options: EnvelopeOptions = {}): Entry {
    return this.entry(
      { kind: 'budget', doc: { action: 'commitment', fiscalYear: 2567, line: code, amountSatang, reference: 'สัญญา 7/2567', payee: 'หจก.ก่อสร้างดี' } },
      options,
    );
  }

  release(code: string, commitmentId: string, amountSatang: number, options: EnvelopeOptions = {}): Entry {
    return this.entry(
      { kind: 'budget', doc: { action: 'release', fiscalYear: 2567, line: code, commitmentId, amountSatang, reason: 'ส่งมอบงานครบ เหลือจ่าย' } },
      options,
    );
  }

  /** A ฎีกา charged to budget line `code` (หมวด 532000), paid by transfer from 011. */
  payment(
    code: string,
    grossSatang: number,
    opts: { withholdingSatang?: number; commitmentId?: string; releaseSatang?: number; expenseAccount?: string } = {},
    options: EnvelopeOptions = {},
  ): Entry {
    return this.entry(budgetPayment(code, grossSatang, { ...opts, description: 'ค่าจ้างเหมาบริการ' }), options);
  }

  journal(lines: JournalLine[], options: EnvelopeOptions & { purpose?: 'general' | 'opening' } = {}): Entry {
    return this.entry(
      { kind: 'journal', doc: { voucherNo: 'บช1', purpose: options.purpose ?? 'general', description: 'ปรับปรุงบัญชี', lines } },
      options,
    );
  }

  cancel(target: Entry, options: EnvelopeOptions = {}): Entry {
    return this.entry(
      { kind: 'cancel', doc: { targetId: target.id, targetHash: target.hash, reason: 'บันทึกผิด' } },
      { date: target.date, ...options },
      target,
    );
  }
}
