/**
 * Budget entries (งบประมาณ): memo records that move the budget register, with no journal lines.
 * - appropriation: the year's budget for a line, from the ข้อบัญญัติ/เทศบัญญัติ (it defines the line);
 * - supplementary: งบประมาณเพิ่มเติม for a line (may define a new one);
 * - transfer: โอนลด from one line, โอนเพิ่ม to another (which may be new: ตั้งจ่ายเป็นรายการใหม่);
 * - commitment: ผูกพัน/กันเงิน against a line (a contract, a purchase order);
 * - release: returns part or all of a commitment to the line;
 * - revenueEstimate: ประมาณการรายรับ of a revenue item for the year (the revenue register's estimate
 *   column); it moves no budget line.
 */
import { z } from 'zod';
import {
  budgetLineCodeSchema,
  budgetLineDefSchema,
  fiscalYearSchema,
  type BudgetEffect,
  type BudgetLineDef,
} from '../budget/budgetLine';
import type { Satang } from '../money';
import { accountField, amountField, entryIdField, textField } from './fields';

export type BudgetDoc =
  | { action: 'appropriation'; line: BudgetLineDef; amountSatang: Satang; reference: string }
  | { action: 'supplementary'; line: BudgetLineDef; amountSatang: Satang; reference: string }
  | {
      action: 'transfer';
      fiscalYear: number;
      fromLine: string;
      toLine: string;
      /** Present when the receiving line is new. */
      toLineDef?: BudgetLineDef;
      amountSatang: Satang;
      reference: string;
    }
  | { action: 'commitment'; fiscalYear: number; line: string; amountSatang: Satang; reference: string; payee: string }
  | { action: 'release'; fiscalYear: number; line: string; commitmentId: string; amountSatang: Satang; reason: string }
  | { action: 'revenueEstimate'; fiscalYear: number; account: string; amountSatang: Satang; reference: string };

export type BudgetAction = BudgetDoc['action'];

export const budgetActionNamesTh: Record<BudgetAction, string> = {
  appropriation: 'ตั้งงบประมาณ (ข้อบัญญัติ/เทศบัญญัติ)',
  supplementary: 'งบประมาณเพิ่มเติม',
  transfer: 'โอนงบประมาณ (โอนลด/โอนเพิ่ม)',
  commitment: 'ผูกพันงบประมาณ/กันเงิน',
  release: 'ยกเลิกการผูกพัน',
  revenueEstimate: 'ประมาณการรายรับ',
};

const reference = textField('เลขที่/อ้างอิงเอกสาร', 100);

export const budgetDocSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('appropriation'), line: budgetLineDefSchema, amountSatang: amountField('จำนวนเงินงบประมาณ'), reference }).strict(),
    z.object({ action: z.literal('supplementary'), line: budgetLineDefSchema, amountSatang: amountField('จำนวนเงินงบเพิ่มเติม'), reference }).strict(),
    z
      .object({
        action: z.literal('transfer'),
        fiscalYear: fiscalYearSchema,
        fromLine: budgetLineCodeSchema,
        toLine: budgetLineCodeSchema,
        toLineDef: budgetLineDefSchema.optional(),
        amountSatang: amountField('จำนวนเงินที่โอน'),
        reference,
      })
      .strict()
      .refine((d) => d.fromLine !== d.toLine, { error: 'โอนงบประมาณให้รายการเดิมไม่ได้', path: ['toLine'] })
      .refine((d) => !d.toLineDef || (d.toLineDef.code === d.toLine && d.toLineDef.fiscalYear === d.fiscalYear), {
        error: 'รายละเอียดรายการใหม่ต้องตรงกับรหัสและปีงบประมาณที่โอนเข้า',
        path: ['toLineDef'],
      }),
    z
      .object({
        action: z.literal('commitment'),
        fiscalYear: fiscalYearSchema,
        line: budgetLineCodeSchema,
        amountSatang: amountField('จำนวนเงินผูกพัน'),
        reference,
        payee: textField('ชื่อคู่สัญญา/ผู้ขาย'),
      })
      .strict(),
    z
      .object({
        action: z.literal('release'),
        fiscalYear: fiscalYearSchema,
        line: budgetLineCodeSchema,
        commitmentId: entryIdField,
        amountSatang: amountField('จำนวนเงินที่ยกเลิกผูกพัน'),
        reason: textField('เหตุผล', 300),
      })
      .strict(),
    z
      .object({
        action: z.literal('revenueEstimate'),
        fiscalYear: fiscalYearSchema,
        account: accountField('รายการรายได้'),
        amountSatang: amountField('จำนวนเงินประมาณการ'),
        reference,
      })
      .strict(),
  ],
  { error: 'กรุณาเลือกประเภทรายการงบประมาณ' },
);

/** The fiscal year a budget document is about. */
export function budgetFiscalYearOf(doc: BudgetDoc): number {
  return doc.action === 'appropriation' || doc.action === 'supplementary' ? doc.line.fiscalYear : doc.fiscalYear;
}

/** Lines a budget document brings into existence (or re-states). */
export function budgetLineDefsOf(doc: BudgetDoc): BudgetLineDef[] {
  if (doc.action === 'appropriation' || doc.action === 'supplementary') return [doc.line];
  if (doc.action === 'transfer' && doc.toLineDef) return [doc.toLineDef];
  return [];
}

/** How a budget document moves the register. `entryId` names a commitment by the entry that made it. */
export function budgetDocEffects(doc: BudgetDoc, entryId: string): BudgetEffect[] {
  switch (doc.action) {
    case 'appropriation':
      return [{ fiscalYear: doc.line.fiscalYear, lineCode: doc.line.code, column: 'appropriationSatang', amountSatang: doc.amountSatang }];
    case 'supplementary':
      return [{ fiscalYear: doc.line.fiscalYear, lineCode: doc.line.code, column: 'supplementarySatang', amountSatang: doc.amountSatang }];
    case 'transfer':
      return [
        { fiscalYear: doc.fiscalYear, lineCode: doc.fromLine, column: 'transferOutSatang', amountSatang: doc.amountSatang },
        { fiscalYear: doc.fiscalYear, lineCode: doc.toLine, column: 'transferInSatang', amountSatang: doc.amountSatang },
      ];
    case 'commitment':
      return [{ fiscalYear: doc.fiscalYear, lineCode: doc.line, column: 'committedSatang', amountSatang: doc.amountSatang, commitmentId: entryId }];
    case 'release':
      return [{ fiscalYear: doc.fiscalYear, lineCode: doc.line, column: 'committedSatang', amountSatang: -doc.amountSatang, commitmentId: doc.commitmentId }];
    case 'revenueEstimate':
      return [];
  }
}
