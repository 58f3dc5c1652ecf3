import { describe, expect, it } from 'vitest';
import { defaultChart } from '../../src/domain/chart/defaultChart';
import { moneyRulesDefault } from '../../src/domain/moneyRules';
import { chartAndRulesMetaKey, getBooksSetup, saveChartAndRules, saveReceiptBooks } from '../../src/store/setup';
import { StoreError } from '../../src/store/storeError';
import { freshDb } from './fixtures';

const chart = {
  versionLabel: 'ผังบัญชี ว 2431',
  accounts: [
    { code: '010', nameTh: 'เงินสด', type: 'asset' as const, normalSide: 'debit' as const, postable: true, role: 'cash' as const, validFromFy: 2567 },
    { code: '411002', nameTh: 'ภาษีป้าย', type: 'revenue' as const, normalSide: 'credit' as const, postable: true, validFromFy: 2567 },
  ],
};

describe('the books setup', () => {
  it('is the shipped default chart and rules, and no receipt books, before anything is stored', async () => {
    expect(await getBooksSetup(freshDb())).toEqual({ chart: defaultChart, rules: moneyRulesDefault, receiptBooks: [] });
  });

  it('keeps the chart and rules from the server, and this PC’s receipt books, apart', async () => {
    const db = freshDb();
    const rules = { ...moneyRulesDefault, booksClosedThrough: '2024-03-31' };
    await saveChartAndRules(db, { chart, rules });
    await saveReceiptBooks(db, [{ bookNo: ' 12 ', firstNo: 1, lastNo: 100 }]);
    expect(await getBooksSetup(db)).toEqual({ chart, rules, receiptBooks: [{ bookNo: '12', firstNo: 1, lastNo: 100 }] });
  });

  it('refuses a chart that does not validate, naming the problem in Thai, and keeps the old one', async () => {
    const db = freshDb();
    const bad = { ...chart, accounts: [{ ...chart.accounts[0]!, code: 'X1' }] };
    await expect(saveChartAndRules(db, { chart: bad, rules: moneyRulesDefault })).rejects.toMatchObject({
      code: 'invalid-setup',
      messageTh: expect.stringContaining('รหัสบัญชีต้องเป็นตัวเลข 3–16 หลัก'),
      field: 'chart.accounts.0.code',
    });
    expect((await getBooksSetup(db)).chart).toBe(defaultChart);
  });

  it('refuses receipt books whose last number is before the first, or whose ranges overlap, naming the book', async () => {
    const db = freshDb();
    const reversed = saveReceiptBooks(db, [
      { bookNo: '12', firstNo: 1, lastNo: 50 },
      { bookNo: '13', firstNo: 50, lastNo: 1 },
    ]);
    await expect(reversed).rejects.toBeInstanceOf(StoreError);
    await expect(reversed).rejects.toMatchObject({ messageTh: 'เล่มใบเสร็จไม่ถูกต้อง: รายการที่ 2: เลขที่สุดท้ายต้องไม่น้อยกว่าเลขที่แรก', field: '1.lastNo' });
    await expect(
      saveReceiptBooks(db, [
        { bookNo: '12', firstNo: 1, lastNo: 50 },
        { bookNo: '12', firstNo: 40, lastNo: 60 },
      ]),
    ).rejects.toMatchObject({ messageTh: expect.stringContaining('เล่มที่ 12 เลขที่ 40–60 ซ้อนกับเลขที่ 1–50') });
    expect((await getBooksSetup(db)).receiptBooks).toEqual([]);
  });

  it('reads a damaged stored chart as the default (the next setup sync writes it again), never blocking recording', async () => {
    const db = freshDb();
    await db.meta.put({ key: chartAndRulesMetaKey, value: { chart: 'garbage' } });
    expect((await getBooksSetup(db)).chart).toBe(defaultChart);
  });
});
