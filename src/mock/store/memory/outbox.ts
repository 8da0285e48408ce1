import type { AttemptFollowUp, CallbackOutbox, CallbackRequest, DueCallback } from '../callback-outbox';
import { queueFullMessage } from '../callback-outbox';
import { callbackHistoryEntry } from '../order-history';
import type { CallbackAttempt, CallbackRecord, HistoryEntry, OrderRecord } from '../order-record';

/** Where a queued callback reports: its order's record and the store that keeps it. */
export interface CallbackOwner {
  sandbox: string;
  record: OrderRecord;
  /** Appends to the order's history and recounts what the order holds. */
  addHistory(record: OrderRecord, entry: HistoryEntry): void;
}

interface Queued {
  id: number;
  owner: CallbackOwner;
  callback: CallbackRecord;
  token?: string;
  dueAt: number;
  taken: boolean;
}

/** Bounds of the outbox: attempts at once and callbacks waiting (for a slot or a retry). */
interface OutboxLimits {
  inFlight: number;
  queued: number;
}

/**
 * The memory store's callback outbox: callbacks queued in this process, at most `inFlight + queued`
 * at once (past that a new one is recorded as not sent). Nothing survives the process: at shutdown
 * the callbacks still queued end as failed.
 */
export class MemoryOutbox implements CallbackOutbox {
  readonly durable = false;
  private readonly queue = new Map<number, Queued>();
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly limits: OutboxLimits,
    /** Told when a callback's outcome is recorded (the dashboard's `order` event). */
    private readonly onOutcome: (sandbox: string, objectId: string) => void,
  ) {}

  /** Queues a new callback on its order (recording at once why it is not sent, when it is not). */
  enqueue(owner: CallbackOwner, request: CallbackRequest, now = Date.now()): void {
    const { callback: kind, url, body } = request;
    const callback: CallbackRecord = { callback: kind, url, body, attempts: [], outcome: 'pending' };
    owner.record.callbacks.push(callback);
    const refusal =
      request.refusal ??
      (this.queue.size >= this.limits.inFlight + this.limits.queued
        ? queueFullMessage(this.limits.inFlight, this.limits.queued)
        : undefined);
    if (refusal !== undefined) {
      callback.outcome = 'failed';
      callback.attempts.push({ at: new Date(now).toISOString(), error: refusal });
      this.finish(owner, callback);
      return;
    }
    const id = this.nextId;
    this.nextId += 1;
    this.queue.set(id, { id, owner, callback, token: request.token, dueAt: now, taken: false });
    for (const listener of [...this.listeners]) listener();
  }

  /** Whether this order has a callback still queued or under way. */
  hasPending(record: OrderRecord): boolean {
    return record.callbacks.some((c) => c.outcome === 'pending');
  }

  claim(limit: number, now: number): Promise<DueCallback[]> {
    const due: DueCallback[] = [];
    // Oldest first: a Map iterates in insertion order, and a retry keeps its place.
    for (const item of this.queue.values()) {
      if (due.length >= limit) break;
      if (item.taken || item.dueAt > now) continue;
      item.taken = true;
      due.push({
        id: item.id,
        sandbox: item.owner.sandbox,
        objectId: item.owner.record.objectId,
        url: item.callback.url,
        body: item.callback.body,
        token: item.token,
        attempts: item.callback.attempts.length,
      });
    }
    return Promise.resolve(due);
  }

  settle(due: DueCallback, attempt: CallbackAttempt, next: AttemptFollowUp): Promise<void> {
    const item = this.queue.get(due.id);
    if (item === undefined) return Promise.resolve();
    item.callback.attempts.push(attempt);
    if ('retryAt' in next) {
      item.taken = false;
      item.dueAt = next.retryAt;
    } else {
      this.queue.delete(due.id);
      item.callback.outcome = next.outcome;
      this.finish(item.owner, item.callback);
    }
    return Promise.resolve();
  }

  release(due: DueCallback): Promise<void> {
    // Nothing outlives this process: a callback cut short by shutdown has failed.
    const item = this.queue.get(due.id);
    if (item !== undefined) {
      this.queue.delete(due.id);
      item.callback.outcome = 'failed';
      this.finish(item.owner, item.callback);
    }
    return Promise.resolve();
  }

  nextDue(): Promise<number | undefined> {
    let next: number | undefined;
    for (const item of this.queue.values())
      if (!item.taken && (next === undefined || item.dueAt < next)) next = item.dueAt;
    return Promise.resolve(next);
  }

  pending(sandbox?: string): Promise<number> {
    if (sandbox === undefined) return Promise.resolve(this.queue.size);
    let count = 0;
    for (const item of this.queue.values()) if (item.owner.sandbox === sandbox) count += 1;
    return Promise.resolve(count);
  }

  onQueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ends every callback still waiting (shutdown): each is recorded as failed. */
  abandonWaiting(): void {
    for (const item of [...this.queue.values()]) {
      if (item.taken) continue;
      this.queue.delete(item.id);
      item.callback.outcome = 'failed';
      this.finish(item.owner, item.callback);
    }
  }

  private finish(owner: CallbackOwner, callback: CallbackRecord): void {
    owner.addHistory(owner.record, callbackHistoryEntry(callback));
    this.onOutcome(owner.sandbox, owner.record.objectId);
  }
}
