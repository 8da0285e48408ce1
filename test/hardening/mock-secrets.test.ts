import http from 'node:http';
import request from 'supertest';
import { OPERATION_IDS } from '../../src/contracts';
import { runCli } from '../support/run-cli';
import { SEARCH, SMALL_CATALOG_PATH, smallApp } from '../mock/helpers';
import { GOOD_BODY, pathOf } from './hostile';
import { startServe } from '../support/serve-child';

const SECRET = 's3cr3t-omni-4242-xyz';
const WRONG = 'wr0ng-guess-9191-abc';
const KEY = 'k3y-store-5151';
const WRONG_KEY = 'k3y-store-5152';
const ADMIN = 'adm-s3cr3t-7373';
const WRONG_ADMIN = 'adm-wr0ng-7374';
const NEVER_SHOWN = [SECRET, WRONG, KEY, WRONG_KEY, ADMIN, WRONG_ADMIN];

/** Header sets a client might send: right, wrong, missing, half right. */
const ATTEMPTS: [string, Record<string, string>][] = [
  ['the right headers', { authorization: `Bearer ${SECRET}`, 'x-store-key': KEY }],
  ['a wrong bearer token', { authorization: `Bearer ${WRONG}`, 'x-store-key': KEY }],
  ['a wrong key', { authorization: `Bearer ${SECRET}`, 'x-store-key': WRONG_KEY }],
  ['the secret without its scheme', { authorization: SECRET, 'x-store-key': KEY }],
  ['no headers', {}],
];

function expectNoSecrets(text: string): void {
  for (const secret of NEVER_SHOWN) expect(text).not.toContain(secret);
}

describe('secrets in everything the mock produces (injected log sink)', () => {
  const lines: string[] = [];
  const app = smallApp({
    auth: [
      { key: 'Authorization', value: `Bearer ${SECRET}` },
      { key: 'X-Store-Key', value: KEY },
    ],
    adminToken: ADMIN,
    log: (line) => lines.push(line),
  });
  afterAll(() => app.mock.close());
  const produced: string[] = [];

  it.each(ATTEMPTS)('answers every operation sent with %s without echoing any header value', async (_what, headers) => {
    for (const op of OPERATION_IDS) {
      const call =
        op === 'productSearch'
          ? request(app).get(`${SEARCH}?query=${encodeURIComponent(headers.authorization ?? 'x')}`)
          : request(app).post(pathOf(op)).send(GOOD_BODY[op]);
      const res = await call.set(headers);
      expect(res.status).toBe(
        headers.authorization === `Bearer ${SECRET}` && headers['x-store-key'] === KEY ? 200 : 401,
      );
      produced.push(JSON.stringify(res.headers), res.text);
    }
    const broken = await request(app)
      .post(pathOf('orderCreation'))
      .set(headers)
      .set('content-type', 'application/json')
      .send(`{"objectId":"SEC-1",`);
    produced.push(JSON.stringify(broken.headers), broken.text);
  });

  it('names the failing header in a 401 without its expected or presented value', async () => {
    const res = await request(app)
      .get(SEARCH)
      .set({ authorization: `Bearer ${SECRET}`, 'x-store-key': WRONG_KEY });
    expect(res.status).toBe(401);
    expect(res.body.detail).toContain('X-Store-Key');
  });

  it('refuses a wrong admin token with 401 and leaves no trace of it', async () => {
    const before = lines.length;
    const res = await request(app).get('/__admin/requests').set('authorization', `Bearer ${WRONG_ADMIN}`);
    expect(res.status).toBe(401);
    expect(lines.length).toBe(before);
    produced.push(res.text);
  });

  it('keeps every secret and wrong value out of the log, the journal and every answer', async () => {
    const journal = await request(app).get('/__admin/requests').set('authorization', `Bearer ${ADMIN}`);
    expect(journal.status).toBe(200);
    expect(journal.body.length).toBeGreaterThanOrEqual(ATTEMPTS.length * OPERATION_IDS.length);
    expect(JSON.stringify(journal.body)).toContain('Bearer ***');
    expect(lines.length).toBeGreaterThanOrEqual(ATTEMPTS.length * OPERATION_IDS.length);
    expect(produced.length).toBeGreaterThan(0);
    expectNoSecrets([...lines, journal.text, ...produced].join('\n'));
  });
});

/** A raw request to the child with a header block too large for Node (the clientError path in serve). */
function oversized(origin: string): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${origin}/v1/products/productsearch`,
      { headers: { authorization: `Bearer ${SECRET}`, 'x-padding': 'p'.repeat(20 * 1024) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), text }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('secrets and access on `merchant-kit serve` (child process, loopback)', () => {
  it('logs nothing secret to stdout or stderr, answers oversized headers with 431 problem+json, and exits 0', async () => {
    const server = await startServe([
      '--catalog',
      SMALL_CATALOG_PATH,
      '--auth',
      `Authorization: Bearer ${SECRET}`,
      '--admin-token',
      ADMIN,
    ]);
    const bodies: string[] = [];
    try {
      for (const [, headers] of ATTEMPTS) {
        const res = await fetch(`${server.origin}${SEARCH}?query=iphone`, {
          headers: { ...headers, connection: 'close' },
        });
        bodies.push(await res.text());
      }
      const refused = await fetch(`${server.origin}/__admin/requests`, {
        headers: { authorization: `Bearer ${WRONG_ADMIN}`, connection: 'close' },
      });
      expect(refused.status).toBe(401);
      bodies.push(await refused.text());
      const journal = await fetch(`${server.origin}/__admin/requests`, {
        headers: { authorization: `Bearer ${ADMIN}`, connection: 'close' },
      });
      expect(journal.status).toBe(200);
      bodies.push(await journal.text());
      const big = await oversized(server.origin);
      expect(big.status).toBe(431);
      expect(big.type).toMatch(/^application\/problem\+json/);
      bodies.push(big.text);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(server.output()).toContain('"status":401');
    expect(server.output()).not.toContain('/__admin/requests","status":401');
    expectNoSecrets([server.output(), ...bodies].join('\n'));
  });

  it('refuses to listen beyond loopback without --admin-token: exit 2, one line naming the flag, no secret echoed', async () => {
    const result = await runCli([
      'serve',
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--auth',
      `Authorization: Bearer ${SECRET}`,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--admin-token');
    expect(result.stdout).not.toContain('listening');
    expectNoSecrets(result.stdout + result.stderr);
  });
});
