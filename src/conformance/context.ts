import type { OperationId } from '../contracts';
import type { CallbackReceiver } from './callbacks/receiver';
import type { RunConfig } from './config/run-config';
import { exchange, type Exchange } from './exchange';
import { secretForms, type SecretForm } from '../common/secrets';
import type { FoundProduct, Pick } from './test-data';

/** How a check asks for a request to one operation's URL. */
export interface CallSpec {
  /** Query parameters added to the configured URL (productSearch). */
  query?: Record<string, string>;
  /** A JSON body (the POST operations). */
  body?: unknown;
}

/** What the run has learnt so far and how to talk to the merchant; shared by every check. */
export class RunContext {
  /** Every exchange per operation, so the time-budget check can look at all of them. */
  readonly exchanges = new Map<OperationId, Exchange[]>();
  /** Products the TEXT search found, or why there are none. */
  products: FoundProduct[] = [];
  productProblem = 'the product search has not run';
  pick?: Pick;
  /** The order accepted by orderCreation (or the one that would have been created). */
  order?: Record<string, unknown>;
  orderCancelled = false;
  /** The configured secrets, masked in everything received (see exchange). */
  readonly secrets: SecretForm[];

  constructor(
    readonly config: RunConfig,
    readonly runId: string,
    readonly callbacks?: CallbackReceiver,
    readonly callbackWaitMs = 10_000,
  ) {
    this.secrets = secretForms(config);
  }

  /** An order id carrying the test marker, unique to this run. */
  orderId(suffix: string): string {
    return `mk-test-${this.runId}-${suffix}`;
  }

  /**
   * Sends one request to an operation's URL. The deadline is twice the budget so that a late answer
   * is still measured (within-time-budget fails) rather than cut off (which would be "could not check").
   */
  async call(operation: OperationId, spec: CallSpec): Promise<Exchange> {
    const url = new URL(this.config.urls[operation]);
    for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, value);
    const ex = await exchange(
      {
        method: operation === 'productSearch' ? 'GET' : 'POST',
        url: url.toString(),
        headers: this.config.headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        deadlineMs: this.config.timeoutMs * 2,
        network: this.config.network,
      },
      this.secrets,
    );
    return this.record(operation, ex);
  }

  /** Sends an earlier request again, the same or without the configured headers. */
  async repeat(operation: OperationId, earlier: Exchange, withoutAuth = false): Promise<Exchange> {
    // Masked with the configured secrets even without them: the merchant may echo an earlier request.
    const ex = await exchange({ ...earlier.request, headers: withoutAuth ? [] : this.config.headers }, this.secrets);
    return this.record(operation, ex);
  }

  private record(operation: OperationId, ex: Exchange): Exchange {
    const list = this.exchanges.get(operation) ?? [];
    // Only orderValidation's checks read the bodies of earlier exchanges; the others need timings.
    list.push(
      operation === 'orderValidation' || ex.outcome.kind === 'failure'
        ? ex
        : { request: ex.request, outcome: { ...ex.outcome, body: '' } },
    );
    this.exchanges.set(operation, list);
    return ex;
  }
}
