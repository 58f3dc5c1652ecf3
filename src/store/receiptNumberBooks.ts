/**
 * The `receiptNumberBooks` cache (version 4): per receipt book (เล่ม), which entry holds each of its
 * numbers. One record per book, not one per number, because in Chromium every IndexedDB put costs
 * ≈ 90 µs whatever its size: an import of 20,000 receipts in 200 books writes 200 records here,
 * not 20,000 (`npm run bench -- --only import`). Cancelled receipts keep their numbers (a void
 * number is still used); only an entry that stops counting gives its number back.
 */
import type { Table } from 'dexie';
import type { ReceiptNumberRow } from './booksCacheRows';

/** One book's holders, sorted by number. Key: `bookNo`. */
export interface ReceiptNumberBookRow {
  bookNo: string;
  holders: ReceiptNumberRow[];
}

export type ReceiptNumberBooksTable = Table<ReceiptNumberBookRow, string>;

/** The book records of `rows` (for a rebuild: one holder per number, as given). */
export function receiptNumberBookRowsOf(rows: Iterable<ReceiptNumberRow>): ReceiptNumberBookRow[] {
  const books = new Map<string, ReceiptNumberRow[]>();
  for (const r of rows) {
    const held = books.get(r.bookNo);
    if (held === undefined) books.set(r.bookNo, [r]);
    else held.push(r);
  }
  return [...books].map(([bookNo, holders]) => ({ bookNo, holders: holders.sort((a, b) => a.receiptNo - b.receiptNo) }));
}

/** The holders of the wanted numbers (numbers nobody holds are absent), in no particular order. */
export async function receiptHoldersOf(table: ReceiptNumberBooksTable, keys: readonly { bookNo: string; receiptNo: number }[]): Promise<ReceiptNumberRow[]> {
  const wanted = new Map<string, Set<number>>();
  for (const k of keys) {
    const nos = wanted.get(k.bookNo);
    if (nos === undefined) wanted.set(k.bookNo, new Set([k.receiptNo]));
    else nos.add(k.receiptNo);
  }
  const books = await table.bulkGet([...wanted.keys()]);
  return books.flatMap((book) => (book === undefined ? [] : book.holders.filter((h) => wanted.get(book.bookNo)!.has(h.receiptNo))));
}

/** Every holder of one book, by number. */
export async function receiptHoldersOfBook(table: ReceiptNumberBooksTable, bookNo: string): Promise<ReceiptNumberRow[]> {
  return (await table.get(bookNo))?.holders ?? [];
}

/** Every holder of every book, by book then number (for comparisons and checks). */
export async function allReceiptHolders(table: ReceiptNumberBooksTable): Promise<ReceiptNumberRow[]> {
  return (await table.toArray()).flatMap((book) => book.holders);
}

/**
 * Adds newly recorded receipts' holders, a number's new holder replacing any old one (recordEntry
 * refuses a number already held by a counting entry, so a replaced holder had stopped counting).
 */
export async function addReceiptHolders(table: ReceiptNumberBooksTable, rows: readonly ReceiptNumberRow[]): Promise<void> {
  if (rows.length === 0) return;
  const added = receiptNumberBookRowsOf(rows);
  const held = await table.bulkGet(added.map((b) => b.bookNo));
  await table.bulkPut(
    added.map((book, i) => {
      const byNo = new Map((held[i]?.holders ?? []).map((h) => [h.receiptNo, h] as const));
      for (const h of book.holders) byNo.set(h.receiptNo, h);
      return { bookNo: book.bookNo, holders: [...byNo.values()].sort((a, b) => a.receiptNo - b.receiptNo) };
    }),
  );
}

/** Gives back the numbers held by `entryIds` in `bookNos` (the books those entries' receipts are in). */
export async function removeReceiptHoldersOf(table: ReceiptNumberBooksTable, entryIds: ReadonlySet<string>, bookNos: readonly string[]): Promise<void> {
  const books = [...new Set(bookNos)];
  if (books.length === 0) return;
  const held = await table.bulkGet(books);
  const puts: ReceiptNumberBookRow[] = [];
  const deletes: string[] = [];
  for (const book of held) {
    if (book === undefined) continue;
    const holders = book.holders.filter((h) => !entryIds.has(h.entryId));
    if (holders.length === book.holders.length) continue;
    if (holders.length === 0) deletes.push(book.bookNo);
    else puts.push({ bookNo: book.bookNo, holders });
  }
  if (puts.length > 0) await table.bulkPut(puts);
  if (deletes.length > 0) await table.bulkDelete(deletes);
}
