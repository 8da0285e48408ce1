import request from 'supertest';
import { Journal } from '../../src/mock/store/memory/journal';
import { SEARCH, smallApp } from './helpers';

describe('admin API with --admin-token', () => {
  const lines: string[] = [];
  const app = smallApp({ adminToken: 'adm-tok-77', log: (l) => lines.push(l) });
  afterAll(() => app.mock.close());

  it.each([
    ['without a token', {}],
    ['with a wrong token', { Authorization: 'Bearer adm-tok-78' }],
    ['with the token in another scheme', { Authorization: 'Basic adm-tok-77' }],
  ])('refuses a request %s with 401, and neither logs nor journals it', async (_what, headers) => {
    lines.length = 0;
    const res = await request(app).get('/__admin/requests').set(headers);
    expect(res.status).toBe(401);
    expect(res.type).toBe('application/problem+json');
    expect(res.text).not.toContain('adm-tok-77');
    expect(lines).toEqual([]);
  });

  it('answers with the right token', async () => {
    await request(app).get(SEARCH);
    const res = await request(app).get('/__admin/requests').set('Authorization', 'Bearer adm-tok-77');
    expect(res.status).toBe(200);
    expect(res.body.map((e: { path: string }) => e.path)).toEqual([SEARCH]);
  });

  it('leaves the five operations open (they use --auth, not the admin token)', async () => {
    expect((await request(app).get(SEARCH)).status).toBe(200);
  });
});

describe('admin API on loopback without a token', () => {
  const app = smallApp();
  afterAll(() => app.mock.close());

  it('lists the scenarios available per operation and the defaults', async () => {
    const res = await request(app).get('/__admin/scenarios');
    expect(res.body.available.orderCreation).toEqual(expect.arrayContaining(['slow', 'rejected']));
    expect(res.body.defaults).toEqual({});
  });

  it('journals operation requests with operation, status and scenario', async () => {
    await request(app).get(SEARCH).query({ query: 'x' }).set('Prefer', 'scenario=empty');
    const [entry] = (await request(app).get('/__admin/requests')).body.slice(-1);
    expect(entry).toMatchObject({
      method: 'GET',
      path: SEARCH,
      operation: 'productSearch',
      status: 200,
      scenario: 'empty',
    });
  });

  it.each(['/__ADMIN/orders', '/__Admin/requests', '/__aDmIn/scenarios'])(
    'never journals an admin call however its path is cased (%s)',
    async (path) => {
      await request(app).post('/__admin/reset').type('json');
      expect((await request(app).get(path)).status).toBe(200);
      const paths = ((await request(app).get('/__admin/requests')).body as { path: string }[]).map((e) => e.path);
      expect(paths).toEqual([]);
    },
  );
});

describe('the request journal', () => {
  it('is a fixed-size ring that keeps the newest entries in order', async () => {
    const journal = new Journal(3);
    for (let i = 1; i <= 5; i += 1)
      journal.add({ at: '', method: 'GET', path: `/${i}`, status: 200, durationMs: 0, headers: {} });
    expect((await journal.entries()).map((e) => e.path)).toEqual(['/3', '/4', '/5']);
    expect((await journal.entries()).map((e) => e.seq)).toEqual([3, 4, 5]);
    journal.clear();
    expect(await journal.entries()).toEqual([]);
  });
});
