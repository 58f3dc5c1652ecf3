/**
 * สมุดเงินสดรับ for one day: the receipts of a business date in recording order, with a cash column
 * (cash and cheques, cash on hand until deposited) and a bank column (transfers), and their totals,
 * printable as is. A cancelled receipt keeps its line, struck through and marked ยกเลิก, outside the
 * totals. A receipt the server refused (rejected or conflict) no longer counts anywhere on this PC: it
 * keeps its line too, marked ไม่นับ, outside the totals, so the page still matches the paper book it was
 * typed from. The rows come from the store (listCashBook); totals are the domain's exact satang sums.
 */
import { useEffect, useState } from 'preact/hooks';
import type { EntryOfKind } from '../domain/entry';
import { receiptTotalSatang } from '../domain/kinds/receipt';
import { formatBaht, sumSatang } from '../domain/money';
import { bangkokDateOf, fiscalYearOf, formatBeDate, parseBeDate, type IsoDate } from '../domain/thaiDate';
import { countsInBooks, isCancelled, listCashBook, type BooksSetup, type SamutDb } from '../store';
import { accountNameTh } from './entryLabels';
import { MoneyCell, TotalsRow } from './reports/reportCells';
import { describedBy, Field } from './Field';
import { useLiveQuery } from './useLiveQuery';

export interface CashBookProps {
  db: SamutDb;
  setup: BooksSetup;
  refreshKey: number;
  /**
   * The date of the receipt just recorded: the book turns to that day, so an officer typing in last
   * year's paper receipts sees them land (a new object each time, even for the same date).
   */
  turnTo?: { date: IsoDate } | undefined;
}

type ReceiptRow = { entry: EntryOfKind<'receipt'>; cancelled: boolean; refused: boolean };

async function readDay(db: SamutDb, date: IsoDate): Promise<ReceiptRow[]> {
  const day = await listCashBook(db, date);
  const receipts = day.filter((e): e is EntryOfKind<'receipt'> & (typeof day)[number] => e.kind === 'receipt');
  const cancelled = await Promise.all(receipts.map((r) => isCancelled(db, r.id)));
  return receipts.map((entry, i) => ({ entry, cancelled: cancelled[i] === true, refused: !countsInBooks(entry.state) }));
}

export function CashBook({ db, setup, refreshKey, turnTo }: CashBookProps) {
  const [dateBe, setDateBe] = useState(() => formatBeDate(bangkokDateOf(Date.now())));
  useEffect(() => {
    if (turnTo !== undefined) setDateBe(formatBeDate(turnTo.date));
  }, [turnTo]);
  const parsed = parseBeDate(dateBe);
  const isoDate = parsed.ok ? parsed.iso : undefined;
  const rows = useLiveQuery(() => (isoDate === undefined ? Promise.resolve([]) : readDay(db, isoDate)), [db, isoDate, refreshKey]);
  const dateError = parsed.ok ? undefined : parsed.messageTh;

  return (
    <section class="card cash-book" aria-labelledby="cash-book-title">
      <div class="card-head">
        <h2 id="cash-book-title">
          สมุดเงินสดรับ <span class="print-only">วันที่ {dateBe}</span>
        </h2>
        <button type="button" class="button-quiet no-print" onClick={() => window.print()}>
          พิมพ์
        </button>
      </div>
      <div class="no-print cash-book-date">
        <Field id="cashbook-date" label="วันที่ (พ.ศ.)" error={dateError} errorTestId="cashbook-date-error">
          <input
            id="cashbook-date"
            data-testid="cashbook-date"
            type="text"
            inputMode="numeric"
            autocomplete="off"
            placeholder="16/01/2567"
            value={dateBe}
            onInput={(e) => setDateBe(e.currentTarget.value)}
            {...describedBy('cashbook-date', dateError)}
          />
        </Field>
      </div>
      {rows.status === 'failed' && <p class="notice notice--error">{rows.messageTh}</p>}
      {isoDate !== undefined && rows.status === 'ready' && <CashBookTable rows={rows.value} setup={setup} />}
    </section>
  );
}

function CashBookTable({ rows, setup }: { rows: readonly ReceiptRow[]; setup: BooksSetup }) {
  if (rows.length === 0) return <p class="muted">ไม่มีรายการรับในวันนี้</p>;
  const counted = rows.filter((r) => !r.cancelled && !r.refused).map((r) => r.entry);
  const cashSatang = sumSatang(counted.filter((e) => e.doc.method !== 'transfer').map((e) => receiptTotalSatang(e.doc)));
  const bankSatang = sumSatang(counted.filter((e) => e.doc.method === 'transfer').map((e) => receiptTotalSatang(e.doc)));
  const totalSatang = sumSatang([cashSatang, bankSatang]);
  return (
    <div class="table-wrap">
      <table class="ledger" data-testid="cashbook-table">
        <thead>
          <tr>
            <th scope="col">ใบเสร็จ</th>
            <th scope="col">รับจาก</th>
            <th scope="col">รายการ</th>
            <th scope="col" class="num">เงินสด</th>
            <th scope="col" class="num">เงินฝากธนาคาร</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ entry: e, cancelled, refused }) => {
            const total = formatBaht(receiptTotalSatang(e.doc));
            const fy = fiscalYearOf(e.date);
            return (
              <tr
                key={e.id}
                class={cancelled || refused ? 'entry-row--cancelled' : undefined}
                data-testid="cashbook-row"
                data-entry-id={e.id}
                data-cancelled={String(cancelled)}
                data-refused={String(refused)}
              >
                <td class="receipt-ref">
                  <span class="nowrap">เล่ม {e.doc.bookNo}</span> <span class="nowrap">เลขที่ {e.doc.receiptNo}</span>
                  {cancelled && <span class="tag tag--cancelled">ยกเลิก</span>}
                  {refused && (
                    <span class="tag tag--cancelled" title="เซิร์ฟเวอร์ไม่รับรายการนี้ จึงไม่นับในบัญชี ดูที่ รายการที่ต้องแก้ไข">
                      ไม่นับ
                    </span>
                  )}
                </td>
                <td>{e.doc.payer}</td>
                <td>{e.doc.items.map((i) => i.description ?? accountNameTh(setup.chart, i.account, fy)).join(', ')}</td>
                <td class="num amount-cell">{e.doc.method !== 'transfer' ? total : ''}</td>
                <td class="num amount-cell">{e.doc.method === 'transfer' ? total : ''}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <TotalsRow labelSpan={3} label="รวม">
            <MoneyCell satang={cashSatang} marked={false} />
            <MoneyCell satang={bankSatang} marked={false} />
          </TotalsRow>
          <TotalsRow class="grand-total" labelSpan={3} label="รวมรับทั้งสิ้น">
            <td class="num" colSpan={2} data-testid="cashbook-total" data-satang={String(totalSatang)}>
              {formatBaht(totalSatang)} บาท
            </td>
          </TotalsRow>
        </tfoot>
      </table>
      <div class="signatures print-only">
        <p>ลงชื่อ ........................................ ผู้จัดทำ</p>
        <p>ลงชื่อ ........................................ ผู้อำนวยการกองคลัง</p>
      </div>
    </div>
  );
}
