/**
 * Above an entry form opened from รายการที่ต้องแก้ไข: which refused entry the next save corrects, that
 * the refused one is not changed, and a way back without saving.
 */
import { entryKindNamesTh } from '../../domain/entry';
import { formatBeDate } from '../../domain/thaiDate';
import type { StoredEntry } from '../../store';
import { entryRefTh } from '../entryLabels';
import { refusedStateTh } from './fixes';

export interface CorrectionBannerProps {
  entry: StoredEntry;
  onStop: () => void;
}

export function CorrectionBanner({ entry, onStop }: CorrectionBannerProps) {
  const state = entry.state === 'conflict' ? refusedStateTh.conflict : refusedStateTh.rejected;
  return (
    <div class="notice notice--warn correction-banner no-print" role="status" data-testid="correction-banner" data-entry-id={entry.id}>
      <p>
        กำลังบันทึกรายการใหม่แทน{entryKindNamesTh[entry.kind]} {entryRefTh(entry)} ลงวันที่ {formatBeDate(entry.date)} ที่{state} — แก้ส่วนที่ผิดแล้วบันทึก
        ระบบจะบันทึกเป็นรายการใหม่ รายการเดิมคงอยู่ไม่ถูกแก้ไข
      </p>
      <button type="button" class="button-quiet button-small" data-testid="correction-stop" onClick={onStop}>
        เลิกแก้ไข กลับไปรายการที่ต้องแก้ไข
      </button>
    </div>
  );
}
