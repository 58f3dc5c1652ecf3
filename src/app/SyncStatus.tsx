/**
 * One line saying what the sync engine last did, in Thai, from its BroadcastChannel reports. When the
 * last drain had entries refused, the line leads to รายการที่ต้องแก้ไข.
 */
import { syncStatusTh, type SyncView } from './syncView';

export interface SyncStatusProps {
  view: SyncView;
  online: boolean;
}

export function SyncStatus({ view, online }: SyncStatusProps) {
  const outcome = !online && view.kind !== 'sending' ? 'offline' : view.kind === 'finished' ? view.outcome : view.kind;
  const refused = view.kind === 'finished' && view.rejected + view.conflicts > 0;
  return (
    <p class={`sync-status sync-status--${outcome}`} data-testid="sync-status" data-outcome={outcome} aria-live="polite">
      {syncStatusTh(view, online)}
      {refused && (
        <>
          {' '}
          <a href="#fixes" class="sync-status-link" data-testid="sync-status-fixes">
            เปิดดู
          </a>
        </>
      )}
    </p>
  );
}
