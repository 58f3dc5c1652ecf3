/**
 * The app's frame: enrol first (and again when the server refuses the token: the entries stay), then the books: a header that always says how many entries wait to be
 * sent, a navigation between the screens (one per kind of document, the entry list, the budget
 * register, the settings, the entries the server refused), and the screen chosen. Everything it needs comes
 * in as props from main.tsx (the database, the sync engine, browser offers), so nothing here is global.
 */
import { useEffect, useState } from 'preact/hooks';
import type { IsoDate } from '../domain/thaiDate';
import { getEnrolment, listRefusedEntries, type Enrolment, type SamutDb, type StoredEntry } from '../store';
import { CoverageCalendar } from './backfill/CoverageCalendar';
import { ImportScreen } from './backfill/ImportScreen';
import { ReceiptGrid } from './backfill/ReceiptGrid';
import { BackupBanners } from './backup/BackupBanners';
import { sendingStalledOf } from './backup/loudWarning';
import { RestoreCard } from './backup/RestoreCard';
import type { UnsavedInput } from './backup/unsavedInput';
import { BudgetCsvImport } from './BudgetCsvImport';
import { BudgetForm } from './BudgetForm';
import { BudgetRegister } from './BudgetRegister';
import { CashBook } from './CashBook';
import { DepositForm } from './DepositForm';
import { EnrolScreen } from './EnrolScreen';
import { EntryList } from './EntryList';
import { errorMessageTh } from './errorMessage';
import { InstallButton } from './InstallButton';
import { JournalForm } from './JournalForm';
import { Nav, useScreen, type Screen } from './Nav';
import { PaymentForm } from './PaymentForm';
import type { BeforeInstallPromptEvent } from './installPrompt';
import { PendingBadge } from './PendingBadge';
import { PrintOptionsCard } from './print/PrintOptionsCard';
import { PrintView } from './print/PrintView';
import { usePrintTarget } from './print/printRoute';
import { ReceiptForm } from './ReceiptForm';
import type { Correcting } from './rejected/correcting';
import { CorrectionBanner } from './rejected/CorrectionBanner';
import { openFixCount } from './rejected/fixes';
import { RefusedEntries } from './rejected/RefusedEntries';
import { Reports } from './reports/Reports';
import { Settings } from './Settings';
import { SyncStatus } from './SyncStatus';
import { UpdateBanner } from './UpdateBanner';
import { useBooksSetup } from './useBooksSetup';
import { useLiveQuery } from './useLiveQuery';
import { useOnline, useSyncChannel } from './useSyncChannel';
import { onSyncMessage } from '../sync/channel';
import { enrolAgainTh } from '../sync/tokenRefusal';
import type { Watchable } from './watchable';

/** The sync engine as the page drives it (src/sync/pageTriggers.ts). */
export interface SyncControls {
  /** Starts the app-start / online / timer triggers; returns their stop. */
  start(): () => void;
  /** Asks for a drain now, e.g. right after an entry is recorded. */
  request(reason: 'entry'): void;
}

export interface AppProps {
  db: SamutDb;
  sync: SyncControls;
  installOffer: Watchable<BeforeInstallPromptEvent | undefined>;
  updateReady: Watchable<(() => Promise<void>) | undefined>;
  /** Forms typed in and not saved: the update banner asks before reloading over them. */
  unsaved?: UnsavedInput;
  /** Settles when the bundled font is loaded (or a bounded wait is over): controls appear then. */
  fontsReady: Promise<unknown>;
}

type EnrolmentState =
  | { status: 'loading' }
  | { status: 'absent'; noticeTh?: string }
  | { status: 'enrolled'; enrolment: Enrolment };

