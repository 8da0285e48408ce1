import { CallbackReceiver, CHECKS } from '../../src/conformance';
import { startMerchant, type Break } from './merchants/reference-merchant';
import { AUTH, JumpingClock, verify, withStatus, type Waits } from './support';

/** How a broken merchant is run: the explorer's budget, and the waits where nothing may ever come. */
interface Run {
  /** --explore-calls (the default budget unless said). */
  explore?: string;
  waits?: Waits;
  /** The receiver holds a callback's reply this long while the order is unanswered (the merchant waits for it). */
  holdMs?: number;
}

/** A merchant that never sends the callback it should: the window ends the wait, whatever the machine's speed. */
const NOTHING_COMES: Run = { waits: { callbackWaitMs: 100 } };
/** A merchant that sends a second callback: the grace waits as long as the window, and ends when it comes. */
const SECOND_COMES: Run = { waits: { callbackGraceMs: 10_000 } };

/**
 * Each broken merchant breaks exactly one rule; exactly the checks for that rule fail (a rule whose
 * breaking shows in two checks lists both), with the explorer exploring beside them: what it finds
 * that a check already reports follows from that check, and is never a second failure.
 */
const CATALOGUE: [Break, string[], Run?][] = [
  ['wrapped-array', ['productSearch/response-contract']],
  ['ignores-paging', ['productSearch/search-paging']],
  ['ignores-from', ['productSearch/search-paging']],
  ['paging-size-1-empty', ['productSearch/search-paging']],
  ['price-as-string', ['productSearch/response-contract']],
  ['miss-404', ['productSearch/search-miss-empty']],
  ['id-returns-many', ['productSearch/search-by-id']],
  ['skuid-finds-nothing', ['productSearch/search-by-skuid']],
  ['static-url-search', ['productSearch/search-by-url']],
  ['accent-sensitive', ['productSearch/explored-text-search']],
  ['no-stock-check', ['orderValidation/stock-checked']],
  ['parity-checker', ['orderValidation/cart-in-stock-ok']],
  ['constant-cart-answer', ['orderValidation/cart-in-stock-ok']],
  ['zero-stock-sold', ['orderValidation/zero-stock-refused']],
  ['unknown-variant-accepted', ['orderValidation/unknown-variant-refused']],
  ['blames-first-line', ['orderValidation/multi-line-cart']],
  ['overstock-blames-first', ['orderValidation/explored-carts']],
  ['wrong-component-id', ['orderValidation/component-ids']],
  ['duplicate-shipping-id', ['orderValidation/shipping-options']],
  ['partial-payload-5xx', ['orderValidation/partial-payload-accepted']],
  ['html-checker', ['orderValidation/json-body']],
  ['repeat-500', ['orderCreation/creation-idempotent']],
  ['repeats-callback', ['orderCreation/creation-idempotent'], SECOND_COMES],
  ['refuses-seller-freight', ['orderCreation/freight-change-accepted']],
  ['no-callback', ['orderCreation/callback-received'], NOTHING_COMES],
  ['callback-before-answer', ['orderCreation/callback-received'], { holdMs: 50 }],
  ['wrong-callback-action', ['orderCreation/callback-received']],
  ['callback-wrong-status', ['orderCreation/callback-received']],
  ['callback-without-auth', ['orderCreation/callback-authorized']],
  ['callback-wrong-id', ['orderCreation/callback-received'], NOTHING_COMES],
  ['callback-on-notification', ['orderCreation/explored-callbacks']],
  ['refuses-reverted', ['statusNotification/all-statuses-accepted']],
  ['refuses-after-cancel', ['statusNotification/explored-answers']],
  ['redirects-notifications', ['statusNotification/answers-2xx']],
  ['cancel-unknown-500', ['orderCancellation/cancel-unknown-no-5xx']],
  ['double-restock', ['orderCancellation/explored-stock']],
  [
    'no-auth',
    [
      'productSearch/auth-required',
      'orderValidation/auth-required',
      'orderCreation/auth-required',
      'statusNotification/auth-required',
      'orderCancellation/auth-required',
    ],
  ],
  [
    'auth-400',
    [
      'productSearch/auth-required',
      'orderValidation/auth-required',
      'orderCreation/auth-required',
      'statusNotification/auth-required',
      'orderCancellation/auth-required',
    ],
  ],
];

