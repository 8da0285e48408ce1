import request from 'supertest';
import { CHECKER, CREATE, SEARCH, line, order, smallApp } from './helpers';

// Sandboxes: isolated stores in one mock, at /sandboxes/{name} + the base path, created on first use,
// each with its own stock, orders, journal, scenario defaults and settings.

const IN = (name: string, path: string): string => `/sandboxes/${name}${path}`;

interface Entry {
  action: string;
  componentId: string;
  message?: string;
}

describe('two sandboxes and the default store', () => {
  const app = smallApp();
  afterAll(() => app.mock.close());

  it('creates a sandbox on its first request, with the server settings, and lists it with its five paths', async () => {
    await request(app).get(IN('qa-ana', SEARCH)).query({ query: 'camiseta' }).expect(200);
    const list = (await request(app).get('/__admin/sandboxes').expect(200)).body;
    expect(list.sandboxes.map((s: { name: string }) => s.name)).toEqual(['default', 'qa-ana']);
    expect(list.sandboxes[1]).toMatchObject({
      paths: {
        productSearch: '/sandboxes/qa-ana/v1/products/productsearch',
        orderValidation: '/sandboxes/qa-ana/v1/orders/orderchecker',
        orderCreation: '/sandboxes/qa-ana/v1/orders/orderprovisioning',
        orderCancellation: '/sandboxes/qa-ana/v1/orders/ordercancel',
        statusNotification: '/sandboxes/qa-ana/v1/orders/statuschange',
      },
      settings: { checkout: 'omni', headers: [], omnichatApi: null, allowFreightChange: true },
      requests: 1,
      orders: 0,
    });
    expect(list).toMatchObject({ maxSandboxes: 50, idleSeconds: 86400, dropped: [] });
  });

  it("keeps each sandbox's orders, stock and journal to itself", async () => {
    await request(app)
      .post(IN('qa-ana', CREATE))
      .send(order('ANA-1', [line('L1', '2001-P', 5)]))
      .expect(200);
    // qa-ana sold out the variant; qa-bia and the default store still have all 5.
    const check = async (path: string): Promise<Entry[]> =>
      (
        await request(app)
          .post(path)
          .send(order('C-1', [line('L1', '2001-P', 5)]))
      ).body.filter((e: Entry) => e.action === 'ERROR');
    expect(await check(IN('qa-ana', CHECKER))).toHaveLength(1);
    expect(await check(IN('qa-bia', CHECKER))).toEqual([]);
    expect(await check(CHECKER)).toEqual([]);
    const orders = async (admin: string): Promise<string[]> =>
      (await request(app).get(admin).expect(200)).body.map((o: { objectId: string }) => o.objectId);
    expect(await orders('/__admin/sandboxes/qa-ana/orders')).toEqual(['ANA-1']);
    expect(await orders('/__admin/sandboxes/qa-bia/orders')).toEqual([]);
    expect(await orders('/__admin/orders')).toEqual([]);
    const paths = async (admin: string): Promise<string[]> =>
      (await request(app).get(admin)).body.map((e: { path: string }) => e.path);
    expect(await paths('/__admin/sandboxes/qa-bia/requests')).toEqual([IN('qa-bia', CHECKER)]);
    expect(await paths('/__admin/requests')).toEqual([CHECKER]);
  });

  it("keeps a sandbox's scenario defaults and reset to itself", async () => {
    await request(app)
      .put('/__admin/sandboxes/qa-ana/scenarios/productSearch')
      .send({ scenario: 'server-error' })
      .expect(200);
    await request(app).get(IN('qa-ana', SEARCH)).expect(500);
    await request(app).get(IN('qa-bia', SEARCH)).expect(200);
    await request(app).get(SEARCH).expect(200);
    await request(app).post('/__admin/sandboxes/qa-ana/reset').type('json').expect(200);
    await request(app).get(IN('qa-ana', SEARCH)).expect(200);
    expect((await request(app).get('/__admin/sandboxes/qa-ana/orders')).body).toEqual([]);
    expect((await request(app).get('/__admin/sandboxes/qa-bia/requests')).body.length).toBeGreaterThan(0);
  });

  it('serves the default store at /sandboxes/default too', async () => {
    await request(app)
      .post(IN('default', CREATE))
      .send(order('DEF-1', [line('L1', '2001-M')]))
      .expect(200);
    expect((await request(app).get('/__admin/orders/DEF-1')).status).toBe(200);
    expect((await request(app).get('/__admin/sandboxes/default/orders/DEF-1')).status).toBe(200);
  });

  it.each([
    ['upper-case letters', 'QA-Ana'],
    ['an underscore', 'qa_ana'],
    ['41 characters', 'a'.repeat(41)],
  ])('refuses a name with %s with 400 bad-sandbox-name, saying the rule', async (_what, name) => {
    const res = await request(app).get(IN(name, SEARCH)).expect(400);
    expect(res.body.type).toContain('bad-sandbox-name');
    expect(res.body.detail).toContain('lower-case letters, digits and dashes');
  });

  it('creates nothing for a path that is no operation, and answers 404 for an admin call on an unknown sandbox', async () => {
    await request(app).get('/sandboxes/qa-ghost/v1/nothing').expect(404);
    await request(app).put(IN('qa-ghost', SEARCH)).expect(405);
    const res = await request(app).get('/__admin/sandboxes/qa-ghost/orders').expect(404);
    expect(res.body.type).toContain('sandbox-not-found');
  });

  it('deletes a sandbox; its next request starts a fresh one', async () => {
    await request(app).delete('/__admin/sandboxes/qa-ana').type('json').expect(200);
    await request(app).get('/__admin/sandboxes/qa-ana').expect(404);
    await request(app).get(IN('qa-ana', SEARCH)).expect(200);
    expect((await request(app).get('/__admin/sandboxes/qa-ana')).body).toMatchObject({ orders: 0, requests: 1 });
    const refused = await request(app).delete('/__admin/sandboxes/default').type('json').expect(400);
    expect(refused.body.detail).toContain('reset it instead');
  });
});

