import { CallbackReceiver } from '../../src/conformance';
import { urlsUnder } from '../../src/conformance/config/load-config';
import { startMerchant, type MerchantOptions } from './merchants/reference-merchant';
import { AUTH, checkOf, JumpingClock, verify, withStatus } from './support';

// What the verdicts say, beyond which check fails: no blame without a cause, every probe listed,
// each finding named where it is.
let receiver: CallbackReceiver;
beforeAll(async () => {
  receiver = await CallbackReceiver.start(0);
});
afterAll(() => receiver.close());

async function run(
  options: MerchantOptions,
  ...rest: Parameters<typeof verify> extends [string, ...infer R] ? R : never
) {
  const merchant = await startMerchant({ auth: AUTH, omnichatApi: receiver.url, ...options });
  try {
    return await verify(merchant.baseUrl, rest[0] ?? {}, rest[1] ?? receiver, rest[2] ?? {});
  } finally {
    await merchant.close();
  }
}

describe('no blame without a cause', () => {
  it('a creation that fails at once (502) fails answers-2xx only; the rest could not check, pointing to it', async () => {
    const { report, exitCode } = await run({ breaks: 'creation-502' });
    expect(withStatus(report, 'fail')).toEqual(['orderCreation/answers-2xx']);
    expect(checkOf(report, 'orderCreation', 'creation-idempotent')).toMatchObject({
      status: 'error',
      message: 'could not check: the first request was not accepted (HTTP 502); see answers-2xx',
      causedBy: { operation: 'orderCreation', check: 'answers-2xx' },
    });
    expect(checkOf(report, 'orderCreation', 'callback-received').causedBy).toEqual({
      operation: 'orderCreation',
      check: 'answers-2xx',
    });
    // Nothing is notified or cancelled about an order the merchant refused: those could not check either,
    // but for cancelling an order the merchant never saw, which needs no order (and its timing).
    const alone = ['cancel-unknown-no-5xx', 'within-time-budget'];
    for (const op of report.operations.filter(
      (o) => o.operation === 'statusNotification' || o.operation === 'orderCancellation',
    ))
      for (const check of op.checks.filter((c) => !alone.includes(c.id) && !c.id.startsWith('explored-')))
        expect(check).toMatchObject({
          status: 'error',
          causedBy: { operation: 'orderCreation', check: 'answers-2xx' },
        });
    for (const id of alone) expect(checkOf(report, 'orderCancellation', id).status).toBe('pass');
    expect(exitCode).toBe(1);
  });

  it('a wrong URL (404 with the headers) fails answers-2xx, and auth-required says the URL is the problem, not auth', async () => {
    const merchant = await startMerchant({ auth: AUTH, omnichatApi: receiver.url });
    try {
      const { report } = await verify(merchant.baseUrl, { only: 'statusNotification' }, receiver, {
        urls: { ...urlsUnder(merchant.baseUrl), statusNotification: `${merchant.baseUrl}/orders/statuschange-typo` },
      });
      expect(withStatus(report, 'fail')).toEqual(['statusNotification/answers-2xx']);
      expect(checkOf(report, 'statusNotification', 'auth-required')).toMatchObject({
        status: 'error',
        message:
          'could not check: the request with the configured headers was not accepted either (HTTP 404), so the URL or the server is the problem, not auth; see answers-2xx',
        causedBy: { operation: 'statusNotification', check: 'answers-2xx' },
      });
    } finally {
      await merchant.close();
    }
  });

  it('a merchant with no stock check fails stock-checked; zero-stock-refused points to it instead of failing too', async () => {
    const { report } = await run({ breaks: 'no-stock-check' }, { only: 'orderValidation' });
    expect(checkOf(report, 'orderValidation', 'zero-stock-refused')).toMatchObject({
      status: 'error',
      message:
        'could not check: 6 units of CAM-AZUL-P (stock 5) were accepted, beyond its stock: the stock limit is the finding of stock-checked; see stock-checked',
      causedBy: { operation: 'orderValidation', check: 'stock-checked' },
    });
  });

  it('a checker that answers every cart alike (a constant ERROR) fails cart-in-stock-ok; its refusals of bad carts pass nothing', async () => {
    const { report } = await run({ breaks: 'constant-cart-answer' }, { only: 'orderValidation' });
    expect(withStatus(report, 'fail')).toEqual(['orderValidation/cart-in-stock-ok']);
    expect(withStatus(report, 'pass')).not.toEqual(expect.arrayContaining(['orderValidation/stock-checked']));
    expect(checkOf(report, 'orderValidation', 'unknown-variant-refused').causedBy).toEqual({
      operation: 'orderValidation',
      check: 'cart-in-stock-ok',
    });
  });

  it('a checker that accepts every cart gets no pass for accepting the good ones', async () => {
    const { report } = await run({ breaks: 'accepts-every-cart' }, { only: 'orderValidation' });
    expect(checkOf(report, 'orderValidation', 'cart-in-stock-ok')).toMatchObject({
      status: 'error',
      causedBy: { operation: 'orderValidation', check: 'unknown-variant-refused' },
    });
  });

  it('says a stub answering 400 without the headers refused with the wrong status, in its headline too', async () => {
    const { report } = await run({ breaks: 'auth-400' }, { only: 'productSearch' });
    expect(checkOf(report, 'productSearch', 'auth-required')).toMatchObject({
      status: 'fail',
      message:
        'without the configured headers the answer was HTTP 400, not 401 or 403: a refusal, but not one that says the credentials are missing',
      received: expect.stringMatching(/^HTTP 400: /),
    });
  });

  it('names prices of the wrong type as the cause of the cascade, not "no sellable variant"', async () => {
    const { report } = await run({ breaks: 'price-as-string' }, { only: 'productSearch,orderValidation' });
    expect(checkOf(report, 'orderValidation', 'answers-2xx')).toMatchObject({
      status: 'error',
      message:
        'could not check: the TEXT search for "camiseta" returned variants whose price is not a number (4 of them, a string), so none can be put in a cart',
      causedBy: { operation: 'productSearch', check: 'response-contract' },
    });
  });
});

