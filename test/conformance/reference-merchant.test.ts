import { CallbackReceiver } from '../../src/conformance';
import { startMerchant, type RunningMerchant } from './merchants/reference-merchant';
import { AUTH, checkOf, verify, withStatus } from './support';

describe('the runner against the well-behaved reference merchant', () => {
  let receiver: CallbackReceiver;
  let merchant: RunningMerchant;

  beforeAll(async () => {
    receiver = await CallbackReceiver.start(0);
    merchant = await startMerchant({ auth: AUTH, omnichatApi: receiver.url });
  });
  afterAll(async () => {
    await merchant.close();
    await receiver.close();
  });

  // The explorer explores differently at every seed: a correct merchant passes at each, with nothing skipped.
  it.each(['1', '2', '3'])(
    'passes every check, the explorer at seed %s, with no failure, error or warning, and exit code 0',
    async (seed) => {
      const { report, exitCode } = await verify(merchant.baseUrl, { exploreCalls: '36', seed }, receiver, {
        allowFreightChange: true,
      });
      expect({
        fail: withStatus(report, 'fail'),
        error: withStatus(report, 'error'),
        warn: withStatus(report, 'warn'),
      }).toEqual({ fail: [], error: [], warn: [] });
      expect(withStatus(report, 'skip')).toEqual([]);
      expect(exitCode).toBe(0);
      expect(report.operations.map((op) => [op.operation, op.status])).toEqual([
        ['productSearch', 'pass'],
        ['orderValidation', 'pass'],
        ['orderCreation', 'pass'],
        ['statusNotification', 'pass'],
        ['orderCancellation', 'pass'],
      ]);
    },
  );

  it('receives the provisioning callback about the test order', async () => {
    const { report } = await verify(merchant.baseUrl, { only: 'orderCreation' }, receiver);
    expect(checkOf(report, 'orderCreation', 'callback-received')).toMatchObject({
      status: 'pass',
      message: 'statusChange received and valid',
    });
  });

  it('cancels the marked test order at the end when orderCancellation is not selected', async () => {
    const before = merchant.hits.length;
    const { report } = await verify(merchant.baseUrl, { only: 'orderCreation' }, receiver);
    expect(report.notes).toEqual([expect.stringMatching(/^test order mk-test-test\d+-order cancelled at the end$/)]);
    expect(merchant.hits.slice(before).at(-1)).toBe('POST /v1/orders/ordercancel');
  });

  it('with --no-destructive creates, notifies and cancels nothing and skips those operations', async () => {
    const before = merchant.hits.length;
    const { report, exitCode } = await verify(merchant.baseUrl, { destructive: false }, receiver);
    const sent = merchant.hits.slice(before);
    expect(sent.filter((hit) => /orderprovisioning|ordercancel|statuschange/.test(hit))).toEqual([]);
    expect(report.operations.map((op) => [op.operation, op.status])).toEqual([
      ['productSearch', 'pass'],
      ['orderValidation', 'pass'],
      ['orderCreation', 'skip'],
      ['statusNotification', 'skip'],
      ['orderCancellation', 'skip'],
    ]);
    expect(exitCode).toBe(0);
  });

  it('runs only the operations --only names, still searching first for the data it needs', async () => {
    const before = merchant.hits.length;
    const { report } = await verify(merchant.baseUrl, { only: 'orderValidation' }, receiver);
    expect(report.operations.map((op) => op.operation)).toEqual(['orderValidation']);
    expect(merchant.hits.slice(before)[0]).toBe('GET /v1/products/productsearch');
    expect(report.operations[0].status).toBe('pass');
  });

  it('says "could not check" (never pass) for the order checks when the search finds nothing', async () => {
    const { report, exitCode } = await verify(merchant.baseUrl, { only: 'productSearch,orderValidation' }, receiver, {
      searchQuery: 'bicicleta',
    });
    expect(withStatus(report, 'fail')).toEqual(['productSearch/search-text-finds']);
    expect(withStatus(report, 'pass')).not.toContain('orderValidation/stock-checked');
    expect(checkOf(report, 'orderValidation', 'answers-2xx').message).toMatch(
      /^could not check: the TEXT search for "bicicleta" found no product/,
    );
    expect(report.operations[1].status).toBe('error');
    expect(exitCode).toBe(1);
  });

  it('declared search types limit the lookups: undeclared ones are skipped, not failed', async () => {
    const { report, exitCode } = await verify(
      merchant.baseUrl,
      { only: 'productSearch', exploreCalls: '36' },
      receiver,
      {
        searchTypes: ['TEXT', 'ID'],
      },
    );
    expect(withStatus(report, 'skip')).toEqual([
      'productSearch/search-by-skuid',
      'productSearch/search-by-reference',
      'productSearch/search-by-url',
    ]);
    expect(exitCode).toBe(0);
  });
});
