/**
 * Entries that fail the domain's checks, or claim another organisation or device, are rejected one by
 * one with a code and a Thai reason; nothing of them is written, and the valid rest of the batch posts.
 */
import { describe, expect, it } from 'vitest';
import { pushResponseSchema, type PushResult } from '../../src/sync/protocol';
import { postEntries } from '../../src/server/push/postEntries';
import { countEntryRows, enrolNewOrg, openServerFixture, push, receiptEntry, resealed, serverBackends } from './helpers';

describe.each(serverBackends)('%s', (backend) => {
  const fx = openServerFixture(backend);

  async function pushOne(entry: unknown): Promise<PushResult> {
    const res = await push(fx.server, fx.device, [entry]);
    expect(res.status).toBe(200);
    const [result] = pushResponseSchema.parse(await res.json()).results;
    return result!;
  }

  function expectRejected(result: PushResult, codes: string[]): void {
    expect(result.outcome).toBe('rejected');
    if (result.outcome !== 'rejected') return;
    expect(codes).toContain(result.code);
    expect(result.message).toMatch(/[\u0E00-\u0E7F]/);
  }

  describe('entries that fail the domain checks', () => {
    it('rejects an unbalanced entry whose lines were edited and re-hashed, writing nothing', async () => {
      const entry = receiptEntry(fx.device, { seq: 1, amountSatang: 50_000 });
      const edited = resealed({ ...entry, lines: [{ ...entry.lines[0]!, debitSatang: 50_001 }, entry.lines[1]!] });
      expectRejected(await pushOne(edited), ['unbalanced']);
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });

    it('rejects balanced lines that are not what the document derives', async () => {
      const entry = receiptEntry(fx.device, { seq: 1, amountSatang: 50_000 });
      const edited = resealed({
        ...entry,
        lines: [
          { ...entry.lines[0]!, debitSatang: 70_000 },
          { ...entry.lines[1]!, creditSatang: 70_000 },
        ],
      });
      expectRejected(await pushOne(edited), ['lines_mismatch']);
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });

    it('rejects an entry whose content was changed without its hash (hash_mismatch)', async () => {
      const entry = receiptEntry(fx.device, { seq: 1 });
      const tampered = { ...entry, doc: { ...entry.doc, payer: 'ผู้อื่น' } };
      expectRejected(await pushOne(tampered), ['hash_mismatch']);
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });

    it('rejects a malformed entry alone and posts the valid ones around it', async () => {
      const before = receiptEntry(fx.device, { seq: 1 });
      const after = receiptEntry(fx.device, { seq: 2 });
      const res = await push(fx.server, fx.device, [before, { id: 'not-a-uuid', kind: 'receipt' }, after]);
      const results = pushResponseSchema.parse(await res.json()).results;
      expect(results[0]).toEqual({ id: before.id, outcome: 'posted', serverSeq: 1 });
      expectRejected(results[1]!, ['malformed']);
      expect(results[2]).toEqual({ id: after.id, outcome: 'posted', serverSeq: 2 });
    });

    it('rejects text PostgreSQL cannot store (NUL) instead of failing the whole batch', async () => {
      const entry = receiptEntry(fx.device, { seq: 1, payer: 'นาย\u0000ก' });
      const good = receiptEntry(fx.device, { seq: 2 });
      const res = await push(fx.server, fx.device, [entry, good]);
      const results = pushResponseSchema.parse(await res.json()).results;
      expectRejected(results[0]!, ['malformed']);
      expect(results[1]).toMatchObject({ outcome: 'posted', serverSeq: 1 });
    });
  });

  describe('entries of another organisation or device', () => {
    it('refuses an entry claiming another organisation (wrong_org) from a device of this one', async () => {
      const orgB = await enrolNewOrg(fx.server, 'เทศบาลอื่น');
      const claim = receiptEntry({ orgId: orgB.orgId, deviceId: fx.device.deviceId }, { seq: 1 });
      expectRejected(await pushOne(claim), ['wrong_org']);
      expect(await countEntryRows(fx.server, orgB.orgId)).toBe(0);
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });

    it('refuses an entry recorded by another device of the same organisation (wrong_device)', async () => {
      const other = receiptEntry({ orgId: fx.device.orgId, deviceId: crypto.randomUUID() }, { seq: 1 });
      expectRejected(await pushOne(other), ['wrong_device']);
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
    });
  });

  describe('the paired balance assertion after insert', () => {
    it('rolls the whole batch back if what was written does not balance (checks bypassed on purpose)', async () => {
      const good = receiptEntry(fx.device, { seq: 1 });
      const bad = receiptEntry(fx.device, { seq: 2 });
      // checkEntry would never let this through; postEntries is called directly to prove the second guard.
      const badRaw = { ...bad, lines: [{ ...bad.lines[0]!, debitSatang: bad.lines[0]!.debitSatang + 1 }, bad.lines[1]!] };
      await expect(
        postEntries(
          fx.server.db,
          fx.device.orgId,
          [
            { index: 0, entry: good, raw: { ...good } },
            { index: 1, entry: bad, raw: badRaw },
          ],
          fx.server.clock.now(),
        ),
      ).rejects.toThrow(/do not balance/);
      expect(await countEntryRows(fx.server, fx.device.orgId)).toBe(0);
      const { rows } = await fx.server.db.query<{ last_server_seq: number }>('SELECT last_server_seq FROM orgs WHERE org_id = $1', [
        fx.device.orgId,
      ]);
      expect(rows[0]!.last_server_seq).toBe(0);
    });
  });
});
