import { describe, expect, it } from 'vitest';
import { receiptRegister } from '../../../src/domain/reports/receiptRegister';
import { baht, e16, e18, e5, e6, e7, e9, goldenEntries } from './fixtures';

describe('ทะเบียนคุมใบเสร็จรับเงิน', () => {
  const [book1, book2, ...rest] = receiptRegister(goldenEntries);

  it('lists each book by number, the cancelled one kept and marked', () => {
    expect(rest).toEqual([]);
    expect(book1!.rows.map((r) => [r.receiptNo, r.entryId, r.date, r.payer, r.amountSatang, r.cancelled])).toEqual([
      [1, e5.id, '2023-10-03', 'นายเอก', baht(1_200), false],
      [2, e6.id, '2023-10-03', 'นายโท', baht(800), false],
      [3, e7.id, '2023-10-03', 'นายตรี', baht(2_000), true],
      [5, e9.id, '2023-10-03', 'กรมสรรพากร', baht(30_000), false],
    ]);
    expect(book2!.rows.map((r) => [r.receiptNo, r.entryId, r.amountSatang])).toEqual([
      [1, e16.id, baht(700)],
      [2, e18.id, baht(500)],
    ]);
  });

  it('finds the gap, the cancelled numbers, the count and total of what stands', () => {
    expect(book1).toMatchObject({ bookNo: '1', lowestNo: 1, highestNo: 5, cancelledNos: [3], gaps: [{ fromNo: 4, toNo: 4 }], duplicateNos: [] });
    // 1,200 + 800 + 30,000 (1/3 cancelled)
    expect([book1!.validCount, book1!.validTotalSatang]).toEqual([3, baht(32_000)]);
    expect(book2).toMatchObject({ bookNo: '2', cancelledNos: [], gaps: [], validCount: 2, validTotalSatang: baht(1_200) });
  });
});
