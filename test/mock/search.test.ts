import request from 'supertest';
import { validate, validateAgainst } from '../../src/contracts';
import { SEARCH, smallApp } from './helpers';

const app = smallApp();
afterAll(() => app.mock.close());

async function search(
  query: Record<string, string | number>,
): Promise<{ status: number; body: { objectId: string; mainVariant: { quantity?: number } }[] }> {
  const res = await request(app).get(SEARCH).query(query);
  if (res.status === 200) expect(validate('productSearch', 'response', res.body)).toEqual([]);
  return res;
}

describe('productSearch', () => {
  it.each([
    ['TEXT', 'iphone', ['12345', '123456']],
    ['TEXT', 'CAMISETA', ['2001', '2002']],
    ['TEXT', 'pique', ['2002']],
    ['TEXT', '128GB purple', ['12345']],
    ['TEXT', 'gold', ['12345']],
    ['TEXT', 'camis azul', ['2001']],
    ['TEXT', 'lencois', ['5001']],
    ['ID', '12345', ['12345']],
    ['SKUID', '12345-2', ['12345']],
    ['REFERENCE', '54321-3', ['12345']],
    ['URL', 'https://www.apple.com/br/iphone-14-pro/', ['12345']],
    ['URL', 'http://apple.com/br/iphone-14-pro?utm_source=google', ['12345']],
  ])('searchType %s with query %p finds %p', async (searchType, query, ids) => {
    const res = await search({ searchType, query });
    expect(res.status).toBe(200);
    expect(res.body.map((p) => p.objectId)).toEqual(ids);
  });

  it.each([
    ['TEXT', 'geladeira'],
    ['ID', '999'],
    ['SKUID', '12345'],
    ['REFERENCE', 'nope'],
    ['URL', 'https://www.apple.com/br/'],
  ])('searchType %s with an unmatched query %p answers 200 []', async (searchType, query) => {
    const res = await search({ searchType, query });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });

  it('defaults to TEXT and pages with from and size', async () => {
    const all = await search({ size: 100 });
    expect(all.body).toHaveLength(7);
    const page = await search({ from: 2, size: 3 });
    expect(page.body.map((p) => p.objectId)).toEqual(all.body.slice(2, 5).map((p) => p.objectId));
    const past = await search({ from: 50 });
    expect(past.body).toEqual([]);
  });

  it.each([
    ['from', { from: 'abc' }],
    ['from', { from: -1 }],
    ['size', { size: 0 }],
    ['size', { size: 101 }],
    ['searchType', { searchType: 'NAME' }],
  ])('a bad %s is a 400 problem naming it', async (name, query) => {
    const res = await request(app).get(SEARCH).query(query);
    expect(res.status).toBe(400);
    expect(res.type).toBe('application/problem+json');
    expect(validateAgainst('problem.schema.json', res.body)).toEqual([]);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(`/${name}`);
    expect(res.body.detail).toContain(name);
  });
});
