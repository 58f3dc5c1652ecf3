/**
 * Element ids of form fields, which are also the end-to-end tests' data-testids: `<form>-<field>`,
 * errors `error-<form>-<field>`, the form-level error `error-<form>`. Form paths of the readers
 * ('dateBe', 'items.0.amountBaht') become short kebab names ('date', 'item-0-amount').
 */

/** Path segments whose id differs from their kebab-case name. */
const segmentIds: Record<string, string> = {
  dateBe: 'date',
  bookNo: 'book',
  receiptNo: 'no',
  amountBaht: 'amount',
  grossBaht: 'gross',
  debitBaht: 'debit',
  creditBaht: 'credit',
  commitmentReleaseBaht: 'commitment-release',
  items: 'item',
  lines: 'line',
  deductions: 'deduction',
  lineCode: 'existing-line',
};

function kebab(segment: string): string {
  return segment.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * @example fieldId('receipt', 'items.0.amountBaht') // 'receipt-item-0-amount'
 * @example fieldId('budget', 'line.categoryAccount') // 'budget-line-category-account'
 */
export function fieldId(form: string, field: string): string {
  const slug = field
    .split('.')
    .map((s) => segmentIds[s] ?? kebab(s))
    .join('-');
  return `${form}-${slug}`;
}

/** @example errorTestId('receipt', 'dateBe') // 'error-receipt-date' */
export function errorTestId(form: string, field: string): string {
  return `error-${fieldId(form, field)}`;
}
