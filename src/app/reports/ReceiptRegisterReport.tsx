/**
 * ทะเบียนคุมใบเสร็จรับเงิน of a fiscal year: per book (เล่มที่), every number used with its date, payer
 * and amount, the numbers cancelled (they stay used, marked ยกเลิก), the numbers missing between the
 * lowest and the highest used, and the count and total of the receipts that stand.
 */
import { useState } from 'preact/hooks';
import { receiptRegister, type ReceiptBookRegister, type ReceiptNumberGap } from '../../domain/reports';
import { bangkokDateOf, fiscalYearOf, fiscalYearRange, formatBeDate } from '../../domain/thaiDate';
import { cancellationsFor, entriesInRange, pendingCountInRange, type SamutDb } from '../../store';
import type { ExportColumn, ExportTable } from '../export/exportTable';
import { describedBy, Field } from '../Field';
import { useLiveQuery } from '../useLiveQuery';
import type { ReportProps } from './DailyStatusReport';
import { ReportFrame } from './ReportFrame';
import { MoneyCell, TotalsFoot } from './reportCells';

async function readRegister(db: SamutDb, fy: number): Promise<{ books: ReceiptBookRegister[]; pending: number }> {
  const { first, last } = fiscalYearRange(fy);
  const [entries, pending] = await Promise.all([entriesInRange(db, first, last), pendingCountInRange(db, first, last)]);
  const receipts = entries.filter((e) => e.kind === 'receipt');
  const cancellations = await cancellationsFor(db, receipts);
  return { books: receiptRegister(receipts, cancellations), pending };
}

/** "4", "7–9": a gap as printed. */
export function gapText(g: ReceiptNumberGap): string {
  return g.fromNo === g.toNo ? String(g.fromNo) : `${g.fromNo}–${g.toNo}`;
}

export interface ReceiptRegisterExportRow {
  bookNo: string;
  receiptNo: string;
  date: string;
  payer: string;
  amountSatang: number | undefined;
  statusTh: string;
}

/** Every book's receipts, then its missing numbers, then its total, as export rows. */
export function receiptRegisterExportRows(books: readonly ReceiptBookRegister[]): ReceiptRegisterExportRow[] {
  return books.flatMap((b) => [
    ...b.rows.map((r) => ({ bookNo: b.bookNo, receiptNo: String(r.receiptNo), date: r.date, payer: r.payer, amountSatang: r.amountSatang, statusTh: r.cancelled ? 'ยกเลิก' : 'ใช้' })),
    ...b.gaps.map((g) => ({ bookNo: b.bookNo, receiptNo: gapText(g), date: '', payer: '', amountSatang: undefined, statusTh: 'ขาดเลข (ไม่พบในเครื่องนี้)' })),
    { bookNo: b.bookNo, receiptNo: '', date: '', payer: `รวมใช้ได้ ${b.validCount} ฉบับ`, amountSatang: b.validTotalSatang, statusTh: '' },
  ]);
}

export const receiptRegisterColumns: readonly ExportColumn<ReceiptRegisterExportRow>[] = [
  { headerTh: 'เล่มที่', kind: 'text', value: (r) => r.bookNo },
  { headerTh: 'เลขที่', kind: 'text', value: (r) => r.receiptNo },
  { headerTh: 'วันที่', kind: 'date', value: (r) => r.date || undefined },
  { headerTh: 'ผู้ชำระเงิน', kind: 'text', value: (r) => r.payer },
  { headerTh: 'จำนวนเงิน', kind: 'satang', value: (r) => r.amountSatang },
  { headerTh: 'สถานะ', kind: 'text', value: (r) => r.statusTh },
];

export function useFiscalYearText(): { text: string; setText: (t: string) => void; fy: number | undefined; errorTh: string | undefined } {
  const [text, setText] = useState(() => String(fiscalYearOf(bangkokDateOf(Date.now()))));
  const t = text.trim();
  const fy = /^\d{4}$/.test(t) && Number(t) >= 2500 && Number(t) <= 2700 ? Number(t) : undefined;
  return { text, setText, fy, errorTh: fy === undefined ? 'ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก เช่น 2567' : undefined };
}

