/**
 * รายการงบประมาณ from a sheet: one row per entry, its action named in Thai or English. ตั้งงบประมาณ
 * rows carry the line's full definition (the columns of budgetCsv); งบเพิ่มเติม and โอน go to a new
 * line when the definition columns are filled, else to the existing line named by รหัสงบประมาณ;
 * ผูกพัน/กันเงิน names its line and คู่สัญญา; ประมาณการรายรับ its revenue item. Lines defined by earlier
 * rows of the file count as existing for later rows, so one file can set up a year and use it.
 * ยกเลิกผูกพัน is refused: it must name the commitment entry on this PC, which a sheet cannot.
 * Each row is read by readBudgetForm.
 */
import { fundSourceNamesTh, type BudgetLineDef, type FundSource } from '../budget/budgetLine';
import { readBudgetForm, type BudgetFormInput, type BudgetLineInput } from '../forms/budgetForm';
import { budgetActionNamesTh, budgetLineDefsOf, type BudgetAction } from '../kinds/budgetEntry';
import { amountCellText, arabicDigits } from './importCell';
import type { ImportRow, RowSink } from './importSheet';
import type { ImportTemplate } from './importTypes';
import { addFormErrors, dateCell, vocabulary, wordOf, type KindReaderOf } from './kindReader';

export const budgetImportTemplate: ImportTemplate = {
  kind: 'budget',
  titleTh: 'รายการงบประมาณ (หนึ่งแถวต่อหนึ่งรายการ)',
  columns: [
    { field: 'action', headerTh: 'ประเภทรายการ', aliases: ['action', 'entry type', 'ชนิดรายการ'], required: true, noteTh: 'ตั้งงบประมาณ งบเพิ่มเติม โอน ผูกพัน (กันเงิน) หรือ ประมาณการรายรับ' },
    { field: 'date', headerTh: 'วันที่', aliases: ['date', 'ลงวันที่'], required: true, noteTh: 'วว/ดด/ปปปป (พ.ศ.); ปีงบประมาณของรายการคือปีของวันที่' },
    { field: 'reference', headerTh: 'เลขที่เอกสาร', aliases: ['reference', 'ref', 'อ้างอิง', 'เลขที่/อ้างอิงเอกสาร', 'เอกสารอ้างอิง'], required: true, noteTh: 'เช่น ข้อบัญญัติ 2567, สัญญาเลขที่ 5/2567' },
    { field: 'code', headerTh: 'รหัสงบประมาณ', aliases: ['code', 'budget code', 'budget line', 'line', 'รหัสรายการ', 'รหัส'], required: true, noteTh: 'รายการที่ตั้ง/ได้งบเพิ่มเติม/ผูกพัน; สำหรับโอน คือรายการที่โอนเพิ่ม' },
    { field: 'fromLine', headerTh: 'โอนลดจากรหัส', aliases: ['from line', 'fromline', 'transfer from', 'โอนจาก', 'รหัสที่โอนลด'], required: false, noteTh: 'เฉพาะรายการโอน' },
    { field: 'amount', headerTh: 'จำนวนเงิน', aliases: ['amount', 'จำนวนเงิน (บาท)', 'อนุมัติ'], required: true, noteTh: 'บาท' },
    { field: 'payee', headerTh: 'คู่สัญญา', aliases: ['payee', 'contractor', 'ผู้ขาย', 'ผู้รับจ้าง', 'คู่สัญญา/ผู้ขาย'], required: false, noteTh: 'เฉพาะรายการผูกพัน' },
    { field: 'fiscalYear', headerTh: 'ปีงบประมาณ', aliases: ['fiscal year', 'fiscalyear'], required: false, noteTh: 'พ.ศ.; เว้นว่าง = ปีงบประมาณของวันที่' },
    { field: 'planCode', headerTh: 'รหัสแผนงาน', aliases: ['plan code', 'plancode'], required: false, noteTh: 'คอลัมน์ รหัสแผนงาน ถึง แหล่งเงิน: กรอกเมื่อตั้งงบประมาณ หรือเมื่องบเพิ่มเติม/โอนไปรายการใหม่' },
    { field: 'planName', headerTh: 'แผนงาน', aliases: ['plan name', 'planname', 'plan'], required: false },
    { field: 'workCode', headerTh: 'รหัสงาน', aliases: ['work code', 'workcode'], required: false },
    { field: 'workName', headerTh: 'งาน', aliases: ['work name', 'workname', 'work'], required: false },
    { field: 'groupName', headerTh: 'งบ', aliases: ['group name', 'groupname', 'group'], required: false },
    { field: 'categoryAccount', headerTh: 'หมวด', aliases: ['category', 'category account', 'categoryaccount', 'รหัสหมวด'], required: false, noteTh: 'รหัสหมวดรายจ่าย เช่น 532000 (จะมีชื่อตามหลังก็ได้)' },
    { field: 'typeName', headerTh: 'ประเภท', aliases: ['type name', 'typename', 'type'], required: false },
    { field: 'projectName', headerTh: 'โครงการ', aliases: ['project name', 'projectname', 'project'], required: false },
    { field: 'fundSource', headerTh: 'แหล่งเงิน', aliases: ['fund source', 'fundsource'], required: false, noteTh: 'เว้นว่าง = เงินงบประมาณ' },
    { field: 'account', headerTh: 'รหัสรายได้', aliases: ['revenue account', 'revenue code', 'account'], required: false, noteTh: 'เฉพาะประมาณการรายรับ เช่น 411002' },
  ],
  exampleRows: [
    ['ตั้งงบประมาณ', '01/10/2566', 'ข้อบัญญัติ 2567', '00111-532000-01', '', '500,000.00', '', '2567', '00110', 'บริหารงานทั่วไป', '00111', 'งานบริหารทั่วไป', 'งบดำเนินงาน', '532000', 'รายจ่ายเพื่อให้ได้มาซึ่งบริการ', '', 'เงินงบประมาณ', ''],
    ['ตั้งงบประมาณ', '01/10/2566', 'ข้อบัญญัติ 2567', '00111-531000-01', '', '120,000.00', '', '2567', '00110', 'บริหารงานทั่วไป', '00111', 'งานบริหารทั่วไป', 'งบดำเนินงาน', '531000', 'ค่าตอบแทนผู้ปฏิบัติราชการอันเป็นประโยชน์แก่ อปท.', '', 'เงินงบประมาณ', ''],
    ['ประมาณการรายรับ', '01/10/2566', 'ข้อบัญญัติ 2567', '', '', '80,000.00', '', '', '', '', '', '', '', '', '', '', '', '411002'],
    ['ผูกพัน', '01/02/2567', 'สัญญาเลขที่ 5/2567', '00111-532000-01', '', '30,000.00', 'หจก. ก้าวหน้า', '', '', '', '', '', '', '', '', '', '', ''],
    ['โอน', '15/03/2567', 'คำสั่งโอนที่ 3/2567', '00111-532000-01', '00111-531000-01', '20,000.00', '', '', '', '', '', '', '', '', '', '', '', ''],
    ['งบเพิ่มเติม', '02/04/2567', 'ข้อบัญญัติงบประมาณเพิ่มเติม 1/2567', '00111-532000-01', '', '50,000.00', '', '', '', '', '', '', '', '', '', '', '', ''],
  ],
};

