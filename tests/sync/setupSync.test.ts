import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import { getBooksSetup } from '../../src/store/setup';
import { setupPath } from '../../src/sync/protocol';
import { refreshSetupIfStale, setupRefreshMsMin, syncSetup } from '../../src/sync/setupSync';
import { enrolledDb, freshDb, testEnrolment } from '../store/fixtures';

const chart = {
  versionLabel: 'ผังบัญชี ว 2431 (2567)',
  accounts: [{ code: '010', nameTh: 'เงินสด', type: 'asset', normalSide: 'debit', postable: true, role: 'cash', validFromFy: 2567 }],
};
const rules = { ...moneyRulesDefault, booksClosedThrough: '2024-03-31' };

/** A fetch that records requests and answers with `answer`. */
function serverAnswering(answer: () => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return answer();
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

describe('syncSetup', () => {
  it('reads GET /api/v1/setup with the device token and stores the chart and rules', async () => {
    const db = await enrolledDb('setup');
    const server = serverAnswering(() => Response.json({ protocol: 1, chart, rules }));
    expect(await syncSetup(db, { fetch: server.fetch, nowMs: () => 1_000 })).toEqual({ outcome: 'updated', versionLabel: chart.versionLabel });
    expect(server.requests.map((r) => [r.method, r.url, r.headers.get('authorization')])).toEqual([
      ['GET', `${testEnrolment.serverUrl}${setupPath}`, `Bearer ${testEnrolment.token}`],
    ]);
    expect(await getBooksSetup(db)).toMatchObject({ chart, rules });
  });

  it.each([
    ['an error status', () => new Response('', { status: 404 })],
    ['a body that is not JSON', () => new Response('<html>wifi login</html>', { status: 200 })],
    ['a setup of the wrong shape', () => Response.json({ protocol: 1, chart: { versionLabel: 'x', accounts: [] }, rules })],
    ['no answer at all', () => Promise.reject(new TypeError('fetch failed'))],
  ])('keeps the setup it has on %s, and says so in Thai', async (_, answer) => {
    const db = await enrolledDb('setup-fail');
    const server = serverAnswering(answer);
    const r = await syncSetup(db, { fetch: server.fetch });
    expect(r).toMatchObject({ outcome: 'failed', messageTh: expect.stringMatching(/ใช้ชุดเดิมในเครื่อง/) });
    expect(await getBooksSetup(db)).toMatchObject({ chart: defaultChart, rules: moneyRulesDefault });
  });

  it('does nothing before enrolment', async () => {
    const server = serverAnswering(() => Response.json({}));
    expect(await syncSetup(freshDb('setup-none'), { fetch: server.fetch })).toEqual({ outcome: 'not-enrolled' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('refreshSetupIfStale', () => {
  it('fetches when nothing was fetched yet, then not again until the copy is older than the refresh interval', async () => {
    const db = await enrolledDb('setup-stale');
    const server = serverAnswering(() => Response.json({ protocol: 1, chart, rules }));
    let now = 1_000_000;
    const opts = { fetch: server.fetch, nowMs: () => now };
    expect(await refreshSetupIfStale(db, opts)).toMatchObject({ outcome: 'updated' });
    now += setupRefreshMsMin - 1;
    expect(await refreshSetupIfStale(db, opts)).toEqual({ outcome: 'fresh' });
    now += 1;
    expect(await refreshSetupIfStale(db, opts)).toMatchObject({ outcome: 'updated' });
    expect(server.requests).toHaveLength(2);
  });

  it('retries at the next call after a failure (a failure stores no time)', async () => {
    const db = await enrolledDb('setup-retry');
    let up = false;
    const server = serverAnswering(() => (up ? Response.json({ protocol: 1, chart, rules }) : new Response('', { status: 503 })));
    const opts = { fetch: server.fetch, nowMs: () => 5_000 };
    expect(await refreshSetupIfStale(db, opts)).toMatchObject({ outcome: 'failed' });
    up = true;
    expect(await refreshSetupIfStale(db, opts)).toMatchObject({ outcome: 'updated' });
  });
});
