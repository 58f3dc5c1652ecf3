/**
 * Money (เงิน) is an integer number of satang (สตางค์, 1 baht = 100 satang), everywhere:
 * floats lose satang (0.29 * 100 = 28.999…), and the books must be exact.
 */
export type Satang = number;

export const satangPerBaht = 100;

/**
 * The largest amount one document may carry: 100,000 million baht. Sums of thousands of such
 * amounts still stay below Number.MAX_SAFE_INTEGER (≈ 9.0e15), so totals never round.
 */
export const amountSatangMax = 10_000_000_000_000;

export type ParsedAmount =
  | { ok: true; satang: Satang }
  | { ok: false; messageTh: string };

/** True when `value` is a whole number of satang in the range a document may hold (sign aside). */
export function isSatang(value: unknown): value is Satang {
  return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= amountSatangMax;
}

const amountPattern = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Reads an amount in baht as officers type it, without ever going through a float.
 * @example parseBaht('1,234.50') // { ok: true, satang: 123450 }
 * @example parseBaht('฿ 12.5')   // { ok: true, satang: 1250 }
 * @example parseBaht('(100)')    // { ok: true, satang: -10000 }  accountants' negative
 */
export function parseBaht(text: string): ParsedAmount {
  // Most cells are already plain ("1234.50", an XLSX number's text): such text has nothing to strip
  // and reads the same, so the stripping below is skipped for it.
  const plain = amountPattern.exec(text);
  if (plain) return satangOf(plain, text);
  let t = text.trim();
  if (t.includes('฿') || t.includes('บาท')) t = t.replace(/฿|บาท/g, '');
  t = t.replace(/\s+/g, '');
  if (t === '') return { ok: false, messageTh: 'กรุณากรอกจำนวนเงิน' };
  if (/^\(.*\)$/.test(t)) t = '-' + t.slice(1, -1);
  if (t.includes(',')) {
    // Commas are thousands separators only: "1,234.50" yes, "1,23.4" no.
    if (!/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) {
      return { ok: false, messageTh: `จำนวนเงิน "${text.trim()}" ใส่เครื่องหมายจุลภาคไม่ถูกต้อง` };
    }
    t = t.replaceAll(',', '');
  }
  const m = amountPattern.exec(t);
  if (!m) {
    if (/^-?\d+\.\d{3,}$/.test(t)) {
      return { ok: false, messageTh: `จำนวนเงิน "${text.trim()}" มีทศนิยมเกิน 2 ตำแหน่ง (สตางค์)` };
    }
    return { ok: false, messageTh: `จำนวนเงิน "${text.trim()}" ไม่ใช่ตัวเลข` };
  }
  return satangOf(m, text);
}

/** The amount amountPattern matched in `text` (as typed, for the messages), within what a document may hold. */
function satangOf(m: RegExpExecArray, text: string): ParsedAmount {
  const [, minus, bahtDigits = '0', satangDigits = ''] = m;
  // Leading zeros do not count; only a long digit string can have more than 14 once they are gone.
  if (bahtDigits.length > 14 && bahtDigits.replace(/^0+/, '').length > 14) {
    return { ok: false, messageTh: `จำนวนเงิน "${text.trim()}" มากเกินกว่าที่ระบบรับได้` };
  }
  const satang = Number(bahtDigits) * satangPerBaht + Number(satangDigits.padEnd(2, '0'));
  if (!Number.isSafeInteger(satang) || satang > amountSatangMax) {
    return { ok: false, messageTh: `จำนวนเงิน "${text.trim()}" มากเกินกว่าที่ระบบรับได้` };
  }
  return { ok: true, satang: minus && satang !== 0 ? -satang : satang };
}

/**
 * Writes satang as baht with thousands separators and two decimals.
 * @example formatBaht(123450) // '1,234.50'
 */
export function formatBaht(satang: Satang): string {
  if (!Number.isSafeInteger(satang)) throw new RangeError(`not a whole number of satang: ${satang}`);
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  const baht = Math.floor(abs / satangPerBaht);
  const rest = abs % satangPerBaht;
  const grouped = String(baht).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${String(rest).padStart(2, '0')}`;
}

/** Adds satang amounts, refusing to leave the safe-integer range instead of rounding silently. */
export function sumSatang(amounts: readonly Satang[]): Satang {
  let total = 0;
  for (const a of amounts) {
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('sum of satang left the safe-integer range');
  }
  return total;
}