describe('sandbox settings', () => {
  const app = smallApp();
  afterAll(() => app.mock.close());

  it('creates a sandbox with its own settings, secrets masked in every answer', async () => {
    const res = await request(app)
      .post('/__admin/sandboxes')
      .type('json')
      .send({
        name: 'loja-own',
        checkout: 'own',
        headers: [{ key: 'X-Api-Key', value: 'sbx-k3y-991' }],
        omnichatApi: 'http://127.0.0.1:9',
        omnichatToken: 'sbx-omni-tok',
        allowFreightChange: false,
      })
      .expect(201);
    expect(res.body.settings).toEqual({
      checkout: 'own',
      headers: [{ key: 'X-Api-Key', value: '***' }],
      omnichatApi: 'http://127.0.0.1:9/',
      omnichatToken: '***',
      allowFreightChange: false,
    });
    const list = JSON.stringify((await request(app).get('/__admin/sandboxes')).body);
    expect(list).not.toContain('sbx-k3y-991');
    expect(list).not.toContain('sbx-omni-tok');
  });

  it('requires its headers on its operations only', async () => {
    await request(app).get(IN('loja-own', SEARCH)).expect(401);
    await request(app).get(IN('loja-own', SEARCH)).set('x-api-key', 'sbx-k3y-991').expect(200);
    await request(app).get(SEARCH).expect(200);
  });

  it('refuses a changed freight in that sandbox only', async () => {
    const cart = { ...order('FR-1', [line('L1', '2001-P')]), shippingMethod: 'Retirada', freightCost: 0 };
    await request(app).post(IN('loja-own', CHECKER)).set('x-api-key', 'sbx-k3y-991').send(cart).expect(200);
    await request(app).post(IN('loja-own', CREATE)).set('x-api-key', 'sbx-k3y-991').send(cart).expect(422);
    await request(app).post(CHECKER).send(cart).expect(200);
    await request(app).post(CREATE).send(cart).expect(200);
  });

  it('changes settings with PATCH: the next request follows them', async () => {
    const res = await request(app)
      .patch('/__admin/sandboxes/loja-own')
      .send({ headers: [], allowFreightChange: true })
      .expect(200);
    expect(res.body.settings).toMatchObject({ headers: [], allowFreightChange: true, checkout: 'own' });
    await request(app).get(IN('loja-own', SEARCH)).expect(200);
  });

  it.each([
    ['an unknown setting', { colour: 'blue' }, 'unknown setting "colour"'],
    ['a bad checkout', { checkout: 'paypal' }, 'checkout'],
    ['six headers', { headers: Array.from({ length: 6 }, (_, i) => ({ key: `X-H${i}`, value: 'v' })) }, 'at most 5'],
    ['a header without a value', { headers: [{ key: 'X-A', value: '' }] }, 'headers/0'],
    ['a header value with a line break', { headers: [{ key: 'X-A', value: 'a\r\nb' }] }, 'headers/0'],
    ['an OmniChat API that is no URL', { omnichatApi: 'orders-api' }, 'omnichatApi'],
    ['a freight switch that is no boolean', { allowFreightChange: 'no' }, 'allowFreightChange'],
  ])('refuses %s with 400 naming the setting, changing nothing', async (_what, body, text) => {
    const res = await request(app).patch('/__admin/sandboxes/loja-own').send(body).expect(400);
    expect(res.body.detail).toContain(text);
    expect((await request(app).get('/__admin/sandboxes/loja-own')).body.settings.checkout).toBe('own');
  });

  it('refuses to create a sandbox that exists, or without a name', async () => {
    expect((await request(app).post('/__admin/sandboxes').send({ name: 'loja-own' }).expect(409)).body.type).toContain(
      'sandbox-exists',
    );
    await request(app).post('/__admin/sandboxes').send({ checkout: 'own' }).expect(400);
    await request(app).post('/__admin/sandboxes').send({ name: 'Bad Name' }).expect(400);
  });

  it("changes the default store's settings too", async () => {
    await request(app)
      .patch('/__admin/sandboxes/default')
      .send({ headers: [{ key: 'X-Default', value: 'def-k3y' }] })
      .expect(200);
    await request(app).get(SEARCH).expect(401);
    await request(app).get(SEARCH).set('x-default', 'def-k3y').expect(200);
    await request(app).get(IN('loja-own', SEARCH)).expect(200);
  });
});

describe('--max-sandboxes', () => {
  const app = smallApp({ maxSandboxes: 2 });
  afterAll(() => app.mock.close());

  it('refuses a sandbox past the bound with 503 naming the bound and the flag', async () => {
    await request(app).get(IN('one', SEARCH)).expect(200);
    await request(app).post('/__admin/sandboxes').send({ name: 'two' }).expect(201);
    const res = await request(app).get(IN('three', SEARCH)).expect(503);
    expect(res.type).toBe('application/problem+json');
    expect(res.body).toMatchObject({ type: expect.stringContaining('sandbox-limit'), maxSandboxes: 2 });
    expect(res.body.detail).toContain('2 sandboxes');
    expect(res.body.detail).toContain('--max-sandboxes');
    await request(app).post('/__admin/sandboxes').send({ name: 'three' }).expect(503);
    // Existing ones and the default store keep working.
    await request(app).get(IN('one', SEARCH)).expect(200);
    await request(app).get(SEARCH).expect(200);
  });

  it('makes room when a sandbox is deleted', async () => {
    await request(app).delete('/__admin/sandboxes/one').type('json').expect(200);
    await request(app).get(IN('three', SEARCH)).expect(200);
  });
});
