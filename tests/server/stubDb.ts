/**
 * A Db that holds nothing, for tests that need no database (static files, error answers): starting
 * PGlite costs seconds. `failing: true` makes every call throw, as a database that went away.
 */
import type { Db, Queryable } from '../../src/server/db';

export function stubDb(options: { failing?: boolean } = {}): Db {
  const query: Queryable['query'] = async () => {
    if (options.failing) throw new Error('connection to the database lost (test)');
    return { rows: [] };
  };
  return {
    query,
    transaction: async (work) => work({ query }),
    exec: async () => {
      if (options.failing) throw new Error('connection to the database lost (test)');
    },
    close: async () => {},
  };
}
