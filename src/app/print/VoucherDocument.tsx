/**
 * ฎีกา on A4: voucher no., payee, the budget line and its classification, gross, each deduction, net,
 * amounts in words, how it is paid, and the six signature blocks of DOMAIN.md §3.1.
 */
import { voucherSignersTh, type VoucherPaper } from './paperText';
import { Signature } from './Signature';
import { Stamps } from './Stamps';

export interface VoucherDocumentProps {
  paper: VoucherPaper;
  orgName: string;
  copy: boolean;
  cancelled: boolean;
}

export function VoucherDocument({ paper, orgName, copy, cancelled }: VoucherDocumentProps) {
  return (
    <article class="paper" data-testid="print-voucher" data-copy={String(copy)} data-cancelled={String(cancelled)}>
      <Stamps copy={copy} cancelled={cancelled} />
      <header class="paper-head">
        <p class="paper-ref">
          ฎีกาเลขที่ <span data-testid="print-voucher-no">{paper.voucherNo}</span>
        </p>
        <h1 class="paper-title">ฎีกาเบิกจ่ายเงิน</h1>
        <p class="paper-org">{orgName}</p>
        <p class="paper-date" data-testid="print-date">
          วันที่ {paper.dateTh} · ปีงบประมาณ {paper.fiscalYearTh}
        </p>
      </header>
      <p class="paper-line">
        ผู้รับเงิน <strong data-testid="print-payee">{paper.payee}</strong>
      </p>
      <p class="paper-line">รายการ {paper.description}</p>
      <dl class="paper-facts">
        {paper.charge.map((c) => (
          <div key={c.labelTh}>
            <dt>{c.labelTh}</dt>
            <dd>{c.valueTh}</dd>
          </div>
        ))}
      </dl>
      <table class="paper-table">
        <tbody>
          <tr>
            <th scope="row">จำนวนเงินขอเบิก</th>
            <td class="num" data-testid="print-gross">
              {paper.gross.figures}
            </td>
          </tr>
          <tr>
            <td colSpan={2} class="paper-words">
              {paper.gross.words}
            </td>
          </tr>
          {paper.deductions.map((x, i) => (
            <tr key={i} data-testid="print-deduction">
              <th scope="row" class="paper-indent">
                หัก {x.description}
              </th>
              <td class="num">{x.amount}</td>
            </tr>
          ))}
          {paper.deductions.length > 0 && (
            <tr>
              <th scope="row" class="paper-indent">
                รวมเงินที่หัก
              </th>
              <td class="num">{paper.deductionsTotal}</td>
            </tr>
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">คงเหลือจ่ายสุทธิ</th>
            <td class="num" data-testid="print-net">
              {paper.net.figures}
            </td>
          </tr>
          <tr>
            <td colSpan={2} class="paper-words" data-testid="print-words">
              {paper.net.words}
            </td>
          </tr>
        </tfoot>
      </table>
      <p class="paper-line">
        จ่ายโดย {paper.methodTh} จากบัญชี {paper.paidFromTh}
      </p>
      <div class="paper-signatures">
        {voucherSignersTh.map((role) => (
          <Signature key={role} roleTh={role} />
        ))}
      </div>
    </article>
  );
}
