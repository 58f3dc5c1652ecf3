/**
 * GET /api/v1/setup: the calling device's organisation's chart of accounts and money rules, so the PC
 * checks entries with the same chart and rules the server will (the default chart and rules when the
 * administrator has loaded none). The organisation comes from the token, as everywhere.
 */
import { Hono } from 'hono';
import { requireDevice, type DeviceEnv } from '../auth';
import { loadOrgSetup } from '../books/orgSetup';
import type { Queryable } from '../db';
import { protocolVersion, setupResponseSchema, type SetupResponse } from '../../sync/protocol';

/** Routes for the organisation's setup. */
export function setupRoutes(deps: { db: Queryable }): Hono<DeviceEnv> {
  const app = new Hono<DeviceEnv>();
  app.get('/', requireDevice(deps.db), async (c) => {
    const { chart, rules } = await loadOrgSetup(deps.db, c.get('device').orgId);
    const answer: SetupResponse = {
      protocol: protocolVersion,
      chart: { versionLabel: chart.versionLabel, accounts: [...chart.accounts] },
      rules,
    };
    // Paired with the client's parse: never send a setup the PC would refuse (a bug → 500, not a bad chart).
    return c.json(setupResponseSchema.parse(answer), 200);
  });
  return app;
}
