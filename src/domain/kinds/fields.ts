/** zod fields shared by the documents of every kind, each with its Thai message. */
import { z } from 'zod';
import { accountCodePattern } from '../chart/account';
import { uuidPattern } from '../entryId';
import { amountSatangMax } from '../money';

/** A positive amount of satang that one document may carry. */
export function amountField(whatTh: string) {
  return z
    .number({ error: `${whatTh}ต้องเป็นตัวเลข` })
    .int({ error: `${whatTh}ต้องเป็นจำนวนเต็มสตางค์` })
    .min(1, { error: `${whatTh}ต้องมากกว่า 0` })
    .max(amountSatangMax, { error: `${whatTh}มากเกินกว่าที่ระบบรับได้` });
}

/** Zero or more satang (a deduction total, a commitment release). */
export function amountOrZeroField(whatTh: string) {
  return z
    .number({ error: `${whatTh}ต้องเป็นตัวเลข` })
    .int({ error: `${whatTh}ต้องเป็นจำนวนเต็มสตางค์` })
    .min(0, { error: `${whatTh}ต้องไม่ติดลบ` })
    .max(amountSatangMax, { error: `${whatTh}มากเกินกว่าที่ระบบรับได้` });
}

export function textField(whatTh: string, max = 200) {
  return z
    .string({ error: `กรุณากรอก${whatTh}` })
    .trim()
    .min(1, { error: `กรุณากรอก${whatTh}` })
    .max(max, { error: `${whatTh}ยาวเกิน ${max} ตัวอักษร` });
}

export function optionalTextField(whatTh: string, max = 200) {
  return z.string().trim().max(max, { error: `${whatTh}ยาวเกิน ${max} ตัวอักษร` }).optional();
}

export function accountField(whatTh: string) {
  return z.string({ error: `กรุณาเลือก${whatTh}` }).regex(accountCodePattern, { error: `${whatTh}: รหัสบัญชีต้องเป็นตัวเลข 3–16 หลัก` });
}

export const entryIdField = z.string({ error: 'กรุณาระบุรายการ' }).regex(uuidPattern, { error: 'รหัสรายการไม่ถูกต้อง' });
