/** One line saying what the sync engine last did, in Thai, from its BroadcastChannel reports. */
import { syncStatusTh, type SyncView } from './syncView';

export interface SyncStatusProps {
  view: SyncView;
  online: boolean;
}

export function SyncStatus({ view, online }: SyncStatusProps) {
  const outcome = !online && view.kind !== 'sending' ? 'offline' : view.kind === 'finished' ? view.outcome : view.kind;
  return (
    <p class={`sync-status sync-status--${outcome}`} data-testid="sync-status" data-outcome={outcome} aria-live="polite">
      {syncStatusTh(view, online)}
    </p>
  );
}
