/**
 * The few accounts the receipt skeleton needs. Provisional: the official LAO chart (ว 2431) is not yet
 * obtained (DOMAIN.md §4), so asset codes follow the GFMIS chart and revenue items take their หมวด code
 * (411000–421000, DOMAIN.md §5.3) with a running item number. Issue 3 replaces this with chart data.
 */
export type AccountType = 'asset' | 'liability' | 'equity' | 'revenue' | 'expense';

export interface Account {
  code: string;
  nameTh: string;
  type: AccountType;
}

export const cashAccount: Account = { code: '1101010101', nameTh: 'เงินสด', type: 'asset' };
export const bankAccount: Account = { code: '1101020603', nameTh: 'เงินฝากธนาคาร', type: 'asset' };

/** รายได้ items an officer can pick on a receipt. */
export const revenueAccounts: readonly Account[] = [
  { code: '411001', nameTh: 'ภาษีที่ดินและสิ่งปลูกสร้าง', type: 'revenue' },
  { code: '411002', nameTh: 'ภาษีป้าย', type: 'revenue' },
  { code: '411003', nameTh: 'อากรการฆ่าสัตว์', type: 'revenue' },
  { code: '412001', nameTh: 'ค่าธรรมเนียมเก็บและขนมูลฝอย', type: 'revenue' },
  { code: '412002', nameTh: 'ค่าธรรมเนียมใบอนุญาตขายสุรา', type: 'revenue' },
  { code: '412003', nameTh: 'ค่าธรรมเนียมเกี่ยวกับการควบคุมอาคาร', type: 'revenue' },
  { code: '413001', nameTh: 'ดอกเบี้ยเงินฝากธนาคาร', type: 'revenue' },
  { code: '415001', nameTh: 'รายได้เบ็ดเตล็ดอื่น', type: 'revenue' },
];

const byCode = new Map<string, Account>(
  [cashAccount, bankAccount, ...revenueAccounts].map((a) => [a.code, a]),
);

/** The account with this code, or undefined when the chart has none. */
export function accountByCode(code: string): Account | undefined {
  return byCode.get(code);
}

export function isRevenueAccountCode(code: string): boolean {
  return revenueAccounts.some((a) => a.code === code);
}
