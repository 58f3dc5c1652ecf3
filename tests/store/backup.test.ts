/**
 * Backup files (DESIGN.md §5): export → restore gives the same entries (ids, hashes, states), seq
 * counter, setup and caches; a restore merges by id; a damaged, tampered, foreign or newer file is
 * refused whole with a Thai message and nothing written.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/canonicalJson';
import { entryHash } from '../../src/domain/entryHash';
import { BackupChecksum, BackupError, backupFileName, parseBackupText } from '../../src/store/backupFile';
import { exportBackup } from '../../src/store/backupExport';
import { restoreBackup } from '../../src/store/backupRestore';
import { getBackupStatus, getLastBackup, noteBackupMade } from '../../src/store/backupStatus';
import { rebuildBooksCaches } from '../../src/store/booksCaches';
import type { SamutDb } from '../../src/store/db';
import { getEnrolment, saveEnrolment } from '../../src/store/enrolment';
import { getPreviousDevice } from '../../src/store/previousDevice';
import { printRecordOf, recordPrint } from '../../src/store/printLog';
import { recordEntry } from '../../src/store/recordEntry';
import { getBooksSetup, saveReceiptBooks } from '../../src/store/setup';
import { getCoverageWindow, setCoverageWindow } from '../../src/store/coverage';
import { applyPushResults, readPendingBatch } from '../../src/store/syncQueue';
import type { StoredEntry } from '../../src/store/storedEntry';
import { appropriationInput, cancelInput, depositInput, journalInput, paymentInput, receiptInput, snapshot } from './entryInputs';
import { enrolledDb, freshDb, manualClock, seededRandom, testEnrolment } from './fixtures';

const appVersion = '0.1.0-test';
const at = '2024-07-08T03:00:00.000Z';

/** An enrolled PC with entries of every kind: some posted, one rejected, the rest pending; settings set. */
async function booksOfEveryKind(label: string) {
  const db = await enrolledDb(label);
  const clock = manualClock();
  const random = seededRandom();
  const record = (input: Parameters<typeof recordEntry>[1]) => {
    clock.advance(1000);
    return recordEntry(db, input, clock, random);
  };
  await saveReceiptBooks(db, [{ bookNo: '12', firstNo: 1, lastNo: 100 }]);
  await setCoverageWindow(db, { from: '2024-01-16', to: '2024-07-06' });
  const r1 = await record(receiptInput('2024-01-16', '12', 1));
  const r2 = await record(receiptInput('2024-01-17', '12', 2, 120_000));
  const dep = await record(depositInput('2024-01-18', 100_000));
  const app = await record(appropriationInput('2024-01-19', '00411', 5_000_000));
  const pay = await record(paymentInput('2024-01-20', '00411', 300_000));
  const jv = await record(journalInput('2024-01-21', 2_500));
  const cancel = await record(cancelInput('2024-01-22', r2));
  await applyPushResults(db, [r1.id, dep.id, jv.id], [
    { id: r1.id, outcome: 'posted', serverSeq: 11 },
    { id: dep.id, outcome: 'posted', serverSeq: 12 },
    { id: jv.id, outcome: 'rejected', code: 'period_closed', message: 'งวดบัญชีปิดแล้ว' },
  ], at);
  await recordPrint(db, r1.id, clock);
  await recordPrint(db, r1.id, clock);
  return { db, clock, record, ids: { r1: r1.id, r2: r2.id, dep: dep.id, app: app.id, pay: pay.id, jv: jv.id, cancel: cancel.id } };
}

async function backupText(db: SamutDb, pageEntries?: number): Promise<string> {
  const made = await exportBackup(db, { appVersion, clock: manualClock(Date.UTC(2024, 6, 8, 5, 30)), ...(pageEntries ? { pageEntries } : {}) });
  return made.blob.text();
}

async function allEntries(db: SamutDb): Promise<StoredEntry[]> {
  return db.entries.orderBy(':id').toArray();
}

async function everything(db: SamutDb) {
  return { ...(await snapshot(db)), rows: await allEntries(db), meta: await db.meta.orderBy(':id').toArray() };
}

