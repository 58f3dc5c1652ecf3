/**
 * Follows the sync engine's progress on its BroadcastChannel (src/sync/channel.ts), wherever the
 * drain runs: this page, another tab, the service worker. `finishedCount` bumps on every finished
 * drain so the lists re-read, in case a liveQuery missed a write made from the service worker.
 */
import { useEffect, useState } from 'preact/hooks';
import { onSyncMessage } from '../sync/channel';
import { nextSyncView, type SyncView } from './syncView';

export interface SyncFollow {
  view: SyncView;
  finishedCount: number;
}

export function useSyncChannel(): SyncFollow {
  const [follow, setFollow] = useState<SyncFollow>({ view: { kind: 'idle' }, finishedCount: 0 });
  useEffect(
    () =>
      onSyncMessage((message) =>
        setFollow((f) => ({
          view: nextSyncView(f.view, message, Date.now()),
          finishedCount: f.finishedCount + (message.type === 'drain-finished' ? 1 : 0),
        })),
      ),
    [],
  );
  return follow;
}

/** Whether the browser believes it is online; follows the `online`/`offline` events. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
