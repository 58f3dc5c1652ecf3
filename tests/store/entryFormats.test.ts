/**
 * Entries recorded under every older entry format, kept in every older database version, still read
 * and count after an update (DESIGN.md §3: "entries that wait months in the queue still parse").
 * The fixture of each format is a committed file made by the version that wrote it, never regenerated:
 * entryFormats/format-1.json holds one entry of every kind, as format 1 records them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { entrySchemaVersion } from '../../src/domain/entry';
import { entryFormatsRead, readEntryOfAnyFormat } from '../../src/domain/entryFormats';
import { entryHash } from '../../src/domain/entryHash';
import { rebuildBooksCaches } from '../../src/store/booksCaches';
import { openSamutDb, schemaV1, schemaV2, schemaV3, schemaV4 } from '../../src/store/db';
import { countPending } from '../../src/store/queries';
import { accountTotalsAsOf } from '../../src/store/reportQueries';

const fixtureOf = (format: number): Record<string, unknown>[] =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `entryFormats/format-${format}.json`), 'utf8'));

const olderSchemas = [
  { version: 1, stores: [schemaV1] },
  { version: 2, stores: [schemaV1, schemaV2] },
  { version: 3, stores: [schemaV1, schemaV2, schemaV3] },
  { version: 4, stores: [schemaV1, schemaV2, schemaV3, schemaV4] },
] as const;

describe('every entry format this version reads', () => {
  it('has a committed fixture up to the current format, and nothing newer is read', () => {
    expect(entryFormatsRead).toEqual(Array.from({ length: entrySchemaVersion }, (_, i) => i + 1));
    for (const format of entryFormatsRead) expect(fixtureOf(format).length).toBeGreaterThan(0);
  });

  it.each(entryFormatsRead.map((f) => [f]))('reads every kind of format %i with its hash intact', (format) => {
    const rows = fixtureOf(format);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['receipt', 'deposit', 'budget', 'payment', 'journal', 'cancel']));
    for (const row of rows) {
      const read = readEntryOfAnyFormat(row);
      expect(read, String(row.id)).toMatchObject({ outcome: 'valid' });
      if (read.outcome === 'valid') expect(read.entry.hash).toBe(entryHash(row));
    }
  });

  it('asks for an update, not a repair, for an entry of a newer format; refuses one with no format', () => {
    const [row] = fixtureOf(1);
    const newer = readEntryOfAnyFormat({ ...row, schema: entrySchemaVersion + 1 });
    expect(newer).toMatchObject({ outcome: 'invalid' });
    expect(newer.outcome === 'invalid' && newer.messageTh).toContain('อัปเดตสมุด');
    const { schema: _s, ...noFormat } = row!;
    expect(readEntryOfAnyFormat(noFormat)).toMatchObject({ outcome: 'invalid', messageTh: expect.stringContaining('schema') });
  });

  describe.each(entryFormatsRead.map((f) => [f]))('format %i entries', (format) => {
    it.each(olderSchemas.map((s) => [s.version, s]))('kept in database version %i open, count and total the books after the upgrade', async (version, schema) => {
      const name = `samut-formats-${format}-${version}-${process.pid}`;
      const old = new Dexie(name, { indexedDB, IDBKeyRange });
      schema.stores.forEach((stores, i) => old.version(i + 1).stores(stores));
      const rows: Record<string, unknown>[] = fixtureOf(format).map((r) => ({ ...r, state: 'pending' }));
      await old.table('entries').bulkAdd(rows);
      old.close();

      const db = openSamutDb(name, { indexedDB, IDBKeyRange });
      expect(db.verno).toBe(5);
      expect(await db.entries.orderBy(':id').toArray()).toEqual([...rows].sort((a, b) => String(a.id).localeCompare(String(b.id))));
      expect(await countPending(db)).toBe(rows.length);
      for (const stored of await db.entries.toArray()) expect(readEntryOfAnyFormat(stripSync(stored))).toMatchObject({ outcome: 'valid' });
      // Every one counts (the cancel reverses the receipt), none is unreadable, and the books balance.
      expect(await rebuildBooksCaches(db)).toEqual({ counted: rows.length, notCounting: 0, unreadable: 0 });
      const totals = await accountTotalsAsOf(db, '2024-12-31');
      const sum = (side: 'debitSatang' | 'creditSatang') => [...totals.values()].reduce((s, t) => s + t[side], 0);
      expect(sum('debitSatang')).toBe(sum('creditSatang'));
      expect(totals.get('411002')).toMatchObject({ creditSatang: 0 }); // the cancelled receipt nets out
      db.close();
    });
  });
});

function stripSync(row: object): Record<string, unknown> {
  const { state: _s, serverSeq: _n, syncedAt: _a, syncCode: _c, syncMessage: _m, ...entry } = row as Record<string, unknown>;
  return entry;
}
