/** A signature block as on Thai official paper: ลงชื่อ ….., (…..), the role, and a date line. */
export function Signature({ roleTh, testId }: { roleTh: string; testId?: string }) {
  return (
    <div class="sig" data-testid={testId}>
      <p>ลงชื่อ ...........................................</p>
      <p>(...........................................)</p>
      <p class="sig-role">{roleTh}</p>
      <p>วันที่ ........../........../..........</p>
    </div>
  );
}
