import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallbackReceiver } from '../../src/conformance';
import { createMockApp, type MockApp } from '../../src/mock';
import { AUTH, checkOf, verify, withStatus } from './support';

// The kit's own mock merchant must pass the kit's own runner: contracts, mock and runner agree.
let receiver: CallbackReceiver;
let app: MockApp;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  receiver = await CallbackReceiver.start(0);
  app = createMockApp({ auth: [AUTH], omnichatApi: receiver.url, omnichatToken: 'r:mock-api-secret' });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await app.mock.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await receiver.close();
});

describe('the runner against the mock merchant', () => {
  // 18 and 32 are seeds whose lookups lane once spent its share on misses alone and tested nothing
  // (a skip a correct merchant did not deserve): every lookups journey now opens with a hit.
  it.each(['1', '2', '3', '18', '32'])(
    'passes every operation, callback included, the explorer at seed %s, with no warning or skip it does not deserve, and exit code 0',
    async (seed) => {
      const { report, exitCode } = await verify(baseUrl, { exploreCalls: '36', seed }, receiver, {
        allowFreightChange: true,
      });
      expect({
        fail: withStatus(report, 'fail'),
        error: withStatus(report, 'error'),
        warn: withStatus(report, 'warn'),
        skip: withStatus(report, 'skip'),
      }).toEqual({ fail: [], error: [], warn: [], skip: [] });
      expect(report.operations.map((op) => [op.operation, op.status])).toEqual([
        ['productSearch', 'pass'],
        ['orderValidation', 'pass'],
        ['orderCreation', 'pass'],
        ['statusNotification', 'pass'],
        ['orderCancellation', 'pass'],
      ]);
      expect(checkOf(report, 'orderCreation', 'callback-received').status).toBe('pass');
      expect(exitCode).toBe(0);
    },
  );

  it('uses the documented iPhone 14 Pro 12345: found by id and SKU id, its stock of 30 enforced', async () => {
    const { report, exitCode } = await verify(baseUrl, { only: 'productSearch,orderValidation' }, receiver, {
      searchQuery: 'iphone 14 pro',
    });
    expect(checkOf(report, 'productSearch', 'search-by-id').message).toBe('ID search for "12345" finds product 12345');
    expect(checkOf(report, 'productSearch', 'search-by-skuid').message).toBe(
      'SKUID search for "12345-1" finds product 12345',
    );
    expect(checkOf(report, 'orderValidation', 'stock-checked').message).toBe(
      '31 units of 12345-1 (stock 30) get an ERROR',
    );
    expect(exitCode).toBe(0);
  });
});
