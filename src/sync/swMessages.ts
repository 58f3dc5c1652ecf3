/**
 * Messages from pages to the service worker, validated there: a page of another version may be open
 * during an update, and a message is input like any other.
 */
import { z } from 'zod';

/** Why a page asks for a drain (for logs and tests; every reason drains the same way). */
export const syncReasonSchema = z.enum(['entry', 'start', 'online', 'timer']);
export type SyncReason = z.infer<typeof syncReasonSchema>;

export const swMessageSchema = z.discriminatedUnion('type', [
  /** Activate the waiting service worker now (the page offers "update" and then reloads). */
  z.object({ type: z.literal('SKIP_WAITING') }),
  /** Drain the queue now. */
  z.object({ type: z.literal('SYNC_NOW'), reason: syncReasonSchema.optional() }),
]);
export type SwMessage = z.infer<typeof swMessageSchema>;

/** The Background Sync tag under which pages ask the browser to wake the worker when online. */
export const backgroundSyncTag = 'samut-drain';
