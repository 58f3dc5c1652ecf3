/**
 * The books setup entries are checked against (chart of accounts, money rules, this PC's receipt
 * books), followed live from the store: a chart that arrives from the server shows at once.
 */
import { defaultChart } from '../domain/chart/defaultChart';
import { moneyRulesDefault } from '../domain/moneyRules';
import { getBooksSetup, type BooksSetup, type SamutDb } from '../store';
import { useLiveQuery } from './useLiveQuery';

/** Until the store answers (a few milliseconds), the shipped defaults. */
export const booksSetupDefault: BooksSetup = { chart: defaultChart, rules: moneyRulesDefault, receiptBooks: [] };

export function useBooksSetup(db: SamutDb): BooksSetup {
  const setup = useLiveQuery(() => getBooksSetup(db), [db]);
  return setup.status === 'ready' ? setup.value : booksSetupDefault;
}
