import request from 'supertest';
import { validate, validateAgainst } from '../../src/contracts';
import { CANCEL, CREATE, NOTIFY, SEARCH, line, notification, order, smallApp } from './helpers';

const app = smallApp();
afterAll(() => app.mock.close());
beforeEach(async () => {
  await request(app).post('/__admin/reset').type('json');
});

async function stockOf(sku: string): Promise<number> {
  const res = await request(app).get(SEARCH).query({ searchType: 'SKUID', query: sku });
  const variant = res.body[0].variants.find((v: { objectId: string }) => v.objectId === sku);
  return variant.quantity as number;
}

async function post(
  path: string,
  body: object,
  op: 'orderCreation' | 'orderCancellation' | 'statusNotification',
): Promise<request.Response> {
  const res = await request(app).post(path).send(body);
  if (res.status === 200) expect(validate(op, 'response', res.body)).toEqual([]);
  else expect(validateAgainst('problem.schema.json', res.body)).toEqual([]);
  return res;
}

const history = async (id: string): Promise<{ event: string; status: string }[]> =>
  (await request(app).get(`/__admin/orders/${id}`)).body.statusHistory;

describe('orderCreation', () => {
  it('stores the order, reserves stock that search then shows, and answers {"result":"ok"}', async () => {
    const res = await post(CREATE, order('C-1', [line('L1', '12345-1', 2)]), 'orderCreation');
    expect(res.body).toEqual({ result: 'ok' });
    expect(await stockOf('12345-1')).toBe(28);
    const main = (await request(app).get(SEARCH).query({ searchType: 'ID', query: '12345' })).body[0].mainVariant;
    expect(main.quantity).toBe(28);
  });

  it('is idempotent on objectId: a repeat answers 200 and reserves nothing more', async () => {
    const body = order('C-2', [line('L1', '2001-P', 2)]);
    await post(CREATE, body, 'orderCreation');
    const again = await post(CREATE, body, 'orderCreation');
    expect(again.status).toBe(200);
    expect(await stockOf('2001-P')).toBe(3);
  });

  it('never takes stock below zero and notes the shortfall on the order', async () => {
    await post(CREATE, order('C-3', [line('L1', '2001-M', 5)]), 'orderCreation');
    expect(await stockOf('2001-M')).toBe(0);
    expect((await request(app).get('/__admin/orders/C-3')).body.notes[0]).toContain('3 reserved');
  });
});

describe('orderCancellation', () => {
  it('cancels a known order and releases its stock once, however often it is repeated', async () => {
    await post(CREATE, order('X-1', [line('L1', '2002-1', 4)]), 'orderCreation');
    expect(await stockOf('2002-1')).toBe(6);
    for (let i = 0; i < 3; i += 1)
      expect((await post(CANCEL, { objectId: 'X-1' }, 'orderCancellation')).status).toBe(200);
    expect(await stockOf('2002-1')).toBe(10);
    expect((await history('X-1')).filter((h) => h.event === 'cancelled')).toHaveLength(1);
  });

  it('answers 404 problem+json for an order it has never seen', async () => {
    const res = await post(CANCEL, { objectId: 'NEVER' }, 'orderCancellation');
    expect(res.status).toBe(404);
    expect(res.type).toBe('application/problem+json');
    expect(res.body.detail).toContain('NEVER');
  });
});

describe('statusNotification', () => {
  it('appends to the order status history and records a repeated notification once', async () => {
    await post(CREATE, order('N-1', [line('L1', '12345-2')]), 'orderCreation');
    await post(NOTIFY, notification('N-1', 'PAID'), 'statusNotification');
    await post(NOTIFY, notification('N-1', 'PAID'), 'statusNotification');
    await post(NOTIFY, notification('N-1', 'SHIPPED', '2026-11-29T10:00:00.000Z'), 'statusNotification');
    expect((await history('N-1')).map((h) => h.status)).toEqual(['CREATED', 'PAID', 'SHIPPED']);
    expect((await request(app).get('/__admin/orders/N-1')).body.status).toBe('SHIPPED');
  });

  it('accepts and records a notification for an order it has not seen', async () => {
    expect((await post(NOTIFY, notification('N-2', 'PAID'), 'statusNotification')).status).toBe(200);
    const view = (await request(app).get('/__admin/orders/N-2')).body;
    expect(view).toMatchObject({ created: false, status: 'PAID' });
  });

  it('releases stock on CANCELLED once, also when a cancellation came first', async () => {
    await post(CREATE, order('N-3', [line('L1', '123456-1', 5)]), 'orderCreation');
    await post(NOTIFY, notification('N-3', 'CANCELLED'), 'statusNotification');
    await post(NOTIFY, notification('N-3', 'CANCELLED', '2026-11-30T00:00:00.000Z'), 'statusNotification');
    await post(CANCEL, { objectId: 'N-3' }, 'orderCancellation');
    expect(await stockOf('123456-1')).toBe(30);
  });

  it('reserves nothing for an order CANCELLED by notification before it was created', async () => {
    await post(NOTIFY, notification('C-EARLY', 'CANCELLED'), 'statusNotification');
    await post(CREATE, order('C-EARLY', [line('L1', '12345-1', 4)]), 'orderCreation');
    expect(await stockOf('12345-1')).toBe(30);
    const view = (await request(app).get('/__admin/orders/C-EARLY')).body;
    expect(view).toMatchObject({ status: 'CANCELLED', created: true, stockReleased: true });
  });

  it('is a 400 naming the field when statusChange.status is not a notified status', async () => {
    const res = await post(NOTIFY, notification('N-4', 'CREATED'), 'statusNotification');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe('/statusChange/status');
  });
});

describe('admin orders', () => {
  it('lists orders and shows items, status, history and callbacks of one', async () => {
    await post(CREATE, order('A-1', [line('L1', '2001-P')]), 'orderCreation');
    const list = (await request(app).get('/__admin/orders')).body;
    expect(list).toEqual([expect.objectContaining({ objectId: 'A-1', status: 'CREATED', lines: 1 })]);
    const view = (await request(app).get('/__admin/orders/A-1')).body;
    expect(view).toMatchObject({
      objectId: 'A-1',
      items: [expect.objectContaining({ variantId: '2001-P' })],
      reservations: [{ sku: '2001-P', units: 1 }],
      callbacks: [],
    });
    expect((await request(app).get('/__admin/orders/B-0')).status).toBe(404);
  });

  it('reset forgets orders and puts stock back', async () => {
    await post(CREATE, order('A-2', [line('L1', '2001-P', 5)]), 'orderCreation');
    expect(await stockOf('2001-P')).toBe(0);
    await request(app).post('/__admin/reset').type('json').expect(200);
    expect(await stockOf('2001-P')).toBe(5);
    expect((await request(app).get('/__admin/orders')).body).toEqual([]);
  });
});
