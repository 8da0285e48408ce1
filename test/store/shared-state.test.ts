import { openMockApp, type MockOptions } from '../../src/mock';
import { freshDatabase } from '../support/postgres';
import { until as waitFor } from '../support/until';
import { openStream } from '../mock/event-stream';
import {
  CHECKER,
  CREATE,
  SEARCH,
  SMALL_CATALOG_PATH,
  TEST_SCENARIOS_DIR,
  line,
  order,
  serveApp,
  type ServedMock,
} from '../mock/helpers';

// What every replica on one database shares besides orders and stock (replicas.test.ts): quotes,
// scenario defaults, resets, deletions and the dashboard's live events. Two apps in this process on
// one database, each on its own port as `serve` runs it.

type Replica = ServedMock;

async function replica(url: string, options: MockOptions = {}): Promise<Replica> {
  const app = await openMockApp({
    store: url,
    catalogPath: SMALL_CATALOG_PATH,
    scenariosDir: TEST_SCENARIOS_DIR,
    ...options,
  });
  return serveApp(app);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mock's JSON, read by each test
async function call(on: Replica, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${on.origin}${path}`, {
    method,
    // Every admin call that changes state is JSON, body or not (the admin guard's rule).
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

/** Waits until `check` holds, one more answer at a time; `what` names the wait for the reader (no deadline). */
const until = (check: () => Promise<boolean>, _what: string): Promise<void> => waitFor(check);

let a: Replica;
let b: Replica;
beforeEach(async () => {
  const url = await freshDatabase();
  a = await replica(url, { allowFreightChange: false });
  b = await replica(url, { allowFreightChange: false });
});
afterEach(async () => {
  await a.close();
  await b.close();
});

describe('state shared by replicas', () => {
  it('compares an order taken on one replica with the freight the other quoted', async () => {
    const cart = { ...order('FQ-1', [line('L1', '2001-P')]), shippingMethod: 'SEDEX' };
    expect((await call(a, 'POST', CHECKER, cart)).status).toBe(200);
    const changed = await call(b, 'POST', CREATE, { ...cart, freightCost: 1 });
    expect(changed.status).toBe(422);
    expect(changed.body.type).toMatch(/freight-changed$/);
    const quotedCost = changed.body.quoted.freightCost as number;
    expect((await call(b, 'POST', CREATE, { ...cart, freightCost: quotedCost })).status).toBe(200);
    expect((await call(a, 'GET', '/__admin/orders/FQ-1')).body.notes).toContain(
      `freight as quoted: SEDEX ${quotedCost.toFixed(2)}`,
    );
  });

  it('applies a default scenario set on one replica to requests the other answers', async () => {
    expect((await call(a, 'PUT', '/__admin/scenarios/productSearch', { scenario: 'unavailable' })).status).toBe(200);
    await until(async () => (await call(b, 'GET', `${SEARCH}?query=iphone`)).status === 503, 'the scenario on B');
    expect((await call(b, 'GET', '/__admin/scenarios')).body.defaults).toEqual({ productSearch: 'unavailable' });
    expect((await call(b, 'PUT', '/__admin/scenarios/productSearch', { scenario: null })).status).toBe(200);
    await until(
      async () => (await call(a, 'GET', `${SEARCH}?query=iphone`)).status === 200,
      'the scenario cleared on A',
    );
  });

  it('answers carts on one replica with the stock another set, its cached answer dropped', async () => {
    const cart = order('ST-1', [line('L1', '2002-1', 2)]);
    for (let i = 0; i < 2; i += 1)
      expect((await call(b, 'POST', CHECKER, cart)).body.some((e: { action: string }) => e.action === 'ERROR')).toBe(
        false,
      );
    expect((await call(a, 'PUT', '/__admin/stock/2002-1', { quantity: 1 })).status).toBe(200);
    await until(
      async () => (await call(b, 'POST', CHECKER, cart)).body.some((e: { action: string }) => e.action === 'ERROR'),
      'the cart refused on B',
    );
  });

  it("resets a store on every replica, and tells the other's dashboard", async () => {
    expect((await call(a, 'POST', CREATE, order('RS-1', [line('L1', '2001-P', 2)]))).status).toBe(200);
    const stream = await openStream(`${b.origin}/__admin/events`);
    try {
      expect((await call(a, 'POST', '/__admin/reset')).status).toBe(200);
      await stream.next((e) => e.event === 'reset');
      expect((await call(b, 'GET', '/__admin/orders/RS-1')).status).toBe(404);
      expect((await call(b, 'GET', '/__admin/stock/2001-P')).body.quantity).toBe(5);
    } finally {
      stream.close();
    }
  });

  it("tells the other replica's dashboard of a stock change, and ends its stream when the sandbox is deleted", async () => {
    expect((await call(a, 'POST', '/__admin/sandboxes', { name: 'qa-shared' })).status).toBe(201);
    const stream = await openStream(`${b.origin}/__admin/sandboxes/qa-shared/events`);
    expect(stream.status).toBe(200);
    expect((await call(a, 'PUT', '/__admin/sandboxes/qa-shared/stock/2001-P', { quantity: 0 })).status).toBe(200);
    expect(JSON.parse((await stream.next((e) => e.event === 'stock')).data)).toEqual({ productId: '2001' });
    expect((await call(a, 'DELETE', '/__admin/sandboxes/qa-shared')).status).toBe(200);
    await stream.next((e) => e.event === 'deleted');
    await stream.ended;
    expect((await call(b, 'GET', '/__admin/sandboxes/qa-shared')).status).toBe(404);
  });

  it('lists on one replica the requests the other answered, numbered once', async () => {
    // Each replica writes its journal behind its answers: entries are numbered in the order they were
    // written, which for requests a few milliseconds apart on two replicas may not be the order sent.
    for (const on of [a, b, a])
      expect((await call(on, 'GET', `${SEARCH}?query=journal-${on === a ? 'a' : 'b'}`)).status).toBe(200);
    await until(async () => (await call(b, 'GET', '/__admin/requests')).body.length === 3, 'three requests journaled');
    const entries = (await call(b, 'GET', '/__admin/requests')).body as { seq: number; query: string }[];
    expect(entries.map((e) => e.query).sort()).toEqual(['query=journal-a', 'query=journal-a', 'query=journal-b']);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
  });
});
