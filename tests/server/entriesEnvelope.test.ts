/**
 * A push whose envelope is wrong is refused whole with a 4xx and a Thai message, and writes nothing:
 * authentication, content type, size, JSON, schema, batch size, device of the token.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { apiPaths, batchEntriesMax, protocolVersion, pushBytesMax } from '../../src/sync/protocol';
import {
  countEntryRows,
  expectThaiError,
  openServerFixture,
  postJson,
  push,
  receiptEntries,
  receiptEntry,
  serverBackends,
} from './helpers';

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend);

  const auth = () => ({ authorization: `Bearer ${fx.device.token}` });

  describe('authentication', () => {
    it('answers 401 without a token', async () => {
      const res = await postJson(fx.server, apiPaths.entries, { protocol: 1, deviceId: fx.device.deviceId, entries: [receiptEntry(fx.device)] });
      expect(await expectThaiError(res, 401)).toBe('unauthorized');
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });

    it('answers 401 to a wrong token', async () => {
      const wrong = { ...fx.device, token: 'A'.repeat(43) };
      expect(await expectThaiError(await push(fx.server, wrong, [receiptEntry(fx.device)]), 401)).toBe('unauthorized');
    });

    it('answers 401 to a revoked device', async () => {
      await fx.server.db.query('UPDATE devices SET revoked_at = now() WHERE device_id = $1', [fx.device.deviceId]);
      expect(await expectThaiError(await push(fx.server, fx.device, [receiptEntry(fx.device)]), 401)).toBe('device_revoked');
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });

    it('answers 403 when the body names another device than the token', async () => {
      const res = await push(fx.server, fx.device, [receiptEntry(fx.device)], { deviceId: crypto.randomUUID() });
      expect(await expectThaiError(res, 403)).toBe('wrong_device');
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });
  });

  describe('malformed bodies are refused whole', () => {
    it('answers 415 to a body that is not declared JSON', async () => {
      const res = await fx.server.app.request(apiPaths.entries, {
        method: 'POST',
        headers: { ...auth(), 'content-type': 'text/plain' },
        body: JSON.stringify({ protocol: 1, deviceId: fx.device.deviceId, entries: [receiptEntry(fx.device)] }),
      });
      expect(await expectThaiError(res, 415)).toBe('unsupported_media_type');
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });

    it('answers 400 to text that is not JSON', async () => {
      const res = await postJson(fx.server, apiPaths.entries, '{"protocol":1,', auth());
      expect(await expectThaiError(res, 400)).toBe('invalid_json');
    });

    it('answers 400 naming the missing field', async () => {
      const res = await postJson(fx.server, apiPaths.entries, { protocol: 1, entries: [receiptEntry(fx.device)] }, auth());
      expect(await expectThaiError(res.clone(), 400)).toBe('invalid_body');
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('deviceId');
    });

    it('answers 400 to another protocol version', async () => {
      const res = await push(fx.server, fx.device, [receiptEntry(fx.device)], { protocol: 2 });
      expect(await expectThaiError(res, 400)).toBe('invalid_body');
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });

    it('answers 400 to an empty batch and to unknown envelope fields', async () => {
      expect(await expectThaiError(await push(fx.server, fx.device, []), 400)).toBe('invalid_body');
      expect(await expectThaiError(await push(fx.server, fx.device, [receiptEntry(fx.device)], { orgId: fx.device.orgId }), 400)).toBe(
        'invalid_body',
      );
    });

    it(`answers 400 to more than batchEntriesMax (${batchEntriesMax}) entries and writes none of them`, async () => {
      const res = await push(fx.server, fx.device, receiptEntries(fx.device, batchEntriesMax + 1));
      expect(await expectThaiError(res, 400)).toBe('invalid_body');
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });

    it('answers 413 to a body over pushBytesMax, naming the limit', async () => {
      const padding = 'ก'.repeat(Math.ceil(pushBytesMax / 3) + 10); // 3 bytes a Thai letter in UTF-8
      const body = JSON.stringify({ protocol: 1, deviceId: fx.device.deviceId, entries: [{ ...receiptEntry(fx.device), pad: padding }] });
      const res = await postJson(fx.server, apiPaths.entries, body, auth());
      expect(res.status).toBe(413);
      const message = ((await res.json()) as { error: { message: string } }).error.message;
      expect(message).toContain(pushBytesMax.toLocaleString('en-US'));
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });

    it('counts the bytes it reads, even when Content-Length is absent', async () => {
      const app = createApp({ db: fx.server.db, clock: fx.server.clock, limits: { pushBytesMax: 1000 } });
      const text = JSON.stringify({ protocol: 1, deviceId: fx.device.deviceId, entries: receiptEntries(fx.device, 3) });
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
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });

    it('accepts a configured batch limit lower than the protocol one', async () => {
      const app = createApp({ db: fx.server.db, clock: fx.server.clock, limits: { batchEntriesMax: 2 } });
      const res = await app.request(apiPaths.entries, {
        method: 'POST',
        headers: { ...auth(), 'content-type': 'application/json' },
        body: JSON.stringify({ protocol: protocolVersion, deviceId: fx.device.deviceId, entries: receiptEntries(fx.device, 3) }),
      });
      expect(await expectThaiError(res, 400)).toBe('invalid_body');
    });
  });
});
