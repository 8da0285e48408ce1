import request from 'supertest';
import { CHECKER, SEARCH, line, order, smallApp } from './helpers';

// The stock screen's resources: search the catalog, read and set a variant's live quantity, block
// and unblock a product; every change shows in the next search and cart check of that store.

interface CheckerEntry {
  action: string;
  componentId: string;
  message?: string;
}

const errorsOf = (entries: CheckerEntry[]): CheckerEntry[] => entries.filter((e) => e.action === 'ERROR');

describe('admin stock', () => {
  const app = smallApp();
  afterAll(() => app.mock.close());
  beforeEach(() => request(app).post('/__admin/reset').type('json').expect(200));

  it('searches the catalog with the productSearch parameters, live and catalog quantities side by side', async () => {
    const res = await request(app).get('/__admin/stock').query({ query: 'camiseta basica' }).expect(200);
    expect(res.body).toEqual([
      {
        objectId: '2001',
        name: 'Camiseta Básica Algodão',
        blocked: false,
        sellOutOfStock: false,
        variants: [
          expect.objectContaining({ objectId: '2001-P', quantity: 5, initialQuantity: 5, visible: true }),
          expect.objectContaining({ objectId: '2001-M', quantity: 3, initialQuantity: 3 }),
        ],
      },
    ]);
    const bySku = await request(app).get('/__admin/stock').query({ searchType: 'SKUID', query: '5001-1' });
    expect(bySku.body[0].variants[0]).toMatchObject({ objectId: '5001-1', quantity: null, initialQuantity: null });
  });

  it('refuses a stock search that breaks the productSearch parameters, naming the field', async () => {
    const res = await request(app).get('/__admin/stock').query({ size: 0 }).expect(400);
    expect(res.body).toMatchObject({ type: expect.stringContaining('bad-admin-request') });
    expect(res.body.detail).toContain('/size');
  });

  it('sets a variant to 0, and the next cart check answers an ERROR for it and the search shows 0', async () => {
    const set = await request(app).put('/__admin/stock/2001-P').send({ quantity: 0 }).expect(200);
    expect(set.body).toMatchObject({ objectId: '2001-P', quantity: 0, initialQuantity: 5, productId: '2001' });
    const check = await request(app)
      .post(CHECKER)
      .send(order('S-1', [line('L1', '2001-P')]))
      .expect(200);
    expect(errorsOf(check.body)).toEqual([
      expect.objectContaining({ componentId: 'L1', message: expect.stringContaining('Estoque insuficiente') }),
    ]);
    const search = await request(app).get(SEARCH).query({ searchType: 'SKUID', query: '2001-P' });
    expect(search.body[0].variants.find((v: { objectId: string }) => v.objectId === '2001-P').quantity).toBe(0);
    expect((await request(app).get('/__admin/stock/2001-P')).body.quantity).toBe(0);
  });

  it('raises a variant above its catalog stock, so a larger cart passes', async () => {
    await request(app).put('/__admin/stock/2001-M').send({ quantity: 50 }).expect(200);
    const check = await request(app)
      .post(CHECKER)
      .send(order('S-2', [line('L1', '2001-M', 40)]));
    expect(errorsOf(check.body)).toEqual([]);
  });

  it.each([
    ['a negative quantity', { quantity: -1 }],
    ['a fraction', { quantity: 1.5 }],
    ['a string', { quantity: '3' }],
    ['no quantity', {}],
  ])('refuses %s with 400 and changes nothing', async (_what, body) => {
    const res = await request(app).put('/__admin/stock/2001-P').send(body).expect(400);
    expect(res.body.detail).toContain('"quantity"');
    expect((await request(app).get('/__admin/stock/2001-P')).body.quantity).toBe(5);
  });

  it('answers 404 not-in-catalog for an unknown variant or product', async () => {
    const variant = await request(app).put('/__admin/stock/NOPE').send({ quantity: 1 }).expect(404);
    expect(variant.body.type).toContain('not-in-catalog');
    await request(app).get('/__admin/stock/NOPE').expect(404);
    await request(app).put('/__admin/products/NOPE/blocked').send({ blocked: true }).expect(404);
  });

  it('blocks a product (the cart check refuses it, the search shows it) and unblocks it', async () => {
    const blocked = await request(app).put('/__admin/products/2002/blocked').send({ blocked: true }).expect(200);
    expect(blocked.body).toMatchObject({ objectId: '2002', blocked: true });
    const check = await request(app)
      .post(CHECKER)
      .send(order('S-3', [line('L1', '2002-1')]));
    expect(errorsOf(check.body)[0].message).toContain('Produto bloqueado');
    expect((await request(app).get(SEARCH).query({ searchType: 'ID', query: '2002' })).body[0].blocked).toBe(true);
    await request(app).put('/__admin/products/2002/blocked').send({ blocked: false }).expect(200);
    const again = await request(app)
      .post(CHECKER)
      .send(order('S-3', [line('L1', '2002-1')]));
    expect(errorsOf(again.body)).toEqual([]);
    expect((await request(app).get('/__admin/products/2002')).body.blocked).toBe(false);
  });

  it('refuses a block without a boolean', async () => {
    const res = await request(app).put('/__admin/products/2002/blocked').send({ blocked: 'yes' }).expect(400);
    expect(res.body.detail).toContain('"blocked"');
  });

  it('puts stock and blocks back on reset', async () => {
    await request(app).put('/__admin/stock/2001-P').send({ quantity: 0 }).expect(200);
    await request(app).put('/__admin/products/2002/blocked').send({ blocked: true }).expect(200);
    await request(app).post('/__admin/reset').type('json').expect(200);
    expect((await request(app).get('/__admin/stock/2001-P')).body.quantity).toBe(5);
    expect((await request(app).get('/__admin/products/2002')).body.blocked).toBe(false);
  });
});
