/**
 * Form readers: the text an officer typed into a form, turned into `{ date, kind, doc }` ready for the
 * store, or one Thai message per bad field (every field checked at once). Pure: no DOM, no store.
 */
export { type FieldErrors, type FormResult, type DocPathMap } from './formResult';
export { readReceiptForm, receiptFieldOf, emptyReceiptItem, type ReceiptFormInput, type ReceiptItemInput } from './receiptForm';
export { readDepositForm, depositFieldOf, type DepositFormInput } from './depositForm';
export {
  readPaymentForm,
  paymentFieldOf,
  paymentAmounts,
  suggestedWithholdingBaht,
  type PaymentFormInput,
  type PaymentFormContext,
  type DeductionInput,
  type PaymentAmounts,
} from './paymentForm';
export {
  readBudgetForm,
  budgetFieldOf,
  budgetActions,
  emptyBudgetLineInput,
  blankBudgetForm,
  type BudgetFormInput,
  type BudgetFormContext,
  type BudgetLineInput,
} from './budgetForm';
export { readJournalForm, journalFieldOf, journalFormTotals, emptyJournalLine, type JournalFormInput, type JournalLineInput } from './journalForm';
export { readCancelForm, cancelFieldOf, type CancelFormInput, type CancelTarget } from './cancelForm';
