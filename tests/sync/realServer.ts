/**
 * The real sync server in this process, on a real socket (127.0.0.1, a free port), over PGlite: used
 * by the integration test and the bench, so the drain loop and httpPush run exactly as in the field.
 * No vitest imports here: the bench runs it under plain tsx.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/app';
import type { Clock as ServerClock } from '../../src/server/clock';
import type { Db } from '../../src/server/db';
import { ensureDemoOrg, issueEnrolmentCode } from '../../src/server/demoOrg';
import type { ServerLimits } from '../../src/server/limits';
import { migrate } from '../../src/server/migrate';
import { openPglite } from '../../src/server/pglite';
import type { Enrolment } from '../../src/store/enrolment';
import { apiPaths, enrollResponseSchema } from '../../src/sync/protocol';

export interface RealServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  db: Db;
  orgId: string;
  /** Enrols a new device of the demo organisation, as the enrol screen would. */
  enrolDevice(deviceName?: string): Promise<Enrolment>;
  /** Entry rows the server holds. */
  countEntryRows(): Promise<number>;
  /** Stops accepting, closes connections and the database. */
  close(): Promise<void>;
}

export interface RealServerOptions {
  /** PGlite data folder; in memory when absent. */
  dataDir?: string;
  limits?: Partial<ServerLimits>;
  /** Wraps the database the app sees (tests hold a push inside the server with it). */
  wrapDb?: (db: Db) => Db;
  /**
   * `dataDir` holds a server's data already (a restart, or a restore from a backup copy of the folder):
   * its organisation is reused instead of a new demo organisation being required.
   */
  reopen?: boolean;
}

export async function startRealServer(options: RealServerOptions = {}): Promise<RealServer> {
  const db = await openPglite(options.dataDir);
  await migrate(db);
  const clock: ServerClock = { now: () => new Date() };
  const demo = options.reopen ? await theOnlyOrg(db) : await ensureDemoOrg(db, clock);
  if (!demo.created && !options.reopen) throw new Error('a fresh server database must get the demo organisation');
  if (!('orgId' in demo)) throw new Error('the server database has no organisation');
  const app = createApp({ db: options.wrapDb ? options.wrapDb(db) : db, clock, ...(options.limits ? { limits: options.limits } : {}) });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    db,
    orgId: demo.orgId,
    async enrolDevice(deviceName = 'PC การเงิน') {
      const { code } = await issueEnrolmentCode(db, demo.orgId, clock);
      const res = await fetch(`${url}${apiPaths.enroll}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, deviceName }),
      });
      if (res.status !== 200) throw new Error(`enrolment failed: ${res.status} ${await res.text()}`);
      const e = enrollResponseSchema.parse(await res.json());
      return { serverUrl: url, orgId: e.orgId, orgName: e.orgName, deviceId: e.deviceId, token: e.token, enrolledAt: new Date().toISOString() };
    },
    async countEntryRows() {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM entries');
      return rows[0]?.n ?? 0;
    },
    async close() {
      await new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await db.close();
    },
  };
}

/** The organisation of a reopened data folder (startRealServer makes exactly one). */
async function theOnlyOrg(db: Db): Promise<{ created: false; orgId: string }> {
  const { rows } = await db.query<{ org_id: string }>('SELECT org_id FROM orgs ORDER BY created_at LIMIT 2');
  if (rows.length !== 1) throw new Error(`a reopened server database must hold exactly one organisation, found ${rows.length}`);
  return { created: false, orgId: rows[0]!.org_id };
}