const actions = vocabulary<BudgetAction>({
  appropriation: ['ตั้งงบประมาณ', 'ตั้งงบ', 'ข้อบัญญัติ', 'เทศบัญญัติ', budgetActionNamesTh.appropriation],
  supplementary: ['งบประมาณเพิ่มเติม', 'งบเพิ่มเติม', 'เพิ่มเติม', budgetActionNamesTh.supplementary],
  transfer: ['โอน', 'โอนงบประมาณ', 'โอนลด/โอนเพิ่ม', budgetActionNamesTh.transfer],
  commitment: ['ผูกพัน', 'กันเงิน', 'ผูกพันงบประมาณ', 'ผูกพัน/กันเงิน', budgetActionNamesTh.commitment],
  release: ['ยกเลิกผูกพัน', 'ยกเลิกการผูกพัน', budgetActionNamesTh.release],
  revenueEstimate: ['ประมาณการรายรับ', 'ประมาณการ', 'revenue estimate', budgetActionNamesTh.revenueEstimate],
});

const fundSources = vocabulary<FundSource>({
  budget: [fundSourceNamesTh.budget, 'งบประมาณ'],
  accumulated: [fundSourceNamesTh.accumulated],
  reserve: [fundSourceNamesTh.reserve, 'ทุนสำรองเงินสะสม'],
  'specific-grant': [fundSourceNamesTh['specific-grant'], 'เงินอุดหนุนระบุวัตถุประสงค์', 'เงินอุดหนุนเฉพาะกิจ'],
  other: [fundSourceNamesTh.other, 'อื่น', 'อื่นๆ'],
});

/** The definition columns: any of them filled makes งบเพิ่มเติม/โอน go to a new line. */
const definitionFields = ['planCode', 'planName', 'workCode', 'workName', 'groupName', 'categoryAccount', 'typeName'] as const;

/** A หมวด cell may read "532000" or "532000 ค่าใช้สอย": the code is what counts. */
const leadingCode = /^(\d{3,16})/;

