/**
 * Budget lines as forms show them: a line's label, the register columns of the chosen line, and the
 * options of line and commitment pickers.
 */
import { fundSourceNamesTh, remainingSatang, type BudgetBalance, type BudgetLineDef } from '../domain/budget/budgetLine';
import { formatBaht } from '../domain/money';
import type { CommitmentView, LineView } from './booksReads';
import type { Option } from './controls';

/** "00111-532000-01 งานบริหารทั่วไป · ค่าใช้สอย · โครงการอบรม" */
export function lineLabelTh(def: BudgetLineDef): string {
  const parts = [def.workName, def.typeName, def.projectName].filter((p): p is string => p !== undefined && p !== '');
  return `${def.code} ${parts.join(' · ')}`;
}

export function lineOptions(lines: readonly LineView[]): Option[] {
  return lines.map((l) => ({ value: l.def.code, label: `${lineLabelTh(l.def)} — คงเหลือ ${formatBaht(remainingSatang(l.balance))}` }));
}

export function commitmentOptions(commitments: readonly CommitmentView[]): Option[] {
  return commitments.map((c) => ({
    value: c.id,
    label: [c.payee, c.reference, `${c.line}`, `คงเหลือผูกพัน ${formatBaht(c.outstandingSatang)} บาท`].filter(Boolean).join(' · '),
  }));
}

/** อนุมัติ = appropriation + supplementary (งบเพิ่มเติม). */
export function approvedSatang(b: BudgetBalance): number {
  return b.appropriationSatang + b.supplementarySatang;
}

export interface LineBalanceProps {
  testId: string;
  line: LineView;
}

/** The chosen line's place and its register columns, under a line picker. */
export function LineBalance({ testId, line }: LineBalanceProps) {
  const b = line.balance;
  const remaining = remainingSatang(b);
  const cells: [string, number, string?][] = [
    ['อนุมัติ', approvedSatang(b)],
    ['โอนเพิ่ม', b.transferInSatang],
    ['โอนลด', b.transferOutSatang],
    ['ผูกพัน', b.committedSatang],
    ['เบิกจ่าย', b.spentSatang],
    ['คงเหลือ', remaining, remaining <= 0 ? 'line-balance-remaining line-balance-remaining--none' : 'line-balance-remaining'],
  ];
  return (
    <div class="line-balance" data-testid={testId} data-remaining-satang={String(remaining)} aria-live="polite">
      <p class="line-balance-place muted">
        {line.def.planName} › {line.def.workName} › {line.def.groupName} › หมวด {line.def.categoryAccount} › {line.def.typeName}
        {line.def.projectName ? ` › ${line.def.projectName}` : ''} · {fundSourceNamesTh[line.def.fundSource]}
      </p>
      <dl class="line-balance-cells">
        {cells.map(([label, satang, className]) => (
          <div key={label} class={className}>
            <dt>{label}</dt>
            <dd>{formatBaht(satang)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
