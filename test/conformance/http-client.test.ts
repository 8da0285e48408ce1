import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { send, type HttpOutcome } from '../../src/conformance/http/client';
import { freePort } from '../support/free-port';
import { JumpingClock } from './support';

/** A throwaway server on 127.0.0.1:0 whose handler misbehaves on purpose. */
async function serve(handler: http.RequestListener): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const servers: http.Server[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function start(handler: http.RequestListener): Promise<string> {
  const { url, server } = await serve(handler);
  servers.push(server);
  return url;
}

/**
 * The client's clock: a server that must time out jumps it past the deadline, so nothing here waits
 * for a deadline to pass (and a slow machine never turns an answer into a timeout: the deadline is long).
 */
const clock = new JumpingClock();
const DEADLINE_MS = 60_000;

const get = (url: string, maxBodyBytes?: number): Promise<HttpOutcome> =>
  send(
    {
      method: 'GET',
      url,
      headers: [{ key: 'Authorization', value: 'Bearer s3cret' }],
      deadlineMs: DEADLINE_MS,
      maxBodyBytes,
    },
    undefined,
    clock,
  );

describe('the HTTP client', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  beforeAll(() => process.on('unhandledRejection', onUnhandled));
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('returns status, headers and body of a complete answer', async () => {
    const url = await start((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('[1]'));
    await expect(get(url)).resolves.toMatchObject({
      kind: 'answer',
      status: 200,
      body: '[1]',
      headers: { 'content-type': 'application/json' },
    });
  });

  it('reports a refused connection as a failure with the reason', async () => {
    const port = await freePort();
    await expect(get(`http://127.0.0.1:${port}/x`)).resolves.toMatchObject({
      kind: 'failure',
      code: 'refused',
      reason: expect.stringContaining('connection refused'),
    });
  });

  it('reports a host name that does not resolve as a DNS failure', async () => {
    await expect(get('http://no-such-host.invalid/x')).resolves.toMatchObject({ kind: 'failure', code: 'dns' });
  });

  it('ends a server that never answers at the deadline', async () => {
    const url = await start(() => clock.jump(DEADLINE_MS + 1));
    await expect(get(url)).resolves.toMatchObject({
      kind: 'failure',
      code: 'timeout',
      reason: `no complete answer within ${DEADLINE_MS} ms`,
    });
  });

  it('ends a server that dribbles its body byte by byte at the deadline', async () => {
    // A byte now and then (each time the clock has moved on): the deadline holds for the whole answer.
    const url = await start((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const dribble = (left: number): void => {
        if (left === 0 || res.destroyed) return;
        clock.jump(DEADLINE_MS / 10);
        res.write(' ', () => dribble(left - 1));
      };
      dribble(100);
    });
    await expect(get(url)).resolves.toMatchObject({ kind: 'failure', code: 'timeout' });
  });

  it('stops reading a body beyond the cap', async () => {
    const url = await start((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(Buffer.alloc(300 * 1024, 0x20));
    });
    await expect(get(url, 100 * 1024)).resolves.toMatchObject({ kind: 'failure', code: 'too-large' });
  });

  it('caps bodies at 10 MB by default', async () => {
    const url = await start((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(Buffer.alloc(11 * 1024 * 1024, 0x20));
    });
    await expect(get(url)).resolves.toMatchObject({
      kind: 'failure',
      code: 'too-large',
      reason: expect.stringContaining('10 MB'),
    });
  });

  it('reports a connection dropped in the middle of the body', async () => {
    const url = await start((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('[{"objectId":', () => res.socket?.destroy());
    });
    await expect(get(url)).resolves.toMatchObject({ kind: 'failure', code: 'dropped' });
  });

  it('does not follow a redirect, so the auth header never reaches the other origin', async () => {
    const seen: string[] = [];
    const other = await start((req, res) => {
      seen.push(String(req.headers.authorization));
      res.end('[]');
    });
    const url = await start((_req, res) => res.writeHead(302, { Location: `${other}/elsewhere` }).end());
    await expect(get(url)).resolves.toMatchObject({
      kind: 'answer',
      status: 302,
      headers: { location: `${other}/elsewhere` },
    });
    expect(seen).toEqual([]);
  });
});
