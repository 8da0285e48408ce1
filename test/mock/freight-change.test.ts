import request from 'supertest';
import type { MockApp } from '../../src/mock';
import { CHECKER, CREATE, line, order, smallApp } from './helpers';

// Freight as quoted: orderValidation's shipping options are remembered per cart (objectId), and the
// freight the order arrives with is compared with them (OmniChat's "Alterar dados do frete" switch).

const CART = (id: string): Record<string, unknown> => order(id, [line('L1', '12345-1'), line('L2', '123456-1')], 'SP');

async function quote(app: MockApp, id: string, extra: Record<string, unknown> = {}): Promise<void> {
  const res = await request(app)
    .post(CHECKER)
    .send({ ...CART(id), ...extra });
  expect(res.status).toBe(200);
}

function create(app: MockApp, id: string, freight: Record<string, unknown>): request.Test {
  return request(app)
    .post(CREATE)
    .send({ ...CART(id), ...freight });
}

async function notes(app: MockApp, id: string): Promise<string[]> {
  const res = await request(app).get(`/__admin/orders/${id}`);
  expect(res.status).toBe(200);
  return res.body.notes as string[];
}

describe('freight as quoted, freight changes allowed (the default)', () => {
  const app = smallApp();
  afterAll(() => app.mock.close());

  it('notes an order whose freight is a quoted service at the quoted total (lines summed)', async () => {
    await quote(app, 'F-1');
    expect((await create(app, 'F-1', { shippingMethod: 'SEDEX', freightCost: 49.8 })).status).toBe(200);
    expect(await notes(app, 'F-1')).toEqual(['freight as quoted: SEDEX 49.80']);
  });

  it('matches the service by name in any case, and a cost alone by any quoted total', async () => {
    await quote(app, 'F-2');
    await create(app, 'F-2', { shippingMethod: 'sedex' });
    expect(await notes(app, 'F-2')).toEqual(['freight as quoted: SEDEX 49.80']);
    await quote(app, 'F-3');
    await create(app, 'F-3', { freightCost: 31.8 });
    expect(await notes(app, 'F-3')).toEqual(['freight as quoted: PAC 31.80']);
  });

  it('accepts a changed freight and notes both freights on the order', async () => {
    await quote(app, 'F-4', { shippingMethod: 'SEDEX' });
    const res = await create(app, 'F-4', { shippingMethod: 'Retirada', freightCost: 0 });
    expect(res.status).toBe(200);
    expect(await notes(app, 'F-4')).toEqual(['freight changed by the seller: quoted SEDEX 49.80, order Retirada 0.00']);
  });

  it('notes a quoted service at another price as changed, naming that service', async () => {
    await quote(app, 'F-5');
    await create(app, 'F-5', { shippingMethod: 'PAC', freightCost: 10 });
    expect(await notes(app, 'F-5')).toEqual(['freight changed by the seller: quoted PAC 31.80, order PAC 10.00']);
  });

  it('names the cheapest quoted service when the order names none of them', async () => {
    await quote(app, 'F-6');
    await create(app, 'F-6', { freightCost: 5 });
    expect(await notes(app, 'F-6')).toEqual(['freight changed by the seller: quoted PAC 31.80, order 5.00']);
  });

  it('accepts and notes an order whose cart was never quoted, and one without freight', async () => {
    await create(app, 'F-7', { shippingMethod: 'SEDEX', freightCost: 10 }).expect(200);
    expect(await notes(app, 'F-7')).toEqual([
      'freight not checked: the cart was never quoted (no orderValidation for this objectId); order SEDEX 10.00',
    ]);
    await quote(app, 'F-8');
    await create(app, 'F-8', {}).expect(200);
    expect(await notes(app, 'F-8')).toEqual([
      'freight not checked: the order carries no shippingMethod or freightCost',
    ]);
  });

  it('compares with the cart as last quoted', async () => {
    await quote(app, 'F-9');
    await request(app)
      .post(CHECKER)
      .send(order('F-9', [line('L1', '12345-1')], 'SP'))
      .expect(200);
    await create(app, 'F-9', { shippingMethod: 'SEDEX', freightCost: 24.9 });
    expect(await notes(app, 'F-9')).toEqual(['freight as quoted: SEDEX 24.90']);
  });

  it('forgets the quotes on reset', async () => {
    await quote(app, 'F-10');
    await request(app).post('/__admin/reset').type('json').expect(200);
    await create(app, 'F-10', { shippingMethod: 'SEDEX', freightCost: 49.8 });
    expect((await notes(app, 'F-10'))[0]).toMatch(/^freight not checked: the cart was never quoted/);
  });
});

describe('freight changes refused (--freight-change refused)', () => {
  const app = smallApp({ allowFreightChange: false });
  afterAll(() => app.mock.close());

  it('answers 422 freight-changed naming both freights, and stores nothing', async () => {
    await quote(app, 'R-1');
    const res = await create(app, 'R-1', { shippingMethod: 'Retirada', freightCost: 0 });
    expect(res.status).toBe(422);
    expect(res.type).toBe('application/problem+json');
    expect(res.body).toMatchObject({
      type: 'https://omnichat-merchant-kit.dev/problems/freight-changed',
      status: 422,
      quoted: { shippingMethod: 'PAC', freightCost: 31.8 },
      ordered: { shippingMethod: 'Retirada', freightCost: 0 },
    });
    expect(res.body.detail).toContain('quoted PAC 31.80, order Retirada 0.00');
    expect(res.body.detail).toContain('allowFreightChange');
    expect((await request(app).get('/__admin/orders/R-1')).status).toBe(404);
  });

  it('then accepts the same order with the quoted freight', async () => {
    await create(app, 'R-1', { shippingMethod: 'PAC', freightCost: 31.8 }).expect(200);
    expect(await notes(app, 'R-1')).toEqual(['freight as quoted: PAC 31.80']);
  });

  it('accepts an order whose cart was never quoted, or without freight', async () => {
    await create(app, 'R-2', { shippingMethod: 'Retirada', freightCost: 0 }).expect(200);
    await quote(app, 'R-3');
    await create(app, 'R-3', {}).expect(200);
  });

  it('answers a repeated creation of a stored order 200 without comparing again', async () => {
    await create(app, 'R-1', { shippingMethod: 'Retirada', freightCost: 0 }).expect(200);
  });
});
