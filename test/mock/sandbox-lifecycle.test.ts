import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createMockListener, type MockApp } from '../../src/mock';
import { until } from '../support/until';
import { openStream } from './event-stream';
import { CREATE, SEARCH, line, order, smallApp } from './helpers';
import { OmniChatStandIn } from './receiver';

// What a sandbox does over time: its callbacks follow its own settings, an idle one is dropped (never
// one in use, never silently), and the byte budgets count every sandbox together.

const IN = (name: string, path: string): string => `/sandboxes/${name}${path}`;

describe('callbacks of a sandbox', () => {
  const omnichat = new OmniChatStandIn();
  let api = '';
  beforeAll(async () => {
    api = await omnichat.start();
  });
  afterAll(() => omnichat.stop());

  it("go to the sandbox's own OmniChat API, and its own-checkout link is served in the sandbox", async () => {
    const app = smallApp({ publicUrl: 'http://127.0.0.1:4599', callbackRetry: { attempts: 1, baseDelayMs: 5 } });
    await request(app)
      .post('/__admin/sandboxes')
      .type('json')
      .send({ name: 'loja-cb', checkout: 'own', omnichatApi: `${api}/loja-cb`, omnichatToken: 'cb-tok' })
      .expect(201);
    await request(app)
      .post(IN('loja-cb', CREATE))
      .send(order('CB-1', [line('L1', '2001-P')]))
      .expect(200);
    await request(app)
      .post(CREATE)
      .send(order('CB-2', [line('L1', '2001-P')]))
      .expect(200);
    await app.mock.idle();
    expect(omnichat.calls.map((c) => c.path)).toEqual(['/loja-cb/v2/orders/CB-1/provisions']);
    const { checkoutUrl } = omnichat.calls[0].body as { checkoutUrl: string };
    expect(checkoutUrl).toBe('http://127.0.0.1:4599/sandboxes/loja-cb/__checkout/CB-1');
    const page = await request(app).get('/sandboxes/loja-cb/__checkout/CB-1').expect(200);
    expect(page.text).toContain('Pedido CB-1');
    await request(app).get('/__checkout/CB-1').expect(404);
    await app.mock.close();
  });

  it('share one bound on sockets and waiting callbacks over every sandbox', async () => {
    const app = smallApp({ omnichatApi: api, callbackLimits: { inFlight: 1, queued: 1 } });
    omnichat.hold();
    for (const name of ['one', 'two', 'three'])
      await request(app)
        .post(IN(name, CREATE))
        .send(order(`Q-${name}`, [line('L1', '2001-P')]))
        .expect(200);
    const third = (await request(app).get('/__admin/sandboxes/three/orders/Q-three')).body;
    expect(third.callbacks[0].attempts[0].error).toContain('not sent: the callback queue is full');
    omnichat.release();
    await app.mock.idle();
    for (const name of ['one', 'two']) {
      const view = (await request(app).get(`/__admin/sandboxes/${name}/orders/Q-${name}`)).body;
      expect(view.callbacks[0].outcome).toBe('delivered');
    }
    await app.mock.close();
  });

  it('follow a settings change for the next order', async () => {
    const app = smallApp({ callbackRetry: { attempts: 1, baseDelayMs: 5 } });
    omnichat.calls.length = 0;
    await request(app)
      .post(IN('loja-x', CREATE))
      .send(order('X-1', [line('L1', '2001-P')]))
      .expect(200);
    await request(app).patch('/__admin/sandboxes/loja-x').send({ omnichatApi: api }).expect(200);
    await request(app)
      .post(IN('loja-x', CREATE))
      .send(order('X-2', [line('L1', '2001-P')]))
      .expect(200);
    await app.mock.idle();
    expect(omnichat.calls.map((c) => c.path)).toEqual(['/v2/orders/X-2/statusChange']);
    await app.mock.close();
  });
});

