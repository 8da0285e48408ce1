import request from 'supertest';
import { validate } from '../../src/contracts';
import { createMockApp } from '../../src/mock';
import { generateCatalog } from '../../src/mock/domain/generate-catalog';
import { exampleFiles } from '../support/examples';
import { CANCEL, CHECKER, CREATE, NOTIFY, SEARCH } from './helpers';

const app = createMockApp();
afterAll(() => app.mock.close());

const PATHS: Record<string, string> = {
  orderValidation: CHECKER,
  orderCreation: CREATE,
  orderCancellation: CANCEL,
  statusNotification: NOTIFY,
};

describe('the mock on its embedded catalog', () => {
  it('serves the documented iPhone 14 Pro first, with its three variants and stock', async () => {
    const res = await request(app).get(SEARCH).query({ searchType: 'ID', query: '12345' });
    expect(res.body[0].variants.map((v: { objectId: string; quantity: number }) => [v.objectId, v.quantity])).toEqual([
      ['12345-1', 30],
      ['12345-2', 28],
      ['12345-3', 0],
    ]);
  });

  it('pages through the whole catalog with answers that all hold the contract', async () => {
    const seen: string[] = [];
    for (let from = 0; from < 200; from += 100) {
      const res = await request(app).get(SEARCH).query({ from, size: 100 });
      expect(validate('productSearch', 'response', res.body)).toEqual([]);
      seen.push(...res.body.map((p: { objectId: string }) => p.objectId));
      if (res.body.length < 100) break;
    }
    expect(seen.length).toBeGreaterThanOrEqual(40);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('finds "camiseta" case- and accent-insensitively', async () => {
    const lower = await request(app).get(SEARCH).query({ query: 'camiseta', size: 100 });
    const upper = await request(app).get(SEARCH).query({ query: 'CAMISÉTA', size: 100 });
    expect(lower.body.length).toBeGreaterThan(1);
    expect(upper.body).toEqual(lower.body);
  });

  // The documented payloads OmniChat sends, replayed in the order OmniChat would send them.
  const requests = exampleFiles().filter((e) => e.kind === 'request' && e.operation in PATHS);
  it.each(requests.map((e) => [e.operation, e.name, e.value] as const))(
    'answers the %s example %s with a contract-valid answer',
    async (operation, _name, value) => {
      const res = await request(app)
        .post(PATHS[operation])
        .send(value as object);
      if (operation === 'orderCancellation' && res.status === 404) {
        expect(res.type).toBe('application/problem+json');
        return;
      }
      expect(res.status).toBe(200);
      expect(validate(operation as 'orderValidation', 'response', res.body)).toEqual([]);
    },
  );

  it('answers the documented productSearch query string', async () => {
    const [example] = exampleFiles().filter((e) => e.operation === 'productSearch' && e.kind === 'request');
    const res = await request(app)
      .get(SEARCH)
      .query(example.value as Record<string, string>);
    expect(res.status).toBe(200);
    expect(validate('productSearch', 'response', res.body)).toEqual([]);
  });
});

describe('generated catalogs', () => {
  it('hold the productSearch contract and are the same for the same seed', () => {
    const one = generateCatalog(300, 42);
    expect(validate('productSearch', 'response', one)).toEqual([]);
    expect(generateCatalog(300, 42)).toEqual(one);
    expect(generateCatalog(300, 43)).not.toEqual(one);
  });

  it('are searchable like the embedded one', async () => {
    const generated = createMockApp({ products: generateCatalog(500, 1) });
    const res = await request(generated).get(SEARCH).query({ query: 'camiseta azul', size: 5 });
    expect(res.body.length).toBe(5);
    expect(validate('productSearch', 'response', res.body)).toEqual([]);
    await generated.mock.close();
  });
});

describe('embedded custom scenarios', () => {
  it('store-closed is a contract-valid orderValidation answer', async () => {
    const res = await request(app).post(CHECKER).set('Prefer', 'scenario=store-closed').send({ objectId: 'E-1' });
    expect(res.status).toBe(200);
    expect(validate('orderValidation', 'response', res.body)).toEqual([]);
    expect(res.body[0]).toMatchObject({ action: 'ERROR', component: 'ORDER' });
  });

  it('html-page answers 200 with HTML, and rejected answers 422', async () => {
    const page = await request(app).get(SEARCH).set('Prefer', 'scenario=html-page');
    expect([page.status, page.type]).toEqual([200, 'text/html']);
    const rejected = await request(app).post(CREATE).set('Prefer', 'scenario=rejected').send({ objectId: 'E-2' });
    expect(rejected.status).toBe(422);
  });
});