export function FiscalYearField({ id, year }: { id: string; year: ReturnType<typeof useFiscalYearText> }) {
  return (
    <Field id={id} label="ปีงบประมาณ (พ.ศ.)" error={year.errorTh} errorTestId={`${id}-error`}>
      <input id={id} data-testid={id} class="input-year" type="text" inputMode="numeric" value={year.text} onInput={(e) => year.setText(e.currentTarget.value)} {...describedBy(id, year.errorTh)} />
    </Field>
  );
}

export function ReceiptRegisterReport({ db, orgName, refreshKey }: ReportProps) {
  const year = useFiscalYearText();
  const fy = year.fy;
  const read = useLiveQuery(() => (fy === undefined ? Promise.resolve(undefined) : readRegister(db, fy)), [db, fy, refreshKey]);
  const ready = read.status === 'ready' ? read.value : undefined;
  const title = 'ทะเบียนคุมใบเสร็จรับเงิน';
  const periodTh = fy !== undefined ? `ปีงบประมาณ ${fy} (${formatBeDate(fiscalYearRange(fy).first)} – ${formatBeDate(fiscalYearRange(fy).last)})` : '';
  const exportTable = (): ExportTable<ReceiptRegisterExportRow> | undefined =>
    ready ? { title: `${title} ปีงบประมาณ ${fy}`, subtitles: [orgName], columns: receiptRegisterColumns, rows: receiptRegisterExportRows(ready.books) } : undefined;
  return (
    <ReportFrame
      name="receiptRegister"
      titleTh={title}
      orgName={orgName}
      periodTh={periodTh}
      pendingCount={ready?.pending}
      controls={<FiscalYearField id="report-receiptRegister-fy" year={year} />}
      exportTable={exportTable}
      read={read}
    >
      {ready && ready.books.length === 0 && <p class="muted">ยังไม่มีใบเสร็จรับเงินในปีงบประมาณนี้</p>}
      {ready?.books.map((b) => (
        <section key={b.bookNo} data-testid="receiptRegister-book" data-book={b.bookNo}>
          <p class="report-block-title">
            เล่มที่ {b.bookNo} · เลขที่ {b.lowestNo}–{b.highestNo} · ใช้ {b.rows.length} ฉบับ · ยกเลิก {b.cancelledNos.length} ฉบับ
          </p>
          {b.gaps.length > 0 && (
            <p class="notice notice--warn" data-testid="receiptRegister-gaps">
              เลขที่ขาดหาย (ไม่พบใบเสร็จในเครื่องนี้): {b.gaps.map(gapText).join(', ')}
            </p>
          )}
          {b.duplicateNos.length > 0 && <p class="notice notice--error">เลขที่ซ้ำ: {b.duplicateNos.join(', ')}</p>}
          <table class="paper-table" data-testid="receiptRegister-table">
            <thead>
              <tr>
                <th scope="col">เลขที่</th>
                <th scope="col">วันที่</th>
                <th scope="col">ผู้ชำระเงิน</th>
                <th scope="col" class="num">
                  จำนวนเงิน
                </th>
                <th scope="col">หมายเหตุ</th>
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r) => (
                <tr key={r.entryId} class={r.cancelled ? 'cancelled' : undefined} data-testid="receiptRegister-row" data-receipt-no={String(r.receiptNo)}>
                  <td class="nowrap">{r.receiptNo}</td>
                  <td class="nowrap">{formatBeDate(r.date)}</td>
                  <td>{r.payer}</td>
                  <MoneyCell satang={r.amountSatang} marked={false} />
                  <td>{r.cancelled ? <span class="report-mark">ยกเลิก</span> : ''}</td>
                </tr>
              ))}
            </tbody>
            <TotalsFoot labelSpan={3} label={<>รวมใบเสร็จที่ใช้ได้ {b.validCount} ฉบับ</>}>
              <MoneyCell satang={b.validTotalSatang} testId="receiptRegister-total" />
              <td />
            </TotalsFoot>
          </table>
        </section>
      ))}
    </ReportFrame>
  );
}
