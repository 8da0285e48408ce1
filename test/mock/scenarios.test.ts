import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { validate } from '../../src/contracts';
import { until } from '../support/until';
import { CHECKER, CREATE, SEARCH, line, order, smallApp } from './helpers';

const app = smallApp();
afterAll(() => app.mock.close());
beforeEach(async () => {
  await request(app).post('/__admin/reset').type('json');
});

describe('scenarios', () => {
  it('out-of-stock shows every variant with quantity 0 in search', async () => {
    const res = await request(app).get(SEARCH).query({ query: 'iphone' }).set('Prefer', 'scenario=out-of-stock');
    expect(res.status).toBe(200);
    expect(validate('productSearch', 'response', res.body)).toEqual([]);
    const quantities = res.body.flatMap((p: { variants: { quantity: number }[] }) => p.variants.map((v) => v.quantity));
    expect(new Set(quantities)).toEqual(new Set([0]));
    const normal = await request(app).get(SEARCH).query({ query: 'iphone' });
    expect(normal.body[0].variants[0].quantity).toBe(30);
  });

  it('out-of-stock answers an ERROR for every cart line, picked with ?__scenario', async () => {
    const res = await request(app)
      .post(`${CHECKER}?__scenario=out-of-stock`)
      .send(order('S-1', [line('L1', '4001-1'), line('L2', '2001-P')]));
    expect(res.status).toBe(200);
    expect(
      res.body
        .filter((e: { action: string }) => e.action === 'ERROR')
        .map((e: { componentId: string }) => e.componentId),
    ).toEqual(['L1', 'L2']);
  });

  it.each([
    ['server-error', 500, 'application/problem+json'],
    ['unavailable', 503, 'application/problem+json'],
  ])('%s answers %i problem+json', async (name, status, type) => {
    const res = await request(app).post(CREATE).set('Prefer', `scenario=${name}`).send({ objectId: 'S-2' });
    expect(res.status).toBe(status);
    expect(res.type).toBe(type);
    if (name === 'unavailable') expect(res.headers['retry-after']).toBe('30');
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    const res = await request(app)
      .get(SEARCH)
      .set('Prefer', 'scenario=malformed')
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString()));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.body as string)).toThrow();
  });

  it('empty answers 200 with no body', async () => {
    const res = await request(app).post(CREATE).set('Prefer', 'scenario=empty').send({ objectId: 'S-3' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
  });

  it('reset drops the connection without an answer', async () => {
    await expect(request(app).get(SEARCH).set('Prefer', 'scenario=reset')).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('Prefer: delay=MS answers normally after the delay', async () => {
    const res = await request(app).get(SEARCH).query({ query: 'iphone' }).set('Prefer', 'delay=30');
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(2);
    const journal = (await request(app).get('/__admin/requests')).body;
    expect(journal.at(-1).durationMs).toBeGreaterThanOrEqual(29);
  });

  it('slow waits past the 5 s budget: a client with a 300 ms timeout gives up', async () => {
    await expect(request(app).get(SEARCH).set('Prefer', 'scenario=slow').timeout(300)).rejects.toThrow(/Timeout/);
  });

  it('a custom scenario answers its status, headers and body', async () => {
    const res = await request(app).post(CREATE).set('Prefer', 'scenario=rejected').send({ objectId: 'S-4' });
    expect(res.status).toBe(422);
    expect(res.headers['x-scenario']).toBe('rejected');
    expect(res.body).toEqual({ type: 'about:blank', title: 'Pedido recusado', status: 422 });
    expect((await request(app).get('/__admin/orders/S-4')).status).toBe(404);
  });

  it('an unknown scenario is a 400 listing the available ones', async () => {
    const res = await request(app).get(SEARCH).set('Prefer', 'scenario=flaky');
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(res.body.available).toEqual(expect.arrayContaining(['out-of-stock', 'slow', 'reset', 'html-page']));
    expect(res.body.detail).toContain('flaky');
  });

  it('a default scenario set through the admin API applies until cleared', async () => {
    await request(app).put('/__admin/scenarios/orderCreation').send({ scenario: 'server-error' }).expect(200);
    expect((await request(app).post(CREATE).send({ objectId: 'S-5' })).status).toBe(500);
    expect((await request(app).get(SEARCH)).status).toBe(200);
    await request(app).put('/__admin/scenarios/orderCreation').send({ scenario: null }).expect(200);
    expect((await request(app).post(CREATE).send({ objectId: 'S-5' })).status).toBe(200);
  });

  it.each([
    ['an unknown operation', '/__admin/scenarios/orderDelete', { scenario: 'slow' }, 400],
    ['an unknown scenario', '/__admin/scenarios/orderCreation', { scenario: 'flaky' }, 400],
    ['a body without scenario', '/__admin/scenarios/orderCreation', { name: 'slow' }, 400],
  ])('the admin API refuses %s with a problem', async (_what, path, body, status) => {
    const res = await request(app).put(path).send(body);
    expect(res.status).toBe(status);
    expect(res.type).toBe('application/problem+json');
  });
});

describe('slow answers and shutdown', () => {
  it('close() ends pending delays early so no timer outlives the server', async () => {
    const local = smallApp();
    const server = http.createServer(local);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const pending = fetch(`http://127.0.0.1:${port}${SEARCH}`, { headers: { prefer: 'scenario=slow' } }).catch(
      () => undefined,
    );
    // The request is waiting out its delay once the mock holds its timer.
    await until(() => local.mock.context.waits.size === 1);
    await local.mock.close();
    expect(local.mock.context.waits.size).toBe(0);
    const res = await pending;
    expect(res?.status).toBe(200);
    await new Promise((resolve) => server.close(resolve));
  });
});
