import { CallbackReceiver, CHECKS } from '../../src/conformance';
import { startMerchant, type Break } from './merchants/reference-merchant';
import { AUTH, verify, withStatus } from './support';

/**
 * Each broken merchant breaks exactly one rule; exactly the checks for that rule fail (a rule whose
 * breaking shows in two checks lists both, e.g. a checker that decides stock by parity).
 */
const CATALOGUE: [Break, string[]][] = [
  ['wrapped-array', ['productSearch/response-contract']],
  ['ignores-paging', ['productSearch/search-paging']],
  ['ignores-from', ['productSearch/search-paging']],
  ['price-as-string', ['productSearch/response-contract']],
  ['miss-404', ['productSearch/search-miss-empty']],
  ['id-returns-many', ['productSearch/search-by-id']],
  ['skuid-finds-nothing', ['productSearch/search-by-skuid']],
  ['no-stock-check', ['orderValidation/stock-checked']],
  ['parity-checker', ['orderValidation/cart-in-stock-ok', 'orderValidation/zero-stock-refused']],
  ['zero-stock-sold', ['orderValidation/zero-stock-refused']],
  ['unknown-variant-accepted', ['orderValidation/unknown-variant-refused']],
  ['blames-first-line', ['orderValidation/multi-line-cart']],
  ['wrong-component-id', ['orderValidation/component-ids']],
  ['duplicate-shipping-id', ['orderValidation/shipping-options']],
  ['partial-payload-5xx', ['orderValidation/partial-payload-accepted']],
  ['html-checker', ['orderValidation/json-body']],
  ['repeat-500', ['orderCreation/creation-idempotent']],
  ['repeats-callback', ['orderCreation/creation-idempotent']],
  ['refuses-seller-freight', ['orderCreation/freight-change-accepted']],
  ['no-callback', ['orderCreation/callback-received']],
  ['wrong-callback-action', ['orderCreation/callback-received']],
  ['callback-wrong-status', ['orderCreation/callback-received']],
  ['callback-without-auth', ['orderCreation/callback-authorized']],
  ['callback-wrong-id', ['orderCreation/callback-received']],
  ['refuses-reverted', ['statusNotification/all-statuses-accepted']],
  ['redirects-notifications', ['statusNotification/answers-2xx']],
  ['slow-cancellation', ['orderCancellation/within-time-budget']],
  ['cancel-unknown-500', ['orderCancellation/cancel-unknown-no-5xx']],
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
];

describe('the runner against broken merchants', () => {
  let receiver: CallbackReceiver;
  beforeAll(async () => {
    receiver = await CallbackReceiver.start(0);
  });
  afterAll(() => receiver.close());

  it.each(CATALOGUE)('a merchant with %s fails exactly %j and the run exits 1', async (breaks, expected) => {
    const merchant = await startMerchant({ breaks, auth: AUTH, omnichatApi: receiver.url });
    try {
      const { report, exitCode } = await verify(merchant.baseUrl, {}, receiver, { allowFreightChange: true });
      expect(withStatus(report, 'fail')).toEqual(expected);
      expect(exitCode).toBe(1);
      // Each failure carries its check's fix, for the "what to fix" list.
      const failed = report.operations.flatMap((op) => op.checks.filter((c) => c.status === 'fail'));
      for (const check of failed) expect(check.fix).toBe(CHECKS.find((c) => c.id === check.id)?.fix);
      // Nothing else is blamed: every other check passed, or says why not, pointing to the failure.
      const unexplained = report.operations.flatMap((op) =>
        op.checks.filter((c) => c.status === 'error' && c.causedBy === undefined).map((c) => `${op.operation}/${c.id}`),
      );
      expect(unexplained).toEqual([]);
    } finally {
      await merchant.close();
    }
  });

  it('a misspelt property (externalImageUrl) is a warning naming the right spelling, and the run still exits 0', async () => {
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
