/**
 * A simulated PC: one IndexedDB database (fake-indexeddb) opened by one or two tabs (each its own
 * Dexie connection, as two browser tabs are), the fake Web Locks its tabs share, and the sim's ledger
 * of what the officer recorded on it (id → hash), against which "no entry lost" is checked.
 *
 * "A tab closed in the middle of applying results": each tab's connection carries a DBCore middleware
 * with a kill switch. Armed by the network when a push's answer arrives, it aborts the next write to
 * `entries` (the bulkPut of applyPushResults) and the transaction with it, exactly as a closing tab
 * aborts its open IndexedDB transactions; the drain then throws, and the sim opens a new tab in its place.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { openSamutDb, type SamutDb } from '../../src/store/db';
import { saveEnrolment } from '../../src/store/enrolment';
import type { EnrollResponse } from '../../src/sync/protocol';
import { createFakeLocks } from '../sync/fakeLocks';
import type { Prng } from './prng';

/** The error a killed tab's transaction fails with. */
export class TabClosed extends Error {
  constructor() {
    super('the tab was closed while applying results');
    this.name = 'TabClosed';
  }
}

export interface SimTab {
  label: string;
  db: SamutDb;
  /** When true, the next write to `entries` aborts its transaction (and disarms). */
  killArmed: boolean;
  killed: boolean;
}

/** What the officer recorded, as the sim remembers it. */
export interface LedgerEntry {
  id: string;
  hash: string;
  /** `D1#7`: device and seq, stable across replays (ids are too, but are unreadable in a trace). */
  label: string;
  kind: string;
  date: string;
  cancelled: boolean;
}

export class SimDevice {
  readonly tabs: SimTab[] = [];
  readonly locks = createFakeLocks();
  readonly ledger = new Map<string, LedgerEntry>();
  private tabCounter = 0;
  /** The next receipt number in this device's own book. */
  nextReceiptNo = 1;

  constructor(
    readonly label: string,
    /** This device's receipt book: receipt numbers are unique per book in the organisation. */
    readonly bookNo: string,
    readonly dbName: string,
    readonly enrolment: EnrollResponse,
    /** Entry ids and backoff jitter of this device. */
    readonly random: Prng,
  ) {}

  static async open(label: string, bookNo: string, dbName: string, enrolment: EnrollResponse, random: Prng, enrolledAt: string): Promise<SimDevice> {
    const device = new SimDevice(label, bookNo, dbName, enrolment, random);
    const tab = device.openTab();
    await saveEnrolment(tab.db, {
      serverUrl: 'http://sim.invalid',
      orgId: enrolment.orgId,
      orgName: enrolment.orgName,
      deviceId: enrolment.deviceId,
      token: enrolment.token,
      enrolledAt,
    });
    return device;
  }

  /** Opens another tab on the same database. */
  openTab(): SimTab {
    this.tabCounter += 1;
    const tab: SimTab = {
      label: `${this.label}/t${this.tabCounter}`,
      db: openSamutDb(this.dbName, { indexedDB, IDBKeyRange }),
      killArmed: false,
      killed: false,
    };
    tab.db.use(killSwitch(tab));
    this.tabs.push(tab);
    return tab;
  }

  /** Closes a (killed) tab and opens a new one in its place. */
  replaceTab(tab: SimTab): SimTab {
    tab.db.close();
    const i = this.tabs.indexOf(tab);
    if (i >= 0) this.tabs.splice(i, 1);
    return this.openTab();
  }

  /** Any open tab (the database is the same). */
  get anyTab(): SimTab {
    const tab = this.tabs[0];
    if (!tab) throw new Error(`${this.label} has no tab`);
    return tab;
  }

  labelOf(id: string): string {
    return this.ledger.get(id)?.label ?? `?${id.slice(-6)}`;
  }

  /** Closes every tab and deletes the database (fake-indexeddb keeps everything in memory). */
  async dispose(): Promise<void> {
    const db = this.anyTab.db;
    for (const tab of this.tabs.slice(1)) tab.db.close();
    await db.delete();
  }
}

function killSwitch(tab: SimTab): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'simTabKillSwitch',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name: string): DBCoreTable {
        const table = down.table(name);
        if (name !== 'entries') return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (tab.killArmed) {
              tab.killArmed = false;
              tab.killed = true;
              try {
                (req.trans as unknown as { abort(): void }).abort();
              } catch {
                // already finishing: the rejection below still fails the transaction
              }
              return Promise.reject(new TabClosed());
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}
