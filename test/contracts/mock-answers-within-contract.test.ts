import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import {
  NOTIFIED_STATUSES,
  OPERATIONS,
  ORDER_STATUSES,
  SEARCH_TYPES,
  openApiDocument,
  registry,
  validate,
  validateAgainst,
  validateSearchQuery,
  type OperationId,
} from '../../src/contracts';
import { DEFAULT_CATALOG_PATH, createMockApp, createMockListener, type MockApp } from '../../src/mock';

// The promise the peer suites (test/peers) rest on: whatever request the contract calls valid, the
// mock answers with a status the contract declares for it and a body the contract calls valid. No
// `null`, NaN or string where a number belongs, however big the numbers are, within their bounds.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads the parsed document freely
type Json = Record<string, any>;

const defs = (registry().schemas.get('definitions.schema.json') as Json).$defs as Json;
/** The contract's maximum for a property of a shared definition, so the generators follow the contract. */
const maximumOf = (definition: string, property: string): number => {
  const schema = defs[definition].properties[property] as Json;
  return (schema.maximum ?? defs.Money.maximum) as number;
};

const catalog = JSON.parse(readFileSync(DEFAULT_CATALOG_PATH, 'utf8')) as Json[];
const variantIds = catalog.flatMap((p) => (p.variants as Json[]).map((v) => v.objectId as string));
const searchTerms = [...new Set(catalog.flatMap((p) => String(p.name).toLowerCase().split(/\s+/)))].slice(0, 30);

/** A non-negative number up to `max`, biased towards both ends (0, small amounts, the maximum itself). */
const upTo = (max: number): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(0, max),
    fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: 0, max: Math.min(max, 1000) }),
  );
const text = fc.string({ maxLength: 12 });
const id = fc.oneof(fc.constantFrom('ORDER-1', 'ORDER-2', 'ORDER-3'), fc.string({ minLength: 1, maxLength: 12 }));
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const item = fc.record(
  {
    objectId: text,
    quantity: upTo(maximumOf('Item', 'quantity')),
    price: upTo(maximumOf('Item', 'price')),
    variantId: fc.oneof(fc.constantFrom(...variantIds), text),
    externalId: fc.oneof(fc.constantFrom(...variantIds), text),
    shippingMethod: fc.constantFrom('PAC', 'SEDEX', 'Expresso', 'Drone'),
    isGift: fc.boolean(),
    weight: upTo(maximumOf('Item', 'weight')),
    height: upTo(maximumOf('Item', 'height')),
    length: upTo(maximumOf('Item', 'length')),
    width: upTo(maximumOf('Item', 'width')),
  },
  { requiredKeys: [] },
);

const order = fc.record(
  {
    objectId: id,
    status: fc.constantFrom(...ORDER_STATUSES),
    eventType: fc.constantFrom('ORDER_UPDATE', 'ITEM_UPDATE'),
    retailerOrderId: fc.oneof(text, fc.integer()),
    discount: upTo(maximumOf('Order', 'discount')),
    discountMode: fc.constantFrom('ABSOLUTE', 'PERCENTAGE'),
    shippingMethod: fc.constantFrom('PAC', 'SEDEX', 'Expresso', 'Drone'),
    freightCost: upTo(maximumOf('Order', 'freightCost')),
    freeShipping: fc.boolean(),
    shippingAddress: fc.record({ addressState: fc.constantFrom('SP', 'AM', 'RS', 'XX', ''), city: text }),
    items: fc.array(item, { maxLength: 4 }),
    createdAt: isoDate,
  },
  { requiredKeys: ['objectId'] },
);

type Call = { operation: OperationId; body?: Json; query?: Record<string, string> };

const search = fc
  .record(
    {
      query: fc.oneof(fc.constantFrom(...searchTerms, ...variantIds), fc.string({ maxLength: 40 })),
      from: fc.oneof(fc.nat({ max: 60 }), fc.maxSafeNat()),
      size: fc.integer({ min: 1, max: 100 }),
      searchType: fc.constantFrom(...SEARCH_TYPES),
      teamId: text,
    },
    { requiredKeys: [] },
  )
  .map((q): Call => ({
    operation: 'productSearch',
    query: Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])),
  }));

const call: fc.Arbitrary<Call> = fc.oneof(
  search,
  order.map((body): Call => ({ operation: 'orderValidation', body })),
  order.map((body): Call => ({ operation: 'orderCreation', body })),
  order.map((body): Call => ({ operation: 'orderCancellation', body })),
  fc
    .record({
      order,
      statusChange: fc.record(
        { status: fc.constantFrom(...NOTIFIED_STATUSES), responsible: text, updatedAt: isoDate },
        { requiredKeys: ['status'] },
      ),
    })
    .map((body): Call => ({ operation: 'statusNotification', body })),
);

const doc = openApiDocument() as Json;
/** The statuses the contract declares for an operation. */
const declared = (operation: OperationId): string[] => {
  const info = OPERATIONS[operation];
  return Object.keys(doc.paths[`/v1${info.path}`][info.method.toLowerCase()].responses as Json);
};

let app: MockApp;
let server: http.Server;
let origin: string;

beforeAll(async () => {
  app = createMockApp({});
  server = http.createServer(createMockListener(app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app.mock.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Sends one call and returns what the contract says is wrong with the answer (nothing: it conforms). */
async function judge(c: Call): Promise<Json> {
  const info = OPERATIONS[c.operation];
  const request =
    c.operation === 'productSearch'
      ? validateSearchQuery(c.query ?? {}).violations
      : validate(c.operation, 'request', c.body);
  expect(request).toEqual([]); // the generator itself must stay inside the contract
  const url = `${origin}/v1${info.path}${c.query ? `?${new URLSearchParams(c.query)}` : ''}`;
  const res = await fetch(url, {
    method: info.method,
    headers: c.body ? { 'content-type': 'application/json' } : {},
    body: c.body ? JSON.stringify(c.body) : undefined,
  });
  const text = await res.text();
  const body = JSON.parse(text) as unknown;
  const status = String(res.status);
  // A valid request is never the client's mistake: only a cancellation of an order never created may miss.
  const expected = c.operation === 'orderCancellation' ? ['200', '404'] : ['200'];
  const violations =
    status === '200' ? validate(c.operation, 'response', body) : validateAgainst('problem.schema.json', body);
  return { status, declared: declared(c.operation).includes(status), expected: expected.includes(status), violations };
}

const conforms = { declared: true, expected: true, violations: [] };

describe('the mock answers every request valid under the contract within the contract', () => {
  it('for any sequence of valid calls to the five operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 1, maxLength: 6 }), async (calls) => {
        for (const c of calls) expect(await judge(c)).toMatchObject(conforms);
      }),
      { numRuns: 150 },
    );
  });

  it('for the largest cart the contract allows: freight stays a number within the money bounds', async () => {
    const line = {
      objectId: 'L1',
      variantId: variantIds[0],
      quantity: maximumOf('Item', 'quantity'),
      weight: maximumOf('Item', 'weight'),
    };
    const body = { objectId: 'HUGE', shippingAddress: { addressState: 'AM' }, items: [line] };
    expect(await judge({ operation: 'orderValidation', body })).toMatchObject(conforms);
    const res = await fetch(`${origin}/v1/orders/orderchecker`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const [info] = (await res.json()) as Json[];
    for (const option of info.shippingOptions as Json[])
      expect([option.price, option.listPrice, option.tax]).toEqual([
        expect.any(Number),
        defs.Money.maximum,
        expect.any(Number),
      ]);
  });
});
