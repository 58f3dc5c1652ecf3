/**
 * A new version of Samut is ready (a new service worker waits). It never takes over by itself: the
 * officer may be half-way through a receipt, so they choose when. If a form holds typed input not yet
 * saved, the banner asks once more; the reload itself waits for every write in flight
 * (whenWritesSettled in main.tsx), so a save is never cut in half.
 */
import { useState } from 'preact/hooks';
import type { UnsavedInput } from './backup/unsavedInput';
import { useWatchable, type Watchable } from './watchable';

export interface UpdateBannerProps {
  /** Activates the waiting version and reloads (after the writes in flight); undefined while none waits. */
  update: Watchable<(() => Promise<void>) | undefined>;
  unsaved?: UnsavedInput;
}

type Step = 'offered' | 'confirm-unsaved' | 'reloading';

export function UpdateBanner({ update, unsaved }: UpdateBannerProps) {
  const activate = useWatchable(update);
  const [step, setStep] = useState<Step>('offered');
  if (activate === undefined) return null;

  const go = () => {
    setStep('reloading');
    activate().catch((error: unknown) => {
      console.error('update failed', error);
      setStep('offered');
    });
  };
  const ask = () => ((unsaved?.count() ?? 0) > 0 ? setStep('confirm-unsaved') : go());

  return (
    <div class="update-banner no-print" role="status" data-testid="update-banner" data-step={step}>
      {step === 'offered' && (
        <>
          <span>มีเวอร์ชันใหม่ของสมุดพร้อมใช้งาน — รายการที่บันทึกแล้วและที่รอส่งอยู่ครบ</span>
          <button type="button" class="button-primary" data-testid="update-apply" onClick={ask}>
            ใช้เวอร์ชันใหม่
          </button>
        </>
      )}
      {step === 'confirm-unsaved' && (
        <>
          <span data-testid="update-unsaved">มีข้อมูลที่กรอกไว้ในแบบฟอร์มแต่ยังไม่ได้บันทึก หากโหลดเวอร์ชันใหม่ตอนนี้ ข้อมูลที่กรอกค้างไว้จะหาย</span>
          <button type="button" class="button-quiet" data-testid="update-later" onClick={() => setStep('offered')}>
            กลับไปบันทึกก่อน
          </button>
          <button type="button" class="button-primary" data-testid="update-anyway" onClick={go}>
            โหลดเวอร์ชันใหม่เลย
          </button>
        </>
      )}
      {step === 'reloading' && <span data-testid="update-reloading">กำลังรอให้การบันทึกที่ค้างอยู่เสร็จ แล้วจะโหลดเวอร์ชันใหม่…</span>}
    </div>
  );
}
