/**
 * An account of the chart (ผังบัญชี), versioned by fiscal year: an account is usable for entries dated
 * in fiscal years validFromFy..validToFy (B.E.). Charts are data, never code paths: loading a new chart
 * adds versions and never rewrites an entry already recorded against an old code.
 */
import { z } from 'zod';

export type AccountType = 'asset' | 'liability' | 'equity' | 'revenue' | 'expense';
export type NormalSide = 'debit' | 'credit';

/**
 * What the forms and rules need to know of an account beyond its type:
 * `cash` เงินสด · `bank` a bank account (เงินฝากธนาคาร) · `deposit` a เงินรับฝาก sub-account (money held
 * for others: withholding tax, contract guarantees…) · `receivable` ลูกหนี้.
 */
export type AccountRole = 'cash' | 'bank' | 'deposit' | 'receivable';

export interface Account {
  code: string;
  nameTh: string;
  type: AccountType;
  normalSide: NormalSide;
  /** The heading it sits under (หมวด), if any. */
  parent?: string;
  /** Headings group accounts and are never posted to. */
  postable: boolean;
  role?: AccountRole;
  validFromFy: number;
  validToFy?: number;
}

export const accountCodePattern = /^\d{3,16}$/;

export const accountSchema = z
  .object({
    code: z.string().regex(accountCodePattern, { error: 'รหัสบัญชีต้องเป็นตัวเลข 3–16 หลัก' }),
    nameTh: z.string().trim().min(1, { error: 'กรุณากรอกชื่อบัญชี' }).max(200, { error: 'ชื่อบัญชียาวเกิน 200 ตัวอักษร' }),
    type: z.enum(['asset', 'liability', 'equity', 'revenue', 'expense'], {
      error: 'ประเภทบัญชีต้องเป็น asset, liability, equity, revenue หรือ expense',
    }),
    normalSide: z.enum(['debit', 'credit'], { error: 'ด้านปกติต้องเป็น debit หรือ credit' }),
    parent: z.string().regex(accountCodePattern, { error: 'รหัสบัญชีแม่ต้องเป็นตัวเลข 3–16 หลัก' }).optional(),
    postable: z.boolean(),
    role: z.enum(['cash', 'bank', 'deposit', 'receivable'], { error: 'บทบาทบัญชีไม่ถูกต้อง' }).optional(),
    validFromFy: z.number().int().min(2500).max(2700),
    validToFy: z.number().int().min(2500).max(2700).optional(),
  })
  .strict()
  .refine((a) => a.validToFy === undefined || a.validToFy >= a.validFromFy, {
    error: 'ปีงบประมาณสิ้นสุดต้องไม่ก่อนปีที่เริ่มใช้',
    path: ['validToFy'],
  });

/** The side an account type normally carries its balance on. */
export function normalSideOf(type: AccountType): NormalSide {
  return type === 'asset' || type === 'expense' ? 'debit' : 'credit';
}

export const accountTypeNamesTh: Record<AccountType, string> = {
  asset: 'สินทรัพย์',
  liability: 'หนี้สิน',
  equity: 'ทุน',
  revenue: 'รายได้',
  expense: 'รายจ่าย',
};
