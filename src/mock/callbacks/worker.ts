import http from 'node:http';
import https from 'node:https';
import type { AttemptFollowUp, CallbackOutbox, DueCallback } from '../store/callback-outbox';
import type { CallbackAttempt } from '../store/order-record';
import { attempt } from './attempt';

/** How the server's one worker sends: retries and bounds, the same for every store. */
export interface SenderConfig {
  /** Attempts per callback (first try included). */
  attempts: number;
  /** Delay before the first retry; doubled before each next one. */
  baseDelayMs: number;
  /** Per-attempt timeout (OmniChat's own budget is 5 s). */
  timeoutMs: number;
  /** Attempts under way at once, so sockets to OmniChat at most. */
  inFlight: number;
  /** Callbacks waiting for a socket or for their next retry; past this, a new callback is not sent. */
  queued: number;
}

export const DEFAULT_CALLBACK_RETRY = { attempts: 4, baseDelayMs: 500, timeoutMs: 5000 };
/** Default bounds: 16 sockets, 1,000 callbacks waiting. */
export const DEFAULT_CALLBACK_LIMITS = { inFlight: 16, queued: 1000 };
/** How often a worker looks at a durable outbox unprompted: callbacks another replica left when it stopped. */
const DURABLE_POLL_MS = 1000;

/**
 * Sends the callbacks queued in the store's outbox to OmniChat, at most `inFlight` at once, with
 * bounded retries and exponential backoff; every attempt and the outcome go back to the store, which
 * records them in the order. It takes work when a callback is queued, when a retry falls due, and (for
 * a durable outbox, which other replicas share) every second.
 */
export class CallbackWorker {
  private running = 0;
  private readonly stop = new AbortController();
  /** Aborts the attempts under way (close()). A set, not a listener each on one signal: hundreds may run. */
  private readonly stoppers = new Set<() => void>();
  private readonly agents: { http: http.Agent; https: https.Agent };
  private readonly unwatch: () => void;
  private timer: NodeJS.Timeout | undefined;
  private pumping = false;
  private again = false;
  /** Counts every finished attempt and every look at the outbox; idle() waits for it to move. */
  private progress = 0;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly outbox: CallbackOutbox,
    private readonly config: SenderConfig,
  ) {
    // The agents cap sockets too: a finished attempt's socket may still be open when the next one starts.
    const sockets = { keepAlive: true, maxSockets: config.inFlight, maxTotalSockets: config.inFlight };
    this.agents = { http: new http.Agent(sockets), https: new https.Agent(sockets) };
    this.unwatch = outbox.onQueued(() => this.wake());
    // Callbacks queued before this replica started (or left by one that stopped) are due now.
    if (outbox.durable) this.wake();
  }

  /** Looks for callbacks to send now (a callback was queued, or a retry fell due). */
  wake(): void {
    if (this.stop.signal.aborted) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    void this.pump();
  }

  /** Resolves when no callback is under way here and none waits in the outbox (delivered, failed or abandoned). */
  async idle(): Promise<void> {
    for (;;) {
      const seen = this.progress;
      if (this.running === 0 && (this.stop.signal.aborted || (await this.outbox.pending()) === 0)) return;
      if (this.progress !== seen) continue;
      await new Promise<void>((resolve) => this.waiters.add(resolve));
    }
  }

  /** Stops taking work and abandons the attempts under way (server shutdown). */
  async close(): Promise<void> {
    this.stop.abort();
    this.unwatch();
    if (this.timer) clearTimeout(this.timer);
    for (const stop of [...this.stoppers]) stop();
    while (this.running > 0) await new Promise<void>((resolve) => this.waiters.add(resolve));
    this.moved();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private async pump(): Promise<void> {
    this.pumping = true;
    try {
      do {
        this.again = false;
        while (!this.stop.signal.aborted && this.running < this.config.inFlight) {
          const due = await this.outbox.claim(this.config.inFlight - this.running, Date.now());
          if (due.length === 0) break;
          for (const callback of due) this.start(callback);
        }
        await this.schedule();
      } while (this.again && !this.stop.signal.aborted);
    } catch {
      // The store could not be reached (a database restarting): look again a little later.
      this.later(DURABLE_POLL_MS);
    } finally {
      this.pumping = false;
      this.moved();
    }
  }

  /** Sets the one timer for the next due callback (or the next look at a durable outbox). */
  private async schedule(): Promise<void> {
    const next = await this.outbox.nextDue();
    if (next === undefined) {
      if (this.outbox.durable) this.later(DURABLE_POLL_MS);
      else if (this.timer) clearTimeout(this.timer);
      return;
    }
    const wait = Math.max(0, next - Date.now());
    this.later(this.outbox.durable ? Math.min(wait, DURABLE_POLL_MS) : wait);
  }

  private later(ms: number): void {
    if (this.stop.signal.aborted) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), ms);
    // A durable outbox is looked at forever: that timer alone must not keep the process up.
    if (this.outbox.durable) this.timer.unref();
  }

  private start(due: DueCallback): void {
    this.running += 1;
    void this.deliver(due)
      .catch(() => undefined)
      .finally(() => {
        this.running -= 1;
        this.moved();
        this.wake();
      });
  }

  private async deliver(due: DueCallback): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (due.token) headers.authorization = `Bearer ${due.token}`;
    const payload = JSON.stringify(due.body);
    // The path as built, from the first '/' after the authority, segment encoding intact: the parsed
    // URL's pathname would have turned /orders/%2E%2E/ back into a step up.
    const path = due.url.slice(due.url.indexOf('/', due.url.indexOf('//') + 2));
    const at = new Date().toISOString();
    const stop = new AbortController();
    const abort = (): void => stop.abort();
    this.stoppers.add(abort);
    let result;
    try {
      const common = { url: new URL(due.url), path, headers, payload, timeoutMs: this.config.timeoutMs };
      result = await attempt({ ...common, stop: stop.signal, agents: this.agents });
    } finally {
      this.stoppers.delete(abort);
    }
    if ('error' in result && this.stop.signal.aborted && this.outbox.durable) {
      // Cut short by shutdown: the next replica (or this one, restarted) makes the attempt again.
      await this.outbox.release(due);
      return;
    }
    const made: CallbackAttempt = 'error' in result ? { at, error: result.error } : { at, status: result.status };
    await this.outbox.settle(due, made, this.followUp(due, result));
  }

  /** Delivered on a 2xx; failed on another 4xx (but 408 and 429), after the last attempt, or at shutdown; else a retry. */
  private followUp(due: DueCallback, result: { status: number } | { error: string }): AttemptFollowUp {
    const made = due.attempts + 1;
    if ('status' in result && result.status >= 200 && result.status < 300) return { outcome: 'delivered' };
    // 4xx (other than 408 and 429) will not get better by retrying.
    const final = 'status' in result && result.status < 500 && result.status !== 408 && result.status !== 429;
    if (final || made >= this.config.attempts || this.stop.signal.aborted) return { outcome: 'failed' };
    return { retryAt: Date.now() + this.config.baseDelayMs * 2 ** (made - 1) };
  }

  private moved(): void {
    this.progress += 1;
    for (const wake of [...this.waiters]) wake();
    this.waiters.clear();
  }
}
