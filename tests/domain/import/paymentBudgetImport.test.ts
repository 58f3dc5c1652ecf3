import { describe, expect, it } from 'vitest';
import { rowErrorText } from '../../../src/domain/csvTable';
import { importTemplateRows } from '../../../src/domain/import/importTemplates';
import { readImportTable } from '../../../src/domain/import/readImportTable';
import { lineDef } from '../builders';

const paymentHeader = importTemplateRows('payment')[0] ?? [];
const budgetLines = [lineDef('00111-532000-01')];

/** A ฎีกา row in the template's order: date, no, payee, description, line, deposit, gross, withholding, method, paid from, ref. */
function paymentRow(no: string, line: string, deposit: string, gross = '15,000', withholding = ''): string[] {
  return ['25/01/2567', no, 'หจก. สะอาดดี', 'ค่าจ้างเหมา', line, deposit, gross, withholding, 'โอน', '011', ''];
}

describe('reading ฎีกา rows (readImportTable payment)', () => {
  it('needs exactly one of a budget line and a deposit account, a known line, and a number not used before', () => {
    const reading = readImportTable(
      'payment',
      [
        paymentHeader,
        paymentRow('1/2567', '', ''),
        paymentRow('2/2567', '00111-532000-01', '902'),
        paymentRow('3/2567', '00111-999999-01', ''),
        paymentRow('4/2567', '00111-532000-01', '', '15,000', '(150)'),
        paymentRow('5/2567', '00111-532000-01', '', '100', '100'),
        paymentRow('6/2567', '00111-532000-01', '', '15,000', '0'),
        paymentRow('6/2567', '00111-532000-01', '', '1,000'),
      ],
      { budgetLines },
    );
    expect(reading.errors.map(rowErrorText)).toEqual([
      'แถว 2, คอลัมน์ รหัสงบประมาณ: กรุณากรอกรหัสงบประมาณ หรือบัญชีเงินรับฝากที่จ่าย อย่างใดอย่างหนึ่ง',
      'แถว 3, คอลัมน์ บัญชีเงินรับฝาก: กรอกได้อย่างใดอย่างหนึ่ง: รหัสงบประมาณ หรือบัญชีเงินรับฝาก',
      'แถว 4, คอลัมน์ รหัสงบประมาณ: ไม่มีรายการงบประมาณรหัส 00111-999999-01 ในปีงบประมาณ 2567',
      'แถว 5, คอลัมน์ ภาษีหัก ณ ที่จ่าย: จำนวนเงินที่หักต้องมากกว่า 0',
      'แถว 6, คอลัมน์ ภาษีหัก ณ ที่จ่าย: รายการหักรวม 100.00 บาท ต้องน้อยกว่าจำนวนเงินขอเบิก 100.00 บาท',
      'แถว 8, คอลัมน์ เลขที่ฎีกา: ฎีกาเลขที่ 6/2567 ซ้ำกับแถว 7 (ในปีงบประมาณเดียวกัน)',
    ]);
    expect(reading.entries).toHaveLength(1);
    expect(reading.entries[0]).toMatchObject({ rows: [7], doc: { voucherNo: '6/2567', grossSatang: 1500000, deductions: [], netSatang: 1500000 } });
  });

  it('refuses every budget-charged ฎีกา when the caller passes no lines, as the form does', () => {
    const reading = readImportTable('payment', [paymentHeader, paymentRow('1/2567', '00111-532000-01', '')]);
    expect(reading.errors.map(rowErrorText)).toEqual(['แถว 2, คอลัมน์ รหัสงบประมาณ: ไม่มีรายการงบประมาณรหัส 00111-532000-01 ในปีงบประมาณ 2567']);
  });
});

