import request from 'supertest';
import { validate, validateAgainst } from '../../src/contracts';
import type { MockApp } from '../../src/mock';
import { CHECKER, CREATE, NOTIFY, SEARCH, line, order, smallApp } from '../mock/helpers';
import { listenOn, type Listening } from './real-port';

let app: MockApp;
// The same app on a real port, for bodies that must reach it byte for byte (supertest would
// re-encode a Buffer as JSON).
let onPort: Listening;
beforeAll(async () => {
  app = smallApp();
  onPort = await listenOn(app);
});
afterAll(() => onPort.close()); // closes the app too

const MB = 1024 * 1024;
const json = (path: string, text: string) => request(app).post(path).set('content-type', 'application/json').send(text);
const quantityOf = async (sku: string): Promise<number> => {
  const res = await request(app).get(SEARCH).query({ searchType: 'SKUID', query: sku });
  const [product] = res.body as { variants: { objectId: string; quantity: number }[] }[];
  return product.variants.find((v) => v.objectId === sku)?.quantity as number;
};
function expectProblem(res: request.Response, status: number): Record<string, unknown> {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/problem+json');
  const body = JSON.parse(res.text) as Record<string, unknown>;
  expect(validateAgainst('problem.schema.json', body)).toEqual([]);
  return body;
}

/** A JSON body of exactly `bytes` bytes: a valid order padded by an extra string field. */
function paddedOrder(objectId: string, bytes: number): string {
  const head = JSON.stringify(order(objectId, [line('L1', '12345-1')])).slice(0, -1) + ',"pad":"';
  return `${head}${'x'.repeat(bytes - Buffer.byteLength(head) - 2)}"}`;
}

describe('body, query and nesting limits', () => {
  it('accepts a body of exactly 1 MB', async () => {
    const text = paddedOrder('LIM-1', MB);
    expect(Buffer.byteLength(text)).toBe(MB);
    const res = await json(CHECKER, text);
    expect(res.status).toBe(200);
    expect(validate('orderValidation', 'response', res.body)).toEqual([]);
  });

  it('answers a body one byte over 1 MB with a 413 problem naming the limit', async () => {
    const body = expectProblem(await json(CREATE, paddedOrder('LIM-2', MB + 1)), 413);
    expect(body.detail).toContain('1 MB');
    expect((await request(app).get('/__admin/orders/LIM-2')).status).toBe(404);
  });

  it('answers an 8 KB search term with a 400 problem naming the query parameter', async () => {
    const body = expectProblem(await request(app).get(`${SEARCH}?query=${'a'.repeat(8 * 1024)}`), 400);
    expect(JSON.stringify(body.errors)).toContain('/query');
  });

  it('answers an 8 KB query string of many parameters without a server error', async () => {
    const res = await request(app).get(`${SEARCH}?${'zz=1&'.repeat(1640)}query=iphone`);
    expect(res.status).toBe(200);
    expect(validate('productSearch', 'response', res.body)).toEqual([]);
  });

  /** `inner` wrapped in `levels` arrays. */
  const nest = (levels: number, inner = ''): string => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;

  it.each([
    ['arrays 10,000 deep as the whole body', nest(10000)],
    ['objects 10,000 deep as the whole body', `${'{"a":'.repeat(10000)}1${'}'.repeat(10000)}`],
    ['an order with an extra field 10,000 deep', `{"objectId":"LIM-3","items":[],"x":${nest(10000)}}`],
    [
      'arrays 10,000 deep beside a polluting key',
      `{"objectId":"LIM-3","constructor":{},"items":[],"x":${nest(10000)}}`,
    ],
    // The root object, then 1,000 arrays: 1,001 levels.
    ['an order one level past the limit', `{"objectId":"LIM-3","items":[],"x":${nest(1000)}}`],
  ])('answers %s with a 400 malformed-json naming the 1,000-level limit', async (_what, text) => {
    const body = expectProblem(await json(CREATE, text), 400);
    expect(body.type).toMatch(/\/malformed-json$/);
    expect(body.detail).toContain('1,000 levels');
    expect((await request(app).get('/__admin/orders/LIM-3')).status).toBe(404);
  });

  it('stores an order whose line carries an extra field nested to the limit, and shows it whole', async () => {
    // Root object, items array, line object: 3 levels, then 997 arrays make 1,000.
    const text = `{"objectId":"LIM-4","items":[{"objectId":"L1","variantId":"12345-1","quantity":1,"extra":${nest(997)}}]}`;
    const res = await json(CREATE, text);
    expect(res.status).toBe(200);
    const shown = await request(app).get('/__admin/orders/LIM-4');
    expect(shown.status).toBe(200);
    expect(shown.text).toContain(nest(997));
  });

  it('drops a polluting key beside a deep value within the limit and keeps the rest', async () => {
    const res = await json(CREATE, `{"objectId":"LIM-5","constructor":{"x":1},"items":[],"x":${nest(900)}}`);
    expect(res.status).toBe(200);
    expect((await request(app).get('/__admin/orders/LIM-5')).status).toBe(200);
  });

  it.each([
    ['a byte that is never UTF-8 (0xFF)', Buffer.from([0xff])],
    ['a cut multi-byte sequence (0xC3 alone)', Buffer.from([0xc3])],
    ['an encoded surrogate (0xED 0xA0 0x80)', Buffer.from([0xed, 0xa0, 0x80])],
    ['an overlong encoding of "/" (0xC0 0xAF)', Buffer.from([0xc0, 0xaf])],
  ])('answers a body with %s with a 400 malformed-json saying it is not UTF-8', async (_what, bad) => {
    const [head, tail] = ['{"objectId":"UTF-', '","items":[]}'];
    const res = await onPort.send('POST', CREATE, Buffer.concat([Buffer.from(head), bad, Buffer.from(tail)]));
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json; charset=utf-8');
    const body = JSON.parse(res.text) as { type: string; detail: string };
    expect(validateAgainst('problem.schema.json', body)).toEqual([]);
    expect(body.type).toMatch(/\/malformed-json$/);
    expect(body.detail).toContain('UTF-8');
    const ids = ((await request(app).get('/__admin/orders')).body as { objectId: string }[]).map((o) => o.objectId);
    expect(ids.filter((id) => id.startsWith('UTF-'))).toEqual([]);
  });
});

