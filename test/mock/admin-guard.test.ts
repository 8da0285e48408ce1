import net from 'node:net';
import { listenOn, type Answer, type Listening } from '../hardening/real-port';
import { adminState, seedState } from './admin-state';
import { smallApp } from './helpers';
import type { MockOptions } from '../../src/mock';

// The admin API answers only the console itself: a Host naming this server, an Origin (when a browser
// sends one) that is the server's own, and Content-Type: application/json on every call but GET and
// HEAD, body or not. Each rule is tried on a real port, where the Host and the connection's port are real.

const JSON_TYPE = { 'content-type': 'application/json' };

/** A mock on a real port with something to lose (seedState). */
async function mockWithState(options: MockOptions = {}): Promise<Listening> {
  const served = await listenOn(smallApp(options));
  await seedState(originOf(served));
  return served;
}

const originOf = (served: Listening): string => `http://127.0.0.1:${served.port}`;
const stateOf = (served: Listening): Promise<unknown> => adminState(originOf(served));

/** Every kind of admin call that changes state, with the body it takes. */
// Bodiless rows say so: a shorter row would make jest pass its done callback as the body.
const CHANGES: [method: string, path: string, body: string | undefined][] = [
  ['POST', '/__admin/reset', undefined],
  ['POST', '/__admin/sandboxes/x/reset', undefined],
  ['DELETE', '/__admin/sandboxes/x', undefined],
  ['PATCH', '/__admin/sandboxes/x', '{"checkout":"own"}'],
  ['POST', '/__admin/sandboxes', '{"name":"y"}'],
  ['PUT', '/__admin/scenarios/orderValidation', '{"scenario":"out-of-stock"}'],
  ['PUT', '/__admin/sandboxes/x/scenarios/orderValidation', '{"scenario":"out-of-stock"}'],
  ['PUT', '/__admin/stock/2001-P', '{"quantity":0}'],
  ['PUT', '/__admin/products/2001/blocked', '{"blocked":true}'],
];

/** The content types a page of another site may send without a CORS preflight (and none at all). */
const SIMPLE_TYPES: [string, Record<string, string>][] = [
  ['no content type', {}],
  ['text/plain', { 'content-type': 'text/plain;charset=UTF-8' }],
  ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
  ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
  ['text/plain with a JSON parameter', { 'content-type': 'text/plain; application/json' }],
];

function expectProblem(answer: Answer, status: number, type: string): { detail: string } {
  expect(answer.status).toBe(status);
  expect(answer.type).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(answer.text) as { type: string; detail: string };
  expect(body.type).toBe(`https://omnichat-merchant-kit.dev/problems/${type}`);
  return body;
}

describe('admin calls that change state', () => {
  let served: Listening;
  beforeEach(async () => {
    served = await mockWithState();
  });
  afterEach(() => served.close());

  it.each(CHANGES)('%s %s changes the mock when sent as the console sends it', async (method, path, body) => {
    const before = await stateOf(served);
    const origin = `http://127.0.0.1:${served.port}`;
    const answer = await served.send(method, path, body, { ...JSON_TYPE, origin });
    expect(answer.status).toBeLessThan(300);
    expect(await stateOf(served)).not.toEqual(before);
  });

  it.each(CHANGES)(
    '%s %s without Content-Type: application/json is a 415 that changes nothing',
    async (method, path, body) => {
      const before = await stateOf(served);
      for (const [, headers] of SIMPLE_TYPES) {
        // Without a type there is no body either: the test helper would otherwise declare it JSON.
        const sent = headers['content-type'] === undefined ? undefined : (body ?? '');
        const problem = expectProblem(await served.send(method, path, sent, headers), 415, 'unsupported-media-type');
        expect(problem.detail).toContain('Content-Type: application/json');
      }
      expect(await stateOf(served)).toEqual(before);
    },
  );

  it.each(CHANGES)('%s %s from a page of another site is a 403 that changes nothing', async (method, path, body) => {
    const before = await stateOf(served);
    for (const origin of [
      'http://evil.example',
      'null',
      `http://localhost:${served.port}`,
      `https://127.0.0.1:${served.port}`,
    ]) {
      const problem = expectProblem(
        await served.send(method, path, body, { ...JSON_TYPE, origin }),
        403,
        'cross-site-admin',
      );
      expect(problem.detail).toContain(`http://127.0.0.1:${served.port}`);
    }
    expect(await stateOf(served)).toEqual(before);
  });

  it.each(CHANGES)('%s %s addressed to another host is a 421 that changes nothing', async (method, path, body) => {
    const before = await stateOf(served);
    for (const host of [
      `evil.example:${served.port}`,
      `127.0.0.1:${served.port + 1}`,
      '127.0.0.1',
      `127.0.0.1.evil.example:${served.port}`,
    ]) {
      const problem = expectProblem(
        await served.send(method, path, body, { ...JSON_TYPE, host }),
        421,
        'misdirected-request',
      );
      expect(problem.detail).toContain(JSON.stringify(host));
    }
    expect(await stateOf(served)).toEqual(before);
  });

  it('refuses a bodiless call without the JSON type before looking at the route (an unknown path too)', async () => {
    expectProblem(await served.send('POST', '/__admin/orders/G-1/callbacks'), 415, 'unsupported-media-type');
    expectProblem(await served.send('POST', '/__admin/no-such-route'), 415, 'unsupported-media-type');
    expectProblem(await served.send('POST', '/__admin/no-such-route', undefined, JSON_TYPE), 404, 'not-found');
  });
});

