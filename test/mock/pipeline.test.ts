import request from 'supertest';
import { validateAgainst } from '../../src/contracts';
import { CHECKER, CREATE, SEARCH, line, order, smallApp } from './helpers';

const app = smallApp();
const secured = smallApp({
  auth: [
    { key: 'Authorization', value: 'Bearer s3cr3t-token' },
    { key: 'X-Store', value: 'loja-1' },
  ],
});
const lenient = smallApp({ lenient: true });
afterAll(async () => {
  await Promise.all([app.mock.close(), secured.mock.close(), lenient.mock.close()]);
});

function expectProblem(res: request.Response, status: number, type: string): void {
  expect(res.status).toBe(status);
  expect(res.type).toBe('application/problem+json');
  expect(validateAgainst('problem.schema.json', res.body)).toEqual([]);
  expect(res.body.type).toMatch(new RegExp(`/${type}$`));
  expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at /);
}

describe('request validation', () => {
  it('answers a body that breaks the contract with 400 naming the field', async () => {
    const res = await request(app)
      .post(CHECKER)
      .send({ objectId: 'V-1', items: [{ objectId: 'L1', quantity: 'two' }] });
    expectProblem(res, 400, 'contract-violation');
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/items/0/quantity', keyword: 'type' })]);
    expect(res.body.detail).toContain('/items/0/quantity');
  });

  it('with --lenient accepts the request and keeps the violations in the journal', async () => {
    const res = await request(lenient)
      .post(CHECKER)
      .send({ objectId: 'V-2', items: [{ objectId: 'L1', variantId: '2001-P', quantity: 'two' }] });
    expect(res.status).toBe(200);
    expect(res.body[0]).toMatchObject({ action: 'INFO', componentId: 'L1' });
    const journal = (await request(lenient).get('/__admin/requests')).body;
    expect(journal.at(-1)).toMatchObject({
      operation: 'orderValidation',
      status: 200,
      violations: [expect.objectContaining({ pointer: '/items/0/quantity' })],
    });
  });

  it.each([
    ['malformed JSON', '{"objectId": "V-3",', 'application/json', 400, 'malformed-json'],
    ['a non-JSON content type', 'objectId=V-3', 'application/x-www-form-urlencoded', 415, 'unsupported-media-type'],
    ['a body that is an array', '[1,2]', 'application/json', 400, 'contract-violation'],
    ['no body at all', '', 'application/json', 400, 'malformed-json'],
  ])('answers %s with problem+json', async (_what, body, type, status, problem) => {
    const res = await request(app).post(CREATE).set('content-type', type).send(body);
    expectProblem(res, status, problem);
  });

  it('answers a body over 1 MB with 413', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => line(`L${i}`, '2001-P'));
    const res = await request(app).post(CREATE).send(order('BIG', items));
    expectProblem(res, 413, 'payload-too-large');
  });

  it.each([
    ['GET', CREATE, 405, 'method-not-allowed'],
    ['POST', SEARCH, 405, 'method-not-allowed'],
    ['GET', '/v1/orders/nothing-here', 404, 'not-found'],
    ['GET', '/v2/products/productsearch', 404, 'not-found'],
  ])('answers %s %s with %i', async (method, path, status, problem) => {
    const res = method === 'GET' ? await request(app).get(path) : await request(app).post(path).send({});
    expectProblem(res, status, problem);
    if (status === 405) expect(res.headers.allow).toBeDefined();
  });

  it('ignores __proto__ and constructor.prototype keys: nothing outside the request changes', async () => {
    const body =
      '{"objectId":"P-1","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"items":[{"objectId":"L1","variantId":"2001-P","__proto__":{"quantity":99}}]}';
    const res = await request(app).post(CHECKER).set('content-type', 'application/json').send(body);
    expect(res.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(res.body.filter((e: { action: string }) => e.action === 'ERROR')).toEqual([]);
    expect((await request(app).get(SEARCH).query({ query: 'iphone' })).status).toBe(200);
  });
});

describe('auth', () => {
  it('accepts a request carrying every configured header', async () => {
    const res = await request(secured).get(SEARCH).set('Authorization', 'Bearer s3cr3t-token').set('X-Store', 'loja-1');
    expect(res.status).toBe(200);
  });

  it.each([
    ['missing', {}, 'Authorization'],
    ['wrong', { Authorization: 'Bearer nope', 'X-Store': 'loja-1' }, 'Authorization'],
    ['the second missing', { Authorization: 'Bearer s3cr3t-token' }, 'X-Store'],
  ])('answers 401 naming the header when it is %s, never its value', async (_what, headers, name) => {
    const res = await request(secured).post(CHECKER).set(headers).send({ objectId: 'A-1' });
    expectProblem(res, 401, 'unauthorized');
    expect(res.body.detail).toContain(name);
    expect(res.text).not.toContain('s3cr3t-token');
    expect(res.text).not.toContain('loja-1');
  });

  it('masks configured header values in the journal', async () => {
    await request(secured).get(SEARCH).set('Authorization', 'Bearer s3cr3t-token').set('X-Store', 'loja-1');
    const journal = await request(secured).get('/__admin/requests');
    expect(journal.text).not.toContain('s3cr3t-token');
    expect(journal.text).not.toContain('loja-1');
    expect(journal.body.at(-1).headers).toMatchObject({ authorization: 'Bearer ***', 'x-store': '***' });
  });
});

describe('request log', () => {
  it('writes one JSON line per request without query strings or header values', async () => {
    const lines: string[] = [];
    const logged = smallApp({
      log: (l) => lines.push(l),
      auth: [{ key: 'Authorization', value: 'Bearer s3cr3t-token' }],
    });
    await request(logged)
      .get(SEARCH)
      .query({ query: 'iphone', userEmail: 'a@b.c' })
      .set('Authorization', 'Bearer s3cr3t-token');
    await request(logged).get(SEARCH).set('Authorization', 'Bearer wrong-one');
    await logged.mock.close();
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ method: 'GET', path: SEARCH, status: 200, operation: 'productSearch' }),
      expect.objectContaining({ status: 401 }),
    ]);
    expect(lines.join('\n')).not.toMatch(/s3cr3t|wrong-one|a@b\.c/);
  });
});
