/**
 * The drain loop's view of the network: one function that sends one batch and says what happened as
 * a named outcome. It never throws for an expected failure, so the loop's decisions are explicit
 * data, and tests swap in an in-memory server without any HTTP.
 */
import type { PushRequest, PushResponse } from './protocol';

/** What became of one push. */
export type PushOutcome =
  /** The server committed and answered per entry (validated again by the drain before use). */
  | { kind: 'answered'; response: PushResponse }
  /** Try again later: network down, timeout, 5xx, 503/429 overload (with the server's Retry-After). */
  | { kind: 'retry'; retryAfterMs?: number; messageTh: string }
  /** 401/403: the device token is no longer accepted; the officer must enrol again. */
  | { kind: 'auth-failed'; messageTh: string }
  /** 400/413/415…: the server refuses the request itself. A bug on one side: stop, do not spin. */
  | { kind: 'refused'; status: number; messageTh: string };

/** Sends one batch. */
export type PushClient = (req: PushRequest) => Promise<PushOutcome>;
