/**
 * Integers read back from SQL. A bigint column arrives as a number from PGlite and as a string from
 * node-postgres; both become a JS number here, and a value that would lose precision is an error,
 * not a silent rounding (server sequences and satang must stay exact).
 */

/** @example sqlInt('42') // 42 */
export function sqlInt(value: unknown): number {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new TypeError(`expected a safe integer from the database, got ${String(value)}`);
  }
  return n;
}
