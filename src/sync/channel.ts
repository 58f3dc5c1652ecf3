/**
 * Progress of the sync runner, broadcast to every open page (BroadcastChannel 'samut-sync'), wherever
 * the drain runs: the service worker or a page. Messages are validated on receipt: a page of a newer
 * or older version of Samut may share the channel during an update.
 */
import { z } from 'zod';

export const syncChannelName = 'samut-sync';

/**
 * How a drain run ended, as pages see it: the drain's own outcomes (src/sync/drain.ts), plus `busy`
 * (another tab or the service worker holds the sync lock and will report itself) and `failed` (the
 * PC's own database failed while storing answers; the entries stay pending).
 */
export const drainFinishedOutcomes = [
  'drained',
  'backing-off',
  'auth-failed',
  'not-enrolled',
  'busy',
  'refused',
  'incomplete',
  'failed',
] as const;
export type DrainFinishedOutcome = (typeof drainFinishedOutcomes)[number];

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const syncMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('drain-started') }),
  z.object({ type: z.literal('progress'), sent: count, total: count }),
  z.object({
    type: z.literal('drain-finished'),
    outcome: z.enum(drainFinishedOutcomes),
    posted: count,
    rejected: count,
    conflicts: count,
    pending: count,
    nextAttemptAtMs: count.optional(),
    messageTh: z.string().max(2000).optional(),
  }),
]);

/** One message on the sync channel. */
export type SyncMessage = z.infer<typeof syncMessageSchema>;
/** The last message of a drain run. */
export type DrainFinished = Extract<SyncMessage, { type: 'drain-finished' }>;

/** A sender on the sync channel; a no-op where BroadcastChannel does not exist. */
export interface SyncBroadcaster {
  post(message: SyncMessage): void;
  close(): void;
}

/** Opens a sender for one drain run. */
export function openSyncBroadcaster(): SyncBroadcaster {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, close() {} };
  const channel = new BroadcastChannel(syncChannelName);
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}

/**
 * Calls `handler` with every valid message on the sync channel; returns the unsubscribe function.
 * @example const stop = onSyncMessage((m) => { if (m.type === 'drain-finished') setStatus(m) });
 */
export function onSyncMessage(handler: (message: SyncMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(syncChannelName);
  channel.onmessage = (event: MessageEvent) => {
    const parsed = syncMessageSchema.safeParse(event.data);
    if (parsed.success) handler(parsed.data);
  };
  return () => channel.close();
}
