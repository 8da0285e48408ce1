import http from 'node:http';
import https from 'node:https';
import { formatViolation, validate } from '../../contracts';
import { attempt, pathSegment } from './attempt';
import type { CallbackRecord, HistoryEntry, OrderRecord } from '../store/order-record';

/** Where one store's callbacks go: its integration's settings (a sandbox has its own). */
interface CallbackTarget {
  /** OmniChat's orders API base, e.g. https://orders-api.omni.chat; no callbacks without it. */
  omnichatApi?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  omnichatToken?: string;
  checkout: 'omni' | 'own';
  /** Base URL of the store itself, for the own-checkout link it serves. */
  publicUrl: string;
}

/** How the server's one sender sends: retries and bounds, the same for every store. */
interface SenderConfig {
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

/** What becomes of a finished callback (its order's history, the dashboard's live stream). */
type CallbackOutcome = (record: OrderRecord, callback: CallbackRecord) => void;

export const DEFAULT_CALLBACK_RETRY = { attempts: 4, baseDelayMs: 500, timeoutMs: 5000 };
/** Default bounds: 16 sockets, 1,000 callbacks waiting. */
export const DEFAULT_CALLBACK_LIMITS = { inFlight: 16, queued: 1000 };

/** The callback a merchant owes OmniChat for a new order: its URL and body, checked against the callback contract. */
function callbackFor(config: CallbackTarget, objectId: string): Pick<CallbackRecord, 'callback' | 'url' | 'body'> {
  const base = (config.omnichatApi ?? '').replace(/\/+$/, '');
  const id = pathSegment(objectId);
  if (config.checkout === 'own') {
    const checkoutUrl = `${config.publicUrl.replace(/\/+$/, '')}/__checkout/${id}`;
    return {
      callback: 'provisions',
      url: `${base}/v2/orders/${id}/provisions`,
      body: { responsible: 'merchant-kit-mock', code: 200, message: 'Order is ready for payment', checkoutUrl },
    };
  }
  return {
    callback: 'statusChange',
    url: `${base}/v2/orders/${id}/statusChange`,
    body: {
      responsible: 'merchant-kit-mock',
      status: 'ORDER_GATEWAY_PROVISIONED',
      message: 'Pedido aprovisionado com sucesso!',
      orderGwId: `MK-${objectId}`,
    },
  };
}

/** The status history entry of a finished callback: its outcome after N attempts, or why it was not sent. */
export function callbackHistoryEntry(callback: CallbackRecord): HistoryEntry {
  const attempts = callback.attempts.length;
  const refused = attempts === 1 && callback.attempts[0].error?.startsWith('not sent') === true;
  return {
    at: new Date().toISOString(),
    event: 'callback',
    status:
      callback.callback === 'statusChange' ? String(callback.body.status) : `provisions ${String(callback.body.code)}`,
    source: 'mock',
    message: refused
      ? (callback.attempts[0].error as string)
      : `${callback.outcome} after ${attempts} attempt${attempts === 1 ? '' : 's'}`,
  };
}

/**
 * Sends callbacks in the background with bounded retries and exponential backoff, recording every
 * attempt in the order. At most `inFlight` attempts run at once and `queued` callbacks wait; a callback
 * past both is recorded on its order as not sent. `idle()` waits for all; `close()` abandons those waiting.
 */
export class CallbackSender {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stop = new AbortController();
  /**
   * Whatever close() must end at once: attempts under way and retry waits. A set, not one listener
   * each on a shared signal: a thousand waiting callbacks would trip MaxListenersExceededWarning.
   */
  private readonly stoppers = new Set<() => void>();
  /** Attempts waiting for a free slot, first come first served. */
  private readonly slotWaiters: (() => void)[] = [];
  private running = 0;
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(private readonly config: SenderConfig) {
    // The agents cap sockets too: a finished attempt's socket may still be open when the next one starts.
    const sockets = { keepAlive: true, maxSockets: config.inFlight, maxTotalSockets: config.inFlight };
    this.agents = { http: new http.Agent(sockets), https: new https.Agent(sockets) };
  }

