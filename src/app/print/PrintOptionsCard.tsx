/** ตั้งค่า → การพิมพ์: Thai digits on paper, and how a final 1 is read in amounts in words. */
import { useEffect, useState } from 'preact/hooks';
import { bahtText } from '../../domain/bahtText';
import type { SamutDb } from '../../store';
import { errorMessageTh } from '../errorMessage';
import { defaultPrintOptions, digitsFor, loadPrintOptions, savePrintOptions, type PrintOptions } from './printOptions';

export function PrintOptionsCard({ db }: { db: SamutDb }) {
  const [options, setOptions] = useState<PrintOptions>(defaultPrintOptions);
  const [messageTh, setMessageTh] = useState<string | undefined>(undefined);
  useEffect(() => {
    loadPrintOptions(db).then(setOptions, (error: unknown) => setMessageTh(errorMessageTh(error)));
  }, [db]);
  const change = (next: PrintOptions) => {
    setOptions(next);
    savePrintOptions(db, next).then(
      () => setMessageTh('บันทึกแล้ว'),
      (error: unknown) => setMessageTh(errorMessageTh(error)),
    );
  };
  const sample = digitsFor(options)('101.00 บาท · 16/01/2567');
  return (
    <section class="card" aria-labelledby="print-options-title">
      <h2 id="print-options-title">การพิมพ์เอกสารและรายงาน</h2>
      <div class="stack">
        <label class="check">
          <input
            type="checkbox"
            data-testid="print-thai-digits"
            checked={options.thaiDigits}
            onChange={(e) => change({ ...options, thaiDigits: e.currentTarget.checked })}
          />{' '}
          พิมพ์ตัวเลขเป็นเลขไทย (๐–๙)
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="print-ed-tens-only"
            checked={options.ed === 'tensOnly'}
            onChange={(e) => change({ ...options, ed: e.currentTarget.checked ? 'tensOnly' : 'always' })}
          />{' '}
          อ่าน "เอ็ด" เฉพาะหลังสิบ (101 = หนึ่งร้อยหนึ่งบาทถ้วน)
        </label>
        <p class="muted" data-testid="print-options-sample">
          ตัวอย่าง: {sample} ({bahtText(10100, { ed: options.ed })})
        </p>
        {messageTh !== undefined && (
          <p class="muted" role="status">
            {messageTh}
          </p>
        )}
      </div>
    </section>
  );
}
