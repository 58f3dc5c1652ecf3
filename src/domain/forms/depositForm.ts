/** The นำฝาก form: cash on hand taken to the bank (Dr the bank account / Cr เงินสด). */
import { depositDocSchema, type DepositDoc } from '../kinds/deposit';
import { ErrorCollector, optionalText, pathMap, readAmount, readDate, type FormResult } from './formResult';

export interface DepositFormInput {
  dateBe: string;
  fromCashAccount: string;
  toBankAccount: string;
  amountBaht: string;
  /** Bank pay-in slip number (ใบนำฝาก), optional. */
  slipNo: string;
}

/**
 * @example readDepositForm({ dateBe: '17/01/2567', fromCashAccount: '010', toBankAccount: '011', amountBaht: '2,000', slipNo: '' })
 *   // { ok: true, date: '2024-01-17', kind: 'deposit', doc: { fromCashAccount: '010', toBankAccount: '011', amountSatang: 200000 } }
 */
export function readDepositForm(input: DepositFormInput): FormResult<'deposit'> {
  const errors = new ErrorCollector();
  const date = readDate(input.dateBe, errors);
  if (input.fromCashAccount.trim() === '') errors.add('fromCashAccount', 'กรุณาเลือกบัญชีเงินสด');
  if (input.toBankAccount.trim() === '') errors.add('toBankAccount', 'กรุณาเลือกบัญชีเงินฝากธนาคารที่นำฝาก');
  const amountSatang = readAmount(input.amountBaht, errors, 'amountBaht', 'จำนวนเงินนำฝาก');
  const slipNo = optionalText(input.slipNo);
  const parsed = depositDocSchema.safeParse({
    fromCashAccount: input.fromCashAccount.trim() || '000',
    toBankAccount: input.toBankAccount.trim() || '000',
    amountSatang: amountSatang ?? 1,
    ...(slipNo ? { slipNo } : {}),
  });
  if (!parsed.success) errors.addIssues(parsed.error, depositFieldOf);
  if (!errors.empty || date === undefined || !parsed.success) return { ok: false, errors: errors.errors };
  return { ok: true, date, kind: 'deposit', doc: parsed.data as DepositDoc };
}

/** The form field that shows a deposit document path. */
export const depositFieldOf = pathMap([
  [/^date$/, 'dateBe'],
  [/^(fromCashAccount|toBankAccount|slipNo)$/, '$1'],
  [/^amountSatang$/, 'amountBaht'],
]);
