import { describe, expect, it } from 'vitest';
import { accountIn } from '../../../src/domain/chart/chart';
import { parseChartCsv } from '../../../src/domain/chart/chartCsv';
import { rowErrorText } from '../../../src/domain/csvTable';

describe('loading the official chart from CSV', () => {
  it('reads Thai headers in any order, with a BOM and stray spaces, and derives the normal side', () => {
    const csv = '\uFEFF ชื่อบัญชี , รหัสบัญชี,ประเภท,ปีเริ่มใช้,บัญชีแม่,ลงรายการได้,บทบาท\n' +
      'เงินสด,010,สินทรัพย์,2568,,ใช่,cash\n' +
      'เงินรับฝาก,900,หนี้สิน,2568,,ไม่,\n' +
      'ภาษีหัก ณ ที่จ่าย,902,หนี้สิน,2568,900,ใช่,deposit\n';
    const r = parseChartCsv(csv, 'ผังบัญชี ว 2431');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.chart.versionLabel).toBe('ผังบัญชี ว 2431');
    expect(r.chart.accounts).toEqual([
      { code: '010', nameTh: 'เงินสด', type: 'asset', normalSide: 'debit', postable: true, role: 'cash', validFromFy: 2568 },
      { code: '900', nameTh: 'เงินรับฝาก', type: 'liability', normalSide: 'credit', postable: false, validFromFy: 2568 },
      { code: '902', nameTh: 'ภาษีหัก ณ ที่จ่าย', type: 'liability', normalSide: 'credit', parent: '900', postable: true, role: 'deposit', validFromFy: 2568 },
    ]);
    expect(accountIn(r.chart, '010', 2567)).toBeUndefined(); // not valid before its first year
    expect(accountIn(r.chart, '010', 2570)?.nameTh).toBe('เงินสด');
  });

  it('accepts English headers', () => {
    const r = parseChartCsv('code,name,type,validFromFy,validToFy\n411001,ภาษีที่ดิน,revenue,2567,2569\n', 'v');
    expect(r.ok && r.chart.accounts[0]).toMatchObject({ code: '411001', normalSide: 'credit', validToFy: 2569 });
  });

  it('names every bad row and column in Thai and loads nothing', () => {
    const csv = 'รหัสบัญชี,ชื่อบัญชี,ประเภท,ปีเริ่มใช้,บัญชีแม่\n' +
      '010,เงินสด,สินทรัพย์,2568,\n' +
      '010,เงินสดซ้ำ,สินทรัพย์,2568,\n' +
      'ABC,บัญชีผิด,สินทรัพย์,2568,\n' +
      '011,ธนาคาร,ทรัพย์สิน,2568,\n' +
      '012,ธนาคาร,สินทรัพย์,68,\n' +
      '013,ลูก,สินทรัพย์,2568,999\n';
    const r = parseChartCsv(csv, 'v');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(rowErrorText)).toEqual([
      'แถว 3, คอลัมน์ รหัสบัญชี: รหัสบัญชี 010 ซ้ำกับแถว 2',
      'แถว 4, คอลัมน์ รหัสบัญชี: รหัสบัญชีต้องเป็นตัวเลข 3–16 หลัก',
      'แถว 5, คอลัมน์ ประเภท: "ทรัพย์สิน" ไม่ใช่ประเภทบัญชี (สินทรัพย์ หนี้สิน ทุน รายได้ รายจ่าย)',
      'แถว 6, คอลัมน์ ปีเริ่มใช้: "68" ต้องเป็นปี พ.ศ. 4 หลัก',
      'แถว 7, คอลัมน์ บัญชีแม่: ไม่มีบัญชีแม่รหัส 999 ในไฟล์',
    ]);
  });

  it('refuses a file without the required columns', () => {
    const r = parseChartCsv('รหัสบัญชี,ชื่อบัญชี\n010,เงินสด\n', 'v');
    expect(r.ok ? [] : r.errors.map((e) => e.messageTh)).toEqual(['ไม่พบคอลัมน์ ประเภท', 'ไม่พบคอลัมน์ ปีเริ่มใช้']);
  });
});