describe('probe findings', () => {
  it('a parity checker is caught at 2 units, and the failure lists the probe: cart, expected, received', async () => {
    const { report } = await run({ breaks: 'parity-checker' }, { only: 'orderValidation' });
    const check = checkOf(report, 'orderValidation', 'cart-in-stock-ok');
    expect(check.message).toBe('1 of 3 carts within stock got an ERROR entry');
    expect(check.probes).toEqual([
      {
        probe: 'cart [2 x CAM-AZUL-P (stock 5)]',
        expected: 'no ERROR entry',
        received: 'ERROR on "mk-test-line-1" "Item não disponível"',
      },
    ]);
    expect(check.details).toEqual([
      'cart [2 x CAM-AZUL-P (stock 5)]: expected no ERROR entry, received ERROR on "mk-test-line-1" "Item não disponível"',
    ]);
    // Its refusal of 6 units says nothing about stock: it refuses 2 units within stock as well.
    for (const id of ['stock-checked', 'zero-stock-refused', 'unknown-variant-refused'])
      expect(checkOf(report, 'orderValidation', id)).toMatchObject({
        status: 'error',
        message:
          'could not check: the checker refuses carts within stock too, so a refusal here shows nothing about this rule; see cart-in-stock-ok',
        causedBy: { operation: 'orderValidation', check: 'cart-in-stock-ok' },
      });
  });

  it('a checker that blames the first line names the cart and where the ERROR went', async () => {
    const { report } = await run({ breaks: 'blames-first-line' }, { only: 'orderValidation' });
    expect(checkOf(report, 'orderValidation', 'multi-line-cart')).toMatchObject({
      status: 'fail',
      expected: 'ERROR entries on exactly mk-test-line-2',
      received: expect.stringContaining('ERROR on "mk-test-line-1"'),
      probes: [
        {
          probe: expect.stringMatching(
            /^cart \[line mk-test-line-1: 1 x CAM-AZUL-P \(stock 5\); line mk-test-line-2: 1 x mk-test-test\d+-no-such-variant-2 \(no such variant\); line mk-test-line-3: 1 x CAM-AZUL-M \(stock 3\)\]$/,
          ),
          expected: 'ERROR entries on exactly mk-test-line-2',
          received:
            'INFO on "mk-test-line-1"; ERROR on "mk-test-line-1" "Produto não encontrado"; INFO on "mk-test-line-3"',
        },
      ],
    });
  });

  it('paging that ignores both size and from reports both findings in one run', async () => {
    const { report } = await run({ breaks: 'ignores-paging' }, { only: 'productSearch' });
    const check = checkOf(report, 'productSearch', 'search-paging');
    expect(check.message).toBe('neither size nor from is honoured');
    expect(check.details).toEqual([
      'TEXT "camiseta" from=0 size=1: expected exactly 1 product, received 2 products',
      'TEXT "camiseta" from=1 size=10: expected objectId CAM-BRANCA first (the second hit of the first page), without CAM-AZUL, received objectId CAM-AZUL, CAM-BRANCA',
    ]);
  });

  it('products that sell out of stock are exempt from the stock probes, and the report says so', async () => {
    const { report, exitCode } = await run({ sellOutOfStock: true }, { only: 'orderValidation' });
    expect(checkOf(report, 'orderValidation', 'stock-checked')).toMatchObject({
      status: 'skip',
      message: 'product CAM-AZUL sells out of stock (sellOutOfStock: true), so no stock limit applies to it',
    });
    expect(checkOf(report, 'orderValidation', 'zero-stock-refused').status).toBe('skip');
    expect(withStatus(report, 'fail')).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('says skip, with the reason, when the search shows no variant with stock 0', async () => {
    const { report } = await run({}, { only: 'orderValidation' }, receiver, { searchQuery: 'calça' });
    expect(checkOf(report, 'orderValidation', 'zero-stock-refused')).toMatchObject({
      status: 'skip',
      message:
        'no variant with stock 0 was found in the search answers (visible, of a product neither blocked nor sold out of stock)',
    });
  });
});

describe('callbacks', () => {
  it('names the order a callback came for when it is not the test order', async () => {
    // The test order's callback never comes: once the stray one is in, the clock jumps past the 10 s
    // window instead of waiting it out. A 60 s budget keeps the jump from timing out a request meanwhile.
    const clock = new JumpingClock();
    const timed = await CallbackReceiver.start(0, { clock });
    const merchant = await startMerchant({
      breaks: 'callback-wrong-id',
      auth: AUTH,
      omnichatApi: timed.url,
      afterCallback: () => clock.jump(10_001),
    });
    try {
      const { report } = await verify(merchant.baseUrl, { only: 'orderCreation', timeout: '60000' }, timed, {}, 'en', {
        clock,
      });
      expect(checkOf(report, 'orderCreation', 'callback-received')).toMatchObject({
        status: 'fail',
        message: expect.stringMatching(
          /^a callback came for order "ERP-mk-test-test\d+-order", not for the test order mk-test-test\d+-order$/,
        ),
      });
    } finally {
      await merchant.close();
      await timed.close();
    }
  });
});

describe('catalogue consistency and freight', () => {
  it('warns about each catalogue oddity with the product id and index, and the run still passes', async () => {
    const { report, exitCode } = await run({ breaks: 'catalogue-odd' }, { only: 'productSearch' });
    expect(withStatus(report, 'warn')).toEqual(['productSearch/catalogue-sanity']);
    const check = checkOf(report, 'productSearch', 'catalogue-sanity');
    expect([check.received, ...(check.details ?? [])]).toEqual([
      '/0 (product "CAM-AZUL")/mainVariant: differs from its entry in variants (objectId "CAM-AZUL-P") in salePrice',
      '/0 (product "CAM-AZUL")/weight: weight belongs on each variant, where OmniChat reads it; on the product it is ignored',
      '/1 (product "CAM-BRANCA")/mainVariant: differs from its entry in variants (objectId "CAM-BRANCA-U") in salePrice',
      '/1 (product "CAM-BRANCA")/weight: weight belongs on each variant, where OmniChat reads it; on the product it is ignored',
      'variant erpId "ERP-CAM-AZUL-P" is used 2 times: /0/variants/0 (product "CAM-AZUL"), /0/variants/2 (product "CAM-AZUL")',
    ]);
    expect(exitCode).toBe(0);
  });

  it('skips freight-change-accepted unless allowFreightChange is true', async () => {
    const { report } = await run({}, { only: 'orderCreation' });
    expect(checkOf(report, 'orderCreation', 'freight-change-accepted')).toMatchObject({
      status: 'skip',
      message: 'allowFreightChange is not true in the config: OmniChat sends the freight as the checker quoted it',
    });
    const on = await run({}, { only: 'orderCreation' }, receiver, { allowFreightChange: true });
    expect(checkOf(on.report, 'orderCreation', 'freight-change-accepted')).toMatchObject({
      status: 'pass',
      message:
        'an order whose freight the seller changed (shippingMethod merchant-kit-seller-freight, freightCost 12.34) is accepted',
    });
    expect(on.report.notes).toEqual([
      expect.stringMatching(/^test order mk-test-test\d+-order cancelled at the end$/),
      expect.stringMatching(/^test order mk-test-test\d+-freight cancelled at the end$/),
    ]);
  });
});
