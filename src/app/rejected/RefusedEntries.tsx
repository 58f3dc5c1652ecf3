/**
 * รายการที่ต้องแก้ไข: one card per entry the server refused (ถูกปฏิเสธ) or holds other content for
 * (ข้อมูลไม่ตรงกับเซิร์ฟเวอร์), newest first: what it is, the server's reason, what it means for this
 * PC's books, and the fixes the rules allow (fixes.ts) — a new entry on the kind's form, pre-filled
 * from the refused one, or a new cancel of the original of a refused cancel. Never an edit: the
 * refused entry stays exactly as recorded, and its card says which new entry fixed it and where that
 * one stands with the server.
 */
import { useState } from 'preact/hooks';
import { entryKindNamesTh } from '../../domain/entry';
import { formatBaht } from '../../domain/money';
import { formatBeDate } from '../../domain/thaiDate';
import type { RefusedEntry, SamutDb, StoredEntry } from '../../store';
import { CancelForm } from '../CancelForm';
import { entryAmountSatang, entryRefTh, syncStateTh } from '../entryLabels';
import type { LiveResult } from '../useLiveQuery';
import { fixPlanOf, type FixPlan } from './fixes';
import './rejected.css';

export interface RefusedEntriesProps {
  db: SamutDb;
  refused: LiveResult<RefusedEntry[]>;
  /** Opens the kind's form to record the corrected entry. */
  onCorrect: (entry: StoredEntry) => void;
  /** A new cancel was stored (the app asks the sync engine to send it). */
  onRecorded: (entry: StoredEntry) => void;
}

const statusTh: Record<FixPlan['status'], string> = { open: 'ต้องแก้ไข', fixed: 'แก้ไขแล้ว', 'nothing-to-do': 'ไม่ต้องแก้ไข' };

export function RefusedEntries({ db, refused, onCorrect, onRecorded }: RefusedEntriesProps) {
  const [cancelling, setCancelling] = useState<string | undefined>(undefined);
  const items = refused.status === 'ready' ? refused.value : [];
  return (
    <section class="card" aria-labelledby="refused-title">
      <div class="card-head">
        <h2 id="refused-title">รายการที่ต้องแก้ไข</h2>
      </div>
      <p class="muted form-lead">
        รายการที่เซิร์ฟเวอร์ไม่รับ ไม่นับในบัญชีของเครื่องนี้ และแก้ไขหรือลบไม่ได้ (รายการคงอยู่เป็นหลักฐาน) — แก้ได้ด้วยการบันทึกรายการใหม่ที่ถูกต้อง
        หรือบันทึกการยกเลิกใหม่ ตามที่แต่ละรายการแนะนำ
      </p>
      {refused.status === 'loading' && <p class="muted">กำลังอ่านข้อมูล…</p>}
      {refused.status === 'failed' && <p class="notice notice--error">{refused.messageTh}</p>}
      {refused.status === 'ready' && items.length === 0 && (
        <p class="notice notice--ok" data-testid="refused-none">
          ไม่มีรายการที่เซิร์ฟเวอร์ปฏิเสธ
        </p>
      )}
      <ol class="refused-list">
        {items.map((item) => (
          <RefusedCard
            key={item.entry.id}
            db={db}
            item={item}
            cancelling={cancelling === item.entry.id}
            onToggleCancel={() => setCancelling(cancelling === item.entry.id ? undefined : item.entry.id)}
            onCorrect={onCorrect}
            onRecorded={(e) => {
              setCancelling(undefined);
              onRecorded(e);
            }}
          />
        ))}
      </ol>
    </section>
  );
}

interface RefusedCardProps {
  db: SamutDb;
  item: RefusedEntry;
  cancelling: boolean;
  onToggleCancel: () => void;
  onCorrect: (entry: StoredEntry) => void;
  onRecorded: (entry: StoredEntry) => void;
}

