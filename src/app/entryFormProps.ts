/** What every entry form receives from the app. */
import type { BooksSetup, SamutDb, StoredEntry } from '../store';
import type { Correcting } from './rejected/correcting';

export interface EntryFormProps {
  db: SamutDb;
  /** The chart, money rules and receipt books in force on this PC. */
  setup: BooksSetup;
  /** Called after each entry is stored (the app then asks the sync engine to send it). */
  onRecorded: (entry: StoredEntry) => void;
  /** An entry the server refused, which the next save corrects with a new entry (from รายการที่ต้องแก้ไข). */
  correcting?: Correcting | undefined;
}
