import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createMockListener, PROBLEM_BASE, type MockApp, type MockOptions } from '../../src/mock';
import { MOCK_CATALOGUES } from '../../src/mock/i18n';
import type { Journal } from '../../src/mock/store/memory/journal';
import type { JournalEntry } from '../../src/mock/store/journal-entry';
import { journalView } from '../../src/mock/http/routes/previews';
import { CANCEL, CHECKER, CREATE, NOTIFY, SEARCH, line, notification, order, smallApp } from './helpers';
import { until } from '../support/until';

// Every pipeline case goes through both entry points of identically configured mocks: supertest on the
// express app, and a real loopback server whose listener sends the operations straight to the pipeline.

type Config = 'plain' | 'secured' | 'lenient' | 'bounded';

const CONFIGS: Record<Config, MockOptions> = {
  plain: {},
  secured: { auth: [{ key: 'X-Api-Key', value: 'k3y-s3cr3t' }] },
  lenient: { lenient: true },
  bounded: { maxSandboxes: 1 },
};

interface Side {
  app: MockApp;
  logs: string[];
  target(): ReturnType<typeof request>;
}

const express: Record<string, Side> = {};
const listener: Record<string, Side> = {};
const servers: http.Server[] = [];

function side(config: Config, wrap: (app: MockApp) => () => ReturnType<typeof request>): Side {
  const logs: string[] = [];
  const app = smallApp({ ...CONFIGS[config], log: (text) => logs.push(text) });
  return { app, logs, target: wrap(app) };
}

beforeAll(async () => {
  for (const config of Object.keys(CONFIGS) as Config[]) {
    express[config] = side(config, (app) => () => request(app));
    listener[config] = side(config, (app) => {
      const server = http.createServer(createMockListener(app));
      servers.push(server);
      return () => request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  }
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))));
});

afterAll(async () => {
  await Promise.all([...Object.values(express), ...Object.values(listener)].map((s) => s.app.mock.close()));
  await Promise.all(
    servers.map((server) => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    }),
  );
});

interface Case {
  method: 'get' | 'post' | 'put' | 'head';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const json = (value: unknown): string => JSON.stringify(value);
const BIG = json(
  order(
    'BIG',
    Array.from({ length: 20_000 }, (_, i) => line(`L${i}`, '2001-P')),
  ),
);
const CART = json(order('V-1', [line('L1', '2001-P'), line('L2', '2002-M', 2)]));
const JSON_TYPE = { 'content-type': 'application/json' };

/** Reads every answer as raw text: a truncated JSON body (the malformed scenario) must compare too. */
function rawText(res: NodeJS.ReadableStream, callback: (error: Error | null, body: string) => void): void {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => callback(null, text));
}

function send(s: Side, c: Case): Promise<request.Response> {
  let test = s
    .target()
    [c.method](c.path)
    .buffer(true)
    .parse(rawText as unknown as Parameters<request.Test['parse']>[0]);
  for (const [name, value] of Object.entries(c.headers ?? {})) test = test.set(name, value);
  return c.body === undefined ? test : test.send(c.body);
}

/** What a client sees of an answer: the parts that must match between the entry points. */
function seen(res: request.Response): Record<string, unknown> {
  const h = res.headers;
  return {
    status: res.status,
    type: h['content-type'],
    length: h['content-length'],
    text: res.body as unknown,
    allow: h.allow,
    retryAfter: h['retry-after'],
    connection: h.connection === 'close' ? 'close' : 'keep',
    custom: h['x-scenario'],
  };
}

/** The journal a request to this path lands in: its sandbox's when that exists, else the default store's. */
function journalOf(s: Side, path: string): Journal {
  const match = /^\/sandboxes\/([^/?]+)\//i.exec(path);
  const store = match ? s.app.mock.sandboxes.get(decodeURIComponent(match[1])) : undefined;
  // The memory store's journal, read at once.
  return (store ?? s.app.mock.context).journal as Journal;
}

