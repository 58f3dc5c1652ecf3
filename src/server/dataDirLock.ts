/**
 * One process at a time on a PGlite data folder. PGlite takes no lock of its own, and two processes
 * writing the same folder (the server, and `npm run admin` started while it runs) would corrupt it. So
 * whoever opens the folder first creates `samut.lock` in it (exclusively: O_EXCL) with its process id,
 * and removes it on close. A lock whose process is gone (a crash, kill -9) is stale and taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file that marks a data folder in use. */
export const lockFileName = 'samut.lock';

/** The folder is open in another process: stop that one first. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `โฟลเดอร์ข้อมูล ${dataDir} กำลังถูกใช้งานโดยโปรแกรมอื่น (process ${pid}) เช่น เซิร์ฟเวอร์ที่ยังทำงานอยู่ ` +
        `กรุณาหยุดเซิร์ฟเวอร์ก่อนแล้วสั่งใหม่ (ถ้าแน่ใจว่าไม่มีโปรแกรมใดใช้อยู่ ให้ลบไฟล์ ${join(dataDir, lockFileName)})`,
    );
    this.name = 'DataDirLockedError';
  }
}

/**
 * Takes the folder's lock (creating the folder if needed); returns the function that releases it.
 * @example const release = lockDataDir('./data'); try { … } finally { release(); }
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockFileName);
  // Two attempts: the second only after removing a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
    if (Number.isSafeInteger(holder) && holder > 0 && isRunning(holder)) throw new DataDirLockedError(dataDir, holder);
    rmSync(path, { force: true });
  }
  throw new DataDirLockedError(dataDir, 0); // someone else took it between our removal and our retry
}

/**
 * Whether a process id is alive. Our own id counts as not running: this code never opens one folder
 * twice, so a lock with our id was left by an earlier process that had the same id (a container restart
 * often gives the server the same small pid again).
 */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user — still running.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
