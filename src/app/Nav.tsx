/**
 * The navigation between screens: one per kind of document, then the lists and settings. The screen
 * is kept in the address (#payment), so a reload or the browser's back button returns to it; Alt+1…9
 * switch screens from the keyboard.
 */
import { useEffect, useState } from 'preact/hooks';

export type Screen = 'receipt' | 'deposit' | 'payment' | 'budget' | 'journal' | 'backfill' | 'entries' | 'register' | 'reports' | 'settings' | 'fixes';

export const screens: readonly { id: Screen; labelTh: string }[] = [
  { id: 'receipt', labelTh: 'ใบเสร็จรับเงิน' },
  { id: 'deposit', labelTh: 'นำฝาก' },
  { id: 'payment', labelTh: 'ฎีกา' },
  { id: 'budget', labelTh: 'งบประมาณ' },
  { id: 'journal', labelTh: 'ใบผ่านรายการ' },
  { id: 'backfill', labelTh: 'ลงย้อนหลัง' },
  { id: 'entries', labelTh: 'รายการทั้งหมด' },
  { id: 'register', labelTh: 'ทะเบียนงบประมาณ' },
  { id: 'reports', labelTh: 'รายงาน' },
  { id: 'settings', labelTh: 'ตั้งค่า' },
  // Last, so the Alt+1…9 keys of the other screens stay as they were; its count makes it seen.
  { id: 'fixes', labelTh: 'รายการที่ต้องแก้ไข' },
];

/** The screen named by an address hash, or the receipt form. */
export function screenOfHash(hash: string): Screen {
  const id = hash.replace(/^#\/?/, '');
  return screens.find((s) => s.id === id)?.id ?? 'receipt';
}

/** The current screen and the way to another, following the address hash. */
export function useScreen(): [Screen, (screen: Screen) => void] {
  const [screen, setScreen] = useState<Screen>(() => screenOfHash(location.hash));
  useEffect(() => {
    const follow = () => setScreen(screenOfHash(location.hash));
    window.addEventListener('hashchange', follow);
    const keys = (e: KeyboardEvent) => {
      const n = Number(e.key);
      if (!e.altKey || e.ctrlKey || e.metaKey || !Number.isInteger(n) || n < 1 || n > screens.length) return;
      e.preventDefault();
      location.hash = screens[n - 1]!.id;
    };
    window.addEventListener('keydown', keys);
    return () => {
      window.removeEventListener('hashchange', follow);
      window.removeEventListener('keydown', keys);
    };
  }, []);
  const go = (next: Screen) => {
    if (location.hash !== `#${next}`) location.hash = next;
    setScreen(next);
  };
  return [screen, go];
}

export interface NavProps {
  screen: Screen;
  go: (screen: Screen) => void;
  /** A count shown on a screen's item while above 0 (refused entries still to fix). */
  counts?: Partial<Record<Screen, number>>;
}

export function Nav({ screen, go, counts = {} }: NavProps) {
  return (
    <nav class="app-nav no-print" aria-label="เมนูหลัก">
      <ul class="app-nav-inner">
        {screens.map((s, i) => (
          <li key={s.id} class={i === 6 ? 'app-nav-gap' : undefined}>
            <button
              type="button"
              id={`nav-${s.id}`}
              data-testid={`nav-${s.id}`}
              class="app-nav-item"
              aria-current={s.id === screen ? 'page' : undefined}
              title={i < 9 ? `${s.labelTh} (Alt+${i + 1})` : s.labelTh}
              onClick={() => go(s.id)}
            >
              {s.labelTh}
              {(counts[s.id] ?? 0) > 0 && (
                <span class="nav-count" data-testid={`nav-${s.id}-count`} aria-label={`${counts[s.id]} รายการ`}>
                  {counts[s.id]}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
