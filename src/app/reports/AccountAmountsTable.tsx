/**
 * A register table of one row per account: code, name, a run of amount columns, and the totals
 * (ทะเบียนเงินรับฝาก, ทะเบียนเงินรายรับ).
 */
import { AmountCells, AmountHeaders, TotalsFoot } from './reportCells';

export interface AccountAmountsTableProps<K extends string> {
  /** The test id stem: `${name}-table`, `${name}-row`, `${name}-total-${key}`. */
  name: string;
  nameHeaderTh: string;
  amountHeadersTh: readonly string[];
  keys: readonly K[];
  rows: readonly ({ account: string; nameTh: string } & Readonly<Record<K, number>>)[];
  total: Readonly<Record<K, number>>;
}

export function AccountAmountsTable<K extends string>({ name, nameHeaderTh, amountHeadersTh, keys, rows, total }: AccountAmountsTableProps<K>) {
  return (
    <table class="paper-table" data-testid={`${name}-table`}>
      <thead>
        <tr>
          <th scope="col">รหัสบัญชี</th>
          <th scope="col">{nameHeaderTh}</th>
          <AmountHeaders headersTh={amountHeadersTh} />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.account} data-testid={`${name}-row`} data-account={row.account}>
            <td>{row.account}</td>
            <td>{row.nameTh}</td>
            <AmountCells row={row} keys={keys} />
          </tr>
        ))}
      </tbody>
      <TotalsFoot labelSpan={2} label="รวม">
        <AmountCells row={total} keys={keys} testIdPrefix={`${name}-total`} />
      </TotalsFoot>
    </table>
  );
}
