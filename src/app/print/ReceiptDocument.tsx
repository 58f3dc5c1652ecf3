/** ใบเสร็จรับเงิน on A4: เล่มที่/เลขที่, date, payer, items, total in figures and words, the receiver's signature. */
import type { ReceiptPaper } from './paperText';
import { Signature } from './Signature';
import { Stamps } from './Stamps';

export interface ReceiptDocumentProps {
  paper: ReceiptPaper;
  orgName: string;
  copy: boolean;
  cancelled: boolean;
}

export function ReceiptDocument({ paper, orgName, copy, cancelled }: ReceiptDocumentProps) {
  return (
    <article class="paper" data-testid="print-receipt" data-copy={String(copy)} data-cancelled={String(cancelled)}>
      <Stamps copy={copy} cancelled={cancelled} />
      <header class="paper-head">
        <p class="paper-ref">
          เล่มที่ <span data-testid="print-book-no">{paper.bookNo}</span> เลขที่ <span data-testid="print-receipt-no">{paper.receiptNo}</span>
        </p>
        <h1 class="paper-title">ใบเสร็จรับเงิน</h1>
        <p class="paper-org">{orgName}</p>
        <p class="paper-date" data-testid="print-date">
          วันที่ {paper.dateTh}
        </p>
      </header>
      <p class="paper-line">
        ได้รับเงินจาก <strong data-testid="print-payer">{paper.payer}</strong>
      </p>
      <table class="paper-table">
        <thead>
          <tr>
            <th scope="col" class="paper-no">ลำดับ</th>
            <th scope="col">รายการ</th>
            <th scope="col" class="num">จำนวนเงิน (บาท)</th>
          </tr>
        </thead>
        <tbody>
          {paper.items.map((item) => (
            <tr key={item.no}>
              <td class="paper-no">{item.no}</td>
              <td>{item.description}</td>
              <td class="num">{item.amount}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              รวมเงิน
            </th>
            <td class="num" data-testid="print-total">
              {paper.total.figures}
            </td>
          </tr>
          <tr>
            <td colSpan={3} class="paper-words" data-testid="print-words">
              {paper.total.words}
            </td>
          </tr>
        </tfoot>
      </table>
      <p class="paper-line">ชำระโดย {paper.methodTh}</p>
      <div class="paper-signatures paper-signatures--one">
        <Signature roleTh="ผู้รับเงิน" testId="print-signature" />
      </div>
    </article>
  );
}
