import { startServe, type ServeChild } from '../support/serve-child';
import { freshDatabase } from '../support/postgres';
import { untilValue } from '../support/until';
import { OmniChatStandIn } from '../mock/receiver';
import { openStream } from '../mock/event-stream';

// Two `merchant-kit serve` processes on one PostgreSQL database, as two replicas behind a load
// balancer: whatever one answered 2xx for, the other sees; stock moves once; callbacks go out once.

const CREATE = '/v1/orders/orderprovisioning';
const CANCEL = '/v1/orders/ordercancel';
const SEARCH = '/v1/products/productsearch';
/** A variant of the embedded catalog with stock (30). */
const SKU = '123456-1';

const omnichat = new OmniChatStandIn();
let url = '';
let api = '';
const running = new Set<ServeChild>();
const starting = new Set<Promise<ServeChild>>();

/** Starts a replica on the test database; every one is ended after the tests, whatever happened. */
async function replica(): Promise<ServeChild> {
  const start = startServe(['--store', url, '--quiet', '--omnichat-api', api, '--omnichat-token', 'rep-tok']);
  starting.add(start);
  const child = await start.finally(() => starting.delete(start));
  running.add(child);
  void child.exited.then(() => running.delete(child));
  return child;
}

/** Kills a replica at once, as a crash or a lost node would: no shutdown, no flush. */
async function kill(child: ServeChild): Promise<void> {
  child.child.kill('SIGKILL');
  await child.exited;
}

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the mock's JSON, read by each test
}