describe('reading budget rows (readImportTable budget)', () => {
  const header = ['ประเภทรายการ', 'วันที่', 'เลขที่เอกสาร', 'รหัสงบประมาณ', 'โอนลดจากรหัส', 'จำนวนเงิน', 'คู่สัญญา'];

  it('takes Thai and English action names and the lines of the books', () => {
    const reading = readImportTable(
      'budget',
      [
        header,
        ['กันเงิน', '01/02/2567', 'ใบสั่งซื้อ 7/2567', '00111-532000-01', '', '9,000', 'ร้านวัสดุ'],
        ['Commitment', '02/02/2567', 'ใบสั่งซื้อ 8/2567', '00111-532000-01', '', '1,000', 'ร้านวัสดุ'],
      ],
      { budgetLines },
    );
    expect(reading.errors).toEqual([]);
    expect(reading.entries.map((e) => e.doc)).toEqual([
      { action: 'commitment', fiscalYear: 2567, line: '00111-532000-01', amountSatang: 900000, reference: 'ใบสั่งซื้อ 7/2567', payee: 'ร้านวัสดุ' },
      { action: 'commitment', fiscalYear: 2567, line: '00111-532000-01', amountSatang: 100000, reference: 'ใบสั่งซื้อ 8/2567', payee: 'ร้านวัสดุ' },
    ]);
  });

  it('refuses an unknown action, a release (it must name a commitment on this PC), a transfer to the same line, and an identical row', () => {
    const commitment = ['ผูกพัน', '01/02/2567', 'สัญญา 5/2567', '00111-532000-01', '', '30,000', 'หจก. ก้าวหน้า'];
    const reading = readImportTable(
      'budget',
      [
        header,
        ['เบิก', '01/02/2567', 'x', '00111-532000-01', '', '1', ''],
        ['ยกเลิกผูกพัน', '01/02/2567', 'x', '00111-532000-01', '', '1', ''],
        ['โอน', '01/02/2567', 'คำสั่ง 1/2567', '00111-532000-01', '00111-532000-01', '1', ''],
        commitment,
        commitment,
      ],
      { budgetLines },
    );
    expect(reading.errors.map(rowErrorText)).toEqual([
      'แถว 2, คอลัมน์ ประเภทรายการ: ประเภทรายการ "เบิก" ไม่รู้จัก ใช้ ตั้งงบประมาณ งบเพิ่มเติม โอน ผูกพัน หรือ ประมาณการรายรับ',
      'แถว 3, คอลัมน์ ประเภทรายการ: ยกเลิกการผูกพันนำเข้าจากไฟล์ไม่ได้ เพราะต้องเลือกรายการผูกพันในเครื่อง กรุณาบันทึกในแบบฟอร์มงบประมาณ',
      'แถว 4, คอลัมน์ รหัสงบประมาณ: โอนงบประมาณให้รายการเดิมไม่ได้',
      'แถว 6, คอลัมน์ ประเภทรายการ: รายการนี้ซ้ำกับแถว 5 (วันที่ ประเภท รหัส และจำนวนเงินตรงกันทุกช่อง)',
    ]);
    expect(reading.entries.map((e) => e.rows)).toEqual([[5]]);
  });

  it('refuses an appropriation missing its line definition columns, naming each in column order', () => {
    const reading = readImportTable('budget', [
      [...header, 'หมวด', 'แหล่งเงิน'],
      ['ตั้งงบประมาณ', '01/10/2566', 'ข้อบัญญัติ 2567', '00111-532000-01', '', '500,000', '', '532000 ค่าใช้สอย', 'เงินกู้'],
    ]);
    expect(reading.errors.map(rowErrorText)).toEqual([
      'แถว 2, คอลัมน์ รหัสแผนงาน: กรุณากรอกรหัสแผนงาน',
      'แถว 2, คอลัมน์ แผนงาน: กรุณากรอกชื่อแผนงาน',
      'แถว 2, คอลัมน์ รหัสงาน: กรุณากรอกรหัสงาน',
      'แถว 2, คอลัมน์ งาน: กรุณากรอกชื่องาน',
      'แถว 2, คอลัมน์ งบ: กรุณากรอกงบ',
      'แถว 2, คอลัมน์ ประเภท: กรุณากรอกประเภทรายจ่าย',
      'แถว 2, คอลัมน์ แหล่งเงิน: "เงินกู้" ไม่ใช่แหล่งเงินที่รู้จัก ใช้ เงินงบประมาณ, เงินสะสม, เงินทุนสำรองเงินสะสม, เงินอุดหนุนระบุวัตถุประสงค์/เฉพาะกิจ, อื่น ๆ',
    ]);
  });
});