export function App({ db, sync, installOffer, updateReady, unsaved, fontsReady }: AppProps) {
  const [enrolment, setEnrolment] = useState<EnrolmentState>({ status: 'loading' });

  useEffect(() => {
    const read = getEnrolment(db).then(
      (e): EnrolmentState => (e === undefined ? { status: 'absent' } : { status: 'enrolled', enrolment: e }),
      // A damaged enrolment row: the entries are still on this PC, enrolling again restores sending.
      (error: unknown): EnrolmentState => ({ status: 'absent', noticeTh: errorMessageTh(error) }),
    );
    void Promise.all([read, fontsReady]).then(([state]) => setEnrolment(state));
  }, [db, fontsReady]);

  const enrolled = enrolment.status === 'enrolled';
  useEffect(() => (enrolled ? sync.start() : undefined), [enrolled, sync]);
  // The server refused the token (the drain, here or in the service worker, set the enrolment aside):
  // back to the enrol screen, saying that every pending entry is still here.
  useEffect(
    () =>
      enrolled
        ? onSyncMessage((message) => {
            if (message.type !== 'drain-finished' || message.outcome !== 'auth-failed') return;
            void getEnrolment(db).then(
              (e) => {
                if (e === undefined) setEnrolment({ status: 'absent', noticeTh: message.messageTh ?? enrolAgainTh(message.pending) });
              },
              (error: unknown) => setEnrolment({ status: 'absent', noticeTh: errorMessageTh(error) }),
            );
          })
        : undefined,
    [enrolled, db],
  );

  if (enrolment.status === 'loading') {
    return <p class="loading muted">กำลังเปิดสมุด…</p>;
  }
  if (enrolment.status === 'absent') {
    return (
      <>
        <EnrolScreen
          db={db}
          noticeTh={enrolment.noticeTh}
          onEnrolled={(e) => setEnrolment({ status: 'enrolled', enrolment: e })}
        />
        {/* A wiped or new PC restores its backup first, then enrols again as the same device. */}
        <div class="enrol-restore">
          <RestoreCard db={db} />
        </div>
      </>
    );
  }
  return <Books db={db} sync={sync} enrolment={enrolment.enrolment} installOffer={installOffer} updateReady={updateReady} unsaved={unsaved} />;
}

interface BooksProps extends Omit<AppProps, 'fontsReady'> {
  enrolment: Enrolment;
}

