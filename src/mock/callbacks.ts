import { formatViolation, validate } from '../contracts';
import type { CallbackRecord, OrderRecord } from './order-store';

/** Where and how the mock calls OmniChat back after accepting an order. */
export interface CallbackConfig {
  /** OmniChat's orders API base, e.g. https://orders-api.omni.chat; no callbacks without it. */
  omnichatApi?: string;
  /** Sent as `Authorization: Bearer <token>`. */
  omnichatToken?: string;
  checkout: 'omni' | 'own';
  /** Base URL of the mock itself, for the own-checkout link it serves. */
  publicUrl: string;
  /** Attempts per callback (first try included). */
  attempts: number;
  /** Delay before the first retry; doubled before each next one. */
  baseDelayMs: number;
  /** Per-attempt timeout (OmniChat's own budget is 5 s). */
  timeoutMs: number;
}

export const DEFAULT_CALLBACK_RETRY = { attempts: 4, baseDelayMs: 500, timeoutMs: 5000 };

/** The callback a merchant owes OmniChat for a new order: its URL and body, checked against the callback contract. */
export function callbackFor(
  config: CallbackConfig,
  objectId: string,
): Pick<CallbackRecord, 'callback' | 'url' | 'body'> {
  const base = (config.omnichatApi ?? '').replace(/\/+$/, '');
  const id = encodeURIComponent(objectId);
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

/**
 * Sends callbacks in the background with bounded retries and exponential backoff, recording every
 * attempt in the order. `idle()` waits for all of them; `close()` abandons those still waiting.
 */
export class CallbackSender {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stop = new AbortController();

  constructor(
    private readonly config: CallbackConfig,
    private readonly onOutcome: (record: OrderRecord, callback: CallbackRecord) => void = () => undefined,
  ) {}

  /** True when callbacks are configured (an OmniChat API URL was given). */
  get enabled(): boolean {
    return this.config.omnichatApi !== undefined;
  }

  /** Starts the callback for a newly accepted order. */
  start(record: OrderRecord): void {
    if (!this.enabled || this.stop.signal.aborted) return;
    const callback: CallbackRecord = { ...callbackFor(this.config, record.objectId), attempts: [], outcome: 'pending' };
    record.callbacks.push(callback);
    const violations = validate(callback.callback, 'request', callback.body);
    if (violations.length > 0) {
      callback.outcome = 'failed';
      callback.attempts.push({
        at: new Date().toISOString(),
        error: `body breaks the ${callback.callback} contract: ${formatViolation(violations[0])}`,
      });
      this.onOutcome(record, callback);
      return;
    }
    const run = this.deliver(callback).then(() => this.onOutcome(record, callback));
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
    await this.idle();
  }

  private async deliver(callback: CallbackRecord): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.config.omnichatToken) headers.authorization = `Bearer ${this.config.omnichatToken}`;
    const payload = JSON.stringify(callback.body);
    for (let attempt = 0; attempt < this.config.attempts; attempt += 1) {
      if (attempt > 0 && !(await this.sleep(this.config.baseDelayMs * 2 ** (attempt - 1)))) break;
      const at = new Date().toISOString();
      try {
        const signal = AbortSignal.any([this.stop.signal, AbortSignal.timeout(this.config.timeoutMs)]);
        const response = await fetch(callback.url, {
          method: 'POST',
          headers,
          body: payload,
          signal,
          redirect: 'manual',
        });
        await response.arrayBuffer().catch(() => undefined);
        callback.attempts.push({ at, status: response.status });
        if (response.ok) {
          callback.outcome = 'delivered';
          return;
        }
        // 4xx (other than 408 and 429) will not get better by retrying.
        if (response.status < 500 && response.status !== 408 && response.status !== 429) break;
      } catch (error) {
        callback.attempts.push({ at, error: describeFetchError(error) });
      }
      if (this.stop.signal.aborted) break;
    }
    callback.outcome = 'failed';
  }

  /** Waits, or returns false at once when the sender is closed. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.stop.signal.aborted) return resolve(false);
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.stop.signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      this.stop.signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

function describeFetchError(error: unknown): string {
  // Duck-typed: fetch's errors may come from another realm (jest's vm), where instanceof Error is false.
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e.name === 'TimeoutError') return 'timed out';
  if (e.name === 'AbortError') return 'abandoned at shutdown';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(error);
}