  /**
   * Starts the callback for a newly accepted order, to the store's `target`, reporting to the store's
   * `onOutcome`: the stores of one server share one sender, so its socket and queue bounds hold for all
   * of them together. Nothing is sent while the target names no OmniChat API.
   */
  start(record: OrderRecord, target: CallbackTarget, onOutcome: CallbackOutcome): void {
    if (target.omnichatApi === undefined || this.stop.signal.aborted) return;
    const callback: CallbackRecord = { ...callbackFor(target, record.objectId), attempts: [], outcome: 'pending' };
    record.callbacks.push(callback);
    const violations = validate(callback.callback, 'request', callback.body);
    const capacity = this.config.inFlight + this.config.queued;
    const refusal =
      violations.length > 0
        ? `body breaks the ${callback.callback} contract: ${formatViolation(violations[0])}`
        : this.inFlight.size >= capacity
          ? `not sent: the callback queue is full (${this.config.inFlight} in flight, ${this.config.queued} waiting); it empties as OmniChat answers or attempts time out`
          : undefined;
    if (refusal !== undefined) {
      callback.outcome = 'failed';
      callback.attempts.push({ at: new Date().toISOString(), error: refusal });
      onOutcome(record, callback);
      return;
    }
    const run = this.deliver(callback, target.omnichatToken).then(() => onOutcome(record, callback));
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  /** Resolves when every callback started so far has finished (delivered, failed or abandoned). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** Abandons pending retries and in-flight requests (server shutdown). */
  async close(): Promise<void> {
    this.stop.abort();
    for (const wake of this.slotWaiters.splice(0)) wake();
    for (const stop of [...this.stoppers]) stop();
    await this.idle();
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private async deliver(callback: CallbackRecord, token: string | undefined): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const payload = JSON.stringify(callback.body);
    const url = new URL(callback.url);
    // The path as built, from the first '/' after the authority, segment encoding intact: the parsed
    // URL's pathname would have turned /orders/%2E%2E/ back into a step up.
    const path = callback.url.slice(callback.url.indexOf('/', callback.url.indexOf('//') + 2));
    for (let n = 0; n < this.config.attempts; n += 1) {
      if (n > 0 && !(await this.sleep(this.config.baseDelayMs * 2 ** (n - 1)))) break;
      if (!(await this.slot())) break;
      const at = new Date().toISOString();
      const stop = new AbortController();
      const abort = (): void => stop.abort();
      this.stoppers.add(abort);
      let result;
      try {
        const common = { url, path, headers, payload, timeoutMs: this.config.timeoutMs, stop: stop.signal };
        result = await attempt({ ...common, agents: this.agents });
      } finally {
        this.stoppers.delete(abort);
        this.release();
      }
      if ('error' in result) callback.attempts.push({ at, error: result.error });
      else {
        callback.attempts.push({ at, status: result.status });
        if (result.status >= 200 && result.status < 300) {
          callback.outcome = 'delivered';
          return;
        }
        // 4xx (other than 408 and 429) will not get better by retrying.
        if (result.status < 500 && result.status !== 408 && result.status !== 429) break;
      }
      if (this.stop.signal.aborted) break;
    }
    callback.outcome = 'failed';
  }

  /** Waits for one of the `inFlight` slots; false when the sender closed meanwhile. */
  private slot(): Promise<boolean> {
    if (this.stop.signal.aborted) return Promise.resolve(false);
    if (this.running < this.config.inFlight) {
      this.running += 1;
      return Promise.resolve(true);
    }
    return new Promise((resolve) =>
      this.slotWaiters.push(() => {
        if (this.stop.signal.aborted) return resolve(false);
        this.running += 1;
        resolve(true);
      }),
    );
  }

  private release(): void {
    this.running -= 1;
    this.slotWaiters.shift()?.();
  }

  /** Waits, or returns false at once when the sender is closed. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.stop.signal.aborted) return resolve(false);
      const wake = (): void => {
        clearTimeout(timer);
        this.stoppers.delete(wake);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.stoppers.delete(wake);
        resolve(true);
      }, ms);
      this.stoppers.add(wake);
    });
  }
}
