import http from 'node:http';
import type dns from 'node:dns';
import type { AddressInfo } from 'node:net';
import { classifyAddress } from '../../src/conformance/http/address-kinds';
import { send, type HttpOutcome } from '../../src/conformance/http/client';
import { TargetGuard, type TargetGuardOptions } from '../../src/conformance/http/target-guard';

// The fence around runs started from a server (the QA console): which addresses count as the
// server's own network, and that a guarded request never opens a connection to one, whether the URL
// names it, a host name resolves to it on this connection, or the run's time limit passes meanwhile.

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.10.1', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['192.0.0.192', 'metadata'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:0:a00:1', 'private'],
    ['::7f00:1', 'loopback'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['64:ff9b:1::c0a8:101', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['fd00:ec2::254', 'metadata'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '2002:808:808::',
    'example.com',
  ])('%s is on the internet (or no address at all)', (address) => {
    expect(classifyAddress(address)).toBeUndefined();
  });
});

describe('a guarded request', () => {
  let server: http.Server;
  let port: number;
  let connections = 0;
  let requests = 0;
  let onRequest: (() => void) | undefined;

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      requests += 1;
      onRequest?.();
      // A request whose answer the test holds back is never answered (the time limit test).
      if (onRequest === undefined) res.end('[]');
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    connections = 0;
    requests = 0;
    onRequest = undefined;
  });

  const get = (url: string, guard: TargetGuardOptions): Promise<HttpOutcome> =>
    send({ method: 'GET', url, headers: [], deadlineMs: 5000, network: network(guard) });
  const network = (guard: TargetGuardOptions) => ({
    ca: [],
    insecure: false,
    proxy: { noProxy: '' },
    guard: new TargetGuard(guard),
  });
  /** A resolver that answers the given addresses in turn, one per lookup. */
  const resolving = (...answers: string[]): typeof dns.lookup =>
    ((_host: string, _options: unknown, callback: (e: null, a: { address: string; family: number }[]) => void) => {
      const address = answers.shift() as string;
      callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
    }) as unknown as typeof dns.lookup;

  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['[::ffff:127.0.0.1]', 'a loopback address'],
    ['0.0.0.0', 'the unspecified address'],
  ])('to %s is refused before any connection, saying how to allow it', async (host, kind) => {
    const outcome = await get(`http://${host}:${port}/products`, { allowPrivate: false });
    expect(outcome).toMatchObject({ kind: 'failure', code: 'refused-target' });
    expect((outcome as { reason: string }).reason).toContain(kind);
    expect((outcome as { reason: string }).reason).toContain('start serve with --verify-allow-private');
    expect(connections).toBe(0);
  });

  it('to a name that resolves to a private address is refused on the socket, naming both', async () => {
    const outcome = await get(`http://merchant.example:${port}/products`, {
      allowPrivate: false,
      resolve: resolving('127.0.0.1'),
    });
    expect(outcome).toMatchObject({ kind: 'failure', code: 'refused-target' });
    expect((outcome as { reason: string }).reason).toContain(
      'merchant.example resolves to 127.0.0.1, a loopback address',
    );
    expect(connections).toBe(0);
  });

  it('judges the address of each connection: a name that turns private on the next lookup (DNS rebinding) is refused then', async () => {
    // 127.0.0.1 stands in for a public address here; 10.0.0.7 is what the name "rebinds" to.
    const guard = { allowPrivate: false, allowAddresses: ['127.0.0.1'], resolve: resolving('127.0.0.1', '10.0.0.7') };
    const shared = network(guard);
    const first = await send({
      method: 'GET',
      url: `http://merchant.example:${port}/`,
      headers: [],
      deadlineMs: 5000,
      network: shared,
    });
    const second = await send({
      method: 'GET',
      url: `http://merchant.example:${port}/`,
      headers: [],
      deadlineMs: 5000,
      network: shared,
    });
    expect(first).toMatchObject({ kind: 'answer', status: 200 });
    expect(second).toMatchObject({ kind: 'failure', code: 'refused-target' });
    expect((second as { reason: string }).reason).toContain('resolves to 10.0.0.7, a private network address');
    expect(requests).toBe(1);
  });

  it('reaches a private address when the server allows it (serve --verify-allow-private)', async () => {
    await expect(get(`http://127.0.0.1:${port}/`, { allowPrivate: true })).resolves.toMatchObject({ kind: 'answer' });
  });

  it('ends at once when the run passes its time limit, saying so', async () => {
    const stop = new AbortController();
    onRequest = () => stop.abort();
    const outcome = await get(`http://127.0.0.1:${port}/slow`, { allowPrivate: true, signal: stop.signal });
    expect(outcome).toMatchObject({ kind: 'failure', code: 'stopped' });
    expect((outcome as { reason: string }).reason).toContain('serve --verify-time-limit');
    // And a request after the limit does not even start.
    await expect(get(`http://127.0.0.1:${port}/`, { allowPrivate: true, signal: stop.signal })).resolves.toMatchObject({
      code: 'stopped',
    });
    expect(requests).toBe(1);
  });
});