/** Entries journaled for this path since `before` (a request may create its sandbox, whose journal starts empty). */
function journaledSince(s: Side, path: string, before: { journal: Journal; count: number }): JournalEntry[] {
  const journal = journalOf(s, path);
  // As the admin API shows them: with the previews of the request and its answer.
  return journal
    .entriesNow()
    .slice(journal === before.journal ? before.count : 0)
    .map(journalView);
}

/** Waits until the side has journaled and logged the request, then returns both without timings. */
async function traces(
  s: Side,
  journaled: number | { journal: Journal; count: number },
  logged: number,
  path = '/',
): Promise<{ entry?: Partial<JournalEntry>; log?: Record<string, unknown> }> {
  const before = typeof journaled === 'number' ? { journal: journalOf(s, '/'), count: journaled } : journaled;
  await until(() => journaledSince(s, path, before).length > 0 && s.logs.length > logged);
  const last = journaledSince(s, path, before).at(-1);
  const { at: _at, durationMs: _ms, ...entry } = last ?? ({} as JournalEntry);
  const line = s.logs.length > logged ? (JSON.parse(s.logs[s.logs.length - 1]) as Record<string, unknown>) : undefined;
  if (line) {
    delete line.time;
    delete line.ms;
  }
  return { entry: last ? entry : undefined, log: line };
}

const KEY = { 'x-api-key': 'k3y-s3cr3t' };
const PT_TITLE = MOCK_CATALOGUES['pt-BR'] as Record<string, string>;

