import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { decodeImportFile, ImportFileError } from '../../src/app/backfill/decodeImportFile';

const bytesOf = (u8: Uint8Array): ArrayBuffer => u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength) as ArrayBuffer;

/** TIS-620 / windows-874: ASCII as is, Thai U+0E01–U+0E5B at 0xA1–0xFB (what a Thai Windows Excel saves). */
function windows874(text: string): ArrayBuffer {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x0e01 && cp <= 0x0e5b) out.push(cp - 0x0e00 + 0xa0);
    else throw new Error(`not in windows-874: ${ch}`);
  }
  return bytesOf(Uint8Array.from(out));
}

describe('decodeImportFile', () => {
  it('reads a UTF-8 CSV with a BOM: the BOM is not part of the first header, blank lines are skipped', async () => {
    const text = '\uFEFFวันที่,เล่มที่,จำนวนเงิน\r\n16/01/2567,1/2567,"1,234.50"\r\n\r\n17/01/2567,1/2567,40\r\n';
    const table = await decodeImportFile('ใบเสร็จ.csv', bytesOf(new TextEncoder().encode(text)));
    expect(table).toEqual([
      ['วันที่', 'เล่มที่', 'จำนวนเงิน'],
      ['16/01/2567', '1/2567', '1,234.50'],
      ['17/01/2567', '1/2567', '40'],
    ]);
  });

  it('reads a windows-874 (TIS-620) CSV as Thai text', async () => {
    const table = await decodeImportFile('RECEIPTS.CSV', windows874('วันที่,ผู้ชำระเงิน\r\n16/01/2567,นายสมชาย ใจดี\r\n'));
    expect(table).toEqual([
      ['วันที่', 'ผู้ชำระเงิน'],
      ['16/01/2567', 'นายสมชาย ใจดี'],
    ]);
  });

  it('reads an XLSX: a number cell as its stored text (never a float), a date cell as a Date', async () => {
    const date = new Date(Date.UTC(2024, 0, 16));
    const buffer = await writeXlsxFile(
      [
        [
          { value: 'วันที่', type: String },
          { value: 'จำนวนเงิน', type: String },
          { value: 'ผู้ชำระเงิน', type: String },
        ],
        [
          { value: date, type: Date, format: 'dd/mm/yyyy' },
          { value: 1234.5, type: Number },
          { value: 'นายสมชาย ใจดี', type: String },
        ],
        [null, { value: 0.1 + 0.2, type: Number }, { value: 'x', type: String }],
      ],
      { buffer: true },
    );
    const table = await decodeImportFile('receipts.xlsx', bytesOf(buffer));
    expect(table[0]).toEqual(['วันที่', 'จำนวนเงิน', 'ผู้ชำระเงิน']);
    const [d, amount, payer] = table[1]!;
    expect(d).toBeInstanceOf(Date);
    expect((d as Date).toISOString().slice(0, 10)).toBe('2024-01-16');
    expect(amount).toBe('1234.5');
    expect(payer).toBe('นายสมชาย ใจดี');
    // Whatever Excel stored, as text: the domain decides what a float's digits mean.
    expect(typeof table[2]![1]).toBe('string');
    expect(table[2]![0]).toBeNull();
  });

  it('refuses a file that is neither .csv nor .xlsx, in Thai', async () => {
    await expect(decodeImportFile('ใบเสร็จ.pdf', new ArrayBuffer(4))).rejects.toBeInstanceOf(ImportFileError);
    await expect(decodeImportFile('ใบเสร็จ.pdf', new ArrayBuffer(4))).rejects.toThrow(/รับเฉพาะไฟล์ \.csv หรือ \.xlsx/);
    await expect(decodeImportFile('old.xls', new ArrayBuffer(4))).rejects.toThrow(/\.xls/);
  });

  it('refuses a damaged XLSX and an empty CSV with a Thai message', async () => {
    await expect(decodeImportFile('broken.xlsx', bytesOf(new TextEncoder().encode('not a zip')))).rejects.toThrow(/เปิดไฟล์ broken\.xlsx ไม่ได้/);
    await expect(decodeImportFile('empty.csv', new ArrayBuffer(0))).rejects.toThrow(/ว่าง/);
  });
});
