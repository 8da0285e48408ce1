import request from 'supertest';
import { smallApp } from './helpers';

// The dashboard's files: served from memory under /__admin, with headers that keep the page to its
// own files and this server.

describe('the dashboard files', () => {
  const app = smallApp({ adminToken: 'tok-1' });
  afterAll(() => app.mock.close());

  it.each(['/__admin/', '/__admin'])('serves the page at %s without the admin token', async (path) => {
    const res = await request(app).get(path).expect(200);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('<script type="module" src="/__admin/assets/main.js">');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['main.js', 'text/javascript'],
    ['dashboard.css', 'text/css'],
  ])('serves %s as %s', async (file, type) => {
    const res = await request(app).get(`/__admin/assets/${file}`).expect(200);
    expect(res.type).toBe(type);
  });

  it.each(['/__admin/assets/nope.js', '/__admin/assets/..%2Fpackage.json', '/__admin/assets/tsconfig.json'])(
    'answers 404 problem+json for %s',
    async (path) => {
      const res = await request(app).get(path).expect(404);
      expect(res.type).toBe('application/problem+json');
    },
  );

  it('keeps the API behind the token', async () => {
    await request(app).get('/__admin/requests').expect(401);
  });

  it('loads no asset from another origin', async () => {
    const page = (await request(app).get('/__admin/')).text;
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});
