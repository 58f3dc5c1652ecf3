/** Sealed entries of any kind for the app's label tests (fixed org and device, a running seq). */
import { buildEntry, type Entry, type EntryDoc } from '../../src/domain/entry';
import { entryIdOf } from '../../src/domain/entryId';

let seq = 0;

export function entryOf(content: EntryDoc, date = '2024-01-16', cancelTarget?: Entry): Entry {
  seq += 1;
  const random = new Uint8Array(10);
  new DataView(random.buffer).setUint32(6, seq);
  return buildEntry(
    {
      schema: 1,
      id: entryIdOf(Date.UTC(2024, 0, 1) + seq, random),
      orgId: entryIdOf(1, new Uint8Array(10).fill(1)),
      deviceId: entryIdOf(2, new Uint8Array(10).fill(2)),
      seq,
      date,
      recordedAt: '2024-01-16T03:00:00.000Z',
      recordedBy: 'officer',
      ...content,
    } as Parameters<typeof buildEntry>[0],
    cancelTarget,
  );
}

export function cancelOf(target: Entry, date = target.date, reason = 'บันทึกผิด'): Entry {
  return entryOf({ kind: 'cancel', doc: { targetId: target.id, targetHash: target.hash, reason } }, date, target);
}

export function receiptDoc(bookNo: string, receiptNo: number, amountSatang = 50_000, account = '411002'): EntryDoc {
  return {
    kind: 'receipt',
    doc: { bookNo, receiptNo, payer: 'นายสมชาย ใจดี', items: [{ account, amountSatang }], method: 'cash', receivedInto: '010' },
  };
}

export function appropriation(code: string, amountSatang: number): EntryDoc {
  return {
    kind: 'budget',
    doc: {
      action: 'appropriation',
      line: {
        code,
        fiscalYear: 2567,
        planCode: '00110',
        planName: 'บริหารงานทั่วไป',
        workCode: '00111',
        workName: 'งานบริหารทั่วไป',
        groupName: 'งบดำเนินงาน',
        categoryAccount: '532000',
        typeName: 'รายจ่ายเพื่อให้ได้มาซึ่งบริการ',
        fundSource: 'budget',
      },
      amountSatang,
      reference: 'ข้อบัญญัติ 2567',
    },
  };
}

export function budgetPayment(line: string, grossSatang: number, withholdingSatang: number): EntryDoc {
  return {
    kind: 'payment',
    doc: {
      voucherNo: '15/2567',
      payee: 'ร้านวัสดุ',
      description: 'ค่าวัสดุสำนักงาน',
      charge: { kind: 'budget', fiscalYear: 2567, budgetLine: line, expenseAccount: '532000', commitmentReleaseSatang: 0 },
      grossSatang,
      deductions: [{ kind: 'withholding', account: '902', amountSatang: withholdingSatang }],
      netSatang: grossSatang - withholdingSatang,
      method: 'transfer',
      paidFrom: '011',
    },
  };
}
