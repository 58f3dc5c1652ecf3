/**
 * What every form reader shares: the result shape (a business date, a kind and its document, or one
 * Thai message per bad field), and the small parsers that turn typed text into a document's values.
 * Readers check every field at once, never stopping at the first error, so the officer fixes a form in
 * one pass. Field keys are form paths ('dateBe', 'items.0.amountBaht'); documents use doc paths
 * ('items.0.amountSatang'), and each reader says how one maps to the other (for the store's refusals).
 */
import type { z } from 'zod';
import type { EntryDoc, EntryKind } from '../entry';
import { parseBaht, type Satang } from '../money';
import { parseBeDate, type IsoDate } from '../thaiDate';

/** One Thai message per form field at fault, keyed by form path. */
export type FieldErrors = Record<string, string>;

export type FormResult<K extends EntryKind> =
  | ({ ok: true; date: IsoDate } & Extract<EntryDoc, { kind: K }>)
  | { ok: false; errors: FieldErrors };

/** Maps a document path to the form path showing it; undefined when no field shows it. */
export type DocPathMap = (docPath: string) => string | undefined;

/**
 * A map from rules `[docPathPattern, formPath]`; `$1`… in the form path take the pattern's groups.
 * @example pathMap([[/^items\.(\d+)\.amountSatang$/, 'items.$1.amountBaht']])('items.2.amountSatang') // 'items.2.amountBaht'
 */
export function pathMap(rules: readonly (readonly [RegExp, string])[]): DocPathMap {
  return (docPath) => {
    for (const [pattern, formPath] of rules) {
      const m = pattern.exec(docPath);
      if (m) return formPath.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
    }
    return undefined;
  };
}

/** Collects field errors; the first message for a field wins (it is the most basic one). */
export class ErrorCollector {
  readonly errors: FieldErrors = {};

  add(field: string, messageTh: string): void {
    if (this.errors[field] === undefined) this.errors[field] = messageTh;
  }

  has(field: string): boolean {
    return this.errors[field] !== undefined;
  }

  get empty(): boolean {
    // Object.keys(…).length without the array: forms are read once per entry of an import file.
    for (const field in this.errors) if (Object.hasOwn(this.errors, field)) return false;
    return true;
  }

  /**
   * Adds a zod error's issues under their form fields. Issues on a field already at fault are
   * dropped (a placeholder value stood in for text that did not parse); issues no field shows go
   * under `fallback` (a form-level message).
   */
  addIssues(error: z.ZodError, toField: DocPathMap, fallback = ''): void {
    for (const issue of error.issues) {
      const docPath = issue.path.map(String).join('.');
      const field = toField(docPath) ?? fallback;
      this.add(field, issue.message);
    }
  }
}

/** The business date typed in B.E.; an error under `field` when it is not a real date. */
export function readDate(text: string, errors: ErrorCollector, field = 'dateBe'): IsoDate | undefined {
  const parsed = parseBeDate(text);
  if (!parsed.ok) {
    errors.add(field, parsed.messageTh);
    return undefined;
  }
  return parsed.iso;
}

/**
 * A positive amount typed in baht, or undefined (with an error under `field`). `whatTh` names it in
 * the message: "กรุณากรอกจำนวนเงินขอเบิก".
 */
export function readAmount(text: string, errors: ErrorCollector, field: string, whatTh = 'จำนวนเงิน'): Satang | undefined {
  if (text.trim() === '') {
    errors.add(field, `กรุณากรอก${whatTh}`);
    return undefined;
  }
  const parsed = parseBaht(text);
  if (!parsed.ok) {
    errors.add(field, parsed.messageTh);
    return undefined;
  }
  if (parsed.satang <= 0) {
    errors.add(field, `${whatTh}ต้องมากกว่า 0`);
    return undefined;
  }
  return parsed.satang;
}

/** An amount that may be left empty (read as 0); never negative. */
export function readAmountOrZero(text: string, errors: ErrorCollector, field: string, whatTh = 'จำนวนเงิน'): Satang | undefined {
  if (text.trim() === '') return 0;
  const parsed = parseBaht(text);
  if (!parsed.ok) {
    errors.add(field, parsed.messageTh);
    return undefined;
  }
  if (parsed.satang < 0) {
    errors.add(field, `${whatTh}ต้องไม่ติดลบ`);
    return undefined;
  }
  return parsed.satang;
}

/** A positive whole number typed as digits (a receipt number, a year). */
export function readWholeNumber(text: string, errors: ErrorCollector, field: string, messageTh: string): number | undefined {
  const t = text.trim();
  if (!/^\d{1,15}$/.test(t)) {
    errors.add(field, messageTh);
    return undefined;
  }
  return Number(t);
}

/** Optional text: trimmed, or absent when blank (documents omit empty optional fields). */
export function optionalText(text: string): string | undefined {
  const t = text.trim();
  return t === '' ? undefined : t;
}

/** True when every text of a row is blank: a row the officer left empty, skipped by the readers. */
export function isBlankRow(row: Readonly<Record<string, string>>): boolean {
  return Object.values(row).every((v) => v.trim() === '');
}