describe('the express app and the plain listener answer every pipeline case alike', () => {
  it.each<[string, Config, Case, number]>([
    [
      'a search with the right auth header',
      'secured',
      { method: 'get', path: `${SEARCH}?searchType=TEXT&query=camiseta`, headers: KEY },
      200,
    ],
    ['a search without the auth header', 'secured', { method: 'get', path: SEARCH }, 401],
    [
      'a cart check with a wrong auth header',
      'secured',
      { method: 'post', path: CHECKER, headers: { ...JSON_TYPE, 'x-api-key': 'wrong' }, body: CART },
      401,
    ],
    ['a search with no query at all', 'plain', { method: 'get', path: SEARCH }, 200],
    ['a search by id', 'plain', { method: 'get', path: `${SEARCH}?searchType=ID&query=2001` }, 200],
    [
      'a search on an upper-case path with a trailing slash',
      'plain',
      { method: 'get', path: '/V1/Products/ProductSearch/?query=camiseta' },
      200,
    ],
    ['a search whose query key repeats', 'plain', { method: 'get', path: `${SEARCH}?query=a&query=b` }, 400],
    ['a search with a size that is not a number', 'plain', { method: 'get', path: `${SEARCH}?size=ten` }, 400],
    ['a search with an unknown search type', 'plain', { method: 'get', path: `${SEARCH}?searchType=FUZZY` }, 400],
    [
      'Prefer: scenario=server-error',
      'plain',
      { method: 'get', path: SEARCH, headers: { prefer: 'scenario=server-error' } },
      500,
    ],
    [
      'Prefer: scenario=unavailable',
      'plain',
      { method: 'post', path: CHECKER, headers: { ...JSON_TYPE, prefer: 'scenario=unavailable' }, body: CART },
      503,
    ],
    [
      'Prefer: scenario=malformed',
      'plain',
      { method: 'get', path: SEARCH, headers: { prefer: 'scenario=malformed' } },
      200,
    ],
    [
      'Prefer: scenario=empty',
      'plain',
      { method: 'post', path: CHECKER, headers: { ...JSON_TYPE, prefer: 'scenario=empty' }, body: CART },
      200,
    ],
    [
      'Prefer: scenario=out-of-stock on a cart',
      'plain',
      { method: 'post', path: CHECKER, headers: { ...JSON_TYPE, prefer: 'scenario=out-of-stock' }, body: CART },
      200,
    ],
    [
      'Prefer: scenario=out-of-stock on a search',
      'plain',
      { method: 'get', path: `${SEARCH}?query=camiseta`, headers: { prefer: 'scenario=out-of-stock' } },
      200,
    ],
    ['?__scenario=server-error', 'plain', { method: 'get', path: `${SEARCH}?__scenario=server-error&query=x` }, 500],
    ['Prefer: delay=30', 'plain', { method: 'get', path: SEARCH, headers: { prefer: 'delay=30' } }, 200],
    [
      'a delay that is not whole milliseconds',
      'plain',
      { method: 'get', path: SEARCH, headers: { prefer: 'delay=soon' } },
      400,
    ],
    ['an unknown scenario', 'plain', { method: 'get', path: `${SEARCH}?__scenario=nope` }, 400],
    [
      'a custom scenario with a delay and its own content type',
      'plain',
      { method: 'get', path: SEARCH, headers: { prefer: 'scenario=html-page' } },
      200,
    ],
    [
      'a custom scenario with its own headers',
      'plain',
      {
        method: 'post',
        path: CREATE,
        headers: { ...JSON_TYPE, prefer: 'scenario=rejected' },
        body: json(order('R-1', [line('L1', '2001-P')])),
      },
      422,
    ],
    ['a valid cart', 'plain', { method: 'post', path: CHECKER, headers: JSON_TYPE, body: CART }, 200],
    [
      'malformed JSON',
      'plain',
      { method: 'post', path: CHECKER, headers: JSON_TYPE, body: '{"objectId": "V-1",' },
      400,
    ],
    [
      'a body that breaks the contract',
      'plain',
      {
        method: 'post',
        path: CHECKER,
        headers: JSON_TYPE,
        body: json({ objectId: 'V-1', items: [{ objectId: 'L1', quantity: 'two' }] }),
      },
      400,
    ],
    ['a body over 1 MB', 'plain', { method: 'post', path: CREATE, headers: JSON_TYPE, body: BIG }, 413],
    [
      'a form body',
      'plain',
      {
        method: 'post',
        path: CHECKER,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'objectId=V-1',
      },
      415,
    ],
    [
      'a body that breaks the contract, under --lenient',
      'lenient',
      {
        method: 'post',
        path: CHECKER,
        headers: JSON_TYPE,
        body: json({ objectId: 'V-1', items: [{ objectId: 'L1', variantId: '2001-P', quantity: 'two' }] }),
      },
      200,
    ],
    ['a bad query, under --lenient', 'lenient', { method: 'get', path: `${SEARCH}?size=ten&query=camiseta` }, 200],
    [
      'an order creation',
      'plain',
      { method: 'post', path: CREATE, headers: JSON_TYPE, body: json(order('C-1', [line('L1', '2001-P')])) },
      200,
    ],
    [
      'a status notification',
      'plain',
      { method: 'post', path: NOTIFY, headers: JSON_TYPE, body: json(notification('C-1', 'PAID')) },
      200,
    ],
    [
      'a cancellation of that order',
      'plain',
      { method: 'post', path: CANCEL, headers: JSON_TYPE, body: json({ objectId: 'C-1' }) },
      200,
    ],
    [
      'a cancellation of an unknown order',
      'plain',
      { method: 'post', path: CANCEL, headers: JSON_TYPE, body: json({ objectId: 'NOPE' }) },
      404,
    ],
    ['another method on an operation path', 'plain', { method: 'put', path: SEARCH }, 405],
    ['a HEAD on the search', 'plain', { method: 'head', path: SEARCH }, 200],
    ['a path next to the operations', 'plain', { method: 'get', path: '/v1/products/productsearch//' }, 404],
    [
      'a search in a sandbox (created by it)',
      'plain',
      { method: 'get', path: `/sandboxes/qa-x${SEARCH}?query=camiseta` },
      200,
    ],
    [
      'an order creation in a sandbox',
      'plain',
      {
        method: 'post',
        path: `/sandboxes/qa-x${CREATE}`,
        headers: JSON_TYPE,
        body: json(order('SX-1', [line('L1', '2001-P', 4)])),
      },
      200,
    ],
    [
      'a cart check in that sandbox, beyond what its order left',
      'plain',
      { method: 'post', path: `/sandboxes/qa-x${CHECKER}`, headers: JSON_TYPE, body: CART },
      200,
    ],
    [
      'a search in a sandbox on an upper-case path with a trailing slash',
      'plain',
      { method: 'get', path: '/SANDBOXES/qa-x/V1/Products/ProductSearch/?query=camiseta' },
      200,
    ],
    [
      'a search in a sandbox whose name has a %-escape',
      'plain',
      { method: 'get', path: `/sandboxes/qa%2Dx${SEARCH}?query=polo` },
      200,
    ],
    ['a sandbox name that breaks the rule', 'plain', { method: 'get', path: `/sandboxes/QA-X${SEARCH}` }, 400],
    ['another method on a sandbox operation path', 'plain', { method: 'put', path: `/sandboxes/qa-x${SEARCH}` }, 405],
    ['a path in a sandbox next to the operations', 'plain', { method: 'get', path: '/sandboxes/qa-x/v1/nothing' }, 404],
    [
      'the default store at /sandboxes/default',
      'plain',
      { method: 'post', path: `/sandboxes/default${CHECKER}`, headers: JSON_TYPE, body: CART },
      200,
    ],
    [
      'a sandbox search without the auth header the server requires',
      'secured',
      { method: 'get', path: `/sandboxes/qa-s${SEARCH}` },
      401,
    ],
    [
      'a search in the one sandbox --max-sandboxes 1 allows',
      'bounded',
      { method: 'get', path: `/sandboxes/one${SEARCH}` },
      200,
    ],
    [
      'a search in a second sandbox past --max-sandboxes',
      'bounded',
      { method: 'get', path: `/sandboxes/two${SEARCH}` },
      503,
    ],
    [
      'a cart check with a wrong auth header, Accept-Language: pt-BR',
      'secured',
      {
        method: 'post',
        path: CHECKER,
        headers: { ...JSON_TYPE, 'x-api-key': 'wrong', 'accept-language': 'pt-BR' },
        body: CART,
      },
      401,
    ],
    [
      'a body that breaks the contract, Accept-Language: en;q=0.5, pt-BR',
      'plain',
      {
        method: 'post',
        path: CHECKER,
        headers: { ...JSON_TYPE, 'accept-language': 'en;q=0.5, pt-BR' },
        body: json({ objectId: 'V-1', items: [{ objectId: 'L1', quantity: 'two' }] }),
      },
      400,
    ],
    [
      'Prefer: scenario=unavailable, Accept-Language: pt-BR',
      'plain',
      { method: 'get', path: SEARCH, headers: { prefer: 'scenario=unavailable', 'accept-language': 'pt-BR' } },
      503,
    ],
    [
      'a body over 1 MB, Accept-Language: pt-BR',
      'plain',
      { method: 'post', path: CREATE, headers: { ...JSON_TYPE, 'accept-language': 'pt-BR' }, body: BIG },
      413,
    ],
    [
      'a search in a second sandbox past --max-sandboxes, Accept-Language: pt-BR',
      'bounded',
      { method: 'get', path: `/sandboxes/three${SEARCH}`, headers: { 'accept-language': 'pt-BR' } },
      503,
    ],
  ])('%s', async (_what, config, c, status) => {
    const a = express[config];
    const b = listener[config];
    const before = [a, b].map((s) => {
      const journal = journalOf(s, c.path);
      return { journaled: { journal, count: journal.size }, logged: s.logs.length };
    });
    const [resA, resB] = [await send(a, c), await send(b, c)];
    expect(resA.status).toBe(status);
    expect(seen(resB)).toEqual(seen(resA));
    if (c.headers?.['accept-language'] !== undefined) {
      // Said in Portuguese, by the catalogue: the title of its type.
      const problem = JSON.parse(resA.body as string) as { type: string; title: string };
      expect(problem.title).toBe(PT_TITLE[`title.${problem.type.slice(PROBLEM_BASE.length)}`]);
    }
    const [traceA, traceB] = [
      await traces(a, before[0].journaled, before[0].logged, c.path),
      await traces(b, before[1].journaled, before[1].logged, c.path),
    ];
    expect(traceA.entry).toMatchObject({ status, path: c.path.split('?')[0] });
    expect(traceA.log).toMatchObject({ status, method: c.method.toUpperCase() });
    expect(traceB).toEqual(traceA);
  });

  it('keeps the violations of a lenient request in the journal and counts them in the log line, both ways', async () => {
    const body = json({ objectId: 'V-9', items: [{ objectId: 'L1', variantId: '2001-P', quantity: 'two' }] });
    for (const s of [express.lenient, listener.lenient]) {
      const journaled = journalOf(s, '/').size;
      const logged = s.logs.length;
      await send(s, { method: 'post', path: CHECKER, headers: JSON_TYPE, body });
      const { entry, log } = await traces(s, journaled, logged);
      expect(entry).toMatchObject({
        operation: 'orderValidation',
        violations: [expect.objectContaining({ pointer: '/items/0/quantity' })],
      });
      expect(log).toMatchObject({ operation: 'orderValidation', violations: 1 });
    }
  });

  it('masks the auth header in the journal and keeps it out of the log line, both ways', async () => {
    for (const s of [express.secured, listener.secured]) {
      const journaled = journalOf(s, '/').size;
      const logged = s.logs.length;
      await send(s, { method: 'get', path: SEARCH, headers: KEY });
      const { entry } = await traces(s, journaled, logged);
      expect(entry?.headers?.['x-api-key']).toBeDefined();
      expect(JSON.stringify(entry)).not.toContain('k3y-s3cr3t');
      expect(s.logs.join('\n')).not.toContain('k3y-s3cr3t');
    }
  });

  it('drops the connection for the reset scenario and journals status 0, both ways', async () => {
    for (const s of [express.plain, listener.plain]) {
      const journaled = journalOf(s, '/').size;
      const logged = s.logs.length;
      await expect(send(s, { method: 'get', path: SEARCH, headers: { prefer: 'scenario=reset' } })).rejects.toThrow(
        /socket hang up|ECONNRESET/,
      );
      const { entry, log } = await traces(s, journaled, logged);
      expect(entry).toMatchObject({ status: 0, operation: 'productSearch', scenario: 'reset' });
      expect(log).toMatchObject({ status: 0, scenario: 'reset' });
    }
  });
});

