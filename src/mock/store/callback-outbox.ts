import type { CallbackAttempt, CallbackRecord } from './order-record';

/** A callback to queue with its order: where it goes and what it says, built from the store's settings. */
export interface CallbackRequest {
  callback: CallbackRecord['callback'];
  url: string;
  body: Record<string, unknown>;
  /** Sent as `Authorization: Bearer <token>`; kept with the queued callback, never in the order's record. */
  token?: string;
  /** Why it must not be sent (its body breaks the callback contract): recorded as a failed attempt. */
  refusal?: string;
}

/** A callback taken from the outbox to attempt now. */
export interface DueCallback {
  /** The outbox's own id for it. */
  id: number;
  sandbox: string;
  objectId: string;
  url: string;
  body: Record<string, unknown>;
  token?: string;
  /** Attempts made before this one. */
  attempts: number;
}

/** What follows an attempt: another one at `retryAt` (ms since the epoch), or the end. */
export type AttemptFollowUp = { retryAt: number } | { outcome: 'delivered' | 'failed' };

/**
 * Callbacks owed to OmniChat, in the store: queued with their order, taken by one worker at a time
 * (PostgreSQL: `FOR UPDATE SKIP LOCKED` and a lease, so replicas never send one twice), each attempt
 * and the outcome recorded in the order's callbacks and history.
 */
export interface CallbackOutbox {
  /** Whether queued callbacks outlive this process (then an attempt cut short by shutdown is left for later). */
  readonly durable: boolean;
  /** Takes up to `limit` callbacks due at `now` that no worker holds. */
  claim(limit: number, now: number): Promise<DueCallback[]>;
  /** Records an attempt and what follows it; the last one adds the outcome to the order's history. */
  settle(due: DueCallback, attempt: CallbackAttempt, next: AttemptFollowUp): Promise<void>;
  /** Gives a taken callback back unattempted (shutdown): a durable outbox keeps it for the next worker. */
  release(due: DueCallback): Promise<void>;
  /** When the next queued callback is due (ms since the epoch); undefined when none is queued. */
  nextDue(): Promise<number | undefined>;
  /** Callbacks queued and not finished (of one store, or of all). */
  pending(sandbox?: string): Promise<number>;
  /** Calls `listener` when a callback is queued (another replica's too, for a durable outbox). */
  onQueued(listener: () => void): () => void;
}

/** The history message of a callback that was never attempted because the queue was full. */
export function queueFullMessage(inFlight: number, queued: number): string {
  return `not sent: the callback queue is full (${inFlight} in flight, ${queued} waiting); it empties as OmniChat answers or attempts time out`;
}
