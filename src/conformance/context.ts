import { setImmediate as nextTurn } from 'node:timers/promises';
import type { OperationId } from '../contracts';
import type { CallbackReceiver } from './callbacks/receiver';
import { realClock, type Clock } from './clock';
import type { Explorer } from './explorer/explorer';
import type { RunConfig } from './config/run-config';
import { exchange, isSuccess, type Exchange } from './exchange';
import { secretForms, type SecretForm } from '../common/secrets';
import type { Lang } from '../common/i18n';
import { translatorFor, type T } from './i18n';
import { Limiter } from './limiter';
import type { Verdict } from './outcome';
import { none, ok, type Cause, type Result } from './result';
import { testOrderId, type FoundProduct, type ProductVariant } from './test-data';

/** An answer this long (1 MB of text) makes the rest of the run ask one request at a time. */
const LARGE_ANSWER_CHARS = 1024 * 1024;
/** Field coverage looks at this many distinct products at most: enough for shares, bounded in memory. */
const MAX_SEEN_PRODUCTS = 500;

/** How a check asks for a request to one operation's URL. */
interface CallSpec {
  /** Query parameters added to the configured URL (productSearch). */
  query?: Record<string, string>;
  /** A JSON body (the POST operations). */
  body?: unknown;
}

/**
 * How the explorer's requests differ from the checks': they wait behind the checks' requests for a
 * free slot, and are neither timed with the operation's (within-time-budget judges the checks'
 * requests) nor counted as in flight (a CANCELLED notification waits only for the checks' own).
 */
export interface CallMode {
  explorer?: boolean;
}

/** A test order the run sent to orderCreation: cancelled at the end unless the run cancelled it already. */
export interface SentOrder {
  payload: Record<string, unknown>;
  id: string;
  /** When it was sent (the run's clock): a callback before that is about an earlier order with the same id. */
  sentAt: number;
  /** When orderCreation answered it (the run's clock): callbacks are timed from there. */
  answeredAt: number;
  /** The merchant answered 2xx. */
  accepted: boolean;
  cancelled: boolean;
}