describe('the plain listener', () => {
  it('answers the five operations itself and hands every other request to the express app', async () => {
    const app = smallApp();
    const handle = jest.spyOn(app as unknown as { handle: (...args: unknown[]) => void }, 'handle');
    const server = http.createServer(createMockListener(app));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      await agent.get(`${SEARCH}/?query=camiseta`).expect(200);
      await agent.post('/V1/ORDERS/ORDERCHECKER').send(JSON.parse(CART)).expect(200);
      expect(handle).not.toHaveBeenCalled();
      await agent.put(SEARCH).expect(405);
      await agent.get('/__admin/requests').expect(200);
      expect(handle).toHaveBeenCalledTimes(2);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.mock.close();
    }
  });

  it('dispatches under a custom base path and the root, as the express router does', async () => {
    for (const basePath of ['/loja/api', '']) {
      const app = smallApp({ basePath });
      const handle = jest.spyOn(app as unknown as { handle: (...args: unknown[]) => void }, 'handle');
      const server = http.createServer(createMockListener(app));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const agent = request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      try {
        await agent.get(`${basePath}/products/productsearch?query=camiseta`).expect(200);
        expect(handle).not.toHaveBeenCalled();
        await agent.get(`/v1/products/productsearch`).expect(404);
      } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await app.mock.close();
      }
    }
  });
});