/** The file with `edit` applied to its parsed JSON and its checksum made right again (a deliberate forgery). */
function resigned(text: string, edit: (file: { entries: Record<string, unknown>[]; meta: unknown[]; [k: string]: unknown }) => void): string {
  const file = JSON.parse(text);
  edit(file);
  const { entries, meta, checksum: _old, ...header } = file;
  const sum = new BackupChecksum();
  sum.add(canonicalJson(header));
  for (const row of [...entries, ...meta]) sum.add(canonicalJson(row));
  return JSON.stringify({ ...file, checksum: sum.hex() });
}

async function refusal(db: SamutDb, text: string): Promise<BackupError> {
  const before = await everything(db);
  const error = await (async () => restoreBackup(db, parseBackupText(text)))().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect(await everything(db)).toEqual(before); // nothing written
  return error as BackupError;
}

describe('a backup file', () => {
  it('restored into a wiped browser gives back every entry, state, counter, setting and cache, but no token', async () => {
    const { db, ids } = await booksOfEveryKind('backup-source');
    const text = await backupText(db);
    expect(text).not.toContain(testEnrolment.token);
    expect(JSON.parse(text)).toMatchObject({ format: 'samut-backup', version: 1, appVersion, deviceId: testEnrolment.deviceId, counts: { entries: 7 } });

    const wiped = freshDb('backup-wiped');
    const report = await restoreBackup(wiped, parseBackupText(text));
    expect(report).toMatchObject({ added: 7, skipped: 0, advanced: 0, conflictCount: 0, enrolled: false });

    expect(await allEntries(wiped)).toEqual(await allEntries(db)); // ids, hashes, contents and sync states
    const { seq: _s, ...cachesBefore } = await snapshot(db);
    const { seq, ...cachesAfter } = await snapshot(wiped);
    expect(seq).toBe(7);
    expect(cachesAfter).toEqual(cachesBefore);
    expect(await getBooksSetup(wiped)).toEqual(await getBooksSetup(db));
    expect(await getCoverageWindow(wiped)).toEqual({ from: '2024-01-16', to: '2024-07-06' });
    expect((await printRecordOf(wiped, ids.r1)).count).toBe(2);

    // Not enrolled: the token is gone, the identity kept for enrolling again as the same device.
    expect(await getEnrolment(wiped)).toBeUndefined();
    const { token: _t, enrolledAt: _e, ...identity } = testEnrolment;
    expect(await getPreviousDevice(wiped)).toEqual(identity);
    // The restored caches are exactly what a rebuild computes from the restored entries.
    const restored = await snapshot(wiped);
    await rebuildBooksCaches(wiped);
    expect(await snapshot(wiped)).toEqual(restored);

    // Enrolled again as that device: the queue resumes where it was, and the next seq follows on.
    await saveEnrolment(wiped, { ...testEnrolment, token: 'a-new-token-0123456789' });
    expect((await readPendingBatch(wiped, 100)).map((e) => e.id)).toEqual((await readPendingBatch(db, 100)).map((e) => e.id));
    const next = await recordEntry(wiped, receiptInput('2024-01-23', '12', 3), manualClock(), seededRandom(99));
    expect(next.seq).toBe(8);
    // A receipt number taken before the wipe is still taken.
    await expect(recordEntry(wiped, receiptInput('2024-01-23', '12', 1), manualClock(), seededRandom(98))).rejects.toMatchObject({ rejectionCode: 'receipt_number_taken' });
  });

  it('is the same file whatever the page size of the export, and records what it covers once noted', async () => {
    const { db } = await booksOfEveryKind('backup-pages');
    const whole = await backupText(db);
    expect(await backupText(db, 2)).toBe(whole);
    expect(await backupText(db, 1)).toBe(whole);
    expect(parseBackupText(whole).entries).toHaveLength(7);
    const made = await exportBackup(db, { appVersion, clock: manualClock(Date.UTC(2024, 6, 8, 5, 30)) });
    expect(made.fileName).toBe('samut-เทศบาลตำบลทดสอบ-2567-07-08-1230.json');
    await noteBackupMade(db, made.header);
    expect(await getLastBackup(db)).toEqual({ exportedAt: '2024-07-08T05:30:00.000Z', lastSeqByDevice: { [testEnrolment.deviceId]: 7 } });
  });

  it('merges by id into the same device: known entries skipped, answers moved forward never back, new ones added, a conflict reported and this PC\'s entry kept', async () => {
    const { db, record, ids } = await booksOfEveryKind('backup-merge-a');
    const older = await backupText(db); // r2, app, pay, cancel pending
    // A second copy of the same device, restored from that file and enrolled again.
    const other = freshDb('backup-merge-b');
    await restoreBackup(other, parseBackupText(older));
    await saveEnrolment(other, testEnrolment);

    // On the first, the server answers more and a new receipt is recorded; then a newer backup.
    await applyPushResults(db, [ids.app], [{ id: ids.app, outcome: 'posted', serverSeq: 13 }], at);
    const r3 = await record(receiptInput('2024-01-25', '12', 3));
    const newer = await backupText(db);

    // The older file into the first PC: everything known, nothing moves back (app stays posted).
    const back = await restoreBackup(db, parseBackupText(older));
    expect(back).toMatchObject({ added: 0, skipped: 7, advanced: 0, conflictCount: 0, enrolled: true });
    expect((await db.entries.get(ids.app))?.state).toBe('posted');
    expect((await db.meta.get(`deviceSeq:${testEnrolment.deviceId}`))?.value).toBe(8);

    // The newer file into the copy: the posting moves forward, the new receipt arrives, counter follows.
    const forward = await restoreBackup(other, parseBackupText(newer));
    expect(forward).toMatchObject({ added: 1, skipped: 7, advanced: 1, conflictCount: 0 });
    expect(await allEntries(other)).toEqual(await allEntries(db));
    expect((await other.meta.get(`deviceSeq:${testEnrolment.deviceId}`))?.value).toBe(8);
    expect((await snapshot(other)).receiptNumbers).toEqual((await snapshot(db)).receiptNumbers);

    // Same id, other content (a forged file): reported, this PC's entry untouched.
    const forged = resigned(newer, (file) => {
      const row = file.entries.find((e) => e.id === r3.id)!;
      const doc = { ...(row.doc as object), payer: 'คนอื่น' };
      const { state: _st, hash: _h, ...content } = row;
      Object.assign(row, { doc, hash: entryHash({ ...content, doc }) });
    });
    const clash = await restoreBackup(other, parseBackupText(forged));
    expect(clash).toMatchObject({ added: 0, conflictCount: 1, conflicts: [{ id: r3.id, date: '2024-01-25', kind: 'receipt' }] });
    expect((await other.entries.get(r3.id))?.hash).toBe(r3.hash);
  });

  it('is refused whole when its checksum does not match (damaged, or edited by hand)', async () => {
    const { db } = await booksOfEveryKind('backup-damaged');
    const text = await backupText(db);
    const target = freshDb('backup-damaged-target');
    const edited = text.replace('นายสมชาย มีเงิน', 'นายสมชาย มีทอง');
    expect(edited).not.toBe(text);
    const error = await refusal(target, edited);
    expect(error.code).toBe('damaged');
    expect(error.messageTh).toContain('ค่าตรวจสอบ');
    expect(await target.entries.count()).toBe(0);
    // A file cut short is refused too.
    expect((await refusal(target, text.slice(0, Math.floor(text.length / 2)))).code).toBe('not-a-backup');
  });

  it('is refused whole, naming the entry, when an entry does not match its own hash (even with the checksum made right)', async () => {
    const { db, ids } = await booksOfEveryKind('backup-tampered');
    const text = await backupText(db);
    const tampered = resigned(text, (file) => {
      const row = file.entries.find((e) => e.id === ids.pay)!;
      row.doc = { ...(row.doc as object), payee: 'ผู้รับเงินปลอม' };
    });
    const target = freshDb('backup-tampered-target');
    const error = await refusal(target, tampered);
    expect(error.code).toBe('invalid-row');
    const n = JSON.parse(tampered).entries.findIndex((e: { id: string }) => e.id === ids.pay) + 1;
    expect(error.messageTh).toContain(`รายการที่ ${n} (${ids.pay})`);
    expect(error.messageTh).toContain('ค่าแฮช');
    // A sync state the format does not know, and a meta row that is not a setting, likewise.
    const badState = resigned(text, (file) => (file.entries[0]!.state = 'lost'));
    expect((await refusal(target, badState)).messageTh).toContain('รายการที่ 1');
    const token = resigned(text, (file) => file.meta.push({ key: 'enrolment', value: testEnrolment }));
    expect((await refusal(target, resigned(token, (f) => ((f.counts as { meta: number }).meta = f.meta.length)))).code).toBe('invalid-row');
  });

  it('is refused on a PC enrolled as another device, or holding another device\'s entries', async () => {
    const { db } = await booksOfEveryKind('backup-foreign');
    const text = await backupText(db);
    const otherDevice = { ...testEnrolment, deviceId: '0190d6a4-0000-7000-8000-0000000000d2' };
    const enrolledElsewhere = await enrolledDb('backup-foreign-target', otherDevice);
    const error = await refusal(enrolledElsewhere, text);
    expect(error.code).toBe('other-device');
    expect(error.messageTh).toContain('เครื่องอื่น');

    // Not enrolled any more, but still holding that other device's entries.
    await recordEntry(enrolledElsewhere, receiptInput('2024-01-16', '99', 1), manualClock(), seededRandom(5));
    const { token: _t, enrolledAt: _e, ...identity } = otherDevice;
    await enrolledElsewhere.meta.bulkPut([{ key: 'previousDevice', value: identity }]);
    await enrolledElsewhere.meta.delete('enrolment');
    expect((await refusal(enrolledElsewhere, text)).code).toBe('other-device');
  });

  it('says plainly when a file is not a backup or comes from a newer Samut', async () => {
    const target = freshDb('backup-wrong');
    expect((await refusal(target, 'วันที่,จำนวนเงิน\n1,2')).code).toBe('not-a-backup');
    expect((await refusal(target, '{"format":"something-else"}')).messageTh).toContain('ไม่ใช่ไฟล์สำรองข้อมูลของสมุด');
    const newer = await refusal(target, JSON.stringify({ format: 'samut-backup', version: 2, entries: [] }));
    expect(newer.code).toBe('newer-version');
    expect(newer.messageTh).toContain('อัปเดตสมุด');
  });

  it('names files by organisation, B.E. date and Bangkok time, without characters Windows refuses', () => {
    expect(backupFileName('อบต. ทดสอบ/ใต้', Date.UTC(2024, 11, 31, 18, 5))).toBe('samut-อบต.-ทดสอบ-ใต้-2568-01-01-0105.json');
  });
});

