/**
 * ทะเบียนงบประมาณรายจ่าย: every budget line of a fiscal year with อนุมัติ, โอนเพิ่ม, โอนลด, ผูกพัน, เบิกจ่าย
 * and คงเหลือ, computed from the entries on this PC (the store's caches), totalled, printable.
 */
import { useState } from 'preact/hooks';
import { remainingSatang, type BudgetBalance } from '../domain/budget/budgetLine';
import { formatBaht, sumSatang } from '../domain/money';
import { budgetUsedByGroup } from '../domain/reports';
import type { SamutDb } from '../store';
import { readBudgetLines, type LineView } from './booksReads';
import { approvedSatang } from './budgetViews';
import { fiscalYearOfForm } from './formDates';
import { BarChart } from './reports/BarChart';
import { useLiveQuery } from './useLiveQuery';

export interface BudgetRegisterProps {
  db: SamutDb;
  refreshKey: number;
}

const columns: [string, (b: BudgetBalance) => number][] = [
  ['อนุมัติ', approvedSatang],
  ['โอนเพิ่ม', (b) => b.transferInSatang],
  ['โอนลด', (b) => b.transferOutSatang],
  ['ผูกพัน', (b) => b.committedSatang],
  ['เบิกจ่าย', (b) => b.spentSatang],
  ['คงเหลือ', remainingSatang],
];

export function BudgetRegister({ db, refreshKey }: BudgetRegisterProps) {
  const [fyText, setFyText] = useState(() => String(fiscalYearOfForm('')));
  const fy = /^\d{4}$/.test(fyText.trim()) ? Number(fyText.trim()) : undefined;
  const lines = useLiveQuery(() => (fy === undefined ? Promise.resolve([]) : readBudgetLines(db, fy)), [db, fy, refreshKey]);
  return (
    <section class="card" aria-labelledby="register-title">
      <div class="card-head">
        <h2 id="register-title">
          ทะเบียนงบประมาณรายจ่าย <span class="print-only">ปีงบประมาณ {fyText}</span>
        </h2>
        <div class="card-tools no-print">
          <label for="register-fy">ปีงบประมาณ</label>
          <input id="register-fy" data-testid="register-fy" class="input-year" type="text" inputMode="numeric" value={fyText} onInput={(e) => setFyText(e.currentTarget.value)} />
          <button type="button" class="button-quiet" onClick={() => window.print()}>
            พิมพ์
          </button>
        </div>
      </div>
      {fy === undefined && <p class="field-error">ปีงบประมาณต้องเป็นปี พ.ศ. 4 หลัก เช่น 2567</p>}
      {lines.status === 'failed' && <p class="notice notice--error">{lines.messageTh}</p>}
      {lines.status === 'ready' && lines.value.length === 0 && fy !== undefined && <p class="muted">ยังไม่มีรายการงบประมาณของปี {fy} ในเครื่องนี้</p>}
      {lines.status === 'ready' && lines.value.length > 0 && <RegisterTable lines={lines.value} />}
      {lines.status === 'ready' && lines.value.length > 0 && <BudgetUseChart lines={lines.value} />}
    </section>
  );
}

function RegisterTable({ lines }: { lines: readonly LineView[] }) {
  return (
    <div class="table-wrap">
      <table class="ledger register" data-testid="register-table">
        <thead>
          <tr>
            <th scope="col">รายการ</th>
            <th scope="col">แผนงาน › งาน</th>
            <th scope="col">หมวด › ประเภท</th>
            {columns.map(([label]) => (
              <th key={label} scope="col" class="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.def.code} data-testid="register-row" data-line={l.def.code} data-remaining-satang={String(remainingSatang(l.balance))}>
              <td class="nowrap">{l.def.code}</td>
              <td>
                {l.def.planName} › {l.def.workName}
              </td>
              <td>
                {l.def.groupName} › {l.def.categoryAccount} › {l.def.typeName}
                {l.def.projectName ? <span class="muted"> · {l.def.projectName}</span> : null}
              </td>
              {columns.map(([label, value]) => (
                <td key={label} class={`num${label === 'คงเหลือ' ? ' register-remaining' : ''}`}>
                  {formatBaht(value(l.balance))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              รวม {lines.length} รายการ
            </th>
            {columns.map(([label, value]) => (
              <td key={label} class="num">
                {formatBaht(sumSatang(lines.map((l) => value(l.balance))))}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Per งบ: the budget after transfers against what is committed and spent. */
function BudgetUseChart({ lines }: { lines: readonly LineView[] }) {
  const groups = budgetUsedByGroup(lines);
  return (
    <BarChart
      titleTh="งบประมาณและการใช้จ่าย แยกตามงบ"
      testId="register-chart"
      height={220}
      series={[
        { labelTh: 'งบประมาณ (หลังโอน)', color: '#90a4ae' },
        { labelTh: 'ผูกพัน + เบิกจ่าย', color: '#1565c0' },
      ]}
      categories={groups.map((g) => ({ labelTh: g.groupName, values: [g.budgetSatang, g.usedSatang] }))}
    />
  );
}
