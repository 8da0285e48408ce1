import http from 'node:http';
import type dns from 'node:dns';
import type { AddressInfo } from 'node:net';
import {
  postJson,
  runDone,
  startConsole,
  startRun,
  urlsOf,
  type ConsoleServer,
  type ReportShape,
} from './verify-console';

// A run from the QA console must not become a way into the network its server sits in: private targets
// are refused (in the config, or when a name resolves to one), a redirect leads nowhere, and without
// an admin token only a client on this machine may start runs.

/** A server on `host` that counts connections and answers every request with `answer`. */
async function counting(
  host: string,
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server = http.createServer(answer);
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => connections,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A resolver that answers every name with one address, and counts the names asked. */
function resolvingTo(address: string, asked: string[]): typeof dns.lookup {
  return ((host: string, _options: unknown, callback: (e: null, a: { address: string; family: number }[]) => void) => {
    asked.push(host);
    callback(null, [{ address, family: 4 }]);
  }) as unknown as typeof dns.lookup;
}

describe('a run from the QA console, by default (no --verify-allow-private)', () => {
  const asked: string[] = [];
  let console: ConsoleServer;
  let target: Awaited<ReturnType<typeof counting>>;
  let inside: Awaited<ReturnType<typeof counting>>;

  beforeAll(async () => {
    // What is "inside" here: a server on 127.0.0.2 that must never be reached.
    inside = await counting('127.0.0.2', (_req, res) => res.end('[]'));
    // The merchant redirects every call there.
    target = await counting('127.0.0.1', (req, res) => {
      res.writeHead(302, { location: `http://127.0.0.2:${inside.port}${req.url}` }).end();
    });
    // merchant.example resolves to 127.0.0.1, which this console treats as public (allowAddresses):
    // the only way to have a reachable "public" merchant on a machine without internet.
    console = await startConsole({
      allowPrivate: false,
      allowAddresses: ['127.0.0.1'],
      resolve: resolvingTo('127.0.0.1', asked),
    });
  });
  afterAll(async () => {
    await console.close();
    await target.close();
    await inside.close();
  });

  it('refuses a config whose URL is a private address: 400 naming the key and the flag that allows it', async () => {
    const res = await postJson(`${console.origin}/__admin/verify-runs`, {
      config: { urls: { ...urlsOf('http://merchant.example/v1'), orderCreation: 'http://10.0.0.5/orders' } },
    });
    expect(res.status).toBe(400);
    const { detail } = (await res.json()) as { detail: string };
    expect(detail).toBe(
      'config: "urls.orderCreation" points to 10.0.0.5, a private network address: a run from the QA console does not reach the network its server sits in; start serve with --verify-allow-private to allow it (for local use)',
    );
  });

  it.each(['http://localhost:4010/v1', 'http://[::ffff:169.254.169.254]/v1', 'http://0x7f.1/v1'])(
    'refuses %s however it is written',
    async (base) => {
      const res = await postJson(`${console.origin}/__admin/verify-runs`, { config: { urls: urlsOf(base) } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { detail: string }).detail).toContain('--verify-allow-private');
    },
  );

  it('follows no redirect: a merchant redirecting to a private address is reported, and that address never contacted', async () => {
    const id = await startRun(console, { config: { urls: urlsOf(`http://merchant.example:${target.port}/v1`) } });
    const report = (await runDone(console, id)).report as ReportShape;
    const search = report.whatToFix.find((f) => f.operation === 'productSearch');
    expect(search).toMatchObject({ check: 'answers-2xx', status: 'fail' });
    expect(search?.message).toContain('redirected instead of answering');
    expect(target.connections()).toBeGreaterThan(0);
    expect(inside.connections()).toBe(0);
    expect(new Set(asked)).toEqual(new Set(['merchant.example']));
  });
});

describe('a run whose merchant name resolves to a private address', () => {
  let console: ConsoleServer;
  let merchant: Awaited<ReturnType<typeof counting>>;

  beforeAll(async () => {
    merchant = await counting('127.0.0.1', (_req, res) => res.end('[]'));
    console = await startConsole({ allowPrivate: false, resolve: resolvingTo('127.0.0.1', []) });
  });
  afterAll(async () => {
    await console.close();
    await merchant.close();
  });

  it('is accepted (a name is judged when the run connects), and every call is refused there, saying so', async () => {
    const id = await startRun(console, { config: { urls: urlsOf(`http://shop.example:${merchant.port}/v1`) } });
    const report = (await runDone(console, id)).report as ReportShape;
    expect(report.verdict).toBe('fail');
    expect(report.whatToFix[0]).toMatchObject({ operation: 'productSearch', check: 'answers-2xx', status: 'error' });
    expect(report.whatToFix[0].message).toContain(
      'shop.example resolves to 127.0.0.1, a loopback address (the server itself): a run started from the QA console does not reach the network its server sits in; start serve with --verify-allow-private',
    );
    expect(merchant.connections()).toBe(0);
  });
});

describe('who may start runs', () => {
  it('without an admin token: only a client on this machine, not one coming through a proxy', async () => {
    const console = await startConsole();
    try {
      const res = await postJson(
        `${console.origin}/__admin/verify-runs`,
        { config: {} },
        { 'x-forwarded-for': '203.0.113.9' },
      );
      expect(res.status).toBe(403);
      const problem = (await res.json()) as { type: string; detail: string };
      expect(problem.type).toMatch(/verify-needs-token$/);
      expect(problem.detail).toContain('start serve with --admin-token T');
      expect(
        (await fetch(`${console.origin}/__admin/verify-runs`, { headers: { forwarded: 'for=203.0.113.9' } })).status,
      ).toBe(403);
    } finally {
      await console.close();
    }
  });

  it('without an admin token: nobody when the public URL is not loopback', async () => {
    const console = await startConsole({ allowPrivate: true }, { publicUrl: 'https://mock.example.com' });
    try {
      expect((await fetch(`${console.origin}/__admin/verify-runs`)).status).toBe(403);
    } finally {
      await console.close();
    }
  });

  it('with an admin token: whoever presents it, from anywhere', async () => {
    const console = await startConsole({ allowPrivate: true }, { adminToken: 'admin-9876' });
    try {
      expect((await fetch(`${console.origin}/__admin/verify-runs`)).status).toBe(401);
      const res = await fetch(`${console.origin}/__admin/verify-runs`, {
        headers: { authorization: 'Bearer admin-9876', 'x-forwarded-for': '203.0.113.9' },
      });
      expect(res.status).toBe(200);
    } finally {
      await console.close();
    }
  });

  it('a mock without a runner answers the verify routes with 404 verify-unavailable', async () => {
    const { smallApp } = await import('./helpers');
    const request = (await import('supertest')).default;
    const app = smallApp();
    try {
      const res = await request(app).get('/__admin/verify-runs');
      expect(res.status).toBe(404);
      expect(res.body.type).toMatch(/verify-unavailable$/);
      expect((await request(app).post('/__verify/callbacks/v2/orders/x/statusChange').send({})).status).toBe(404);
    } finally {
      await app.mock.close();
    }
  });
});