describe('the Host every admin route answers to (DNS rebinding)', () => {
  let served: Listening;
  beforeAll(async () => {
    served = await mockWithState({ hostNames: ['mock.internal', '0.0.0.0'] });
  });
  afterAll(() => served.close());

  const READS = [
    '/__admin/requests',
    '/__admin/orders',
    '/__admin/sandboxes/x/orders',
    '/__admin/events',
    '/__admin/',
    '/__admin/assets/api.js',
  ];

  it.each(READS)('GET %s answers 421 to a Host that names another server', async (path) => {
    for (const host of [
      `rebind.example:${served.port}`,
      `localhost:${served.port + 1}`,
      'localhost',
      `0.0.0.0:${served.port}`,
    ]) {
      const problem = expectProblem(await served.send('GET', path, undefined, { host }), 421, 'misdirected-request');
      expect(problem.detail).toContain(`127.0.0.1:${served.port}`);
      expect(problem.detail).toContain('--public-url');
    }
  });

  it.each(['127.0.0.1', 'localhost', 'LocalHost', '[::1]', 'mock.internal'])(
    'answers Host %s with the server port',
    async (name) => {
      const answer = await served.send('GET', '/__admin/orders', undefined, { host: `${name}:${served.port}` });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toHaveLength(1);
    },
  );

  it('answers a request without any Host with 421', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      let received = '';
      const socket = net.connect(served.port, '127.0.0.1', () => socket.write('GET /__admin/orders HTTP/1.0\r\n\r\n'));
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(text).toMatch(/^HTTP\/1\.[01] 421 /);
    expect(text).toContain('misdirected-request');
  });

  it('refuses a GET from a page of another site with 403, and answers one from its own origin', async () => {
    const foreign = await served.send('GET', '/__admin/requests', undefined, { origin: 'http://evil.example' });
    expectProblem(foreign, 403, 'cross-site-admin');
    const own = await served.send('GET', '/__admin/requests', undefined, { origin: `http://127.0.0.1:${served.port}` });
    expect(own.status).toBe(200);
  });

  it('leaves the five operations open to any Host and Origin (integrations reach the mock by any name)', async () => {
    const answer = await served.send('GET', '/v1/products/productsearch?query=camiseta&size=1', undefined, {
      host: `qa-tunnel.example:${served.port}`,
      origin: 'http://evil.example',
    });
    expect(answer.status).toBe(200);
  });
});

describe('a mock behind a proxy (publicUrl, serve --public-url)', () => {
  let served: Listening;
  beforeAll(async () => {
    served = await mockWithState({ publicUrl: 'https://mock.example.test' });
  });
  afterAll(() => served.close());

  it.each(['mock.example.test', 'mock.example.test:443', 'MOCK.example.test'])(
    'answers the public Host %s',
    async (host) => {
      expect((await served.send('GET', '/__admin/orders', undefined, { host })).status).toBe(200);
    },
  );

  it('refuses the public name at another port', async () => {
    const answer = await served.send('GET', '/__admin/orders', undefined, { host: 'mock.example.test:8443' });
    expect(expectProblem(answer, 421, 'misdirected-request').detail).toContain('mock.example.test');
  });

  it("accepts the public URL's origin whether the proxy keeps the Host or rewrites it to the upstream", async () => {
    const origin = 'https://mock.example.test';
    for (const host of ['mock.example.test', `127.0.0.1:${served.port}`]) {
      const answer = await served.send('PUT', '/__admin/scenarios/orderValidation', '{"scenario":null}', {
        ...JSON_TYPE,
        host,
        origin,
      });
      expect(answer.status).toBe(200);
    }
  });

  it('refuses the public name over plain http as an origin', async () => {
    const answer = await served.send('POST', '/__admin/reset', undefined, {
      ...JSON_TYPE,
      host: 'mock.example.test',
      origin: 'http://mock.example.test',
    });
    expect(expectProblem(answer, 403, 'cross-site-admin').detail).toContain('https://mock.example.test');
  });
});
