/**
 * Fault injection below Dexie's API (a DBCore middleware), so the code under test runs unchanged and
 * the failure happens where a real one would: inside IndexedDB, in the middle of a transaction.
 */
import type { DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie';
import type { SamutDb } from '../../src/store/db';

export interface FaultSwitch {
  /** Makes the next matching write fail (once). */
  arm(): void;
  /** How many writes failed so far. */
  readonly fired: number;
}

export type FaultMode =
  /** The write is refused: as if the disk were full or the key invalid. */
  | 'refuse-write'
  /** The write lands, then the transaction aborts: as if the tab closed before commit. */
  | 'abort-after-write';

/**
 * Installs a fault on writes to `table` matching `matches`. Must be called before the db is first used.
 */
export function injectFault(
  db: SamutDb,
  table: 'entries' | 'meta',
  mode: FaultMode,
  matches: (req: DBCoreMutateRequest) => boolean = () => true,
): FaultSwitch {
  let armed = false;
  let fired = 0;
  db.use({
    stack: 'dbcore',
    name: `fault-${table}-${mode}`,
    create(down) {
      return {
        ...down,
        table(name) {
          const inner = down.table(name);
          if (name !== table) return inner;
          return {
            ...inner,
            async mutate(req): Promise<DBCoreMutateResponse> {
              if (!armed || !matches(req)) return inner.mutate(req);
              armed = false;
              fired += 1;
              if (mode === 'refuse-write') throw new Error('injected: write refused');
              const res = await inner.mutate(req);
              req.trans.abort();
              void res;
              throw new Error('injected: transaction aborted after write (tab closed)');
            },
          };
        },
      };
    },
  });
  return {
    arm() {
      armed = true;
    },
    get fired() {
      return fired;
    },
  };
}

/** True when the request puts a row whose key starts with `prefix` (meta rows). */
export function putsKeyStartingWith(prefix: string) {
  return (req: DBCoreMutateRequest): boolean =>
    req.type === 'put' && req.values.some((v: { key?: unknown }) => String(v.key ?? '').startsWith(prefix));
}