describe('idle sandboxes', () => {
  const logs: string[] = [];
  let app: MockApp;
  beforeEach(() => {
    logs.length = 0;
    app = smallApp({ sandboxIdleMs: 60_000, log: (text) => logs.push(text) });
  });
  afterEach(() => app.mock.close());

  /** Makes a sandbox look unused for two minutes. */
  const age = (name: string): void => {
    const ctx = app.mock.sandboxes.get(name);
    if (ctx) ctx.usage.lastUsed -= 120_000;
  };

  it('drops a sandbox without requests for --sandbox-idle, logs it and lists it', async () => {
    await request(app).get(IN('idle-one', SEARCH)).expect(200);
    await request(app).get(IN('busy-one', SEARCH)).expect(200);
    age('idle-one');
    await app.mock.sandboxes.sweep();
    const list = (await request(app).get('/__admin/sandboxes')).body;
    expect(list.sandboxes.map((s: { name: string }) => s.name)).toEqual(['default', 'busy-one']);
    expect(list.dropped).toEqual([expect.objectContaining({ name: 'idle-one', idleSeconds: 120 })]);
    expect(logs.map((l) => JSON.parse(l))).toContainEqual(
      expect.objectContaining({ event: 'sandbox-dropped', sandbox: 'idle-one', idleSeconds: 120 }),
    );
  });

  it('never drops the default store', async () => {
    app.mock.context.usage.lastUsed -= 10 * 86_400_000;
    await app.mock.sandboxes.sweep();
    await request(app).get('/__admin/sandboxes/default').expect(200);
  });

  it('keeps an idle sandbox a dashboard watches', async () => {
    await request(app).get(IN('watched', SEARCH)).expect(200);
    const server = http.createServer(createMockListener(app));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const stream = await openStream(`${origin}/__admin/sandboxes/watched/events`);
    age('watched');
    await app.mock.sandboxes.sweep();
    expect(app.mock.sandboxes.get('watched')).toBeDefined();
    stream.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('keeps an idle sandbox that is answering a request', async () => {
    await request(app).get(IN('slow', SEARCH)).expect(200);
    const slow = request(app)
      .get(IN('slow', SEARCH))
      .set('prefer', 'delay=300')
      .then((res) => res.status);
    const ctx = app.mock.sandboxes.get('slow');
    await until(() => (ctx?.usage.inFlight ?? 0) > 0);
    age('slow');
    await app.mock.sandboxes.sweep();
    expect(app.mock.sandboxes.get('slow')).toBeDefined();
    expect(await slow).toBe(200);
  });

  it('keeps an idle sandbox whose callback is still being sent', async () => {
    const omnichat = new OmniChatStandIn();
    const api = await omnichat.start();
    omnichat.hold();
    await request(app).post('/__admin/sandboxes').send({ name: 'sending', omnichatApi: api }).expect(201);
    await request(app)
      .post(IN('sending', CREATE))
      .send(order('S-1', [line('L1', '2001-P')]))
      .expect(200);
    age('sending');
    await app.mock.sandboxes.sweep();
    expect(app.mock.sandboxes.get('sending')).toBeDefined();
    omnichat.release();
    await app.mock.idle();
    await app.mock.sandboxes.sweep();
    expect(app.mock.sandboxes.get('sending')).toBeUndefined();
    await omnichat.stop();
  });

  it('makes room for a new sandbox at the bound by dropping idle ones first', async () => {
    const bounded = smallApp({ maxSandboxes: 1, sandboxIdleMs: 60_000 });
    await request(bounded).get(IN('old', SEARCH)).expect(200);
    const old = bounded.mock.sandboxes.get('old');
    if (old) old.usage.lastUsed -= 120_000;
    await request(bounded).get(IN('new', SEARCH)).expect(200);
    expect((await bounded.mock.sandboxes.list()).map((s) => s.name)).toEqual(['default', 'new']);
    await bounded.mock.close();
  });
});

describe('byte budgets over sandboxes', () => {
  it('count every sandbox together: orders of one evict the oldest orders of another', async () => {
    const app = smallApp({ storeBudgetBytes: 64 * 1024 });
    await request(app)
      .post(CREATE)
      .send(order('FIRST', [line('L1', '2001-P')]))
      .expect(200);
    const big = 'x'.repeat(4000);
    for (let i = 0; i < 40; i += 1)
      await request(app)
        .post(IN('filler', CREATE))
        .send({ ...order(`F-${i}`, [line('L1', '2002-1')]), note: big })
        .expect(200);
    await request(app).get('/__admin/orders/FIRST').expect(404);
    const budgets = (await request(app).get('/__admin/budgets')).body;
    expect(budgets.store.usedBytes).toBeLessThanOrEqual(64 * 1024);
    // The evicted order released its stock in the default store.
    const stock = (await request(app).get('/__admin/stock/2001-P')).body;
    expect(stock.quantity).toBe(5);
    await app.mock.close();
  });
});
