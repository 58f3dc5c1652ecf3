import { describe, expect, it } from 'vitest';
import { parseBudgetCsv } from '../../../src/domain/budget/budgetCsv';
import { rowErrorText } from '../../../src/domain/csvTable';

const header = 'รหัสรายการ,ปีงบประมาณ,รหัสแผนงาน,แผนงาน,รหัสงาน,งาน,งบ,หมวด,ประเภท,โครงการ,แหล่งเงิน,จำนวนเงิน';

describe('loading the budget structure from CSV', () => {
  it('reads lines by code (16 digits stay exact), amounts as typed, and skips subtotal rows', () => {
    const csv = [
      header,
      '9969011121010001,2569,00110,บริหารงานทั่วไป,00111,งานบริหารทั่วไป,งบดำเนินงาน,532000 ค่าใช้สอย,รายจ่ายเพื่อให้ได้มาซึ่งบริการ,,เงินงบประมาณ,"120,000.00"',
      '9969011121010002.0,2569,00110,บริหารงานทั่วไป,00111,งานบริหารทั่วไป,งบดำเนินงาน,533000,ค่าวัสดุสำนักงาน,จัดซื้อวัสดุ,,"฿ 35,500.50"',
      ',2569,,,,รวมงานบริหารทั่วไป,,,,,,"155,500.50"',
    ].join('\n');
    const r = parseBudgetCsv(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.skippedSubtotalRows).toEqual([4]);
    expect(r.rows.map((x) => [x.row, x.line.code, x.line.categoryAccount, x.line.fundSource, x.amountSatang])).toEqual([
      [2, '9969011121010001', '532000', 'budget', 12_000_000],
      [3, '9969011121010002', '533000', 'budget', 3_550_050],
    ]);
    expect(r.rows[1]!.line.projectName).toBe('จัดซื้อวัสดุ');
  });

  it('names every bad row in Thai and loads nothing', () => {
    const csv = [
      header,
      'L1,2569,00110,บริหารงานทั่วไป,00111,งานบริหารทั่วไป,งบดำเนินงาน,532000,ค่าใช้สอย,,,abc',
      'L1,2569,00110,บริหารงานทั่วไป,00111,งานบริหารทั่วไป,งบดำเนินงาน,532000,ค่าใช้สอย,,,100',
      'L1,2569,00110,บริหารงานทั่วไป,00111,งานบริหารทั่วไป,งบดำเนินงาน,532000,ค่าใช้สอย,,,100',
      'L2,69,00110,บริหารงานทั่วไป,00111,งานบริหารทั่วไป,งบดำเนินงาน,532000,ค่าใช้สอย,,เงินกู้นอก,100',
    ].join('\n');
    const r = parseBudgetCsv(csv);
    expect(r.ok ? [] : r.errors.map(rowErrorText)).toEqual([
      'แถว 2, คอลัมน์ จำนวนเงิน: จำนวนเงิน "abc" ไม่ใช่ตัวเลข',
      'แถว 3, คอลัมน์ รหัสรายการ: รหัสรายการ L1 ซ้ำกับแถว 2',
      'แถว 4, คอลัมน์ รหัสรายการ: รหัสรายการ L1 ซ้ำกับแถว 2',
      'แถว 5, คอลัมน์ แหล่งเงิน: "เงินกู้นอก" ไม่ใช่แหล่งเงินที่รู้จัก',
      'แถว 5, คอลัมน์ ปีงบประมาณ: "69" ต้องเป็นปี พ.ศ. 4 หลัก',
    ]);
  });
});
