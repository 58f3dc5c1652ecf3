import { describe, expect, it } from 'vitest';
import { createImportSession } from '../../src/app/backfill/importSession';
import type { FromImportWorker, ImportSummary } from '../../src/app/backfill/importMessages';
import { countPending, listEntries, saveReceiptBooks } from '../../src/store';
import { enrolledDb } from '../store/fixtures';

const header = 'วันที่,เล่มที่,เลขที่,ผู้ชำระเงิน,รหัสรายรับ,รายการ,จำนวนเงิน,วิธีรับเงิน';

function csvFile(lines: readonly string[], name = 'ใบเสร็จ.csv'): File {
  return new File([`\uFEFF${[header, ...lines].join('\r\n')}\r\n`], name, { type: 'text/csv' });
}

/** A session on a fresh enrolled database, with every message it posts kept. */
async function sessionOnFreshDb() {
  const db = await enrolledDb('import-session');
  const posted: FromImportWorker[] = [];
  const session = createImportSession({ db, post: (m) => posted.push(m) });
  const lastOf = <T extends FromImportWorker['type']>(type: T) => posted.filter((m): m is Extract<FromImportWorker, { type: T }> => m.type === type).at(-1);
  const read = async (readId: number, file: File): Promise<ImportSummary> => {
    await session.handle({ type: 'read', readId, kind: 'receipt', file, fileName: file.name });
    const done = lastOf('read-done');
    if (done === undefined || done.summary.readId !== readId) throw new Error(`no summary: ${JSON.stringify(posted.at(-1))}`);
    return done.summary;
  };
  return { db, session, posted, lastOf, read };
}

const good = [
  '16/01/2567,1/2567,1,นายสมชาย ใจดี,411002,ป้าย,"1,200.00",เงินสด',
  '16/01/2567,1/2567,1,นายสมชาย ใจดี,412001,ขยะ,40.50,เงินสด',
  '17/01/2567,1/2567,2,นางสาวมาลี มีสุข,411002,,300,เงินสด',
];
const bad = '31/02/2567,1/2567,3,นายผิด วันที่,411002,,10,เงินสด';

