/** The marks stamped across a document: สำเนา on every print after the first, ยกเลิก when cancelled. */
export function Stamps({ copy, cancelled }: { copy: boolean; cancelled: boolean }) {
  return (
    <>
      {copy && (
        <p class="paper-copy" data-testid="print-copy-mark">
          สำเนา
        </p>
      )}
      {cancelled && (
        <p class="paper-cancelled" data-testid="print-cancelled-mark">
          ยกเลิก
        </p>
      )}
    </>
  );
}
