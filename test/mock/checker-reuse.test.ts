import request from 'supertest';
import { CANCEL, CHECKER, CREATE, NOTIFY, line, notification, order, smallApp } from './helpers';

/** The same bytes every time: an answer reused for identical bodies must still follow the live state. */
const BODY = JSON.stringify(order('RU-1', [line('L1', '2001-P', 5)]));
const errorsOf = (res: request.Response): string[] =>
  (res.body as { action: string; message?: string }[]).filter((e) => e.action === 'ERROR').map((e) => e.message ?? '');
const check = (app: ReturnType<typeof smallApp>, prefer?: string): request.Test => {
  const req = request(app).post(CHECKER).set('content-type', 'application/json');
  return (prefer ? req.set('Prefer', prefer) : req).send(BODY);
};

describe('orderValidation answers to identical bodies', () => {
  it('follow stock: another order taking the stock turns the same cart into an ERROR, its cancellation back', async () => {
    const app = smallApp();
    expect(errorsOf(await check(app))).toEqual([]);
    expect(errorsOf(await check(app))).toEqual([]);
    await request(app)
      .post(CREATE)
      .send(order('OTHER', [line('L1', '2001-P', 1)]))
      .expect(200);
    expect(errorsOf(await check(app))).toEqual([expect.stringContaining('Estoque insuficiente')]);
    await request(app).post(CANCEL).send({ objectId: 'OTHER' }).expect(200);
    expect(errorsOf(await check(app))).toEqual([]);
    await app.mock.close();
  });

  it("count the order's own reservation once it is created, and not after a CANCELLED notification", async () => {
    const app = smallApp();
    expect(errorsOf(await check(app))).toEqual([]);
    await request(app).post(CREATE).send(BODY).set('content-type', 'application/json').expect(200);
    // Its own 5 units are the whole stock: still sellable to this order.
    expect(errorsOf(await check(app))).toEqual([]);
    await request(app).post(NOTIFY).send(notification('RU-1', 'CANCELLED')).expect(200);
    expect(errorsOf(await check(app))).toEqual([]);
    await request(app)
      .post(CREATE)
      .send(order('OTHER', [line('L1', '2001-P', 5)]))
      .expect(200);
    expect(errorsOf(await check(app))).toEqual([expect.stringContaining('Estoque insuficiente')]);
    await app.mock.close();
  });

  it('follow the scenario of each request: out-of-stock once, then the normal answer again', async () => {
    const app = smallApp();
    expect(errorsOf(await check(app))).toEqual([]);
    expect(errorsOf(await check(app, 'scenario=out-of-stock'))).toHaveLength(1);
    expect(errorsOf(await check(app))).toEqual([]);
    await app.mock.close();
  });

  it('under --lenient keep reporting the violations of a body that breaks the contract, every time', async () => {
    const lines: string[] = [];
    const app = smallApp({ lenient: true, log: (l) => lines.push(l) });
    const broken = JSON.stringify({ objectId: 'RU-2', items: [{ objectId: 'L1', variantId: 'x', quantity: 'two' }] });
    for (let i = 0; i < 3; i += 1)
      await request(app).post(CHECKER).set('content-type', 'application/json').send(broken).expect(200);
    const journal = (await request(app).get('/__admin/requests')).body as { violations?: unknown[] }[];
    expect(journal.map((e) => (e.violations ?? []).length > 0)).toEqual([true, true, true]);
    expect(lines.filter((l) => /"violations":[1-9]/.test(l))).toHaveLength(3);
    await app.mock.close();
  });

  it('are journaled and logged one by one', async () => {
    const lines: string[] = [];
    const app = smallApp({ log: (l) => lines.push(l) });
    for (let i = 0; i < 4; i += 1) await check(app).expect(200);
    expect(lines.filter((l) => l.includes('orderchecker'))).toHaveLength(4);
    expect((await request(app).get('/__admin/requests')).body).toHaveLength(4);
    await app.mock.close();
  });

  it("remember the cart's freight quote again: the last cart quoted is the one an order is compared with", async () => {
    const app = smallApp();
    const two = JSON.stringify(order('RU-Q', [line('L1', '12345-1'), line('L2', '123456-1')], 'SP'));
    const one = JSON.stringify(order('RU-Q', [line('L1', '12345-1')], 'SP'));
    for (const body of [two, two, one, two])
      await request(app).post(CHECKER).set('content-type', 'application/json').send(body).expect(200);
    // The two-line cart was quoted last (its answer reused): SEDEX for both lines, 24.90 each.
    await request(app)
      .post(CREATE)
      .set('content-type', 'application/json')
      .send({ ...JSON.parse(two), shippingMethod: 'SEDEX', freightCost: 49.8 })
      .expect(200);
    expect((await request(app).get('/__admin/orders/RU-Q')).body.notes).toEqual(['freight as quoted: SEDEX 49.80']);
    await app.mock.close();
  });

  it('are kept per sandbox: a sandbox with its own stock answers its own way', async () => {
    const app = smallApp();
    expect(errorsOf(await check(app))).toEqual([]);
    await request(app)
      .post(`/sandboxes/s1${CREATE}`)
      .send(order('OTHER', [line('L1', '2001-P', 1)]))
      .expect(200);
    const inSandbox = await request(app)
      .post(`/sandboxes/s1${CHECKER}`)
      .set('content-type', 'application/json')
      .send(BODY);
    expect(errorsOf(inSandbox)).toEqual([expect.stringContaining('Estoque insuficiente')]);
    expect(errorsOf(await check(app))).toEqual([]);
    await app.mock.close();
  });

  it("follow the admin API's stock and blocks", async () => {
    const app = smallApp();
    expect(errorsOf(await check(app))).toEqual([]);
    await request(app).put('/__admin/stock/2001-P').send({ quantity: 2 }).expect(200);
    expect(errorsOf(await check(app))).toEqual([expect.stringContaining('Estoque insuficiente')]);
    await request(app).put('/__admin/stock/2001-P').send({ quantity: 5 }).expect(200);
    expect(errorsOf(await check(app))).toEqual([]);
    await request(app).put('/__admin/products/2001/blocked').send({ blocked: true }).expect(200);
    expect(errorsOf(await check(app))).toEqual([expect.stringContaining('bloqueado')]);
    await app.mock.close();
  });
});