function Books({ db, sync, enrolment, installOffer, updateReady, unsaved }: BooksProps) {
  const { view, finishedCount } = useSyncChannel();
  const online = useOnline();
  const setup = useBooksSetup(db);
  const [screen, go] = useScreen();
  // #print/<entryId>: one document on its A4 sheet instead of the screens (which stay mounted, hidden).
  const printId = usePrintTarget();
  const [cashBookTurnTo, setCashBookTurnTo] = useState<{ date: IsoDate } | undefined>(undefined);
  const recorded = (entry: StoredEntry) => {
    sync.request('entry');
    if (entry.kind === 'receipt') setCashBookTurnTo({ date: entry.date });
  };
  // Entries the server refused: the รายการที่ต้องแก้ไข screen and its count on the navigation.
  const refused = useLiveQuery(() => listRefusedEntries(db), [db, finishedCount]);
  const openFixes = refused.status === 'ready' ? openFixCount(refused.value) : 0;
  // The refused entry the form of its kind is correcting (a new entry, linked to it, when saved).
  const [correcting, setCorrecting] = useState<StoredEntry | undefined>(undefined);
  const backToFixes = () => {
    setCorrecting(undefined);
    go('fixes');
  };
  const correctingOf = (kind: StoredEntry['kind']): Correcting | undefined =>
    correcting?.kind === kind ? { entry: correcting, onCorrected: backToFixes } : undefined;
  const banner = (kind: StoredEntry['kind']) =>
    correcting?.kind === kind ? <CorrectionBanner entry={correcting} onStop={backToFixes} /> : null;
  return (
    <>
      {/* A document or a report names the organisation itself: the app's header stays off its paper. */}
      <header class={`app-header${printId !== undefined || screen === 'reports' ? ' no-print' : ''}`}>
        <div class="app-header-inner">
          <div class="brand">
            <img src="/favicon.svg" alt="" width={40} height={40} />
            <div>
              <p class="brand-name">สมุด</p>
              <h1 class="org-name" data-testid="org-name">
                {enrolment.orgName}
              </h1>
            </div>
          </div>
          <div class="header-status">
            <PendingBadge db={db} refreshKey={finishedCount} />
            <SyncStatus view={view} online={online} />
            <InstallButton offer={installOffer} />
          </div>
        </div>
        <Nav screen={screen} go={go} counts={{ fixes: openFixes }} />
      </header>
      <UpdateBanner update={updateReady} unsaved={unsaved} />
      <BackupBanners db={db} refreshKey={finishedCount} sendingStalled={sendingStalledOf(view, online)} />
      {/* Every screen stays mounted, only the chosen one shown: a half-typed document survives a
          look at the entry list or the register. */}
      {printId !== undefined && (
        <PrintView db={db} setup={setup} orgName={enrolment.orgName} entryId={printId} onClose={() => (location.hash = 'entries')} />
      )}
      <main class="books" id="main" hidden={printId !== undefined}>
        <div class="screen" hidden={screen !== 'receipt'}>
          <div class="books-top">
            <section class="card no-print">
              {banner('receipt')}
              <ReceiptForm db={db} setup={setup} onRecorded={recorded} correcting={correctingOf('receipt')} />
            </section>
            <CashBook db={db} setup={setup} refreshKey={finishedCount} turnTo={cashBookTurnTo} />
          </div>
        </div>
        <div class="screen" hidden={screen !== 'deposit'}>
          <section class="card form-card no-print">
            {banner('deposit')}
            <DepositForm db={db} setup={setup} onRecorded={recorded} correcting={correctingOf('deposit')} />
          </section>
        </div>
        <div class="screen" hidden={screen !== 'payment'}>
          <section class="card form-card no-print">
            {banner('payment')}
            <PaymentForm db={db} setup={setup} onRecorded={recorded} correcting={correctingOf('payment')} />
          </section>
        </div>
        <div class="screen" hidden={screen !== 'budget'}>
          <section class="card form-card no-print">
            {banner('budget')}
            <BudgetForm db={db} setup={setup} onRecorded={recorded} correcting={correctingOf('budget')} />
          </section>
          <section class="card form-card no-print">
            <BudgetCsvImport db={db} setup={setup} onRecorded={() => sync.request('entry')} />
          </section>
        </div>
        <div class="screen" hidden={screen !== 'journal'}>
          <section class="card form-card no-print">
            {banner('journal')}
            <JournalForm db={db} setup={setup} onRecorded={recorded} correcting={correctingOf('journal')} />
          </section>
        </div>
        <div class="screen" hidden={screen !== 'backfill'}>
          {/* Back-entry of an outage's paper records: import files, type from the ledger, see no day was missed. */}
          <section class="card no-print">
            <ImportScreen db={db} setup={setup} onImported={() => sync.request('entry')} />
          </section>
          <section class="card no-print">
            <ReceiptGrid db={db} setup={setup} onRecorded={recorded} />
          </section>
          <section class="card no-print">
            <CoverageCalendar db={db} setup={setup} refreshKey={finishedCount} />
          </section>
        </div>
        <div class="screen" hidden={screen !== 'entries'}>
          <EntryList db={db} setup={setup} refreshKey={finishedCount} onRecorded={recorded} />
        </div>
        <div class="screen" hidden={screen !== 'fixes'}>
          <RefusedEntries
            db={db}
            refused={refused}
            onCorrect={(entry) => {
              setCorrecting(entry);
              go(entry.kind as Screen);
            }}
            onRecorded={recorded}
          />
        </div>
        <div class="screen" hidden={screen !== 'register'}>
          <BudgetRegister db={db} refreshKey={finishedCount} />
        </div>
        <div class="screen" hidden={screen !== 'reports'}>
          <Reports db={db} setup={setup} orgName={enrolment.orgName} refreshKey={finishedCount} />
        </div>
        <div class="screen" hidden={screen !== 'settings'}>
          <Settings db={db} setup={setup} refreshKey={finishedCount} onRestored={() => sync.request('entry')} />
          <PrintOptionsCard db={db} />
        </div>
      </main>
    </>
  );
}
