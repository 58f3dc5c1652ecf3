/**
 * งบประมาณ: the six budget actions. ตั้งงบประมาณ defines a line's place (แผนงาน → งาน → งบ → หมวด →
 * ประเภท → โครงการ) and its แหล่งเงิน; งบเพิ่มเติม and โอน go to an existing line or define a new one;
 * ผูกพัน commits part of a line to a contract; ยกเลิกผูกพัน returns a commitment's rest to the line;
 * ประมาณการรายรับ sets a revenue item's estimate for a fiscal year (a select of the chart's revenue items).
 * The chosen line's register columns show under every line picker.
 */
import { useRef } from 'preact/hooks';
import { fundSourceNamesTh, type FundSource } from '../domain/budget/budgetLine';
import { postableAccounts } from '../domain/chart/chart';
import {
  budgetActions,
  budgetFieldOf,
  blankBudgetForm,
  emptyBudgetLineInput,
  readBudgetForm,
  type BudgetFormContext,
  type BudgetFormInput,
  type BudgetLineInput,
} from '../domain/forms';
import { budgetActionNamesTh } from '../domain/kinds/budgetEntry';
import { formatBaht } from '../domain/money';
import { bangkokDateOf, formatBeDate } from '../domain/thaiDate';
import type { LineView } from './booksReads';
import { commitmentOptions, LineBalance, lineOptions } from './budgetViews';
import { accountOptions, SaveStrip, SelectControl, TextControl, type Option } from './controls';
import { fieldId } from './fieldIds';
import { fiscalYearOfForm } from './formDates';
import { useBudgetYear } from './useBudgetYear';
import { useEntryForm } from './useEntryForm';
import type { EntryFormProps } from './entryFormProps';
import { useFormCorrection } from './rejected/correcting';
import { budgetFormOf } from './rejected/prefill';

const formId = 'budget';

/** งบ of the LAO classification (DOMAIN.md §5.1). */
const groupNames = ['งบกลาง', 'งบบุคลากร', 'งบดำเนินงาน', 'งบลงทุน', 'งบเงินอุดหนุน', 'งบรายจ่ายอื่น'];

function emptyBudgetForm(): BudgetFormInput {
  return blankBudgetForm('appropriation', formatBeDate(bangkokDateOf(Date.now())));
}

/** After a save: same action, date and reference; a definition keeps its แผนงาน/งาน/งบ for the next line. */
function nextBudgetForm(saved: BudgetFormInput): BudgetFormInput {
  const l = saved.line;
  return {
    ...emptyBudgetForm(),
    action: saved.action,
    dateBe: saved.dateBe,
    reference: saved.action === 'release' ? '' : saved.reference,
    newLine: saved.newLine,
    // A run of commitments or transfers often draws on the same line.
    lineCode: saved.action === 'commitment' ? saved.lineCode : '',
    fromLine: saved.action === 'transfer' ? saved.fromLine : '',
    // A run of estimates is one year's, item after item.
    fiscalYear: saved.action === 'revenueEstimate' ? (saved.fiscalYear ?? '') : '',
    line: { ...emptyBudgetLineInput, fiscalYear: l.fiscalYear, planCode: l.planCode, planName: l.planName, workCode: l.workCode, workName: l.workName, groupName: l.groupName, fundSource: l.fundSource },
  };
}

