/**
 * HTTP hardening of every answer (issue 7): request ids, security headers on the app and on /api,
 * strict JSON bodies with size limits, one JSON log line per request without secrets.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { apiContentSecurityPolicy, appContentSecurityPolicy } from '../../src/server/http/securityHeaders';
import { defaultLimits } from '../../src/server/limits';
import { apiPaths, digestPath, setupPath } from '../../src/sync/protocol';
import { captureLogger } from './captureLogger';
import { enrol, expectThaiError, manualClock, openServerFixture, postJson, receiptEntries, serverBackends } from './helpers';
import { stubDb } from './stubDb';

const root = mkdtempSync(join(tmpdir(), 'samut-headers-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>สมุด</title>');
writeFileSync(join(root, 'assets', 'index-Ab12Cd34.js'), 'console.log(1)');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const app = createApp({ db: stubDb(), clock: manualClock(), distDir: root });

describe('security headers', () => {
  it('the app gets a CSP with no inline script, no framing, nosniff and no referrer', async () => {
    for (const path of ['/', '/receipts/new', '/assets/index-Ab12Cd34.js', '/assets/missing.js']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toBe(appContentSecurityPolicy);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });

  it('API answers, errors included, get a CSP that allows nothing', async () => {
    const answers = [
      await app.request(apiPaths.health),
      await app.request('/api/v1/nope'),
      await app.request(apiPaths.enroll, { method: 'POST', body: 'x' }),
      await app.request(setupPath),
    ];
    for (const res of answers) {
      expect(res.headers.get('content-security-policy')).toBe(apiContentSecurityPolicy);
      expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('request ids', () => {
  it('makes one when none is sent, and echoes it in the header and the error body', async () => {
    const res = await app.request(setupPath);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await res.json()) as { error: { requestId: string } }).error.requestId).toBe(id);
    expect((await app.request(apiPaths.health)).headers.get('x-request-id')).not.toBe(id);
  });

  it('keeps a sane incoming X-Request-Id and replaces anything else', async () => {
    const sane = await app.request('/api/v1/nope', { headers: { 'x-request-id': 'proxy-7f3a:42' } });
    expect(sane.headers.get('x-request-id')).toBe('proxy-7f3a:42');
    expect(((await sane.json()) as { error: { requestId: string } }).error.requestId).toBe('proxy-7f3a:42');
    for (const bad of ['a'.repeat(129), '<script>', 'a b', "1' OR '1'='1", '']) {
      const res = await app.request(apiPaths.health, { headers: { 'x-request-id': bad } });
      expect(res.headers.get('x-request-id'), bad).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('is on static files too', async () => {
    expect((await app.request('/')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('strict JSON bodies', () => {
  it('refuses a body that is not declared JSON with 415 in Thai, on every API path', async () => {
    for (const contentType of [undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'text/json']) {
      for (const path of [apiPaths.enroll, apiPaths.entries, '/api/v1/nope']) {
        const res = await app.request(path, { method: 'POST', body: '{}', headers: contentType ? { 'content-type': contentType } : {} });
        expect(await expectThaiError(res, 415), `${path} ${contentType}`).toBe('unsupported_media_type');
      }
    }
  });

  it('accepts application/json with a charset', async () => {
    const res = await app.request(apiPaths.enroll, { method: 'POST', body: '{}', headers: { 'content-type': 'Application/JSON; charset=utf-8' } });
    expect(await expectThaiError(res, 400)).toBe('invalid_body');
  });

  it('refuses a compressed body with 415', async () => {
    const res = await app.request(apiPaths.enroll, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(await expectThaiError(res, 415)).toBe('unsupported_encoding');
  });

  it('refuses a declared Content-Length above the largest body at once, and a bad one', async () => {
    const big = await app.request(apiPaths.entries, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', 'content-length': String(defaultLimits.pushBytesMax + 1) },
    });
    expect(await expectThaiError(big, 413)).toBe('payload_too_large');
    const bad = await app.request(apiPaths.enroll, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', 'content-length': '-1' },
    });
    expect(await expectThaiError(bad, 400)).toBe('bad_request');
  });
});

describe.each(serverBackends)('body limits on %s', (backend) => {
  const fx = openServerFixture(backend, { perTest: false });

  it('enrolment takes 4 KiB at most: 413 naming the limit, and no device', async () => {
    const res = await postJson(fx.server, apiPaths.enroll, { code: fx.server.code, deviceName: 'x'.repeat(5000) });
    expect(await expectThaiError(res, 413)).toBe('payload_too_large');
    const again = await postJson(fx.server, apiPaths.enroll, { code: fx.server.code, deviceName: 'x'.repeat(5000) });
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain('4,096 ไบต์');
    const { rows } = await fx.server.db.query('SELECT 1 FROM devices WHERE org_id = $1', [fx.server.orgId]);
    expect(rows).toHaveLength(0);
  });

  it('a push above the byte limit is 413 naming the limit, counted while reading (no Content-Length)', async () => {
    const device = await enrol(fx.server);
    const body = new TextEncoder().encode(JSON.stringify({ protocol: 1, deviceId: device.deviceId, entries: receiptEntries(device, 1), pad: 'x'.repeat(defaultLimits.pushBytesMax) }));
    // A stream has no length to declare: the limit must hold while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < body.length; i += 65536) controller.enqueue(body.subarray(i, i + 65536));
        controller.close();
      },
    });
    const res = await fx.server.app.request(apiPaths.entries, {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      duplex: 'half',
    } as RequestInit);
    const message = ((await res.clone().json()) as { error: { message: string } }).error.message;
    expect(await expectThaiError(res, 413)).toBe('payload_too_large');
    expect(message).toContain('4,194,304 ไบต์');
    const { rows } = await fx.server.db.query('SELECT 1 FROM entries WHERE org_id = $1', [device.orgId]);
    expect(rows).toHaveLength(0);
  });
});

describe.each(serverBackends)('request log on %s', (backend) => {
  const fx = openServerFixture(backend, { perTest: false });

  it('writes one JSON line per request: id, method, path without query, status, ms, and the device; never the token', async () => {
    const log = captureLogger('info');
    const logged = createApp({ db: fx.server.db, clock: fx.server.clock, logger: log.logger });
    const device = await enrol({ ...fx.server, app: logged });
    const res = await logged.request(`${digestPath}?from=2024-07-01&to=2024-07-10`, {
      headers: { authorization: `Bearer ${device.token}`, 'x-request-id': 'digest-1' },
    });
    expect(res.status).toBe(200);
    await logged.request(apiPaths.enroll, { method: 'POST', body: 'nope', headers: { 'content-type': 'text/plain' } });

    const lines = log.lines().filter((l) => l.msg === 'request');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ level: 'info', stream: 'out', method: 'POST', path: apiPaths.enroll, status: 200 });
    expect(lines[1]).toMatchObject({ requestId: 'digest-1', method: 'GET', path: digestPath, status: 200, orgId: device.orgId, deviceId: device.deviceId });
    expect(lines[2]).toMatchObject({ method: 'POST', path: apiPaths.enroll, status: 415 });
    for (const line of lines) {
      expect(typeof line.ms).toBe('number');
      expect(Date.parse(line.time as string)).not.toBeNaN();
    }
    expect(log.text()).not.toContain(device.token);
    expect(log.text()).not.toContain(fx.server.code);
    expect(log.text()).not.toContain('from=2024');
  });

  it('is quiet at LOG_LEVEL warn', async () => {
    const log = captureLogger('warn');
    const quiet = createApp({ db: fx.server.db, clock: fx.server.clock, logger: log.logger });
    await quiet.request(apiPaths.health);
    expect(log.lines()).toEqual([]);
  });
});
