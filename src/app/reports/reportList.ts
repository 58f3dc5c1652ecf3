/** The reports the รายงาน screen offers, in the order an officer uses them; `ready` once its screen exists. */
export type ReportId =
  | 'dailyStatus'
  | 'trialBalance'
  | 'cashReceipts'
  | 'cashPayments'
  | 'generalJournal'
  | 'ledger'
  | 'receiptRegister'
  | 'depositRegister'
  | 'revenueRegister'
  | 'monthlyReport';

export const reportList: readonly { id: ReportId; titleTh: string; ready: boolean }[] = [
  { id: 'dailyStatus', titleTh: 'รายงานสถานะการเงินประจำวัน', ready: true },
  { id: 'trialBalance', titleTh: 'งบทดลอง', ready: true },
  { id: 'cashReceipts', titleTh: 'สมุดเงินสดรับ', ready: true },
  { id: 'cashPayments', titleTh: 'สมุดเงินสดจ่าย', ready: true },
  { id: 'generalJournal', titleTh: 'สมุดรายวันทั่วไป', ready: true },
  { id: 'ledger', titleTh: 'บัญชีแยกประเภท', ready: true },
  { id: 'receiptRegister', titleTh: 'ทะเบียนคุมใบเสร็จรับเงิน', ready: true },
  { id: 'depositRegister', titleTh: 'ทะเบียนเงินรับฝาก', ready: true },
  { id: 'revenueRegister', titleTh: 'ทะเบียนเงินรายรับ', ready: true },
  { id: 'monthlyReport', titleTh: 'รายงานรับ-จ่ายเงิน', ready: true },
];

/**
 * The day before an ISO date (the end of ยอดยกมา).
 * @example dayBefore('2024-03-01') // '2024-02-29'
 */
export function dayBefore(iso: string): string {
  const t = Date.parse(`${iso}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
