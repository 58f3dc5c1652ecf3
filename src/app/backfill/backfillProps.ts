/** What the back-entry screens (import, keyboard grid, coverage calendar) receive from the app. */
import type { BooksSetup, SamutDb } from '../../store';

export interface ImportScreenProps {
  db: SamutDb;
  setup: BooksSetup;
  /** Called after an import is committed (the app then asks the sync engine to send it). */
  onImported: () => void;
}

export interface CoverageCalendarProps {
  db: SamutDb;
  setup: BooksSetup;
  /** Changes when a sync run finishes: states (waiting → posted) are read again. */
  refreshKey: number;
}
