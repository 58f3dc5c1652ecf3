/**
 * POST /api/v1/entries: posting is exactly-once by entry id, server sequences follow request order,
 * and the database keeps one row per id whatever is resent.
 */
import { describe, expect, it } from 'vitest';
import { pushResponseSchema, type EnrollResponse, type PushResult } from '../../src/sync/protocol';
import {
  countEntryRows,
  enrolNewOrg,
  openServerFixture,
  push,
  receiptEntries,
  receiptEntry,
  resealed,
  serverBackends,
} from './helpers';

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend);

  async function pushOk(entries: unknown[], by: EnrollResponse = fx.device): Promise<PushResult[]> {
    const res = await push(fx.server, by, entries);
    expect(res.status).toBe(200);
    return pushResponseSchema.parse(await res.json()).results;
  }

  describe('posting entries', () => {
    it('posts new entries and numbers them 1, 2, 3… in the order of the request', async () => {
      const entries = receiptEntries(fx.device, 3);
      const results = await pushOk(entries);
      expect(results).toEqual(entries.map((e, i) => ({ id: e.id, outcome: 'posted', serverSeq: i + 1 })));
      const { rows } = await fx.server.db.query<{ id: string }>('SELECT id FROM entries WHERE org_id = $1 ORDER BY server_seq', [
        fx.device.orgId,
      ]);
      expect(rows.map((r) => r.id)).toEqual(entries.map((e) => e.id));
    });

    it('assigns serverSeq in request order, not in id or date order', async () => {
      const a = receiptEntry(fx.device, { seq: 3, date: '2024-03-01' });
      const b = receiptEntry(fx.device, { seq: 1, date: '2024-01-16' });
      const c = receiptEntry(fx.device, { seq: 2, date: '2024-02-10' });
      const results = await pushOk([a, b, c]);
      expect(results).toEqual([
        { id: a.id, outcome: 'posted', serverSeq: 1 },
        { id: b.id, outcome: 'posted', serverSeq: 2 },
        { id: c.id, outcome: 'posted', serverSeq: 3 },
      ]);
    });

    it('continues the organisation sequence across pushes', async () => {
      await pushOk(receiptEntries(fx.device, 2));
      const results = await pushOk([receiptEntry(fx.device, { seq: 3 })]);
      expect(results[0]).toMatchObject({ outcome: 'posted', serverSeq: 3 });
    });

    it('answers duplicate for the same batch pushed twice and keeps one row', async () => {
      const entries = receiptEntries(fx.device, 4);
      const first = await pushOk(entries);
      const second = await pushOk(entries);
      expect(second).toEqual(first.map((r) => ({ ...r, outcome: 'duplicate' })));
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(4);
      const { rows } = await fx.server.db.query<{ last_server_seq: number }>('SELECT last_server_seq FROM orgs WHERE org_id = $1', [
        fx.device.orgId,
      ]);
      expect(rows[0]!.last_server_seq).toBe(4); // a resend uses up no sequence numbers
    });

    it('posts the new entries of a batch that also resends old ones', async () => {
      const [old1, old2, new1] = receiptEntries(fx.device, 3);
      await pushOk([old1, old2]);
      expect(await pushOk([old1, new1, old2])).toEqual([
        { id: old1!.id, outcome: 'duplicate', serverSeq: 1 },
        { id: new1!.id, outcome: 'posted', serverSeq: 3 },
        { id: old2!.id, outcome: 'duplicate', serverSeq: 2 },
      ]);
    });

    it('answers conflict for the same id with other content and keeps the original', async () => {
      const original = receiptEntry(fx.device, { seq: 1, payer: 'นายสมชาย ใจดี' });
      await pushOk([original]);
      const changed = resealed({ ...original, doc: { ...original.doc, payer: 'นายสมปอง แก้ไข' } });
      expect(await pushOk([changed])).toEqual([
        { id: original.id, outcome: 'conflict', message: expect.stringMatching(/[\u0E00-\u0E7F]/) },
      ]);
      const { rows } = await fx.server.db.query<{ body: { doc: { payer: string } }; hash: string }>(
        'SELECT body, hash FROM entries WHERE org_id = $1',
        [fx.device.orgId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.hash).toBe(original.hash);
      expect(rows[0]!.body.doc.payer).toBe('นายสมชาย ใจดี');
    });

    it('handles the same id twice inside one batch: duplicate if equal, conflict if not', async () => {
      const entry = receiptEntry(fx.device, { seq: 1 });
      const sameIdOtherContent = receiptEntry(fx.device, { seq: 1, id: entry.id, amountSatang: 12_345 });
      expect(await pushOk([entry, entry, sameIdOtherContent])).toEqual([
        { id: entry.id, outcome: 'posted', serverSeq: 1 },
        { id: entry.id, outcome: 'duplicate', serverSeq: 1 },
        { id: entry.id, outcome: 'conflict', message: expect.any(String) },
      ]);
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(1);
    });

    it('stores the entry as received, so its hash can be checked again later', async () => {
      const entry = receiptEntry(fx.device, { seq: 1 });
      await pushOk([entry]);
      const { rows } = await fx.server.db.query<{ body: unknown; seq: number; kind: string; device_id: string }>(
        'SELECT body, seq, kind, device_id FROM entries WHERE org_id = $1',
        [fx.device.orgId],
      );
      expect(rows[0]).toEqual({ body: entry, seq: 1, kind: 'receipt', device_id: fx.device.deviceId });
    });

    it('posts a full batch of batchEntriesMax entries in one request', async () => {
      const entries = receiptEntries(fx.device, 500);
      const results = await pushOk(entries);
      expect(results.every((r, i) => r.outcome === 'posted' && r.serverSeq === i + 1)).toBe(true);
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(500);
    });
  });

  describe('organisations stay apart', () => {
    it('numbers each organisation from 1 and treats the same id in another organisation as another entry', async () => {
      const deviceB = await enrolNewOrg(fx.server, 'เทศบาลตำบลทดสอบ');
      const entryA = receiptEntry(fx.device, { seq: 1 });
      await pushOk([entryA]);
      const entryB = receiptEntry(deviceB, { seq: 1, id: entryA.id });
      expect(await pushOk([entryB], deviceB)).toEqual([{ id: entryA.id, outcome: 'posted', serverSeq: 1 }]);
    });
  });
});
