/**
 * One process at a time on a PGlite data folder: a folder another live process holds is refused with a
 * Thai message (and left alone); a lock left by a dead process is taken over. (That openPglite takes the
 * lock and closing frees it is checked in pglite.test.ts, on the data folder it opens anyway.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir, lockFileName } from '../../src/server/dataDirLock';

const root = mkdtempSync(join(tmpdir(), 'samut-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `data-${++n}`);

/** A process id that surely belongs to a live process other than this one: our parent. */
const liveOtherPid = process.ppid;

/** A process id that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('the data folder lock', () => {
  it('creates the folder and a lock file with this process id, and removes it on release', () => {
    const dir = freshDir();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, lockFileName), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, lockFileName))).toBe(false);
  });

  it('refuses a folder held by another live process, saying how to proceed, and leaves its lock alone', () => {
    const dir = freshDir();
    lockDataDir(dir)();
    writeFileSync(join(dir, lockFileName), `${liveOtherPid}\n`);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/กำลังถูกใช้งานโดยโปรแกรมอื่น .*หยุดเซิร์ฟเวอร์ก่อน/);
    expect(readFileSync(join(dir, lockFileName), 'utf8').trim()).toBe(String(liveOtherPid));
  });

  it('takes over a lock left by a process that has exited', () => {
    const dir = freshDir();
    lockDataDir(dir)();
    writeFileSync(join(dir, lockFileName), `${deadPid()}\n`);
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, lockFileName), 'utf8').trim()).toBe(String(process.pid));
    release();
  });
});