async function call(
  on: ServeChild,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`${on.origin}${path}`, {
    method,
    // Every admin call that changes state is JSON, body or not (the admin guard's rule).
    headers: method === 'GET' ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Waits, step by step, until `check` gives a value: each step is another answer from a replica; `what` names the wait (no deadline). */
const until = <T>(check: () => Promise<T | undefined | false>, _what: string): Promise<T> => untilValue(check);

const stockOn = async (on: ServeChild): Promise<number> =>
  (await call(on, 'GET', `/__admin/stock/${SKU}`)).body.quantity;
const order = (objectId: string, units = 1): Record<string, unknown> => ({
  objectId,
  items: [{ objectId: 'L1', variantId: SKU, quantity: units }],
});

let a: ServeChild;
let b: ServeChild;

beforeAll(async () => {
  api = await omnichat.start();
  url = await freshDatabase();
  [a, b] = await Promise.all([replica(), replica()]);
});

afterAll(async () => {
  // A replica still starting when a hook timed out is ended too, once it has started (or failed to).
  const late = await Promise.allSettled([...starting]);
  for (const result of late) if (result.status === 'fulfilled') running.add(result.value);
  for (const child of [...running]) await kill(child);
  await omnichat.stop();
});

describe('two replicas on one database', () => {
  it('see a sandbox and its settings made on either, and apply them to requests', async () => {
    const made = await call(a, 'POST', '/__admin/sandboxes', {
      name: 'qa-rep',
      checkout: 'own',
      headers: [{ key: 'X-Loja', value: 'k-123' }],
    });
    expect(made.status).toBe(201);
    const seen = await call(b, 'GET', '/__admin/sandboxes/qa-rep');
    expect(seen.status).toBe(200);
    expect(seen.body.settings).toMatchObject({ checkout: 'own', headers: [{ key: 'X-Loja', value: '***' }] });
    expect((await call(b, 'GET', `/sandboxes/qa-rep${SEARCH}?query=iphone`)).status).toBe(401);
    expect(
      (await call(b, 'GET', `/sandboxes/qa-rep${SEARCH}?query=iphone`, undefined, { 'x-loja': 'k-123' })).status,
    ).toBe(200);
    expect((await call(b, 'PATCH', '/__admin/sandboxes/qa-rep', { allowFreightChange: false })).status).toBe(200);
    await until(
      async () => (await call(a, 'GET', '/__admin/sandboxes/qa-rep')).body.settings.allowFreightChange === false,
      'the settings changed on B, on A',
    );
    const names = (await call(a, 'GET', '/__admin/sandboxes')).body.sandboxes.map((s: { name: string }) => s.name);
    expect(names).toEqual(['default', 'qa-rep']);
  });

  it('cancel on one an order created on the other, giving the stock back once', async () => {
    const before = await stockOn(a);
    expect((await call(a, 'POST', CREATE, order('REP-1', 2))).status).toBe(200);
    expect(await stockOn(a)).toBe(before - 2);
    await until(async () => (await stockOn(b)) === before - 2, 'the reservation, on B');
    expect((await call(b, 'POST', CANCEL, { objectId: 'REP-1' })).status).toBe(200);
    expect((await call(b, 'POST', CANCEL, { objectId: 'REP-1' })).status).toBe(200);
    expect((await call(a, 'POST', CANCEL, { objectId: 'REP-1' })).status).toBe(200);
    expect(await stockOn(b)).toBe(before);
    await until(async () => (await stockOn(a)) === before, 'the release, on A');
    const view = (await call(a, 'GET', '/__admin/orders/REP-1')).body;
    expect(view.stockReleased).toBe(true);
    const events = view.statusHistory.map((h: { event: string }) => h.event);
    expect(events.filter((e: string) => e !== 'callback')).toEqual(['created', 'cancelled']);
    // The search on either shows the stock back, from its own cache.
    const search = (await call(a, 'GET', `${SEARCH}?searchType=SKUID&query=${SKU}`)).body;
    expect(search[0].variants.find((v: { objectId: string }) => v.objectId === SKU).quantity).toBe(before);
  });

  it('keep a creation repeated on the other replica idempotent', async () => {
    const before = await stockOn(b);
    expect((await call(a, 'POST', CREATE, order('REP-2'))).status).toBe(200);
    expect((await call(b, 'POST', CREATE, order('REP-2'))).status).toBe(200);
    expect((await call(a, 'POST', CREATE, order('REP-2'))).status).toBe(200);
    expect(await stockOn(b)).toBe(before - 1);
    const view = (await call(b, 'GET', '/__admin/orders/REP-2')).body;
    expect(view.reservations).toEqual([{ sku: SKU, units: 1, line: 'L1' }]);
    expect(view.statusHistory.filter((h: { event: string }) => h.event === 'created')).toHaveLength(1);
  });

  it('let exactly one of two replicas racing for the last unit have it, every time', async () => {
    for (let round = 0; round < 10; round += 1) {
      expect((await call(a, 'PUT', `/__admin/stock/${SKU}`, { quantity: 1 })).status).toBe(200);
      const ids = [`RACE-${round}-a`, `RACE-${round}-b`];
      const answers = await Promise.all([
        call(a, 'POST', CREATE, order(ids[0])),
        call(b, 'POST', CREATE, order(ids[1])),
      ]);
      expect(answers.map((r) => r.status)).toEqual([200, 200]);
      const views = await Promise.all(ids.map(async (id) => (await call(a, 'GET', `/__admin/orders/${id}`)).body));
      const reserved = views.map((v) => v.reservations.reduce((sum: number, r: { units: number }) => sum + r.units, 0));
      expect([...reserved].sort()).toEqual([0, 1]);
      const loser = views[reserved.indexOf(0)];
      expect(loser.notes[0]).toBe(`line L1: 1 of ${SKU} asked, 0 reserved (stock)`);
      expect(await stockOn(a)).toBe(0);
    }
  });

  it('hold stock to the rule under many creations at once on both', async () => {
    expect((await call(b, 'PUT', `/__admin/stock/${SKU}`, { quantity: 25 })).status).toBe(200);
    const ids = Array.from({ length: 60 }, (_, i) => `MANY-${i}`);
    const answers = await Promise.all(ids.map((id, i) => call(i % 2 === 0 ? a : b, 'POST', CREATE, order(id))));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    let reserved = 0;
    for (const id of ids) reserved += (await call(b, 'GET', `/__admin/orders/${id}`)).body.reservations.length;
    expect(reserved).toBe(25);
    expect(await stockOn(b)).toBe(0);
    await until(async () => (await stockOn(a)) === 0, 'the stock at 0, on A');
  });

  it('send one callback per order, whichever replica took it and however often it was created', async () => {
    const orders = (await call(a, 'GET', '/__admin/orders')).body as { objectId: string }[];
    const ids = orders.map((o) => o.objectId);
    await until(async () => {
      const views = (await call(b, 'GET', '/__admin/orders')).body as { callbacks: string[] }[];
      return views.every((v) => v.callbacks.length === 1 && v.callbacks[0] !== 'pending');
    }, 'every callback delivered');
    const paths = omnichat.calls.map((c) => c.path);
    expect(paths.filter((p) => p.includes('/REP-2/'))).toHaveLength(1);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.sort()).toEqual(ids.map((id) => `/v2/orders/${id}/statusChange`).sort());
    expect(omnichat.calls.every((c) => c.authorization === 'Bearer rep-tok')).toBe(true);
  });

  it("show on one replica's live stream the requests the other answered", async () => {
    const stream = await openStream(`${b.origin}/__admin/events`);
    try {
      expect(stream.status).toBe(200);
      expect((await call(a, 'GET', `${SEARCH}?query=seen-from-b`)).status).toBe(200);
      const event = await stream.next((e) => e.event === 'request' && e.data.includes('seen-from-b'));
      expect(JSON.parse(event.data)).toMatchObject({
        method: 'GET',
        path: SEARCH,
        status: 200,
        query: 'query=seen-from-b',
      });
    } finally {
      stream.close();
    }
  });
});

describe('a replica killed with SIGKILL', () => {
  it('loses nothing it answered 2xx for: sandboxes, settings, orders and their stock', async () => {
    const victim = await replica();
    expect((await call(victim, 'PUT', `/__admin/stock/${SKU}`, { quantity: 20 })).status).toBe(200);
    const before = await stockOn(victim);
    expect((await call(victim, 'POST', '/__admin/sandboxes', { name: 'kill-box', checkout: 'own' })).status).toBe(201);
    expect((await call(victim, 'PATCH', '/__admin/sandboxes/kill-box', { allowFreightChange: false })).status).toBe(
      200,
    );
    expect((await call(victim, 'PUT', '/__admin/scenarios/productSearch', { scenario: 'slow' })).status).toBe(200);
    expect((await call(victim, 'POST', `/sandboxes/kill-box${CREATE}`, order('KILL-1', 3))).status).toBe(200);
    expect((await call(victim, 'POST', CREATE, order('KILL-2', 2))).status).toBe(200);
    await kill(victim);
    const again = await replica();
    const box = (await call(again, 'GET', '/__admin/sandboxes/kill-box')).body;
    expect(box.settings).toMatchObject({ checkout: 'own', allowFreightChange: false });
    expect((await call(again, 'GET', '/__admin/scenarios')).body.defaults).toEqual({ productSearch: 'slow' });
    expect((await call(again, 'GET', '/__admin/sandboxes/kill-box/orders/KILL-1')).body.reservations).toEqual([
      { sku: SKU, units: 3, line: 'L1' },
    ]);
    expect((await call(again, 'GET', '/__admin/orders/KILL-2')).status).toBe(200);
    expect(await stockOn(again)).toBe(before - 2);
    expect((await call(again, 'GET', `/__admin/sandboxes/kill-box/stock/${SKU}`)).body.quantity).toBe(30 - 3);
    expect((await call(again, 'PUT', '/__admin/scenarios/productSearch', { scenario: null })).status).toBe(200);
  });

  it('has its callback retries made after the restart, with the attempts before it in the order', async () => {
    // Only one replica runs: the retry is that replica's, and it dies before making it.
    for (const child of [...running]) await kill(child);
    const first = await replica();
    omnichat.calls.length = 0;
    // The first attempt fails (a retry is written, due in 0.5 s); the second gets no answer.
    omnichat.statuses = [503, 'hold'];
    expect((await call(first, 'POST', CREATE, order('RETRY-1'))).status).toBe(200);
    await until(async () => omnichat.calls.length >= 2 || undefined, 'the retry, held');
    await kill(first);
    omnichat.release();
    const after = await replica();
    const view = await until(async () => {
      const body = (await call(after, 'GET', '/__admin/orders/RETRY-1')).body;
      return body.callbacks[0].outcome === 'delivered' ? body : undefined;
    }, 'the callback delivered after the restart');
    // The attempt cut short by the kill left no record; the one before it did, and so does the last.
    expect(view.callbacks[0].attempts.map((t: { status?: number }) => t.status)).toEqual([503, 200]);
    expect(view.statusHistory.at(-1)).toMatchObject({ event: 'callback', message: 'delivered after 2 attempts' });
  });
});
