/**
 * ใบผ่านรายการบัญชี from a sheet: one row per line. Adjacent rows with the same voucher number are one
 * voucher, whose date, description and purpose must agree; the voucher must balance, and when it does
 * not the error names its rows. The same number further down is a duplicate (see receiptImport for
 * why rows are not merged across the file). Each voucher is read by readJournalForm.
 */
import { readJournalForm, type JournalFormInput } from '../forms/journalForm';
import type { JournalPurpose } from '../kinds/journalVoucher';
import { amountCellText, arabicDigits } from './importCell';
import { rowsText, type ImportRow, type RowSink } from './importSheet';
import type { ImportTemplate } from './importTypes';
import { addFormErrors, dateCell, shownTh, vocabulary, wordOf, type KindReaderOf } from './kindReader';

export const journalImportTemplate: ImportTemplate = {
  kind: 'journal',
  titleTh: 'ใบผ่านรายการบัญชี (หนึ่งแถวต่อหนึ่งบรรทัดบัญชี)',
  columns: [
    { field: 'date', headerTh: 'วันที่', aliases: ['date', 'ลงวันที่'], required: true, noteTh: 'วว/ดด/ปปปป (พ.ศ.) เช่น 31/01/2567' },
    { field: 'voucherNo', headerTh: 'เลขที่ใบผ่านรายการ', aliases: ['voucher no', 'voucher no.', 'voucherno', 'jv no', 'jv', 'เลขที่ใบผ่าน', 'เลขที่'], required: true, noteTh: 'บรรทัดของใบเดียวกันใส่เลขที่เดียวกันในแถวติดกัน' },
    { field: 'description', headerTh: 'คำอธิบาย', aliases: ['description', 'รายการ', 'รายละเอียด'], required: true },
    { field: 'account', headerTh: 'รหัสบัญชี', aliases: ['account', 'account code', 'บัญชี'], required: true, noteTh: 'ตามผังบัญชี เช่น 011' },
    { field: 'debit', headerTh: 'เดบิต', aliases: ['debit', 'dr', 'dr.', 'เดบิท'], required: true, noteTh: 'บาท; แต่ละแถวกรอกเดบิตหรือเครดิตอย่างใดอย่างหนึ่ง' },
    { field: 'credit', headerTh: 'เครดิต', aliases: ['credit', 'cr', 'cr.', 'เครดิท'], required: true, noteTh: 'บาท' },
    { field: 'note', headerTh: 'หมายเหตุ', aliases: ['note', 'memo'], required: false },
    { field: 'purpose', headerTh: 'ชนิดใบผ่านรายการ', aliases: ['purpose', 'ชนิด'], required: false, noteTh: 'เว้นว่าง = ทั่วไป; ยอดยกมา = บันทึกยอดยกมาต้นปี (ลงวันที่ 1 ตุลาคม)' },
  ],
  exampleRows: [
    ['31/01/2567', 'JV1/2567', 'บันทึกดอกเบี้ยเงินฝากธนาคาร', '011', '100.00', '', '', ''],
    ['31/01/2567', 'JV1/2567', 'บันทึกดอกเบี้ยเงินฝากธนาคาร', '012', '25.50', '', 'บัญชีกระแสรายวัน', ''],
    ['31/01/2567', 'JV1/2567', 'บันทึกดอกเบี้ยเงินฝากธนาคาร', '413001', '', '125.50', '', ''],
  ],
};

const purposes = vocabulary<JournalPurpose>({
  general: ['ทั่วไป', 'ปกติ'],
  opening: ['ยอดยกมา', 'ยกมา', 'opening balance'],
});

const headFields = ['date', 'description', 'purpose'] as const;
type HeadField = (typeof headFields)[number];

function headOf(r: ImportRow, sink: RowSink): Record<HeadField, string> & { purposeValue: string } {
  const purposeText = sink.text(r, 'purpose');
  const purpose = purposeText === '' ? 'general' : wordOf(purposes, purposeText);
  if (purpose === undefined) sink.fail(r, 'purpose', `ชนิดใบผ่านรายการ "${purposeText}" ไม่รู้จัก ใช้ ทั่วไป หรือ ยอดยกมา (หรือเว้นว่าง)`);
  return {
    date: dateCell(sink, r, 'date'),
    description: sink.text(r, 'description').replace(/\s+/g, ' '),
    purpose: purpose ?? purposeText,
    purposeValue: purpose ?? 'general',
  };
}

const lineField = /^lines\.(\d+)\.(account|debitBaht|creditBaht|note)$/;
const columnOfLineField: Record<string, string> = { account: 'account', debitBaht: 'debit', creditBaht: 'credit', note: 'note' };

/** @example journalImportReader({}).read(rows, sink) // { date: '2024-01-31', kind: 'journal', doc: { voucherNo: 'JV1/2567', lines: [ … ] } } */
export const journalImportReader: KindReaderOf = () => ({
  template: journalImportTemplate,
  groupKeyOf(r, cell) {
    const no = cell(r, 'voucherNo');
    return no === '' ? undefined : no;
  },
  read(group, sink) {
    const first = group[0];
    if (first === undefined) return undefined;
    const head = headOf(first, sink);
    const voucherNo = sink.text(first, 'voucherNo');
    for (const r of group.slice(1)) {
      const other = headOf(r, sink);
      for (const f of headFields) {
        if (other[f] === head[f]) continue;
        sink.fail(r, f, `ใบผ่านรายการเลขที่ ${voucherNo} ซ้ำกับแถว ${first.row} แต่${sink.sheet.headerOf(f)}ไม่ตรงกัน (${shownTh(head[f])} กับ ${shownTh(other[f])})`);
      }
    }
    const input: JournalFormInput = {
      dateBe: head.date,
      voucherNo,
      purpose: head.purposeValue,
      description: head.description,
      lines: group.map((r) => ({
        account: arabicDigits(sink.text(r, 'account')),
        debitBaht: amountCellText(sink.text(r, 'debit')),
        creditBaht: amountCellText(sink.text(r, 'credit')),
        note: sink.text(r, 'note'),
      })),
    };
    const result = readJournalForm(input);
    if (!result.ok) {
      const voucherTh = `ใบผ่านรายการเลขที่ ${voucherNo} (แถว ${rowsText(group.map((r) => r.row))})`;
      for (const [formField, messageTh] of Object.entries(result.errors)) {
        // Whole-voucher faults (unbalanced, too few lines) name every row of the voucher.
        if (formField === 'lines') sink.fail(first, 'debit', `${voucherTh}: ${messageTh}`);
      }
      addFormErrors(sink, result.errors, (formField) => {
        const m = lineField.exec(formField);
        if (m) return [group[Number(m[1])] ?? first, columnOfLineField[m[2] ?? ''] ?? 'account'];
        if (formField === 'dateBe') return [first, 'date'];
        return [first, formField === 'voucherNo' || formField === 'description' || formField === 'purpose' ? formField : 'debit'];
      });
      return undefined;
    }
    return sink.failed ? undefined : { date: result.date, kind: 'journal', doc: result.doc };
  },
  duplicate(entry, firstRow) {
    const voucherNo = entry.kind === 'journal' ? entry.doc.voucherNo : '';
    return { field: 'voucherNo', messageTh: `ใบผ่านรายการเลขที่ ${voucherNo} ซ้ำกับแถว ${firstRow} (บรรทัดของใบเดียวกันต้องอยู่ในแถวติดกัน)` };
  },
});
