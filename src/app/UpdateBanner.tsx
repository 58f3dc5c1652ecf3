/**
 * A new version of Samut is ready (a new service worker waits). It never takes over by itself: the
 * officer may be half-way through a receipt, so they choose when the page reloads.
 */
import { useWatchable, type Watchable } from './watchable';

export interface UpdateBannerProps {
  update: Watchable<(() => void) | undefined>;
}

export function UpdateBanner({ update }: UpdateBannerProps) {
  const activate = useWatchable(update);
  if (activate === undefined) return null;
  return (
    <div class="update-banner no-print" role="status">
      <span>มีสมุดรุ่นใหม่พร้อมใช้งาน (บันทึกใบเสร็จที่กำลังกรอกให้เสร็จก่อน)</span>
      <button type="button" class="button-primary" onClick={() => activate()}>
        ใช้รุ่นใหม่
      </button>
    </div>
  );
}
