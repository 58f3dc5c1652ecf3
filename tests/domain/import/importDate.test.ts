import { describe, expect, it } from 'vitest';
import { parseImportDate } from '../../../src/domain/import/importDate';

describe('dates as offices type them in sheets (parseImportDate)', () => {
  it.each([
    ['16/01/2567', '2024-01-16'],
    ['16/1/2567', '2024-01-16'],
    ['16/1/67', '2024-01-16'],
    ['2567-01-16', '2024-01-16'],
    ['16-01-2567', '2024-01-16'],
    ['2024-01-16', '2024-01-16'],
    ['16/01/2024', '2024-01-16'],
    ['๑๖/๐๑/๒๕๖๗', '2024-01-16'],
    [' 29/02/2567 ', '2024-02-29'],
    ['1/10/66', '2023-10-01'],
  ])('reads "%s" as %s', (typed, iso) => {
    expect(parseImportDate(typed)).toEqual({ ok: true, iso });
  });

  it('reads an XLSX date cell (UTC midnight) by its UTC calendar day', () => {
    expect(parseImportDate(new Date(Date.UTC(2024, 0, 16)))).toEqual({ ok: true, iso: '2024-01-16' });
    expect(parseImportDate(new Date(Date.UTC(2023, 11, 31)))).toEqual({ ok: true, iso: '2023-12-31' });
  });

  it('reads a 5-digit Excel serial day (a date cell that lost its format) only between 2000 and 2099', () => {
    expect(parseImportDate('45307')).toEqual({ ok: true, iso: '2024-01-16' });
    expect(parseImportDate('36526')).toEqual({ ok: true, iso: '2000-01-01' });
    expect(parseImportDate('73050')).toEqual({ ok: true, iso: '2099-12-31' });
    expect(parseImportDate('36525').ok).toBe(false);
    expect(parseImportDate('73051').ok).toBe(false);
    expect(parseImportDate('4530').ok).toBe(false);
  });

  it('refuses a day that does not exist, in Thai', () => {
    expect(parseImportDate('31/02/2567')).toEqual({ ok: false, messageTh: 'วันที่ 31/02/2567 ไม่มีอยู่จริง' });
    expect(parseImportDate('29/02/2566')).toEqual({ ok: false, messageTh: 'วันที่ 29/02/2566 ไม่มีอยู่จริง' });
    expect(parseImportDate('2567-13-01')).toEqual({ ok: false, messageTh: 'วันที่ 2567-13-01 ไม่มีอยู่จริง' });
  });

  it('refuses years that are neither a plausible B.E. nor C.E. year, and text that is not a date', () => {
    expect(parseImportDate('16/01/2300')).toEqual({ ok: false, messageTh: 'ปี 2300 ในวันที่ 16/01/2300 ไม่ใช่ปี พ.ศ. หรือ ค.ศ. ที่อ่านได้' });
    expect(parseImportDate('16/01/2800')).toEqual({ ok: false, messageTh: 'ปี พ.ศ. 2800 ไม่ถูกต้อง (ต้องอยู่ระหว่าง 2500–2700)' });
    expect(parseImportDate('16 ม.ค. 67')).toEqual({ ok: false, messageTh: 'วันที่ "16 ม.ค. 67" อ่านไม่ได้ ใช้รูปแบบ วว/ดด/ปปปป (พ.ศ.) เช่น 16/01/2567' });
    expect(parseImportDate('')).toEqual({ ok: false, messageTh: 'กรุณากรอกวันที่' });
    expect(parseImportDate(new Date(Number.NaN)).ok).toBe(false);
  });
});
