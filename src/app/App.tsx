/**
 * The app's frame: enrol first, then one page with the receipt form, the day's cash book and every
 * entry, under a header that always says how many entries wait to be sent. Everything it needs comes
 * in as props from main.tsx (the database, the sync engine, browser offers), so nothing here is global.
 */
import { useEffect, useState } from 'preact/hooks';
import type { IsoDate } from '../domain/thaiDate';
import { getEnrolment, type Enrolment, type SamutDb } from '../store';
import { CashBook } from './CashBook';
import { EnrolScreen } from './EnrolScreen';
import { EntryList } from './EntryList';
import { errorMessageTh } from './errorMessage';
import { InstallButton } from './InstallButton';
import type { BeforeInstallPromptEvent } from './installPrompt';
import { PendingBadge } from './PendingBadge';
import { ReceiptForm } from './ReceiptForm';
import { SyncStatus } from './SyncStatus';
import { UpdateBanner } from './UpdateBanner';
import { useOnline, useSyncChannel } from './useSyncChannel';
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
  updateReady: Watchable<(() => void) | undefined>;
  /** Settles when the bundled font is loaded (or a bounded wait is over): controls appear then. */
  fontsReady: Promise<unknown>;
}

type EnrolmentState =
  | { status: 'loading' }
  | { status: 'absent'; noticeTh?: string }
  | { status: 'enrolled'; enrolment: Enrolment };

export function App({ db, sync, installOffer, updateReady, fontsReady }: AppProps) {
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

  if (enrolment.status === 'loading') {
    return <p class="loading muted">กำลังเปิดสมุด…</p>;
  }
  if (enrolment.status === 'absent') {
    return (
      <EnrolScreen
        db={db}
        noticeTh={enrolment.noticeTh}
        onEnrolled={(e) => setEnrolment({ status: 'enrolled', enrolment: e })}
      />
    );
  }
  return <Books db={db} sync={sync} enrolment={enrolment.enrolment} installOffer={installOffer} updateReady={updateReady} />;
}

interface BooksProps extends Omit<AppProps, 'fontsReady'> {
  enrolment: Enrolment;
}

function Books({ db, sync, enrolment, installOffer, updateReady }: BooksProps) {
  const { view, finishedCount } = useSyncChannel();
  const online = useOnline();
  const [cashBookTurnTo, setCashBookTurnTo] = useState<{ date: IsoDate } | undefined>(undefined);
  return (
    <>
      <header class="app-header">
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
      </header>
      <UpdateBanner update={updateReady} />
      <main class="books">
        <div class="books-top">
          <section class="card no-print">
            <ReceiptForm
              db={db}
              onRecorded={(entry) => {
                sync.request('entry');
                setCashBookTurnTo({ date: entry.date });
              }}
            />
          </section>
          <CashBook db={db} refreshKey={finishedCount} turnTo={cashBookTurnTo} />
        </div>
        <EntryList db={db} refreshKey={finishedCount} />
      </main>
    </>
  );
}