describe('the backup status', () => {
  it('counts pending entries in no backup as only on this PC, and reminds after a day while entries wait', async () => {
    const { db, record, clock } = await booksOfEveryKind('backup-status');
    const now = clock.nowMs();
    const waiting = await readPendingBatch(db, 100);
    const oldest = Math.min(...waiting.map((e) => Date.parse(e.recordedAt)));
    expect(await getBackupStatus(db, now)).toEqual({ pending: 4, onlyOnThisPc: 4, oldestOnlyOnThisPcAtMs: oldest, reminderDue: true });

    const made = await exportBackup(db, { appVersion, clock });
    await noteBackupMade(db, made.header);
    expect(await getBackupStatus(db, now)).toEqual({ lastBackup: expect.anything(), pending: 4, onlyOnThisPc: 0, reminderDue: false });

    const later = await record(receiptInput('2024-01-26', '12', 4));
    expect(await getBackupStatus(db, now)).toMatchObject({ pending: 5, onlyOnThisPc: 1, oldestOnlyOnThisPcAtMs: Date.parse(later.recordedAt), reminderDue: false });
    expect(await getBackupStatus(db, now + 25 * 3600_000)).toMatchObject({ reminderDue: true });

    // Nothing waiting: no reminder however old the backup.
    const pending = await readPendingBatch(db, 100);
    await applyPushResults(db, pending.map((e) => e.id), pending.map((e, i) => ({ id: e.id, outcome: 'posted' as const, serverSeq: 100 + i })), at);
    expect(await getBackupStatus(db, now + 25 * 3600_000)).toMatchObject({ pending: 0, onlyOnThisPc: 0, reminderDue: false });
  });
});
