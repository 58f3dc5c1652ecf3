/**
 * Benchmark (figures, never assertions): a backup file of 100,000 entries on fake-indexeddb in Node.
 * Times exportBackup (paged reads, canonical lines, incremental SHA-256, Blob parts), parseBackupText
 * (checksum, every entry's schema, lines and hash) and restoreBackup into a wiped database (merge by id,
 * caches rebuilt, ONE transaction), and the heap before and after the export (the rows, the text and
 * the file are never held together). Run: npx tsx tests/bench/backupFile.ts [entries]
 * fake-indexeddb is far slower than Chromium's IndexedDB: the parse figure is the one that carries over.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { buildEntry, type EntryContent } from '../../src/domain/entry';
import { parseBackupText } from '../../src/store/backupFile';
import { exportBackup } from '../../src/store/backupExport';
import { restoreBackup } from '../../src/store/backupRestore';
import { openSamutDb } from '../../src/store/db';
import { saveEnrolment } from '../../src/store/enrolment';

const count = Number(process.argv[2] ?? 100_000);
const enrolment = {
  serverUrl: 'http://127.0.0.1:9',
  orgId: '0190d6a4-0000-7000-8000-000000000001',
  orgName: 'เทศบาลตำบลทดสอบ',
  deviceId: '0190d6a4-0000-7000-8000-0000000000d1',
  token: 'bench-token-0123456789',
  enrolledAt: '2024-07-08T02:00:00.000Z',
};
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

async function main() {
  const source = openSamutDb(`bench-backup-${process.pid}`, { indexedDB, IDBKeyRange });
  await saveEnrolment(source, enrolment);
  for (let start = 0; start < count; start += 5000) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 5000); i++) {
      const seq = i + 1;
      const content = {
        schema: 1,
        id: `0190d6a4-0000-7000-8000-${String(seq).padStart(12, '0')}`,
        orgId: enrolment.orgId,
        deviceId: enrolment.deviceId,
        seq,
        kind: 'receipt',
        date: `2024-0${1 + (i % 6)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        doc: { bookNo: String(1 + Math.floor(i / 100)), receiptNo: 1 + (i % 100), payer: 'นายสมชาย มีเงิน', items: [{ account: '411002', amountSatang: 50_000 + i }], method: 'cash', receivedInto: '010' },
        recordedAt: '2024-07-08T03:00:00.000Z',
        recordedBy: 'สมศรี ใจดี',
      } as EntryContent;
      rows.push({ ...buildEntry(content), state: i % 3 === 0 ? 'pending' : 'posted', ...(i % 3 === 0 ? {} : { serverSeq: seq }) });
    }
    await source.entries.bulkAdd(rows as never[]);
  }
  await source.meta.put({ key: `deviceSeq:${enrolment.deviceId}`, value: count });

  const heapBefore = heap();
  let t = performance.now();
  const made = await exportBackup(source, { appVersion: 'bench' });
  const exportMs = performance.now() - t;
  const heapAfterExport = heap();
  console.log(`export   ${count} entries: ${exportMs.toFixed(0)} ms, file ${mb(made.blob.size)}, heap +${mb(heapAfterExport - heapBefore)} after (Blob parts outside the heap)`);

  t = performance.now();
  const text = await made.blob.text();
  const content = parseBackupText(text);
  const parseMs = performance.now() - t;
  console.log(`parse    text + JSON + checksum + ${content.entries.length} entries checked: ${parseMs.toFixed(0)} ms, heap now ${mb(heap())}`);

  const target = openSamutDb(`bench-backup-target-${process.pid}`, { indexedDB, IDBKeyRange });
  t = performance.now();
  const report = await restoreBackup(target, content);
  console.log(`restore  into a wiped database (added ${report.added}, caches rebuilt, one transaction): ${(performance.now() - t).toFixed(0)} ms`);
}

await main();
