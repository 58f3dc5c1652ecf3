import { describe, expect, it } from 'vitest';
import { naturalKeyOf, type NaturalKeySource } from '../../src/domain/import/naturalKey';
import type { RecordEntryInput } from '../../src/store/entryInput';
import { recordedNaturalKeys } from '../../src/store/importKeys';
import { recordEntries } from '../../src/store/recordEntry';
import { applyPushResults } from '../../src/store/syncQueue';
import { appropriationInput, commitmentInput, depositInput, journalInput, paymentInput, receiptInput } from './entryInputs';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

const at = '2024-07-08T03:00:00.000Z';

/** What the importer hands over: the date and the document, without who records it. */
const sourceOf = ({ recordedBy: _by, ...rest }: RecordEntryInput): NaturalKeySource => rest as NaturalKeySource;

function payment(date: string, voucherNo: string, grossSatang: number): RecordEntryInput {
  const p = paymentInput(date, 'L1', grossSatang);
  return { ...p, doc: { ...p.doc, voucherNo } } as RecordEntryInput;
}

function journal(date: string, voucherNo: string, satang: number): RecordEntryInput {
  const j = journalInput(date, satang);
  return { ...j, doc: { ...j.doc, voucherNo } } as RecordEntryInput;
}

describe('recordedNaturalKeys', () => {
  it('finds the keys held by recorded receipts, payments, journals, deposits and budget entries, with their entry ids', async () => {
    const db = await enrolledDb('keys-found');
    // Book 12 has more numbers than one bulkGet handles (read as a key range); book 9 a few (read one by one).
    const receipts = [...Array.from({ length: 40 }, (_, i) => receiptInput('2024-01-10', '12', 1 + i)), receiptInput('2024-01-11', '9', 5)];
    const others = [
      appropriationInput('2023-10-01', 'L1', 10_000_000),
      commitmentInput('2024-01-12', 'L1', 100_000),
      payment('2024-01-15', 'ฎ15/2567', 200_000),
      journal('2024-02-01', 'บช.3/2567', 4_000),
      depositInput('2024-02-02', 30_000),
    ];
    const stored = await recordEntries(db, [...receipts, ...others], manualClock(), seededRandom());
    const candidates = [...receipts, ...others].map(sourceOf);

    const held = await recordedNaturalKeys(db, candidates);

    expect(held).toEqual(new Map(stored.map((e, i) => [naturalKeyOf(candidates[i]!), e.id])));
    expect(held.get('receipt|12|40')).toBe(stored[39]!.id);
    expect(held.get('payment|2567|ฎ15/2567')).toBe(stored[43]!.id);
    expect(held.get('journal|2567|บช.3/2567')).toBe(stored[44]!.id);
    expect(held.get('deposit|2024-02-02|ฝ001')).toBe(stored[45]!.id);
  });

  it('does not find the keys of entries the server rejected or found in conflict', async () => {
    const db = await enrolledDb('keys-rejected');
    const inputs = [receiptInput('2024-01-10', '12', 1), receiptInput('2024-01-10', '12', 2), appropriationInput('2023-10-01', 'L1', 10_000_000), journal('2024-02-01', 'บช.3/2567', 4_000)];
    const [r1, r2, budget, j] = await recordEntries(db, inputs, manualClock(), seededRandom());
    await applyPushResults(
      db,
      [r1!.id, r2!.id, budget!.id, j!.id],
      [
        { id: r1!.id, outcome: 'rejected', code: 'bad', message: 'ผิด' },
        { id: r2!.id, outcome: 'posted', serverSeq: 1 },
        { id: budget!.id, outcome: 'conflict', message: 'รหัสซ้ำแต่เนื้อหาต่างกัน' },
        { id: j!.id, outcome: 'rejected', code: 'bad', message: 'ผิด' },
      ],
      at,
    );

    const held = await recordedNaturalKeys(db, inputs.map(sourceOf));

    expect(held).toEqual(new Map([['receipt|12|2', r2!.id]]));
  });

  it('returns only the candidates’ keys, and none for candidates nobody holds', async () => {
    const db = await enrolledDb('keys-outside');
    const recorded = [
      receiptInput('2024-01-10', '12', 1),
      receiptInput('2024-01-10', '12', 2),
      appropriationInput('2023-10-01', 'L1', 10_000_000),
      payment('2024-01-15', 'ฎ1/2567', 100_000),
      payment('2024-01-15', 'ฎ2/2567', 100_000),
      journal('2024-01-15', 'บช.1/2567', 4_000),
    ];
    const [r1, , , p1] = await recordEntries(db, recorded, manualClock(), seededRandom());
    const candidates = [
      receiptInput('2024-01-10', '12', 1),
      receiptInput('2024-01-10', '12', 3), // not recorded
      payment('2024-01-15', 'ฎ1/2567', 100_000),
      payment('2024-01-16', 'ฎ3/2567', 100_000), // not recorded
      appropriationInput('2023-10-01', 'L1', 10_000_001), // other content: another fingerprint
    ].map(sourceOf);

    const held = await recordedNaturalKeys(db, candidates);

    expect(held).toEqual(
      new Map([
        ['receipt|12|1', r1!.id],
        ['payment|2567|ฎ1/2567', p1!.id],
      ]),
    );
    expect(await recordedNaturalKeys(db, [])).toEqual(new Map());
  });

  it('reads a book’s many numbers as one range, yet returns only the numbers asked for', async () => {
    const db = await enrolledDb('keys-range');
    const stored = await recordEntries(db, Array.from({ length: 60 }, (_, i) => receiptInput('2024-01-10', '12', 1 + i)), manualClock(), seededRandom());
    // 35 numbers: 1, 3, 5 … 69 (those above 60 not recorded); 2, 4 … are held but not asked for.
    const asked = Array.from({ length: 35 }, (_, i) => 1 + 2 * i);

    const held = await recordedNaturalKeys(db, asked.map((no) => sourceOf(receiptInput('2024-01-10', '12', no))));

    expect(held).toEqual(new Map(asked.filter((no) => no <= 60).map((no) => [`receipt|12|${no}`, stored[no - 1]!.id])));
  });

  it('finds a voucher number recorded on another date within the candidates’ span (same fiscal year)', async () => {
    const db = await enrolledDb('keys-voucher-date');
    const [, p] = await recordEntries(db, [appropriationInput('2023-10-01', 'L1', 10_000_000), payment('2024-01-15', 'ฎ7/2567', 100_000)], manualClock(), seededRandom());
    const candidates = [payment('2024-01-10', 'ฎ7/2567', 100_000), receiptInput('2024-01-20', '12', 1)].map(sourceOf);
    // The file's span of non-receipt rows is one day, 10 Jan: the ฎีกา of 15 Jan is outside it (the documented limitation).
    expect(await recordedNaturalKeys(db, candidates)).toEqual(new Map());
    const wider = [...candidates, sourceOf(journal('2024-01-31', 'บช.9/2567', 1_000))];
    expect(await recordedNaturalKeys(db, wider)).toEqual(new Map([['payment|2567|ฎ7/2567', p!.id]]));
  });
});
