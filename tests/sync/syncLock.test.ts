import { describe, expect, it } from 'vitest';
import { withSyncLock } from '../../src/sync/syncLock';
import { createFakeLocks } from './fakeLocks';

describe('withSyncLock', () => {
  it('lets one runner in and answers busy to a second one at once, without waiting', async () => {
    const locks = createFakeLocks();
    let release!: () => void;
    const first = withSyncLock(() => new Promise<string>((r) => (release = () => r('first done'))), locks);
    const second = await withSyncLock(async () => 'second ran', locks);
    expect(second).toEqual({ outcome: 'busy' });
    release();
    expect(await first).toEqual({ outcome: 'ran', value: 'first done' });
    expect(await withSyncLock(async () => 'third ran', locks)).toEqual({ outcome: 'ran', value: 'third ran' });
  });

  it('runs directly where there are no Web Locks (Node)', async () => {
    expect(await withSyncLock(async () => 42, undefined)).toEqual({ outcome: 'ran', value: 42 });
  });
});