/** The objectId of an order body, when it has one. */
function orderIdOf(body: string | undefined): string | undefined {
  try {
    const id = (JSON.parse(body ?? 'null') as { objectId?: unknown } | null)?.objectId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** What the context needs besides the config; every field has a default. */
interface ContextOptions {
  /** The stand-in for OmniChat's orders API, when callbacks are checked. */
  callbacks?: CallbackReceiver;
  /** How long a callback may take after the order was answered (10 s, as the issue asks; tests shorten it). */
  callbackWaitMs?: number;
  /** The shortest wait for a second callback after the repeated order (docs/verify.md; tests shorten it). */
  callbackGraceMs?: number;
  /** The language of every text the checks write (default English). */
  lang?: Lang;
  /** The run's clock (a test's clock can jump); the receiver's must be the same. */
  clock?: Clock;
}

/** What the run has learnt so far and how to talk to the merchant; shared by every check. */
export class RunContext {
  /** Every exchange of the running operation (bodies dropped), for within-time-budget. */
  readonly exchanges = new Map<OperationId, Exchange[]>();
  /** verify's texts in the run's language: every message a check builds goes through it. */
  readonly t: T;
  /** Products the TEXT search found, or why there are none. */
  products: Result<FoundProduct[]>;
  /** The objectIds of the first search answer, in its order (the explorer pages through the same list). */
  firstPage: string[] = [];
  /** Set when the first search answer breaks its contract: what the runner could not read out of it is that finding's consequence. */
  catalogueCause?: Cause;
  /** The variant the order checks use, or why there is none. */
  pick: Result<ProductVariant>;
  /** Every distinct product the searches returned, by objectId, for field coverage (bounded). */
  readonly seenProducts = new Map<string, Record<string, unknown>>();
  /** The test order orderCreation accepted, or why there is none (the later operations need it). */
  created: Result<SentOrder>;
  /** Every test order sent to orderCreation, accepted or not: the run cancels them at the end. */
  readonly sentOrders: SentOrder[] = [];
  /** When the run started (ISO 8601): the updatedAt of its notifications, so that a run's requests repeat exactly. */
  readonly startedAt = new Date().toISOString();
  /** The configured secrets, masked in everything received (see exchange). */
  readonly secrets: SecretForm[];
  readonly callbacks?: CallbackReceiver;
  readonly callbackWaitMs: number;
  readonly callbackGraceMs: number;
  readonly clock: Clock;
  /** Every verdict given so far, by "operation/check", for checks that judge after others (the explorer's). */
  readonly verdicts = new Map<string, Verdict>();
  /** The explorer of this run (set by runVerify): the explored-* checks read its findings. */
  explorer?: Explorer;
  /** Requests sent so far: by the checks (and the end's cleanup) and by the explorer. */
  readonly sent = { checks: 0, explorer: 0 };
  private readonly limiter: Limiter;
  /**
   * The explorer's own slots (as many as --concurrency): its journeys never hold the checks up. With
   * --concurrency 1, or once the merchant answered megabytes, it shares the checks' one slot instead,
   * behind their requests, so the run stays one request (and one large answer) at a time.
   */
  private readonly explorerLimiter: Limiter;
  /** Creations sent and not answered yet, by order id: the receiver tells a callback that comes first. */
  private readonly unansweredCreations = new Map<string, Promise<unknown>>();
  /** True once the merchant's first answer opened the run up to --concurrency. */
  get opened(): boolean {
    return this.openedUp;
  }
  private openedUp = false;
  private narrowed = false;
  private readonly pending = new Map<OperationId, number>();
  private readonly quiet = new Set<() => void>();
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly config: RunConfig,
    readonly runId: string,
    options: ContextOptions = {},
  ) {
    this.t = translatorFor(options.lang ?? 'en');
    this.products = this.pick = none(this.t('run.searchNotRun'));
    this.created = none(this.t('run.creationNotRun'));
    this.secrets = secretForms(config);
    this.callbacks = options.callbacks;
    this.callbackWaitMs = options.callbackWaitMs ?? 10_000;
    this.callbackGraceMs = options.callbackGraceMs ?? 1_000;
    this.clock = options.clock ?? realClock;
    this.callbacks?.watchCreations((orderId) => this.unansweredCreations.get(orderId));
    // One request at a time until the merchant's first answer shows its size (see send).
    this.limiter = new Limiter(1);
    this.explorerLimiter = new Limiter(config.concurrency);
  }

  /** An order id carrying the test marker, unique to this run. */
  orderId(suffix: string): string {
    return testOrderId(this.runId, suffix);
  }

  /** The test order, when orderCreation accepted it. */
  get order(): Record<string, unknown> | undefined {
    return this.created.ok ? this.created.value.payload : undefined;
  }

  /**
   * Sends one request to an operation's URL, waiting for a free slot (--concurrency). The deadline is
   * twice the budget so that a late answer is still measured (within-time-budget fails) rather than
   * cut off (which would be "could not check").
   */
  call(operation: OperationId, spec: CallSpec, mode: CallMode = {}): Promise<Exchange> {
    return this.send(operation, this.request(operation, spec), mode);
  }

  /** The request a call sends: the configured URL (with the query), the configured headers, the body as JSON. */
  request(operation: OperationId, spec: CallSpec): Exchange['request'] {
    const url = new URL(this.config.urls[operation]);
    for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, value);
    return {
      method: operation === 'productSearch' ? 'GET' : 'POST',
      url: url.toString(),
      headers: this.config.headers,
      body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
      deadlineMs: this.config.timeoutMs * 2,
      network: this.config.network,
    };
  }

  /** Sends an earlier request again, the same or without the configured headers. */
  repeat(operation: OperationId, earlier: Exchange, withoutAuth = false): Promise<Exchange> {
    // Masked with the configured secrets even without them: the merchant may echo an earlier request.
    return this.send(operation, { ...earlier.request, headers: withoutAuth ? [] : this.config.headers });
  }

  /** Records a test order orderCreation just answered (after `durationMs`), so that the run cancels it at the end. */
  sentOrder(payload: Record<string, unknown>, accepted: boolean, durationMs = 0): SentOrder {
    const answeredAt = this.clock.now();
    const sent = {
      payload,
      id: String(payload.objectId),
      sentAt: answeredAt - durationMs,
      answeredAt,
      accepted,
      cancelled: false,
    };
    this.sentOrders.push(sent);
    return sent;
  }

  /**
   * One promise per key for the whole run: checks that judge the same requests (the cart probes, the
   * status sweep) share them, whichever asks first, so each request is sent once.
   */
  shared<T>(key: string, make: () => Promise<T>): Promise<T> {
    let found = this.memo.get(key) as Promise<T> | undefined;
    if (!found) {
      found = make();
      this.memo.set(key, found);
    }
    return found;
  }

  /** Forgets what the operation's checks shared (probe answers, pages): the next operation needs none of it. */
  forgetShared(): void {
    this.memo.clear();
  }

  /** The shared promise of a key when some check started it, else undefined (nothing is sent). */
  sharedIfStarted<T>(key: string): Promise<T> | undefined {
    return this.memo.get(key) as Promise<T> | undefined;
  }

  /**
   * Resolves once no request to the operation is waiting or in flight: a request that must come last
   * (the CANCELLED notification) waits for it. It looks again a turn later, so that requests other
   * checks are about to send in the same turn are counted.
   */
  async settled(operation: OperationId): Promise<void> {
    for (;;) {
      while ((this.pending.get(operation) ?? 0) > 0) await new Promise<void>((resolve) => this.quiet.add(resolve));
      await nextTurn();
      if ((this.pending.get(operation) ?? 0) === 0) return;
    }
  }

  private async send(operation: OperationId, request: Exchange['request'], mode: CallMode = {}): Promise<Exchange> {
    if (mode.explorer) return this.sendNow(operation, request, true);
    this.pending.set(operation, (this.pending.get(operation) ?? 0) + 1);
    try {
      const ex = await this.sendNow(operation, request, false);
      this.record(operation, ex);
      return ex;
    } finally {
      const left = (this.pending.get(operation) ?? 1) - 1;
      this.pending.set(operation, left);
      if (left === 0) {
        const waiting = [...this.quiet];
        this.quiet.clear();
        for (const wake of waiting) wake();
      }
    }
  }

  /** Sends once a slot is free; a creation is known as unanswered until its answer (or failure) is in. */
  private async sendNow(operation: OperationId, request: Exchange['request'], explorer: boolean): Promise<Exchange> {
    const send = (): Promise<Exchange> => {
      if (explorer) this.sent.explorer++;
      else this.sent.checks++;
      return exchange(request, this.secrets, this.t, this.clock);
    };
    const own = explorer && this.openedUp && !this.narrowed && this.config.concurrency > 1;
    const ex = own ? this.explorerLimiter.run(send) : this.limiter.run(send, explorer);
    const orderId = operation === 'orderCreation' ? orderIdOf(request.body) : undefined;
    if (orderId !== undefined) {
      this.unansweredCreations.set(orderId, ex);
      void ex.finally(() => {
        if (this.unansweredCreations.get(orderId) === ex) this.unansweredCreations.delete(orderId);
      });
    }
    const answered = await ex;
    this.adjustConcurrency(answered);
    return answered;
  }

  /**
   * Opens up to --concurrency once the merchant's first answer is of an ordinary size, and goes back to
   * one request at a time for the rest of the run as soon as an answer reaches LARGE_ANSWER_CHARS: a
   * merchant answering megabytes is read one answer at a time, so the run's memory stays that of one.
   */
  private adjustConcurrency(ex: Exchange): void {
    if (this.narrowed) return;
    // An answer cut off at the body cap is the largest kind: opening up then would read several at once.
    if (ex.tooLarge || (ex.answer.ok && ex.answer.value.size >= LARGE_ANSWER_CHARS)) {
      this.narrowed = true;
      this.limiter.resize(1);
    } else if (!this.openedUp) {
      this.openedUp = true;
      this.limiter.resize(this.config.concurrency);
    }
  }

  private record(operation: OperationId, ex: Exchange): void {
    const list = this.exchanges.get(operation) ?? [];
    // within-time-budget needs only timings and statuses; checks hold the bodies they judge themselves.
    const answer = ex.answer.ok ? ok({ ...ex.answer.value, body: '' }) : ex.answer;
    list.push({ request: ex.request, durationMs: ex.durationMs, answer });
    this.exchanges.set(operation, list);
    if (operation === 'productSearch' && isSuccess(ex) && Array.isArray(ex.json?.value))
      this.seeProducts(ex.json.value);
  }

  /** Keeps the products a search returned for field coverage: distinct by objectId, at most MAX_SEEN. */
  private seeProducts(products: unknown[]): void {
    for (const product of products) {
      if (this.seenProducts.size >= MAX_SEEN_PRODUCTS) return;
      if (product === null || typeof product !== 'object' || Array.isArray(product)) continue;
      const id = (product as { objectId?: unknown }).objectId;
      if (typeof id === 'string' && !this.seenProducts.has(id))
        this.seenProducts.set(id, product as Record<string, unknown>);
    }
  }
}
