import { describe, expect, it } from 'vitest';
import { screenOfHash, screens } from '../../src/app/Nav';

describe('the navigation', () => {
  it('reads the screen from the address hash, the receipt form by default', () => {
    expect(screenOfHash('#payment')).toBe('payment');
    expect(screenOfHash('#/register')).toBe('register');
    expect(screenOfHash('#fixes')).toBe('fixes');
    expect(screenOfHash('')).toBe('receipt');
    expect(screenOfHash('#nonsense')).toBe('receipt');
  });

  it('has a Thai label for every screen', () => {
    expect(screens.map((s) => s.labelTh)).toEqual([
      'ใบเสร็จรับเงิน', 'นำฝาก', 'ฎีกา', 'งบประมาณ', 'ใบผ่านรายการ', 'ลงย้อนหลัง', 'รายการทั้งหมด', 'ทะเบียนงบประมาณ', 'รายงาน', 'ตั้งค่า', 'รายการที่ต้องแก้ไข',
    ]);
  });
});