function RefusedCard({ db, item, cancelling, onToggleCancel, onCorrect, onRecorded }: RefusedCardProps) {
  const { entry, cancelTarget } = item;
  const plan = fixPlanOf(item);
  const amount = entryAmountSatang(entry, cancelTarget);
  const name = entryKindNamesTh[entry.kind];
  const ref = entry.kind === 'cancel' && cancelTarget ? `ยกเลิก${entryKindNamesTh[cancelTarget.kind]} ${entryRefTh(cancelTarget)}` : entryRefTh(entry);
  return (
    <li
      class={`refused-card refused-card--${plan.status}`}
      data-testid="refused-card"
      data-entry-id={entry.id}
      data-state={entry.state}
      data-status={plan.status}
      data-hash={entry.hash}
    >
      <div class="refused-head">
        <p class="refused-title">
          <strong>{name}</strong> {ref} · ลงวันที่ {formatBeDate(entry.date)}
          {amount !== undefined && <> · {formatBaht(amount)} บาท</>}
        </p>
        <span class={`state state--${entry.state}`} data-testid="refused-state">
          {plan.stateTh}
        </span>
        <span class={`tag refused-status refused-status--${plan.status}`} data-testid="refused-status">
          {statusTh[plan.status]}
        </span>
      </div>
      <dl class="refused-facts">
        <dt>เหตุผลจากเซิร์ฟเวอร์</dt>
        <dd data-testid="refused-reason">{entry.syncMessage ?? 'เซิร์ฟเวอร์ไม่ได้แจ้งเหตุผล'}</dd>
        <dt>ผลต่อบัญชี</dt>
        <dd data-testid="refused-books">{plan.booksTh}</dd>
        {entry.state === 'conflict' && (
          <>
            <dt>ฉบับในเครื่องนี้</dt>
            <dd data-testid="refused-conflict">
              รหัสรายการ <code>{entry.id}</code> · ค่าแฮช <code title={entry.hash}>{entry.hash.slice(0, 16)}…</code> — เซิร์ฟเวอร์เก็บเนื้อหาอื่นไว้ภายใต้รหัสนี้
              และไม่ถูกเขียนทับด้วยฉบับนี้
            </dd>
          </>
        )}
        {item.corrections.length > 0 && (
          <>
            <dt>รายการที่บันทึกแก้ไข</dt>
            <dd>
              <ul class="refused-corrections">
                {item.corrections.map((c) => (
                  <li key={c.id} data-testid="refused-corrected-by" data-entry-id={c.id} data-state={c.state}>
                    แก้ไขแล้วด้วยรายการ {entryKindNamesTh[c.kind]} {entryRefTh(c)} ลงวันที่ {formatBeDate(c.date)} — {syncStateTh(c)}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>ควรทำอย่างไร</dt>
        <dd data-testid="refused-advice">{plan.adviceTh}</dd>
      </dl>
      {plan.actions.length > 0 && (
        <div class="refused-actions">
          {plan.actions.map((action) =>
            action.kind === 'record-anew' ? (
              <button key="anew" type="button" class="button-primary" data-testid="refused-record-anew" onClick={() => onCorrect(entry)}>
                บันทึกรายการใหม่ที่ถูกต้อง
                {action.prefilled ? '' : ' (กรอกใหม่)'}
              </button>
            ) : (
              <button key="cancel" type="button" class="button-quiet" data-testid="refused-cancel-original" aria-expanded={cancelling} onClick={onToggleCancel}>
                ยกเลิก{cancelTarget ? entryKindNamesTh[cancelTarget.kind] : 'รายการ'}เดิมอีกครั้ง…
              </button>
            ),
          )}
        </div>
      )}
      {cancelling && cancelTarget && (
        <CancelForm db={db} target={cancelTarget} correcting={{ entry, onCorrected: () => undefined }} onClose={onToggleCancel} onRecorded={onRecorded} />
      )}
    </li>
  );
}
