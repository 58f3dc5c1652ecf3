import { describe, expect, it } from 'vitest';
import { cancelFieldOf, readCancelForm } from '../../../src/domain/forms/cancelForm';

const target = { id: '018d1a2b-3c4d-7e5f-8a6b-7c8d9e0f1a2b', hash: 'a'.repeat(64), date: '2024-01-16' };

describe('the cancel form (readCancelForm)', () => {
  it('reads the date and reason into a cancel pinned to its target by id and hash', () => {
    expect(readCancelForm({ dateBe: '20/01/2567', reason: ' เขียนชื่อผู้ชำระผิด ' }, target)).toEqual({
      ok: true,
      date: '2024-01-20',
      kind: 'cancel',
      doc: { targetId: target.id, targetHash: target.hash, reason: 'เขียนชื่อผู้ชำระผิด' },
    });
  });

  it('asks for a reason and a real date, both at once', () => {
    expect(readCancelForm({ dateBe: '2567-01-20', reason: '' }, target)).toEqual({
      ok: false,
      errors: {
        dateBe: 'วันที่ "2567-01-20" ต้องอยู่ในรูป วว/ดด/ปปปป (พ.ศ.) เช่น 16/01/2567',
        reason: 'กรุณากรอกเหตุผลที่ยกเลิก',
      },
    });
  });

  it('refuses a cancel dated before the entry it cancels', () => {
    expect(readCancelForm({ dateBe: '15/01/2567', reason: 'ผิด' }, target)).toEqual({
      ok: false,
      errors: { dateBe: 'วันที่ยกเลิกต้องไม่ก่อนวันที่ของรายการเดิม (16/01/2567)' },
    });
  });

  it("shows the store's refusals of the target at the top of the form", () => {
    expect(cancelFieldOf('targetId')).toBe('');
    expect(cancelFieldOf('date')).toBe('dateBe');
  });
});
