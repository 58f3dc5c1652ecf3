/**
 * GET /api/v1/setup: the calling device's organisation's chart of accounts and money rules, so the PC
 * checks entries with the same chart and rules the server will (the default chart and rules when the
 * administrator has loaded none). The organisation comes from the token, as everywhere.
 */
import { Hono } from 'hono';
import type { Account } from '../../domain/chart/account';
import type { MoneyRules } from '../../domain/moneyRules';
import { requireDevice, type DeviceEnv } from '../auth';
import { loadOrgSetup } from '../books/orgSetup';
import type { Queryable } from '../db';
import { protocolVersion } from '../../sync/protocol';

/** Where the route is mounted (the protocol's apiPaths will name it too). */
export const setupPath = '/api/v1/setup';

/**
 * The answer's shape, which the client's `setupResponseSchema` (src/sync/protocol.ts) must accept:
 * accounts are the domain's Account, rules the domain's MoneyRules (booksClosedThrough absent when unset).
 */
export interface SetupResponse {
  protocol: typeof protocolVersion;
  chart: { versionLabel: string; accounts: readonly Account[] };
  rules: MoneyRules;
}

/** Routes for the organisation's setup. */
export function setupRoutes(deps: { db: Queryable }): Hono<DeviceEnv> {
  const app = new Hono<DeviceEnv>();
  app.get('/', requireDevice(deps.db), async (c) => {
    const { chart, rules } = await loadOrgSetup(deps.db, c.get('device').orgId);
    const answer: SetupResponse = { protocol: protocolVersion, chart: { versionLabel: chart.versionLabel, accounts: chart.accounts }, rules };
    return c.json(answer, 200);
  });
  return app;
}
