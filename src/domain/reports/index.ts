/**
 * Registers and reports (ทะเบียนและรายงาน), computed from entries, never stored as the truth. Inputs
 * are plain data the store reads cheaply (the entries of a range, per-account totals before a date,
 * budget line balances); no I/O, no sync state (the screen adds the "N รายการรอส่ง" header).
 * Money in satang, dates ISO (B.E. only when printed).
 */
export * from './accountTotals';
export * from './budgetRegister';
export * from './cancellations';
export * from './cashBooks';
export * from './dailyStatus';
export * from './depositRegister';
export * from './entryDescription';
export * from './generalJournal';
export * from './ledger';
export * from './monthlyReport';
export * from './movementLines';
export * from './period';
export * from './receiptRegister';
export * from './receiptsVsPaymentsByDay';
export * from './reportAccounts';
export * from './revenueRegister';
export * from './trialBalance';
export * from './revenueEstimates';
