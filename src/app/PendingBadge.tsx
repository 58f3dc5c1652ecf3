/**
 * How many entries wait on this PC for the server. While any do, they exist only here: the badge is
 * the officer's reminder (amber), and turns green once everything is posted.
 */
import { countPending, type SamutDb } from '../store';
import { useLiveQuery } from './useLiveQuery';

export interface PendingBadgeProps {
  db: SamutDb;
  refreshKey: number;
}

export function PendingBadge({ db, refreshKey }: PendingBadgeProps) {
  const pending = useLiveQuery(() => countPending(db), [db, refreshKey]);
  if (pending.status !== 'ready') {
    return (
      <span class="badge" data-testid="pending-count" title={pending.status === 'failed' ? pending.messageTh : undefined}>
        {pending.status === 'failed' ? 'อ่านจำนวนรอส่งไม่ได้' : 'กำลังนับ…'}
      </span>
    );
  }
  const count = pending.value;
  return (
    <span
      class={`badge ${count > 0 ? 'badge--pending' : 'badge--done'}`}
      data-testid="pending-count"
      data-count={String(count)}
      role="status"
    >
      {count > 0 ? `รอส่ง ${count.toLocaleString('en-US')} รายการ` : 'ส่งครบแล้ว'}
    </span>
  );
}