function lineInputOf(r: ImportRow, sink: RowSink, code: string): BudgetLineInput {
  const fundText = sink.text(r, 'fundSource');
  const fundSource = fundText === '' ? 'budget' : wordOf(fundSources, fundText);
  if (fundSource === undefined) sink.fail(r, 'fundSource', `"${fundText}" ไม่ใช่แหล่งเงินที่รู้จัก ใช้ ${Object.values(fundSourceNamesTh).join(', ')}`);
  const category = arabicDigits(sink.text(r, 'categoryAccount'));
  return {
    code,
    fiscalYear: arabicDigits(sink.text(r, 'fiscalYear')),
    planCode: sink.text(r, 'planCode'),
    planName: sink.text(r, 'planName'),
    workCode: sink.text(r, 'workCode'),
    workName: sink.text(r, 'workName'),
    groupName: sink.text(r, 'groupName'),
    categoryAccount: leadingCode.exec(category)?.[1] ?? category,
    typeName: sink.text(r, 'typeName'),
    projectName: sink.text(r, 'projectName'),
    fundSource: fundSource ?? 'budget',
  };
}

/** Form fields to the columns showing them; `line.<x>` fields are the columns of the same name. */
const columnOfField: Record<string, string> = {
  action: 'action',
  dateBe: 'date',
  amountBaht: 'amount',
  reference: 'reference',
  payee: 'payee',
  lineCode: 'code',
  toLine: 'code',
  fromLine: 'fromLine',
  fiscalYear: 'fiscalYear',
  account: 'account',
  commitmentId: 'action',
  reason: 'action',
  'line.code': 'code',
};

/** @example budgetImportReader({ budgetLines }).read([row], sink) // { date: '2024-02-01', kind: 'budget', doc: { action: 'commitment', … } } */
export const budgetImportReader: KindReaderOf = (options) => {
  // The lines a row may name: the books' and those defined by earlier rows, by code (linear time).
  const linesByCode = new Map<string, BudgetLineDef[]>();
  const learn = (l: BudgetLineDef) => linesByCode.set(l.code, [...(linesByCode.get(l.code) ?? []), l]);
  for (const l of options.budgetLines ?? []) learn(l);
  return {
    template: budgetImportTemplate,
    read(group, sink) {
      const r = group[0];
      if (r === undefined || group.length !== 1) return undefined;
      const actionText = sink.text(r, 'action');
      const action = wordOf(actions, actionText);
      if (actionText === '') sink.fail(r, 'action', 'กรุณาระบุประเภทรายการ (ตั้งงบประมาณ งบเพิ่มเติม โอน ผูกพัน หรือ ประมาณการรายรับ)');
      else if (action === undefined) sink.fail(r, 'action', `ประเภทรายการ "${actionText}" ไม่รู้จัก ใช้ ตั้งงบประมาณ งบเพิ่มเติม โอน ผูกพัน หรือ ประมาณการรายรับ`);
      else if (action === 'release') sink.fail(r, 'action', 'ยกเลิกการผูกพันนำเข้าจากไฟล์ไม่ได้ เพราะต้องเลือกรายการผูกพันในเครื่อง กรุณาบันทึกในแบบฟอร์มงบประมาณ');
      if (action === undefined || action === 'release') return undefined;

      const code = arabicDigits(sink.text(r, 'code'));
      const fromLine = arabicDigits(sink.text(r, 'fromLine'));
      const newLine = definitionFields.some((f) => sink.text(r, f) !== '');
      const input: BudgetFormInput = {
        action,
        dateBe: dateCell(sink, r, 'date'),
        amountBaht: amountCellText(sink.text(r, 'amount')),
        reference: sink.text(r, 'reference'),
        line: lineInputOf(r, sink, code),
        newLine,
        lineCode: code,
        fromLine,
        toLine: code,
        payee: sink.text(r, 'payee'),
        commitmentId: '',
        reason: '',
        fiscalYear: arabicDigits(sink.text(r, 'fiscalYear')),
        account: arabicDigits(sink.text(r, 'account')),
      };
      const budgetLines = [...(linesByCode.get(code) ?? []), ...(linesByCode.get(fromLine) ?? [])];
      const result = readBudgetForm(input, { budgetLines, ...(options.commitments ? { commitments: options.commitments } : {}) });
      if (!result.ok) {
        addFormErrors(sink, result.errors, (formField) => [
          r,
          columnOfField[formField] ?? (formField.startsWith('line.') ? formField.slice('line.'.length) : '-'),
        ]);
        return undefined;
      }
      if (sink.failed) return undefined;
      for (const l of budgetLineDefsOf(result.doc)) learn(l);
      return { date: result.date, kind: 'budget', doc: result.doc };
    },
    duplicate(_entry, firstRow) {
      return { field: 'action', messageTh: `รายการนี้ซ้ำกับแถว ${firstRow} (วันที่ ประเภท รหัส และจำนวนเงินตรงกันทุกช่อง)` };
    },
  };
};
