/**
 * สมุดเงินสดรับ for one day: the receipts of a business date in recording order, with cash and bank
 * columns and their totals, printable as is. The rows come from the store (listCashBook); totals are
 * the domain's exact satang sums.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatBaht, sumSatang } from '../domain/money';
import { bangkokDateOf, formatBeDate, parseBeDate, type IsoDate } from '../domain/thaiDate';
import { listCashBook, type SamutDb, type StoredEntry } from '../store';
import { describedBy, Field } from './Field';
import { revenueNameTh } from './entryLabels';
import { useLiveQuery } from './useLiveQuery';

export interface CashBookProps {
  db: SamutDb;
  refreshKey: number;
  /**
   * The date of the receipt just recorded: the book turns to that day, so an officer typing in last
   * year's paper receipts sees them land (a new object each time, even for the same date).
   */
  turnTo?: { date: IsoDate } | undefined;
}

export function CashBook({ db, refreshKey, turnTo }: CashBookProps) {
  const [dateBe, setDateBe] = useState(() => formatBeDate(bangkokDateOf(Date.now())));
  useEffect(() => {
    if (turnTo !== undefined) setDateBe(formatBeDate(turnTo.date));
  }, [turnTo]);
  const parsed = parseBeDate(dateBe);
  const isoDate = parsed.ok ? parsed.iso : undefined;
  const rows = useLiveQuery(
    () => (isoDate === undefined ? Promise.resolve([]) : listCashBook(db, isoDate)),
    [db, isoDate, refreshKey],
  );
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
      {isoDate !== undefined && rows.status === 'ready' && <CashBookTable entries={rows.value} />}
    </section>
  );
}

function CashBookTable({ entries }: { entries: readonly StoredEntry[] }) {
  if (entries.length === 0) return <p class="muted">ไม่มีรายการรับในวันนี้</p>;
  const cashSatang = sumSatang(entries.filter((e) => e.doc.method === 'cash').map((e) => e.doc.amountSatang));
  const bankSatang = sumSatang(entries.filter((e) => e.doc.method === 'bank').map((e) => e.doc.amountSatang));
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
          {entries.map((e) => (
            <tr key={e.id} data-testid="cashbook-row" data-entry-id={e.id}>
              <td class="receipt-ref">
                <span class="nowrap">เล่ม {e.doc.bookNo}</span> <span class="nowrap">เลขที่ {e.doc.receiptNo}</span>
              </td>
              <td>{e.doc.payer}</td>
              <td>{revenueNameTh(e.doc.revenueAccount)}</td>
              <td class="num">{e.doc.method === 'cash' ? formatBaht(e.doc.amountSatang) : ''}</td>
              <td class="num">{e.doc.method === 'bank' ? formatBaht(e.doc.amountSatang) : ''}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              รวม
            </th>
            <td class="num">{formatBaht(cashSatang)}</td>
            <td class="num">{formatBaht(bankSatang)}</td>
          </tr>
          <tr class="grand-total">
            <th scope="row" colSpan={3}>
              รวมรับทั้งสิ้น
            </th>
            <td class="num" colSpan={2} data-testid="cashbook-total" data-satang={String(totalSatang)}>
              {formatBaht(totalSatang)} บาท
            </td>
          </tr>
        </tfoot>
      </table>
      <div class="signatures print-only">
        <p>ลงชื่อ ........................................ ผู้จัดทำ</p>
        <p>ลงชื่อ ........................................ ผู้อำนวยการกองคลัง</p>
      </div>
    </div>
  );
}