/** The explorer's own rules, each broken by a merchant whose rule only a journey can show. */
const EXPLORED: [Break, string, string[]][] = [
  ['skuid-main-only', '120', ['productSearch/explored-lookups']],
  ['page-order-depends-on-size', '36', ['productSearch/explored-paging']],
];

describe('the runner against broken merchants', () => {
  const receivers: CallbackReceiver[] = [];
  const receiverFor = async (run: Run, clock?: JumpingClock): Promise<CallbackReceiver> => {
    const receiver = await CallbackReceiver.start(0, { holdMs: run.holdMs, clock });
    receivers.push(receiver);
    return receiver;
  };
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  async function expectExactly(breaks: Break, expected: string[], run: Run = {}): Promise<void> {
    const receiver = await receiverFor(run);
    const merchant = await startMerchant({ breaks, auth: AUTH, omnichatApi: receiver.url });
    try {
      const { report, exitCode } = await verify(
        merchant.baseUrl,
        { exploreCalls: run.explore ?? '36' },
        receiver,
        { allowFreightChange: true },
        'en',
        run.waits,
      );
      expect(withStatus(report, 'fail')).toEqual(expected);
      expect(exitCode).toBe(1);
      // Each failure carries its check's fix, or one more precise, for the "what to fix" list.
      const failed = report.operations.flatMap((op) => op.checks.filter((c) => c.status === 'fail'));
      for (const check of failed) expect(check.fix).toEqual(expect.any(String));
      for (const check of failed.filter((c) => !c.id.startsWith('explored-')))
        expect(check.fix).toBe(CHECKS.find((c) => c.id === check.id)?.fix);
      // Nothing else is blamed: every other check passed, or says why not, pointing to the failure.
      const unexplained = report.operations.flatMap((op) =>
        op.checks.filter((c) => c.status === 'error' && c.causedBy === undefined).map((c) => `${op.operation}/${c.id}`),
      );
      expect(unexplained).toEqual([]);
      // Every order the run created is cancelled (or the merchant refuses cancellations: then it is listed).
      expect(report.exploration?.notCancelled).toEqual([]);
    } finally {
      await merchant.close();
    }
  }

  // Rest parameters: a callback of more parameters than its row has is taken by jest for a `done` callback.
  it.each(CATALOGUE)('a merchant with %s fails exactly %j and the run exits 1', (...[breaks, expected, run]) =>
    expectExactly(breaks, expected, run),
  );

  it.each(EXPLORED)(
    'a merchant with %s fails exactly its explorer finding (budget %s)',
    (...[breaks, calls, expected]) => expectExactly(breaks, expected, { explore: calls }),
  );

  it('a cancellation 6 s late fails within-time-budget, its lateness measured on the run clock (no waiting)', async () => {
    const clock = new JumpingClock();
    const receiver = await receiverFor({}, clock);
    const merchant = await startMerchant({
      breaks: 'slow-cancellation',
      auth: AUTH,
      omnichatApi: receiver.url,
      beforeSlowAnswer: () => clock.jump(6000),
    });
    try {
      const { report, exitCode } = await verify(merchant.baseUrl, {}, receiver, {}, 'en', { clock });
      expect(withStatus(report, 'fail')).toEqual(['orderCancellation/within-time-budget']);
      expect(exitCode).toBe(1);
    } finally {
      await merchant.close();
    }
  });

  it('a misspelt property (externalImageUrl) is a warning naming the right spelling, and the run still exits 0', async () => {
    const receiver = await receiverFor({});
    const merchant = await startMerchant({ breaks: 'misspelt-property', auth: AUTH, omnichatApi: receiver.url });
    try {
      const { report, exitCode } = await verify(merchant.baseUrl, { only: 'productSearch' }, receiver);
      expect(withStatus(report, 'fail')).toEqual([]);
      expect(withStatus(report, 'warn')).toEqual(['productSearch/unknown-properties']);
      expect(report.operations[0].checks.find((c) => c.id === 'unknown-properties')?.received).toBe(
        '/0/mainVariant/externalImageUrl: unknown property "externalImageUrl", did you mean "externalImageURL"?',
      );
      expect(exitCode).toBe(0);
    } finally {
      await merchant.close();
    }
  });
});
