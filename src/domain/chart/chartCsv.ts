/**
 * Loading the official chart from a CSV an administrator prepares. Every row is validated; an error
 * names its row and column in Thai ("แถว 5, คอลัมน์ ประเภท: …"), and any error loads nothing.
 * Headers may be Thai or English, in any order, with stray spaces.
 */
import { accountSchema, normalSideOf, type Account, type AccountType } from './account';
import type { Chart } from './chart';
import { readCsvTable, type RowError } from '../csvTable';

export type { RowError };

export type ChartLoad = { ok: true; chart: Chart } | { ok: false; errors: RowError[] };

/** A chart is a bounded thing: the official list has hundreds of accounts, not hundreds of thousands. */
export const chartAccountsMax = 5_000;

type Field = 'code' | 'nameTh' | 'type' | 'normalSide' | 'parent' | 'postable' | 'role' | 'validFromFy' | 'validToFy';

const headerNames: Record<Field, readonly string[]> = {
  code: ['รหัสบัญชี', 'รหัส', 'code'],
  nameTh: ['ชื่อบัญชี', 'ชื่อ', 'name', 'nameth'],
  type: ['ประเภท', 'ประเภทบัญชี', 'type'],
  normalSide: ['ด้านปกติ', 'normalside', 'normal side'],
  parent: ['บัญชีแม่', 'หมวด', 'parent'],
  postable: ['ลงรายการได้', 'postable'],
  role: ['บทบาท', 'role'],
  validFromFy: ['ปีเริ่มใช้', 'ปีงบประมาณที่เริ่มใช้', 'validfromfy', 'valid from fy'],
  validToFy: ['ปีสิ้นสุด', 'ปีงบประมาณที่สิ้นสุด', 'validtofy', 'valid to fy'],
};

const columnTh: Record<Field, string> = {
  code: 'รหัสบัญชี', nameTh: 'ชื่อบัญชี', type: 'ประเภท', normalSide: 'ด้านปกติ', parent: 'บัญชีแม่',
  postable: 'ลงรายการได้', role: 'บทบาท', validFromFy: 'ปีเริ่มใช้', validToFy: 'ปีสิ้นสุด',
};

const typeWords: Record<string, AccountType> = {
  asset: 'asset', สินทรัพย์: 'asset', liability: 'liability', หนี้สิน: 'liability', equity: 'equity', ทุน: 'equity',
  revenue: 'revenue', รายได้: 'revenue', expense: 'expense', รายจ่าย: 'expense', ค่าใช้จ่าย: 'expense',
};
const sideWords: Record<string, 'debit' | 'credit'> = { debit: 'debit', เดบิต: 'debit', dr: 'debit', credit: 'credit', เครดิต: 'credit', cr: 'credit' };
const yesWords = ['y', 'yes', 'true', '1', 'ใช่', 'ได้'];
const noWords = ['n', 'no', 'false', '0', 'ไม่', 'ไม่ได้'];

/**
 * @example parseChartCsv('รหัสบัญชี,ชื่อบัญชี,ประเภท,ปีเริ่มใช้\n010,เงินสด,สินทรัพย์,2567', 'ผังบัญชี ว 2431')
 */
export function parseChartCsv(text: string, versionLabel: string): ChartLoad {
  const table = readCsvTable<Field>(text, { names: headerNames, th: columnTh, required: ['code', 'nameTh', 'type', 'validFromFy'] }, chartAccountsMax);
  if (!table.ok) return table;
  const errors: RowError[] = [];
  const accounts: Account[] = [];
  const firstRowOfCode = new Map<string, number>();
  table.rows.forEach(({ row, cell }) => {
    const rowErrors: RowError[] = [];
    const fail = (f: Field, messageTh: string) => rowErrors.push({ row, column: columnTh[f], messageTh });

    const type = typeWords[cell('type').toLowerCase()];
    if (!type) fail('type', `"${cell('type')}" ไม่ใช่ประเภทบัญชี (สินทรัพย์ หนี้สิน ทุน รายได้ รายจ่าย)`);
    const sideText = cell('normalSide').toLowerCase();
    const normalSide = sideText === '' ? (type ? normalSideOf(type) : 'debit') : sideWords[sideText];
    if (!normalSide) fail('normalSide', `"${cell('normalSide')}" ต้องเป็น เดบิต หรือ เครดิต`);
    const postableText = cell('postable').toLowerCase();
    const postable = postableText === '' || yesWords.includes(postableText) ? true : noWords.includes(postableText) ? false : undefined;
    if (postable === undefined) fail('postable', `"${cell('postable')}" ต้องเป็น ใช่ หรือ ไม่`);
    const fromText = cell('validFromFy');
    const toText = cell('validToFy');
    if (!/^\d{4}$/.test(fromText)) fail('validFromFy', `"${fromText}" ต้องเป็นปี พ.ศ. 4 หลัก`);
    if (toText !== '' && !/^\d{4}$/.test(toText)) fail('validToFy', `"${toText}" ต้องเป็นปี พ.ศ. 4 หลัก`);

    const candidate = {
      code: cell('code'),
      nameTh: cell('nameTh'),
      type: type ?? 'asset',
      normalSide: normalSide ?? 'debit',
      postable: postable ?? true,
      validFromFy: Number(fromText),
      ...(cell('parent') ? { parent: cell('parent') } : {}),
      ...(cell('role') ? { role: cell('role').toLowerCase() } : {}),
      ...(toText ? { validToFy: Number(toText) } : {}),
    };
    const checked = accountSchema.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const f = String(issue.path[0] ?? 'code') as Field;
        if (!rowErrors.some((e) => e.column === columnTh[f])) fail(f, issue.message);
      }
    }
    const seenAt = firstRowOfCode.get(candidate.code);
    if (seenAt !== undefined) fail('code', `รหัสบัญชี ${candidate.code} ซ้ำกับแถว ${seenAt}`);
    else firstRowOfCode.set(candidate.code, row);
    if (rowErrors.length) errors.push(...rowErrors);
    else if (checked.success) accounts.push(checked.data as Account);
  });
  accounts.forEach((a) => {
    if (a.parent !== undefined && !firstRowOfCode.has(a.parent)) {
      errors.push({ row: firstRowOfCode.get(a.code)!, column: columnTh.parent, messageTh: `ไม่มีบัญชีแม่รหัส ${a.parent} ในไฟล์` });
    }
  });
  if (accounts.length === 0 && errors.length === 0) {
    errors.push({ row: 2, column: '-', messageTh: 'ไม่มีบัญชีในไฟล์' });
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) };
  return { ok: true, chart: { versionLabel, accounts } };
}
