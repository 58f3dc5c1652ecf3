/**
 * Every entry format (the entry's `schema` field) this version of Samut reads, each by its own reader.
 * An entry is never rewritten into a newer format: its hash seals the content as recorded, so an
 * entry that waited months in a queue, or comes back from a backup file, is read by the reader of
 * the format it was recorded in, and posted as it is.
 *
 * Only format 1 exists. Adding format 2: freeze today's schema as format 1's reader (a copy of
 * entrySchema as it is now, plus the hash and lines checks), make entry.ts build format 2, and add
 * `2: checkEntry` below; tests/domain/entryFormats.test.ts then reads the committed fixture of each
 * older format.
 */
import { checkEntry, entrySchemaVersion, type EntryCheck } from './entry';

/** A reader of one format: validates the raw value and answers it as an Entry, or says why not (Thai). */
export type EntryFormatReader = (raw: unknown) => EntryCheck;

/** Readers by format number; every format ever shipped stays here. */
export const entryFormatReaders: Readonly<Record<number, EntryFormatReader>> = {
  1: checkEntry,
};

/** The formats this version reads, oldest first. */
export const entryFormatsRead: readonly number[] = Object.keys(entryFormatReaders).map(Number).sort((a, b) => a - b);

/**
 * Reads an entry of any format this version knows: checked against its own format's schema, lines and
 * hash. A format newer than this app says to update the app, rather than calling the entry damaged.
 * @example readEntryOfAnyFormat(JSON.parse(line)) // { outcome: 'valid', entry } | { outcome: 'invalid', code, messageTh }
 */
export function readEntryOfAnyFormat(raw: unknown): EntryCheck {
  const format = typeof raw === 'object' && raw !== null ? (raw as { schema?: unknown }).schema : undefined;
  if (typeof format !== 'number' || !Number.isSafeInteger(format)) {
    return { outcome: 'invalid', code: 'malformed', messageTh: 'รายการไม่ระบุรุ่นของรูปแบบรายการ (schema)' };
  }
  if (format > entrySchemaVersion) {
    return {
      outcome: 'invalid',
      code: 'malformed',
      messageTh: `รายการบันทึกด้วยรูปแบบรุ่น ${format} ซึ่งใหม่กว่าที่สมุดรุ่นนี้อ่านได้ (รุ่น ${entrySchemaVersion}) กรุณาอัปเดตสมุดก่อน`,
    };
  }
  const reader = entryFormatReaders[format];
  if (reader === undefined) return { outcome: 'invalid', code: 'malformed', messageTh: `ไม่รู้จักรูปแบบรายการรุ่น ${format}` };
  return reader(raw);
}
