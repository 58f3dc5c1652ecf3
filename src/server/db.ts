/**
 * The one interface through which the server talks to its database. Adapters: PGlite (embedded,
 * default; pglite.ts) and node-postgres (DATABASE_URL; postgres.ts), which return the same JS values
 * for the same rows. Nothing else in the server knows which one it has.
 */
export interface Queryable {
  /** Runs one statement with $1… parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

/** A database: queries, transactions, scripts, and closing it. */
export interface Db extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
