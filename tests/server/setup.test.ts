/**
 * GET /api/v1/setup: the chart and money rules of the token's organisation (the defaults until an
 * administrator loads others), so the PC checks entries exactly as the server will.
 */
import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import { saveOrgChart, saveOrgRules } from '../../src/server/books/orgSetup';
import { setupPath, setupResponseSchema } from '../../src/sync/protocol';
import { enrolNewOrg, expectThaiError, openServerFixture, serverBackends } from './helpers';

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend);

  /** The answer as the client reads it, with nothing beyond what the schema names. */
  const setupAnswer = setupResponseSchema.strict();

  async function getSetup(by: { token: string } = fx.device): Promise<Response> {
    return fx.server.app.request(setupPath, { headers: { authorization: `Bearer ${by.token}` } });
  }

  describe('GET /api/v1/setup', () => {
    it('answers the default chart and rules when the organisation has none loaded', async () => {
      const res = await getSetup();
      expect(res.status).toBe(200);
      const body = setupAnswer.parse(await res.json());
      expect(body).toEqual({
        protocol: 1,
        chart: { versionLabel: defaultChart.versionLabel, accounts: defaultChart.accounts },
        rules: moneyRulesDefault,
      });
    });

    it('answers the latest chart version and the rules set for the token’s organisation only', async () => {
      const first = { versionLabel: 'ผังบัญชี ว 2431 (ร่าง)', accounts: defaultChart.accounts.slice(0, 10) };
      const second = { versionLabel: 'ผังบัญชี ว 2431', accounts: defaultChart.accounts.slice(0, 20) };
      const rules = { ...moneyRulesDefault, withholdingRateBasisPoints: 150, booksClosedThrough: '2024-03-31' };
      expect(await saveOrgChart(fx.server.db, fx.device.orgId, first, fx.server.clock)).toBe(1);
      expect(await saveOrgChart(fx.server.db, fx.device.orgId, second, fx.server.clock)).toBe(2);
      await saveOrgRules(fx.server.db, fx.device.orgId, rules, fx.server.clock);

      expect(setupAnswer.parse(await (await getSetup()).json())).toEqual({ protocol: 1, chart: second, rules });
      const elsewhere = await enrolNewOrg(fx.server, 'เทศบาลอื่น');
      const theirs = setupAnswer.parse(await (await getSetup(elsewhere)).json());
      expect(theirs.chart.versionLabel).toBe(defaultChart.versionLabel);
      expect(theirs.rules).toEqual(moneyRulesDefault);
    });

    it('answers 401 without a valid token', async () => {
      expect(await expectThaiError(await fx.server.app.request(setupPath), 401)).toBe('unauthorized');
      expect(await expectThaiError(await getSetup({ token: 'A'.repeat(43) }), 401)).toBe('unauthorized');
    });
  });
});
