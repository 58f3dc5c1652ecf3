/**
 * The chart Samut ships with until an administrator loads the official one (มท 0808.4/ว 2431, not yet
 * obtained: DOMAIN.md §4). PROVISIONAL, marked ⚠ where the code is not from a source:
 * - balance-sheet codes are the legacy LAO codes printed in one อบต.'s reports (DOMAIN.md §4);
 *   010/011–013 for cash and banks are common practice (GK), 701/702 are Samut's own placeholders;
 * - revenue หมวด 411000–441000 and expense หมวด 510000–561000 are the legacy classification (§5);
 *   revenue items are the หมวด code plus a running number (⚠ the official item codes are unknown).
 * Expense หมวด are postable: a ฎีกา is charged to the หมวด of its budget line.
 */
import { normalSideOf, type Account, type AccountRole, type AccountType } from './account';
import type { Chart } from './chart';

const fromFy = 2560;

type Row = [code: string, nameTh: string, type: AccountType, postable: boolean, parent?: string, role?: AccountRole];

const rows: Row[] = [
  // สินทรัพย์
  ['010', 'เงินสด', 'asset', true, undefined, 'cash'],
  ['011', 'เงินฝากธนาคาร – ออมทรัพย์', 'asset', true, undefined, 'bank'],
  ['012', 'เงินฝากธนาคาร – กระแสรายวัน', 'asset', true, undefined, 'bank'],
  ['013', 'เงินฝากธนาคาร – ประจำ', 'asset', true, undefined, 'bank'],
  ['0081', 'ลูกหนี้ภาษีโรงเรือนและที่ดิน', 'asset', true, undefined, 'receivable'],
  ['0082', 'ลูกหนี้ภาษีบำรุงท้องที่', 'asset', true, undefined, 'receivable'],
  ['0083', 'ลูกหนี้ภาษีป้าย', 'asset', true, undefined, 'receivable'],
  ['0090', 'ลูกหนี้เงินยืมตามงบประมาณ', 'asset', true, undefined, 'receivable'],
  ['0707', 'ลูกหนี้เงินยืมนอกงบประมาณ', 'asset', true, undefined, 'receivable'],
  ['704', 'ลูกหนี้เงินยืมเงินสะสม', 'asset', true, undefined, 'receivable'],
  // หนี้สิน
  ['600', 'ค่าใช้จ่ายค้างจ่าย (เบิกตัดปี)', 'liability', true],
  ['602', 'เงินอุดหนุนเฉพาะกิจค้างจ่าย', 'liability', true],
  ['0012', 'เงินอุดหนุนเฉพาะกิจ', 'liability', true, undefined, 'deposit'],
  ['900', 'เงินรับฝาก', 'liability', false],
  ['901', 'เงินรับฝากอื่น', 'liability', true, '900', 'deposit'], // ⚠ placeholder code
  ['902', 'ภาษีหัก ณ ที่จ่าย', 'liability', true, '900', 'deposit'],
  ['903', 'เงินประกันสัญญา', 'liability', true, '900', 'deposit'],
  ['906', 'ค่าใช้จ่ายในการจัดเก็บภาษีบำรุงท้องที่ 5%', 'liability', true, '900', 'deposit'],
  ['907', 'ส่วนลดในการจัดเก็บภาษีบำรุงท้องที่ 6%', 'liability', true, '900', 'deposit'],
  ['999', 'สินเชื่อ ธ.ออมสิน (หักหน้าฎีกา)', 'liability', true, '900', 'deposit'],
  // ทุน
  ['700', 'เงินสะสม', 'equity', true],
  ['701', 'เงินทุนสำรองเงินสะสม', 'equity', true], // ⚠ placeholder code
  ['702', 'ทุนทรัพย์สิน', 'equity', true], // ⚠ placeholder code
  // รายได้ (หมวด and items)
  ['411000', 'ภาษีอากร', 'revenue', false],
  ['411001', 'ภาษีที่ดินและสิ่งปลูกสร้าง', 'revenue', true, '411000'],
  ['411002', 'ภาษีป้าย', 'revenue', true, '411000'],
  ['411003', 'อากรการฆ่าสัตว์', 'revenue', true, '411000'],
  ['411004', 'ภาษีโรงเรือนและที่ดิน', 'revenue', true, '411000'],
  ['411005', 'ภาษีบำรุงท้องที่', 'revenue', true, '411000'],
  ['412000', 'ค่าธรรมเนียม ค่าปรับ และใบอนุญาต', 'revenue', false],
  ['412001', 'ค่าธรรมเนียมเก็บและขนมูลฝอย', 'revenue', true, '412000'],
  ['412002', 'ค่าธรรมเนียมใบอนุญาตขายสุรา', 'revenue', true, '412000'],
  ['412003', 'ค่าธรรมเนียมเกี่ยวกับการควบคุมอาคาร', 'revenue', true, '412000'],
  ['412004', 'ค่าปรับผู้กระทำผิดกฎหมายจราจรทางบก', 'revenue', true, '412000'],
  ['413000', 'รายได้จากทรัพย์สิน', 'revenue', false],
  ['413001', 'ดอกเบี้ยเงินฝากธนาคาร', 'revenue', true, '413000'],
  ['413002', 'ค่าเช่าหรือบริการสถานที่', 'revenue', true, '413000'],
  ['414000', 'รายได้จากสาธารณูปโภคและการพาณิชย์', 'revenue', false],
  ['414001', 'รายได้จากกิจการประปา', 'revenue', true, '414000'],
  ['415000', 'รายได้เบ็ดเตล็ด', 'revenue', false],
  ['415001', 'ค่าขายแบบแปลน', 'revenue', true, '415000'],
  ['415002', 'รายได้เบ็ดเตล็ดอื่น', 'revenue', true, '415000'],
  ['416000', 'รายได้จากทุน', 'revenue', false],
  ['416001', 'ค่าขายทอดตลาดทรัพย์สิน', 'revenue', true, '416000'],
  ['421000', 'ภาษีจัดสรร', 'revenue', false],
  ['421001', 'ภาษีมูลค่าเพิ่ม', 'revenue', true, '421000'],
  ['421002', 'ภาษีธุรกิจเฉพาะ', 'revenue', true, '421000'],
  ['421003', 'ภาษีสุรา', 'revenue', true, '421000'],
  ['421004', 'ภาษีสรรพสามิต', 'revenue', true, '421000'],
  ['421005', 'ค่าธรรมเนียมจดทะเบียนสิทธิและนิติกรรมที่ดิน', 'revenue', true, '421000'],
  ['431000', 'เงินอุดหนุนทั่วไป', 'revenue', false],
  ['431001', 'เงินอุดหนุนทั่วไป', 'revenue', true, '431000'],
  ['441000', 'เงินอุดหนุนที่รัฐบาลให้โดยระบุวัตถุประสงค์', 'revenue', false],
  ['441001', 'เงินอุดหนุนระบุวัตถุประสงค์', 'revenue', true, '441000'],
  // รายจ่าย (หมวด, postable: the budget line's หมวด)
  ['510000', 'งบกลาง', 'expense', true],
  ['521000', 'เงินเดือน (ฝ่ายการเมือง)', 'expense', true],
  ['522000', 'เงินเดือน (ฝ่ายประจำ)', 'expense', true], // ⚠ inferred code
  ['531000', 'ค่าตอบแทน', 'expense', true],
  ['532000', 'ค่าใช้สอย', 'expense', true],
  ['533000', 'ค่าวัสดุ', 'expense', true],
  ['534000', 'ค่าสาธารณูปโภค', 'expense', true],
  ['541000', 'ค่าครุภัณฑ์', 'expense', true],
  ['542000', 'ค่าที่ดินและสิ่งก่อสร้าง', 'expense', true],
  ['551000', 'รายจ่ายอื่น', 'expense', true], // ⚠ inferred code
  ['561000', 'เงินอุดหนุน', 'expense', true],
];

function accountOf([code, nameTh, type, postable, parent, role]: Row): Account {
  const account: Account = { code, nameTh, type, normalSide: normalSideOf(type), postable, validFromFy: fromFy };
  if (parent !== undefined) account.parent = parent;
  if (role !== undefined) account.role = role;
  return account;
}

export const defaultChart: Chart = { versionLabel: 'ผังบัญชีตั้งต้นของ Samut (ชั่วคราว)', accounts: rows.map(accountOf) };

/** Codes the forms default to. */
export const cashAccountCode = '010';
export const savingsBankAccountCode = '011';
export const withholdingTaxAccountCode = '902';
