/**
 * Every rule the PC applies before writing: each refusal is typed, in Thai, names the field, and
 * writes NOTHING (no entry, no seq used, no cache row).
 */
import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import type { SamutDb } from '../../src/store/db';
import type { RecordEntryInput } from '../../src/store/entryInput';
import { recordEntry } from '../../src/store/recordEntry';
import { saveChartAndRules, saveReceiptBooks } from '../../src/store/setup';
import { applyPushResults } from '../../src/store/syncQueue';
import { StoreError } from '../../src/store/storeError';
import {
  appropriationInput,
  cancelInput,
  commitmentInput,
  journalInput,
  paymentInput,
  receiptInput,
  snapshot,
} from './entryInputs';
import { enrolledDb, manualClock, seededRandom } from './fixtures';

async function books() {
  const db = await enrolledDb('refuse');
  const clock = manualClock(); // today in Bangkok: 2024-07-08
  const random = seededRandom();
  return { db, record: (input: RecordEntryInput) => recordEntry(db, input, clock, random) };
}

/** Expects `attempt` to be refused with `expected`, and the database to be exactly as before. */
async function expectRefusedWritingNothing(db: SamutDb, attempt: () => Promise<unknown>, expected: Partial<StoreError>): Promise<StoreError> {
  const before = await snapshot(db);
  const error = await attempt().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect(error).toMatchObject(expected);
  expect((error as StoreError).messageTh).toMatch(/[\u0E00-\u0E7F]/);
  expect(await snapshot(db)).toEqual(before);
  return error as StoreError;
}

