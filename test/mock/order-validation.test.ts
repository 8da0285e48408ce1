import request from 'supertest';
import { validate } from '../../src/contracts';
import { CHECKER, CREATE, line, order, smallApp } from './helpers';

const app = smallApp();
afterAll(() => app.mock.close());

interface Entry {
  action: string;
  componentId: string;
  message?: string;
  shippingMethod?: string;
  shippingOptions?: { id: string; price: number; listPrice: number; shippingEstimate: string }[];
}

async function check(body: unknown): Promise<Entry[]> {
  const res = await request(app)
    .post(CHECKER)
    .send(body as object);
  expect(res.status).toBe(200);
  expect(validate('orderValidation', 'response', res.body)).toEqual([]);
  return res.body as Entry[];
}

const errors = (entries: Entry[]): Entry[] => entries.filter((e) => e.action === 'ERROR');

describe('orderValidation', () => {
  it('answers one INFO entry per cart line with freight options, keyed by the line objectId', async () => {
    const entries = await check(order('O-1', [line('L1', '12345-1'), line('L2', '2001-P', 2)]));
    expect(entries.map((e) => [e.action, e.componentId])).toEqual([
      ['INFO', 'L1'],
      ['INFO', 'L2'],
    ]);
    expect(entries[0].shippingOptions?.map((o) => o.id)).toEqual(['PAC', 'SEDEX', 'Expresso']);
    expect(entries[0].shippingOptions?.every((o) => /^\d+bd$/.test(o.shippingEstimate))).toBe(true);
  });

  it('prices freight by destination state: the north costs more than the south-east', async () => {
    const [sp] = await check(order('O-2', [line('L1', '2001-P')], 'SP'));
    const [am] = await check(order('O-2', [line('L1', '2001-P')], 'AM'));
    expect(am.shippingOptions?.[0].price).toBeGreaterThan(sp.shippingOptions?.[0].price as number);
  });

  it('prices freight by weight: a heavier line costs more', async () => {
    const [light] = await check(order('O-3', [line('L1', '2001-P', 1)]));
    const [heavy] = await check(order('O-3', [line('L1', '4001-1', 3)]));
    expect(heavy.shippingOptions?.[0].price).toBeGreaterThan(light.shippingOptions?.[0].price as number);
  });

  it('keeps the line shipping method when it is one of the options, else picks the cheapest', async () => {
    const entries = await check(
      order('O-4', [{ ...line('L1', '2001-P'), shippingMethod: 'SEDEX' }, line('L2', '2001-M')]),
    );
    expect(entries.map((e) => e.shippingMethod)).toEqual(['SEDEX', 'PAC']);
  });

  it.each([
    ['an unknown variant', 'NOPE-1', 1, 'não encontrado'],
    ['a blocked product', '3001-40', 1, 'bloqueado'],
    ['an invisible variant', '2002-2', 1, 'indisponível'],
    ['a quantity beyond stock', '2001-M', 4, 'Estoque insuficiente'],
    ['an out-of-stock variant', '12345-3', 1, 'Estoque insuficiente'],
  ])('answers an ERROR entry in pt-BR for %s', async (_what, variantId, quantity, text) => {
    const entries = await check(order('O-5', [line('L9', variantId, quantity)]));
    expect(errors(entries)).toEqual([
      expect.objectContaining({
        action: 'ERROR',
        component: 'ITEM',
        componentId: 'L9',
        message: expect.stringContaining(text),
      }),
    ]);
  });

  it('counts two lines of the same variant together against its stock', async () => {
    const entries = await check(order('O-6', [line('L1', '2001-M', 2), line('L2', '2001-M', 2)]));
    expect(errors(entries).map((e) => e.componentId)).toEqual(['L2']);
  });

  it('lets a product that sells out of stock go beyond its stock', async () => {
    expect(errors(await check(order('O-7', [line('L1', '4001-1', 5)])))).toEqual([]);
  });

  it('does not count an order against the stock it already reserved when it is validated again', async () => {
    const cart = order('O-8', [line('L1', '2001-M', 3)]);
    expect((await request(app).post(CREATE).send(cart)).status).toBe(200);
    expect(errors(await check(cart))).toEqual([]);
    expect(errors(await check(order('O-9', [line('L1', '2001-M', 1)])))).toHaveLength(1);
  });

  it.each([
    ['id and status only', { objectId: 'O-10', status: 'CREATED' }, 0],
    ['ITEM_UPDATE with items only', { objectId: 'O-11', eventType: 'ITEM_UPDATE', items: [line('L1', '2001-P')] }, 1],
  ])('answers a partial payload (%s)', async (_what, body, infos) => {
    const entries = await check(body);
    expect(entries.filter((e) => e.action === 'INFO')).toHaveLength(infos);
    expect(errors(entries)).toEqual([]);
  });
});
