/**
 * The print view of one receipt or ฎีกา (`#print/<entryId>`): the document on an A4 sheet, a toolbar
 * (back, print) that never prints. The first print of a document is the original; the store counts
 * prints, and every later one is marked สำเนา. A print started from the browser's own menu (Ctrl+P) is
 * counted too (beforeprint), with the mark the sheet showed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BudgetLineDef } from '../../domain/budget/budgetLine';
import { getEntry, isCancelled, listBudgetLines, printRecordOf, recordPrint, type BooksSetup, type SamutDb, type StoredEntry } from '../../store';
import { errorMessageTh } from '../errorMessage';
import './paper.css';
import { receiptPaper, voucherPaper } from './paperText';
import { loadPrintOptions, type PrintOptions } from './printOptions';
import { ReceiptDocument } from './ReceiptDocument';
import { VoucherDocument } from './VoucherDocument';

export interface PrintViewProps {
  db: SamutDb;
  setup: BooksSetup;
  orgName: string;
  entryId: string;
  onClose: () => void;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; messageTh: string }
  | { status: 'ready'; entry: StoredEntry; cancelled: boolean; printed: number; options: PrintOptions; line?: BudgetLineDef };

async function load(db: SamutDb, id: string): Promise<Loaded> {
  const entry = await getEntry(db, id);
  if (entry === undefined) return { status: 'failed', messageTh: 'ไม่พบรายการนี้ในเครื่อง' };
  if (entry.kind !== 'receipt' && entry.kind !== 'payment') return { status: 'failed', messageTh: 'พิมพ์ได้เฉพาะใบเสร็จรับเงินและฎีกา' };
  const [cancelled, record, options] = await Promise.all([isCancelled(db, id), printRecordOf(db, id), loadPrintOptions(db)]);
  let line: BudgetLineDef | undefined;
  if (entry.kind === 'payment' && entry.doc.charge.kind === 'budget') {
    const code = entry.doc.charge.budgetLine;
    line = (await listBudgetLines(db, entry.doc.charge.fiscalYear)).find((l) => l.def.code === code)?.def;
  }
  return { status: 'ready', entry, cancelled, printed: record.count, options, ...(line ? { line } : {}) };
}

export function PrintView({ db, setup, orgName, entryId, onClose }: PrintViewProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [printed, setPrinted] = useState(0);
  // The number of the print being made right now (1 = the original), set just before window.print().
  const [inHand, setInHand] = useState<number | undefined>(undefined);
  const [errorTh, setErrorTh] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setLoaded({ status: 'loading' });
    load(db, entryId).then(
      (l) => {
        if (!live) return;
        setLoaded(l);
        if (l.status === 'ready') setPrinted(l.printed);
      },
      (error: unknown) => live && setLoaded({ status: 'failed', messageTh: errorMessageTh(error) }),
    );
    return () => {
      live = false;
    };
  }, [db, entryId]);

  // The sheet is rendered with its mark first, then printed: window.print() blocks until the dialog closes.
  useEffect(() => {
    if (inHand === undefined) return;
    window.print();
    setPrinted(inHand);
    setInHand(undefined);
  }, [inHand]);

  // Ctrl+P or the browser's menu: count it as well (the sheet already shows the right mark).
  useEffect(() => {
    const counted = () => {
      if (inHand !== undefined) return;
      recordPrint(db, entryId).then(setPrinted, (error: unknown) => setErrorTh(errorMessageTh(error)));
    };
    window.addEventListener('beforeprint', counted);
    return () => window.removeEventListener('beforeprint', counted);
  }, [db, entryId, inHand]);

  const print = async () => {
    setErrorTh(undefined);
    try {
      setInHand(await recordPrint(db, entryId));
    } catch (error) {
      setErrorTh(errorMessageTh(error));
    }
  };

  const copy = inHand !== undefined ? inHand > 1 : printed >= 1;
  return (
    <div class="print-view" data-testid="print-view">
      <div class="print-toolbar no-print">
        <button type="button" class="button-quiet" data-testid="print-back" onClick={onClose}>
          ← กลับ
        </button>
        {loaded.status === 'ready' && (
          <>
            <button type="button" class="button-primary" data-testid="print-now" onClick={() => void print()}>
              พิมพ์
            </button>
            <span class="muted" data-testid="print-count" data-count={String(printed)}>
              {printed === 0 ? 'ยังไม่เคยพิมพ์: จะพิมพ์เป็นต้นฉบับ' : `พิมพ์แล้ว ${printed} ครั้ง: จะพิมพ์เป็นสำเนา`}
            </span>
          </>
        )}
        {errorTh !== undefined && (
          <span class="notice notice--error" role="alert">
            {errorTh}
          </span>
        )}
      </div>
      {loaded.status === 'loading' && <p class="muted">กำลังอ่านข้อมูล…</p>}
      {loaded.status === 'failed' && <p class="notice notice--error">{loaded.messageTh}</p>}
      {loaded.status === 'ready' && loaded.entry.kind === 'receipt' && (
        <ReceiptDocument paper={receiptPaper(loaded.entry, setup.chart, loaded.options)} orgName={orgName} copy={copy} cancelled={loaded.cancelled} />
      )}
      {loaded.status === 'ready' && loaded.entry.kind === 'payment' && (
        <VoucherDocument paper={voucherPaper(loaded.entry, setup.chart, loaded.options, loaded.line)} orgName={orgName} copy={copy} cancelled={loaded.cancelled} />
      )}
    </div>
  );
}