describe('recordEntry refuses, in Thai, and writes nothing', () => {
  it('an account that is not in the chart of the year', async () => {
    const { db, record } = await books();
    await record(receiptInput('2024-01-16', '12', 1));
    await expectRefusedWritingNothing(db, () => record(receiptInput('2024-01-16', '12', 2, 500, '499999')), {
      code: 'refused',
      rejectionCode: 'unknown_account',
      messageTh: expect.stringContaining('ไม่มีรหัสบัญชี 499999 ในผังบัญชีของปีงบประมาณ 2567'),
    });
  });

  it('an account of the wrong kind for its field (a receipt credited to an expense account)', async () => {
    const { db, record } = await books();
    await expectRefusedWritingNothing(db, () => record(receiptInput('2024-01-16', '12', 1, 500, '532000')), {
      rejectionCode: 'unknown_account',
      field: 'items.0.account',
    });
  });

  it('a date that has not come yet (on the PC’s clock, in Bangkok)', async () => {
    const { db, record } = await books();
    await expectRefusedWritingNothing(db, () => record(receiptInput('2024-07-09', '12', 1)), {
      code: 'refused',
      rejectionCode: 'date_in_future',
      field: 'date',
      messageTh: 'วันที่ 09/07/2567 ยังมาไม่ถึง (วันนี้ 08/07/2567)',
    });
  });

  it('a date in books already closed (rules.booksClosedThrough from the server)', async () => {
    const { db, record } = await books();
    await saveChartAndRules(db, { chart: defaultChart, rules: { ...moneyRulesDefault, booksClosedThrough: '2024-03-31' } });
    await expectRefusedWritingNothing(db, () => record(receiptInput('2024-03-31', '12', 1)), {
      rejectionCode: 'date_closed',
      field: 'date',
      messageTh: 'ปิดบัญชีถึงวันที่ 31/03/2567 แล้ว บันทึกรายการลงวันที่ 31/03/2567 ไม่ได้',
    });
    await expect(record(receiptInput('2024-04-01', '12', 1))).resolves.toMatchObject({ state: 'pending' });
  });

  it('a payment larger than what remains on its line, showing every register column', async () => {
    const { db, record } = await books();
    await record(appropriationInput('2023-10-01', 'L1', 10_000_000));
    await record(commitmentInput('2024-02-01', 'L1', 3_000_000));
    await record(paymentInput('2024-03-01', 'L1', 6_000_000));
    const error = await expectRefusedWritingNothing(db, () => record(paymentInput('2024-03-02', 'L1', 1_000_001)), {
      code: 'refused',
      rejectionCode: 'overspend',
      field: 'grossSatang',
    });
    expect(error.messageTh).toBe(
      'งบประมาณรายการ L1 คงเหลือไม่พอ: อนุมัติ 100,000.00 บาท, โอนเพิ่ม 0.00 บาท, โอนลด 0.00 บาท, ' +
        'ผูกพัน 30,000.00 บาท, เบิกจ่ายแล้ว 60,000.00 บาท, คงเหลือ 10,000.00 บาท แต่ต้องการ 10,000.01 บาท',
    );
    for (const word of ['อนุมัติ', 'ผูกพัน', 'เบิกจ่าย', 'คงเหลือ']) expect(error.messageTh).toContain(word);
  });

  it('a receipt number already used in its book', async () => {
    const { db, record } = await books();
    await record(receiptInput('2024-01-16', '12', 15));
    await expectRefusedWritingNothing(db, () => record(receiptInput('2024-01-17', '12', 15)), {
      rejectionCode: 'receipt_number_taken',
      field: 'receiptNo',
      messageTh: 'ใบเสร็จเล่มที่ 12 เลขที่ 15 ถูกใช้ไปแล้ว',
    });
    await expect(record(receiptInput('2024-01-17', '13', 15))).resolves.toMatchObject({ state: 'pending' });
  });

  it('a receipt outside the receipt books assigned to this PC', async () => {
    const { db, record } = await books();
    await saveReceiptBooks(db, [{ bookNo: '12', firstNo: 1, lastNo: 50 }]);
    await expectRefusedWritingNothing(db, () => record(receiptInput('2024-01-16', '12', 51)), {
      code: 'refused',
      rejectionCode: 'receipt_out_of_range',
      field: 'receiptNo',
      messageTh: 'ใบเสร็จเล่มที่ 12 เลขที่ 51 อยู่นอกช่วงเลขที่ที่เครื่องนี้ได้รับมอบ (1–50)',
    });
    await expectRefusedWritingNothing(db, () => record(receiptInput('2024-01-16', '13', 1)), {
      rejectionCode: 'receipt_out_of_range',
      field: 'bookNo',
      messageTh: 'เครื่องนี้ไม่ได้รับมอบใบเสร็จเล่มที่ 13 (เล่มของเครื่องนี้: เล่มที่ 12 เลขที่ 1–50)',
    });
    await expect(record(receiptInput('2024-01-16', '12', 50))).resolves.toMatchObject({ state: 'pending' });
  });

  it('a journal voucher whose debits and credits differ (the domain’s schema refuses it)', async () => {
    const { db, record } = await books();
    await expectRefusedWritingNothing(db, () => record(journalInput('2024-06-30', 10_000, 9_999)), {
      code: 'invalid-entry',
      field: 'lines',
      messageTh: 'ยอดเดบิตรวมไม่เท่ากับยอดเครดิตรวม',
    });
  });

  it('a malformed document, naming the field', async () => {
    const { db, record } = await books();
    const bad = receiptInput('2024-01-16', '12', 1, 0);
    await expectRefusedWritingNothing(db, () => record(bad), { code: 'invalid-entry', field: 'items.0.amountSatang', messageTh: 'จำนวนเงินต้องมากกว่า 0' });
    await expectRefusedWritingNothing(db, () => record(receiptInput('2024-02-30', '12', 1)), { code: 'invalid-entry', field: 'date' });
  });

  it('a cancel of an entry that is not on this PC', async () => {
    const { db, record } = await books();
    await record(receiptInput('2024-01-16', '12', 1));
    const unknown = { id: '0190d6a4-0000-7000-8000-00000000beef', hash: 'a'.repeat(64) };
    await expectRefusedWritingNothing(db, () => record(cancelInput('2024-01-17', unknown)), {
      code: 'refused',
      rejectionCode: 'cancel_unknown',
      field: 'targetId',
      messageTh: 'ไม่พบรายการที่ต้องการยกเลิก',
    });
  });

  it('a cancel of an entry already cancelled', async () => {
    const { db, record } = await books();
    const receipt = await record(receiptInput('2024-01-16', '12', 1));
    await record(cancelInput('2024-01-16', receipt));
    await expectRefusedWritingNothing(db, () => record(cancelInput('2024-01-17', receipt, 'ยกเลิกซ้ำ')), {
      rejectionCode: 'cancel_already',
      field: 'targetId',
      messageTh: 'รายการนี้ถูกยกเลิกไปแล้ว',
    });
  });

  it('a cancel of a cancel (record the entry again instead)', async () => {
    const { db, record } = await books();
    const receipt = await record(receiptInput('2024-01-16', '12', 1));
    const cancel = await record(cancelInput('2024-01-16', receipt));
    await expectRefusedWritingNothing(db, () => record(cancelInput('2024-01-17', cancel)), {
      rejectionCode: 'cancel_of_cancel',
      field: 'targetId',
      messageTh: 'ยกเลิกรายการยกเลิกไม่ได้ ให้บันทึกรายการใหม่แทน',
    });
  });

  it('a cancel of an entry the server rejected (it no longer counts), saying so', async () => {
    const { db, record } = await books();
    const receipt = await record(receiptInput('2024-01-16', '12', 1));
    await applyPushResults(db, [receipt.id], [{ id: receipt.id, outcome: 'rejected', code: 'x', message: 'ไม่รับ' }], '2024-07-08T03:00:00.000Z');
    await expectRefusedWritingNothing(db, () => record(cancelInput('2024-01-17', receipt)), {
      rejectionCode: 'cancel_unknown',
      messageTh: expect.stringContaining('ถูกเซิร์ฟเวอร์ปฏิเสธแล้ว'),
    });
  });

  it('a cancel dated before the entry it cancels', async () => {
    const { db, record } = await books();
    const receipt = await record(receiptInput('2024-01-16', '12', 1));
    await expectRefusedWritingNothing(db, () => record(cancelInput('2024-01-15', receipt)), { rejectionCode: 'cancel_mismatch', field: 'date' });
  });
});