describe('prototype pollution', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.prototype).not.toHaveProperty('variantId');
  });

  it.each([
    [
      '__proto__ at the top',
      CHECKER,
      '{"__proto__":{"polluted":"yes"},"objectId":"PP-0","items":[{"objectId":"L1","variantId":"12345-1","quantity":1}]}',
    ],
    [
      'constructor.prototype at the top',
      CHECKER,
      '{"constructor":{"prototype":{"polluted":"yes"}},"objectId":"PP-0","items":[{"objectId":"L1","variantId":"12345-1","quantity":1}]}',
    ],
    [
      '__proto__ in a notification',
      NOTIFY,
      '{"order":{"objectId":"PP-N","__proto__":{"polluted":"yes"}},"statusChange":{"status":"PAID","__proto__":{"status":"CANCELLED"}}}',
    ],
    ['__proto__ as the whole body', CREATE, '{"__proto__":{"polluted":"yes","objectId":"PP-X"}}'],
  ])('a body with %s changes nothing outside the request', async (_what, path, text) => {
    const res = await json(path, text);
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(500);
    expect((await request(app).get('/__admin/orders/PP-X')).status).toBe(404);
  });

  it('an order line cannot inherit a variant or quantity through __proto__', async () => {
    const [one, two] = [await quantityOf('12345-1'), await quantityOf('12345-2')];
    const res = await json(
      CREATE,
      '{"objectId":"PP-1","items":[{"objectId":"L1","variantId":"12345-1","quantity":1,"__proto__":{"variantId":"12345-2","quantity":5}},{"objectId":"L2","constructor":{"prototype":{"variantId":"12345-2"}}}]}',
    );
    expect(res.status).toBeLessThan(500);
    expect(await quantityOf('12345-2')).toBe(two);
    expect(await quantityOf('12345-1')).toBe(res.status === 200 ? one - 1 : one);
  });

  it.each([
    ['\\u005f_proto__', '"\\u005f_proto__"'],
    ['__proto\\u005f_', '"__proto\\u005f_"'],
    ['constructo\\u0072', '"constructo\\u0072"'],
    ['\\u0070rototype', '"\\u0070rototype"'],
  ])('drops a key spelled %s in JSON, at the top and in a line, and never stores or echoes it', async (_how, key) => {
    const text = `{${key}:{"polluted":"yes"},"objectId":"PP-E","items":[{"objectId":"L1","variantId":"12345-1","quantity":1,${key}:{"variantId":"12345-2"}}]}`;
    await request(app).post('/__admin/reset').type('json');
    expect((await json(CREATE, text)).status).toBe(200);
    const shown = await request(app).get('/__admin/orders/PP-E');
    expect(shown.status).toBe(200);
    expect(shown.text).not.toMatch(/__proto__|constructor|prototype|polluted/);
    expect(shown.body.reservations).toEqual([{ sku: '12345-1', units: 1, line: 'L1' }]);
  });

  it('an objectId "__proto__" is an ordinary order key', async () => {
    const res = await json(CREATE, JSON.stringify(order('__proto__', [line('L1', '12345-1')])));
    expect(res.status).toBe(200);
    const shown = await request(app).get('/__admin/orders/__proto__');
    expect(shown.body).toMatchObject({ objectId: '__proto__', status: 'CREATED' });
  });

  it('a query string with __proto__ and constructor keys answers and pollutes nothing', async () => {
    const res = await request(app).get(
      `${SEARCH}?__proto__[polluted]=1&constructor[prototype][polluted]=1&query=iphone`,
    );
    expect(res.status).toBeLessThan(500);
  });
});

describe('the request journal under load', () => {
  it('keeps exactly the newest 1000 of 1,500 requests, oldest first', async () => {
    await request(app).post('/__admin/reset').type('json');
    for (let i = 0; i < 1500; i += 1) await request(app).get(SEARCH).set('user-agent', `ring-${i}`);
    const res = await request(app).get('/__admin/requests');
    const agents = (res.body as { headers: Record<string, string> }[]).map((e) => e.headers['user-agent']);
    expect(agents).toHaveLength(1000);
    expect(agents[0]).toBe('ring-500');
    expect(agents[999]).toBe('ring-1499');
  });
});

describe('the order store bound', () => {
  it('keeps at most maxOrders orders, forgetting the oldest first', async () => {
    const small = smallApp({ maxOrders: 50 });
    for (let i = 0; i < 60; i += 1)
      await request(small)
        .post(CREATE)
        .send(order(`B-${i}`, []));
    const ids = ((await request(small).get('/__admin/orders')).body as { objectId: string }[]).map((o) => o.objectId);
    await small.mock.close();
    expect(ids).toHaveLength(50);
    expect(ids[0]).toBe('B-10');
    expect(ids[49]).toBe('B-59');
  });
});