describe('the import worker’s session', () => {
  it('reads a file into counts, row errors and a preview, reporting progress by phase', async () => {
    const { read, posted } = await sessionOnFreshDb();
    const summary = await read(1, csvFile([...good, bad]));
    expect(summary.counts).toEqual({ rows: 4, entries: 2, new: 2, alreadyRecorded: 0, errors: 1 });
    expect(summary.errors[0]?.row).toBe(5);
    expect(summary.preview.map((p) => [p.rows, p.dateBe, p.documentTh, p.partyTh, p.amountTh, p.status])).toEqual([
      [[2, 3], '16/01/2567', 'เล่ม 1/2567 เลขที่ 1', 'นายสมชาย ใจดี', '1,240.50', 'new'],
      [[4], '17/01/2567', 'เล่ม 1/2567 เลขที่ 2', 'นางสาวมาลี มีสุข', '300.00', 'new'],
    ]);
    const phases = posted.filter((m) => m.type === 'progress').map((m) => (m.type === 'progress' ? m.phase : ''));
    expect([...new Set(phases)]).toEqual(['file', 'decode', 'rows', 'keys']);
  });

  it('does not call a document "already recorded" when the file says something else about it: a row error', async () => {
    const { db, session, read, lastOf } = await sessionOnFreshDb();
    await read(1, csvFile(good));
    await session.handle({ type: 'commit', readId: 1, mode: 'all-or-nothing', recordedBy: 'สมศรี' });
    expect(lastOf('committed')?.recorded).toBe(2);
    // Receipt 1/2567 เลขที่ 2 again, with another amount; receipt 1 exactly as recorded.
    const changed = [good[0]!, good[1]!, '17/01/2567,1/2567,2,นางสาวมาลี มีสุข,411002,,350,เงินสด'];
    const summary = await read(2, csvFile(changed));
    expect(summary.counts).toEqual({ rows: 3, entries: 1, new: 0, alreadyRecorded: 1, errors: 1 });
    expect(summary.errors).toEqual([
      { row: 4, column: '', messageTh: 'เอกสารเลขนี้บันทึกไว้แล้ว (วันที่ 17/01/2567) แต่ข้อมูลในไฟล์ไม่ตรงกับที่บันทึก ถ้าที่บันทึกไว้ผิด ให้ยกเลิกรายการเดิมก่อนแล้วนำเข้าใหม่ ถ้าไฟล์ผิด ให้แก้ไฟล์' },
    ]);
    await session.handle({ type: 'commit', readId: 2, mode: 'valid-only', recordedBy: 'สมศรี' });
    expect(lastOf('committed')?.recorded).toBe(0);
    expect(await countPending(db)).toBe(2);
  });

  it('refuses to commit all-or-nothing while any row has an error, and writes nothing', async () => {
    const { db, session, read, lastOf } = await sessionOnFreshDb();
    await read(1, csvFile([...good, bad]));
    await session.handle({ type: 'commit', readId: 1, mode: 'all-or-nothing', recordedBy: 'สมศรี' });
    expect(lastOf('commit-refused')?.messageTh).toContain('ทั้งหมดหรือไม่บันทึกเลย');
    expect(await countPending(db)).toBe(0);
  });

  it('commits only the valid rows when asked, then reads the same file as already recorded', async () => {
    const { db, session, read, lastOf } = await sessionOnFreshDb();
    await read(1, csvFile([...good, bad]));
    await session.handle({ type: 'commit', readId: 1, mode: 'valid-only', recordedBy: ' สมศรี ใจดี ' });
    expect(lastOf('committed')).toEqual({ type: 'committed', readId: 1, recorded: 2 });
    const entries = await listEntries(db);
    expect(entries.map((e) => [e.kind, e.state, e.recordedBy])).toEqual([
      ['receipt', 'pending', 'สมศรี ใจดี'],
      ['receipt', 'pending', 'สมศรี ใจดี'],
    ]);

    const again = await read(2, csvFile(good));
    expect(again.counts).toMatchObject({ entries: 2, new: 0, alreadyRecorded: 2, errors: 0 });
    expect(again.preview.every((p) => p.status === 'recorded')).toBe(true);
    await session.handle({ type: 'commit', readId: 2, mode: 'all-or-nothing', recordedBy: 'สมศรี' });
    expect(lastOf('committed')).toEqual({ type: 'committed', readId: 2, recorded: 0 });
    expect(await countPending(db)).toBe(2);
  });

  it('refuses a commit for a reading it no longer holds, and one without a recorder’s name', async () => {
    const { session, read, lastOf } = await sessionOnFreshDb();
    await read(1, csvFile(good));
    await session.handle({ type: 'commit', readId: 1, mode: 'all-or-nothing', recordedBy: '  ' });
    expect(lastOf('commit-refused')?.messageTh).toBe('กรุณากรอกชื่อผู้บันทึก');
    await session.handle({ type: 'commit', readId: 7, mode: 'all-or-nothing', recordedBy: 'สมศรี' });
    expect(lastOf('commit-refused')?.messageTh).toContain('กรุณาเลือกไฟล์อีกครั้ง');
  });

  it('answers a file it cannot read with a Thai message', async () => {
    const { session, lastOf } = await sessionOnFreshDb();
    await session.handle({ type: 'read', readId: 1, kind: 'receipt', file: new File(['x'], 'a.pdf'), fileName: 'a.pdf' });
    expect(lastOf('read-failed')?.messageTh).toContain('.csv หรือ .xlsx');
  });

  it('maps a refusal of the books to the file rows of the refused receipt, and nothing is written', async () => {
    const { db, session, read, lastOf } = await sessionOnFreshDb();
    // This PC holds numbers 1–2 of the book only: the store refuses number 3 (the file alone cannot know).
    await saveReceiptBooks(db, [{ bookNo: '1/2567', firstNo: 1, lastNo: 2 }]);
    await read(1, csvFile([...good, '18/01/2567,1/2567,3,นายนอกช่วง,411002,,10,เงินสด']));
    expect(lastOf('read-done')!.summary.counts.errors).toBe(0);
    await session.handle({ type: 'commit', readId: 1, mode: 'all-or-nothing', recordedBy: 'สมศรี' });
    const refused = lastOf('commit-refused');
    expect(refused?.rows).toEqual([5]);
    expect(refused?.messageTh).toMatch(/^บันทึกไม่สำเร็จ ไม่มีรายการใดถูกบันทึก — แถว 5 ของไฟล์: ใบเสร็จเล่มที่ 1\/2567 เลขที่ 3 อยู่นอกช่วง/);
    expect(refused?.summary?.counts).toMatchObject({ entries: 2, new: 2, errors: 1 });
    expect(await countPending(db)).toBe(0);
    // "valid only" goes on without it.
    await session.handle({ type: 'commit', readId: 1, mode: 'valid-only', recordedBy: 'สมศรี' });
    expect(lastOf('committed')?.recorded).toBe(2);
  });
});
