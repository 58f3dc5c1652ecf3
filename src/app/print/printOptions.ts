/**
 * How documents and reports are printed on this PC: Thai digits (๐–๙, as in official announcements) or
 * Arabic ones, and how a final 1 is read in amounts in words (เอ็ด always, as Excel's BAHTTEXT, or
 * only after สิบ). Kept in the store's meta table under `printOptions`; set on the ตั้งค่า screen.
 */
import { thaiDigits, type EdMode } from '../../domain/bahtText';
import { readMetaValue, writeMetaValue, type SamutDb } from '../../store';

export interface PrintOptions {
  thaiDigits: boolean;
  ed: EdMode;
}

export const defaultPrintOptions: PrintOptions = { thaiDigits: false, ed: 'always' };

export const printOptionsMetaKey = 'printOptions';

/** Reads stored options; anything missing or damaged falls back to the defaults. */
export function readPrintOptionsValue(value: unknown): PrintOptions {
  if (typeof value !== 'object' || value === null) return defaultPrintOptions;
  const v = value as Partial<PrintOptions>;
  return {
    thaiDigits: typeof v.thaiDigits === 'boolean' ? v.thaiDigits : defaultPrintOptions.thaiDigits,
    ed: v.ed === 'always' || v.ed === 'tensOnly' ? v.ed : defaultPrintOptions.ed,
  };
}

export async function loadPrintOptions(db: SamutDb): Promise<PrintOptions> {
  return readPrintOptionsValue(await readMetaValue(db, printOptionsMetaKey));
}

export async function savePrintOptions(db: SamutDb, options: PrintOptions): Promise<void> {
  await writeMetaValue(db, printOptionsMetaKey, readPrintOptionsValue(options));
}

/**
 * The digits function paper uses: Thai digits when chosen, the text unchanged otherwise.
 * @example digitsFor({ thaiDigits: true, ed: 'always' })('1,540.50') // '๑,๕๔๐.๕๐'
 */
export function digitsFor(options: PrintOptions): (text: string) => string {
  return options.thaiDigits ? thaiDigits : (text) => text;
}
