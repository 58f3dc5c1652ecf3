/**
 * Which entries are cancelled (ยกเลิก), and the originals of cancels, as a report needs them. A cancel may
 * be dated after the period (the receipt is still marked ยกเลิก: its number is void) or its original
 * before it (the cancel's row still names the original's document): the store knows both from its
 * cancellations cache and hands them in; whatever the period's own entries say is added.
 */
import type { Entry } from '../entry';

export interface Cancellations {
  /** Ids of entries a cancel reversed, whenever the cancel is dated. */
  cancelledIds: ReadonlySet<string>;
  /** Originals of cancels, by id: to name a cancel's document when its original lies outside the period. */
  targets: ReadonlyMap<string, Entry>;
}

/**
 * What `entries` say of cancellations, with what the store knows beyond them.
 * @example cancellationsOf(dayEntries, { cancelledIds: new Set(store.cancelledIds) })
 */
export function cancellationsOf(entries: readonly Entry[], known: Partial<Cancellations> = {}): Cancellations {
  const cancelledIds = new Set(known.cancelledIds ?? []);
  const byId = new Map<string, Entry>(known.targets ?? []);
  for (const e of entries) byId.set(e.id, e);
  const targets = new Map<string, Entry>();
  for (const e of entries) {
    if (e.kind !== 'cancel') continue;
    cancelledIds.add(e.doc.targetId);
    const t = byId.get(e.doc.targetId);
    if (t) targets.set(t.id, t);
  }
  for (const [id, t] of known.targets ?? []) targets.set(id, t);
  return { cancelledIds, targets };
}

/** The original a cancel reverses, when known. */
export function targetOf(entry: Entry, c: Cancellations): Entry | undefined {
  return entry.kind === 'cancel' ? c.targets.get(entry.doc.targetId) : undefined;
}
