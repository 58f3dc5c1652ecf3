import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../../src/domain/chart/defaultChart';
import { totalsOf } from '../../../src/domain/reports/accountTotals';
import { dailyStatus } from '../../../src/domain/reports/dailyStatus';
import { baht, entriesBefore, goldenEntries } from './fixtures';

const statusOf = (date: string) =>
  dailyStatus(date, totalsOf(entriesBefore(date)), goldenEntries.filter((e) => e.date === date), defaultChart);

const bankRows = (s: ReturnType<typeof statusOf>) =>
  s.banks.map((b) => [b.account, b.broughtForwardSatang, b.receivedSatang, b.paidSatang, b.carriedForwardSatang]);

describe('รายงานสถานะการเงินประจำวัน', () => {
  it('on 1 October reads the opening balances as ยอดยกมา, not as money received', () => {
    const s = statusOf('2023-10-01');
    expect(s.cash).toEqual({ broughtForwardSatang: baht(5_000), receivedSatang: 0, depositedToBankSatang: 0, paidSatang: 0, carriedForwardSatang: baht(5_000) });
    expect(bankRows(s)).toEqual([
      ['011', baht(200_000), 0, 0, baht(200_000)],
      ['012', baht(50_000), 0, 0, baht(50_000)],
    ]);
  });

  it('on 3 October counts the receipts net of the cancelled one, and the transfer into the bank', () => {
    const s = statusOf('2023-10-03');
    // รับ 1,200 + 800 + 2,000 − 2,000 (ยกเลิก 1/3) = 2,000; ยกไป 5,000 + 2,000 = 7,000
    expect(s.cash).toEqual({ broughtForwardSatang: baht(5_000), receivedSatang: baht(2_000), depositedToBankSatang: 0, paidSatang: 0, carriedForwardSatang: baht(7_000) });
    expect(bankRows(s)).toEqual([
      ['011', baht(200_000), baht(30_000), 0, baht(230_000)],
      ['012', baht(50_000), 0, 0, baht(50_000)],
    ]);
    expect(s.bankTotal).toEqual({ broughtForwardSatang: baht(250_000), receivedSatang: baht(30_000), paidSatang: 0, carriedForwardSatang: baht(280_000) });
  });

  it('on 4 October shows the นำฝาก out of cash and into the bank', () => {
    const s = statusOf('2023-10-04');
    expect(s.cash).toEqual({ broughtForwardSatang: baht(7_000), receivedSatang: 0, depositedToBankSatang: baht(2_000), paidSatang: 0, carriedForwardSatang: baht(5_000) });
    expect(bankRows(s)[0]).toEqual(['011', baht(230_000), baht(2_000), 0, baht(232_000)]);
    expect(s.bankTotal.carriedForwardSatang).toBe(baht(282_000));
  });

  it('on 5 October pays the guarantee back in cash and the ฎีกา net from the bank', () => {
    const s = statusOf('2023-10-05');
    expect(s.cash).toEqual({ broughtForwardSatang: baht(5_000), receivedSatang: 0, depositedToBankSatang: 0, paidSatang: baht(500), carriedForwardSatang: baht(4_500) });
    // 232,000 − 9,900 = 222,100
    expect(bankRows(s)[0]).toEqual(['011', baht(232_000), 0, baht(9_900), baht(222_100)]);
  });
});
