/**
 * A push whose envelope is wrong is refused whole with a 4xx and a Thai message, and writes nothing:
 * authentication, content type, size, JSON, schema, batch size, device of the token.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { apiPaths, batchEntriesMax, protocolVersion, pushBytesMax, type EnrollResponse } from '../../src/sync/protocol';
import {
  countEntryRows,
  enrolNewOrg,
  expectThaiError,
  openTestServer,
  postJson,
  push,
  receiptEntries,
  receiptEntry,
  type TestServer,
} from './helpers';

let server: TestServer;
let device: EnrollResponse;

beforeAll(async () => {
  server = await openTestServer();
});
afterAll(async () => {
  await server.db.close();
});
beforeEach(async () => {
  device = await enrolNewOrg(server);
});

const auth = () => ({ authorization: `Bearer ${device.token}` });

describe('authentication', () => {
  it('answers 401 without a token', async () => {
    const res = await postJson(server, apiPaths.entries, { protocol: 1, deviceId: device.deviceId, entries: [receiptEntry(device)] });
    expect(await expectThaiError(res, 401)).toBe('unauthorized');
    expect(await countEntryRows(server, device.orgId)).toBe(0);
  });

  it('answers 401 to a wrong token', async () => {
    const wrong = { ...device, token: 'A'.repeat(43) };
    expect(await expectThaiError(await push(server, wrong, [receiptEntry(device)]), 401)).toBe('unauthorized');
  });

  it('answers 401 to a revoked device', async () => {
    await server.db.query('UPDATE devices SET revoked_at = now() WHERE device_id = $1', [device.deviceId]);
    expect(await expectThaiError(await push(server, device, [receiptEntry(device)]), 401)).toBe('device_revoked');
    expect(await countEntryRows(server, device.orgId)).toBe(0);
  });

  it('answers 403 when the body names another device than the token', async () => {
    const res = await push(server, device, [receiptEntry(device)], { deviceId: crypto.randomUUID() });
    expect(await expectThaiError(res, 403)).toBe('wrong_device');
    expect(await countEntryRows(server, device.orgId)).toBe(0);
  });
});

describe('malformed bodies are refused whole', () => {
  it('answers 415 to a body that is not declared JSON', async () => {
    const res = await server.app.request(apiPaths.entries, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'text/plain' },
      body: JSON.stringify({ protocol: 1, deviceId: device.deviceId, entries: [receiptEntry(device)] }),
    });
    expect(await expectThaiError(res, 415)).toBe('unsupported_media_type');
    expect(await countEntryRows(server, device.orgId)).toBe(0);
  });

  it('answers 400 to text that is not JSON', async () => {
    const res = await postJson(server, apiPaths.entries, '{"protocol":1,', auth());
    expect(await expectThaiError(res, 400)).toBe('invalid_json');
  });

  it('answers 400 naming the missing field', async () => {
    const res = await postJson(server, apiPaths.entries, { protocol: 1, entries: [receiptEntry(device)] }, auth());
    expect(await expectThaiError(res.clone(), 400)).toBe('invalid_body');
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('deviceId');
  });

  it('answers 400 to another protocol version', async () => {
    const res = await push(server, device, [receiptEntry(device)], { protocol: 2 });
    expect(await expectThaiError(res, 400)).toBe('invalid_body');
    expect(await countEntryRows(server, device.orgId)).toBe(0);
  });

  it('answers 400 to an empty batch and to unknown envelope fields', async () => {
    expect(await expectThaiError(await push(server, device, []), 400)).toBe('invalid_body');
    expect(await expectThaiError(await push(server, device, [receiptEntry(device)], { orgId: device.orgId }), 400)).toBe(
      'invalid_body',
    );
  });

  it(`answers 400 to more than batchEntriesMax (${batchEntriesMax}) entries and writes none of them`, async () => {
    const res = await push(server, device, receiptEntries(device, batchEntriesMax + 1));
    expect(await expectThaiError(res, 400)).toBe('invalid_body');
    expect(await countEntryRows(server, device.orgId)).toBe(0);
  });

  it('answers 413 to a body over pushBytesMax, naming the limit', async () => {
    const padding = 'ก'.repeat(Math.ceil(pushBytesMax / 3) + 10); // 3 bytes a Thai letter in UTF-8
    const body = JSON.stringify({ protocol: 1, deviceId: device.deviceId, entries: [{ ...receiptEntry(device), pad: padding }] });
    const res = await postJson(server, apiPaths.entries, body, auth());
    expect(res.status).toBe(413);
    const message = ((await res.json()) as { error: { message: string } }).error.message;
    expect(message).toContain(pushBytesMax.toLocaleString('en-US'));
    expect(await countEntryRows(server, device.orgId)).toBe(0);
  });

  it('counts the bytes it reads, even when Content-Length is absent', async () => {
    const app = createApp({ db: server.db, clock: server.clock, limits: { pushBytesMax: 1000 } });
    const text = JSON.stringify({ protocol: 1, deviceId: device.deviceId, entries: receiptEntries(device, 3) });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });
    const res = await app.request(apiPaths.entries, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(await expectThaiError(res, 413)).toBe('payload_too_large');
    expect(await countEntryRows(server, device.orgId)).toBe(0);
  });

  it('accepts a configured batch limit lower than the protocol one', async () => {
    const app = createApp({ db: server.db, clock: server.clock, limits: { batchEntriesMax: 2 } });
    const res = await app.request(apiPaths.entries, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ protocol: protocolVersion, deviceId: device.deviceId, entries: receiptEntries(device, 3) }),
    });
    expect(await expectThaiError(res, 400)).toBe('invalid_body');
  });
});
