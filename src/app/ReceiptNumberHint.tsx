/**
 * Under เลขที่ on the receipt form: the book's next number (one click to use it) and a visible
 * warning when the typed number skips numbers, is used, or lies outside this PC's range of the book.
 */
import { receiptBookStatus, type ReceiptBookRange, type SamutDb } from '../store';
import { receiptNoHint } from './receiptNumbering';
import { useLiveQuery } from './useLiveQuery';

export interface ReceiptNumberHintProps {
  db: SamutDb;
  bookNo: string;
  receiptNo: string;
  /** This PC's receipt books: the status re-reads when they change. */
  books: readonly ReceiptBookRange[];
  onUseNext: (receiptNo: string) => void;
}

export function ReceiptNumberHint({ db, bookNo, receiptNo, books, onUseNext }: ReceiptNumberHintProps) {
  const book = bookNo.trim();
  const status = useLiveQuery(() => (book === '' ? Promise.resolve(undefined) : receiptBookStatus(db, book)), [db, book, books]);
  if (book === '' || status.status !== 'ready' || status.value === undefined) return null;
  const hint = receiptNoHint(status.value, receiptNo);
  return (
    <div class="field-hint span-3" aria-live="polite">
      {hint.nextNo !== undefined && (
        <p class="muted" data-testid="receipt-next-no" data-next-no={String(hint.nextNo)}>
          เลขที่ถัดไป {hint.nextNo}{' '}
          {receiptNo.trim() !== String(hint.nextNo) && (
            <button type="button" class="button-link" data-testid="receipt-use-next-no" onClick={() => onUseNext(String(hint.nextNo))}>
              ใช้เลขนี้
            </button>
          )}
        </p>
      )}
      {hint.warning !== undefined && (
        <p class="notice notice--warn field-warning" data-testid="receipt-no-warning" data-warning={hint.warning.kind} role="status">
          {hint.warning.textTh}
        </p>
      )}
    </div>
  );
}