export function BudgetForm({ db, setup, onRecorded, correcting }: EntryFormProps) {
  const context = useRef<BudgetFormContext>({ budgetLines: [] });
  const f = useEntryForm(
    db,
    { formId, read: (input) => readBudgetForm(input, context.current), fieldOf: budgetFieldOf, next: nextBudgetForm, focusAfterSave: 'amountBaht' },
    emptyBudgetForm,
    onRecorded,
    useFormCorrection<BudgetFormInput>(correcting, (e) => (e.kind === 'budget' ? budgetFormOf(e) : undefined)),
  );
  const { form, errors } = f;
  const fy = fiscalYearOfForm(form.dateBe);
  const { lines: lineList, commitments: commitmentList, readerContext } = useBudgetYear(db, fy);
  context.current = { ...readerContext, revenueAccounts: (year) => postableAccounts(setup.chart, year, { type: 'revenue' }).map((a) => a.code) };

  const set = (field: 'action' | 'dateBe' | 'amountBaht' | 'reference' | 'lineCode' | 'fromLine' | 'toLine' | 'payee' | 'commitmentId' | 'reason' | 'fiscalYear' | 'account') => (value: string) =>
    f.update((s) => ({ ...s, [field]: value }), [field]);
  const setLine = (field: keyof BudgetLineInput) => (value: string) =>
    f.update((s) => ({ ...s, line: { ...s.line, [field]: value } }), [`line.${field}`]);
  const action = form.action;
  const definesLine = action === 'appropriation' || ((action === 'supplementary' || action === 'transfer') && form.newLine);
  const saved = f.saved?.kind === 'budget' ? f.saved : undefined;
  const expenseOptions = accountOptions(postableAccounts(setup.chart, fy, { type: 'expense' }));
  const estimateFy = /^\d{4}$/.test((form.fiscalYear ?? '').trim()) ? Number((form.fiscalYear ?? '').trim()) : fy;
  const revenueOptions = action === 'revenueEstimate' ? accountOptions(postableAccounts(setup.chart, estimateFy, { type: 'revenue' })) : [];

  const picker = (field: 'lineCode' | 'fromLine' | 'toLine', label: string) => (
    <>
      <SelectControl
        formId={formId}
        field={field}
        label={label}
        value={form[field]}
        onValue={set(field)}
        errors={errors}
        options={lineOptions(lineList)}
        placeholder={lineList.length === 0 ? `— ยังไม่มีรายการงบประมาณในปี ${fy} —` : '— เลือกรายการงบประมาณ —'}
        className="span-3"
      />
      {chosen(lineList, form[field]) && (
        <div class="span-3">
          <LineBalance testId={`${fieldId(formId, field)}-balance`} line={chosen(lineList, form[field])!} />
        </div>
      )}
    </>
  );

  return (
    <form id={`${formId}-form`} class="entry-form" onSubmit={f.save} noValidate aria-labelledby="budget-form-title">
      <h2 id="budget-form-title">รายการงบประมาณ</h2>
      <div class="form-grid">
        <SelectControl
          formId={formId}
          field="action"
          label="ประเภทรายการ"
          value={action}
          onValue={set('action')}
          errors={errors}
          options={budgetActions.map((a) => ({ value: a, label: budgetActionNamesTh[a] }))}
          className="span-2"
        />
        <TextControl formId={formId} field="dateBe" label="วันที่ (พ.ศ.)" value={form.dateBe} onValue={set('dateBe')} errors={errors} placeholder="01/10/2566" inputMode="numeric" />

        {(action === 'supplementary' || action === 'transfer') && (
          <div class="span-3 check-field">
            <input
              id={fieldId(formId, 'newLine')}
              data-testid={fieldId(formId, 'newLine')}
              type="checkbox"
              checked={form.newLine}
              onChange={(e) => f.update((s) => ({ ...s, newLine: e.currentTarget.checked }), ['lineCode', 'toLine'])}
            />
            <label for={fieldId(formId, 'newLine')}>{action === 'transfer' ? 'โอนไปตั้งจ่ายเป็นรายการใหม่' : 'เป็นรายการใหม่ (ยังไม่มีในงบประมาณ)'}</label>
          </div>
        )}

        {action === 'supplementary' && !form.newLine && picker('lineCode', 'รายการงบประมาณที่ได้งบเพิ่มเติม')}
        {action === 'transfer' && picker('fromLine', 'โอนลดจากรายการ')}
        {action === 'transfer' && !form.newLine && picker('toLine', 'โอนเพิ่มให้รายการ')}
        {action === 'commitment' && picker('lineCode', 'รายการงบประมาณที่ผูกพัน')}
        {action === 'revenueEstimate' && (
          <>
            <TextControl formId={formId} field="fiscalYear" label="ปีงบประมาณ (พ.ศ.)" value={form.fiscalYear ?? ''} onValue={set('fiscalYear')} errors={errors} placeholder={String(fy)} inputMode="numeric" />
            <SelectControl
              formId={formId}
              field="account"
              label="รายการรายได้"
              value={form.account ?? ''}
              onValue={set('account')}
              errors={errors}
              options={revenueOptions}
              placeholder={revenueOptions.length === 0 ? `— ไม่มีรายการรายได้ในผังบัญชีปี ${estimateFy} —` : '— เลือกรายการรายได้ —'}
              className="span-2"
            />
          </>
        )}
        {action === 'release' && (
          <SelectControl
            formId={formId}
            field="commitmentId"
            label="รายการผูกพันที่ยกเลิก"
            value={form.commitmentId}
            onValue={set('commitmentId')}
            errors={errors}
            options={commitmentOptions(commitmentList)}
            placeholder="— เลือกรายการผูกพัน —"
            className="span-3"
          />
        )}
      </div>

      {definesLine && (
        <fieldset class="rows">
          <legend>{action === 'transfer' ? 'รายการใหม่ที่รับโอน' : 'โครงสร้างรายการงบประมาณ'}</legend>
          <div class="form-grid">
            <TextControl formId={formId} field="line.code" label="รหัสรายการ" value={form.line.code} onValue={setLine('code')} errors={errors} placeholder="00111-532000-01" />
            {action !== 'transfer' && (
              <TextControl formId={formId} field="line.fiscalYear" label="ปีงบประมาณ (พ.ศ.)" value={form.line.fiscalYear} onValue={setLine('fiscalYear')} errors={errors} placeholder={String(fy)} inputMode="numeric" />
            )}
            <SelectControl
              formId={formId}
              field="line.fundSource"
              label="แหล่งเงิน"
              value={form.line.fundSource}
              onValue={setLine('fundSource')}
              errors={errors}
              options={(Object.keys(fundSourceNamesTh) as FundSource[]).map((k) => ({ value: k, label: fundSourceNamesTh[k] }))}
            />
            <TextControl formId={formId} field="line.planCode" label="รหัสแผนงาน" value={form.line.planCode} onValue={setLine('planCode')} errors={errors} placeholder="00110" />
            <TextControl formId={formId} field="line.planName" label="แผนงาน" value={form.line.planName} onValue={setLine('planName')} errors={errors} placeholder="บริหารงานทั่วไป" className="span-2" />
            <TextControl formId={formId} field="line.workCode" label="รหัสงาน" value={form.line.workCode} onValue={setLine('workCode')} errors={errors} placeholder="00111" />
            <TextControl formId={formId} field="line.workName" label="งาน" value={form.line.workName} onValue={setLine('workName')} errors={errors} placeholder="งานบริหารทั่วไป" className="span-2" />
            <SelectControl formId={formId} field="line.groupName" label="งบ" value={form.line.groupName} onValue={setLine('groupName')} errors={errors} options={groupOptions(form.line.groupName)} placeholder="— เลือกงบ —" />
            <SelectControl formId={formId} field="line.categoryAccount" label="หมวด (บัญชีรายจ่าย)" value={form.line.categoryAccount} onValue={setLine('categoryAccount')} errors={errors} options={expenseOptions} placeholder="— เลือกหมวด —" className="span-2" />
            <TextControl formId={formId} field="line.typeName" label="ประเภท" value={form.line.typeName} onValue={setLine('typeName')} errors={errors} placeholder="รายจ่ายเพื่อให้ได้มาซึ่งบริการ" className="span-3" />
            <TextControl formId={formId} field="line.projectName" label="โครงการ (ถ้ามี)" value={form.line.projectName} onValue={setLine('projectName')} errors={errors} className="span-3" />
          </div>
        </fieldset>
      )}

      <div class="form-grid">
        <TextControl formId={formId} field="amountBaht" label="จำนวนเงิน (บาท)" value={form.amountBaht} onValue={set('amountBaht')} errors={errors} placeholder="0.00" inputMode="decimal" amount />
        {action === 'commitment' && <TextControl formId={formId} field="payee" label="คู่สัญญา/ผู้ขาย" value={form.payee} onValue={set('payee')} errors={errors} className="span-2" />}
        {action === 'release' ? (
          <TextControl formId={formId} field="reason" label="เหตุผล" value={form.reason} onValue={set('reason')} errors={errors} className="span-2" />
        ) : (
          <TextControl
            formId={formId}
            field="reference"
            label={action === 'commitment' ? 'เลขที่สัญญา/ใบสั่งซื้อ' : 'เลขที่/อ้างอิงเอกสาร'}
            value={form.reference}
            onValue={set('reference')}
            errors={errors}
            placeholder={action === 'appropriation' ? 'ข้อบัญญัติงบประมาณ พ.ศ. 2567' : ''}
            className={action === 'commitment' ? 'span-3' : 'span-2'}
          />
        )}
      </div>
      <SaveStrip
        formId={formId}
        saving={f.saving}
        label="บันทึกรายการงบประมาณ"
        formErrorTh={f.formErrorTh}
        savedNote={saved && `บันทึกแล้ว — ${budgetActionNamesTh[saved.doc.action]} ${formatBaht(saved.doc.amountSatang)} บาท`}
      />
    </form>
  );
}

function chosen(lines: readonly LineView[], code: string): LineView | undefined {
  return code === '' ? undefined : lines.find((l) => l.def.code === code);
}

/** The LAO งบ, plus whatever an imported line calls its own. */
function groupOptions(current: string): Option[] {
  const names = current !== '' && !groupNames.includes(current) ? [...groupNames, current] : groupNames;
  return names.map((n) => ({ value: n, label: n }));
}
