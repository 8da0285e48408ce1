import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { prismProxyArgs } from '../../src/cli/proxy-command';
import { UsageError } from '../../src/common/usage-error';
import { OPENAPI_PATH, PACKAGE_ROOT } from '../../src/contracts';
import { freePort } from '../support/free-port';
import { startUntil, type Running } from '../support/child-process';
import { CLI } from '../support/run-cli';

// A merchant whose product has its price as a string: Prism must forward the answer untouched and
// name the violation in the sl-violations header.
let upstream: http.Server;
let proxy: Running;
let proxyUrl: string;
const upstreamPaths: string[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    upstreamPaths.push(String(req.url));
    const product = {
      objectId: '1',
      name: 'Camiseta',
      mainVariant: { objectId: '1-1', name: 'P', price: '59.90' },
      variants: [{ objectId: '1-1', name: 'P', price: '59.90' }],
    };
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify([product]));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', () => resolve()));
  const port = await freePort();
  proxyUrl = `http://127.0.0.1:${port}`;
  proxy = await startUntil(
    process.execPath,
    [
      CLI,
      'proxy',
      '--upstream',
      `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
      '--port',
      String(port),
    ],
    /Prism is listening/,
    { cwd: PACKAGE_ROOT },
  );
});

afterAll(async () => {
  await proxy?.stop();
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
});

describe('merchant-kit proxy', () => {
  it("forwards a call to the merchant and reports the answer's contract violation in sl-violations", async () => {
    const res = await fetch(`${proxyUrl}/v1/products/productsearch?searchType=TEXT&query=camiseta&from=0&size=10`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { mainVariant: { price: unknown } }[];
    expect(body[0].mainVariant.price).toBe('59.90');
    expect(upstreamPaths.at(-1)).toBe('/v1/products/productsearch?searchType=TEXT&query=camiseta&from=0&size=10');
    const violations = JSON.parse(res.headers.get('sl-violations') ?? '[]') as { message: string; path?: string[] }[];
    expect(violations.length).toBeGreaterThan(0);
    expect(JSON.stringify(violations)).toContain('price');
  });
});

describe('the proxy flags', () => {
  it('map to Prism proxy arguments with our OpenAPI document', () => {
    expect(prismProxyArgs({ upstream: 'https://shop.example.com', port: '4020', host: '127.0.0.1' })).toEqual([
      'proxy',
      OPENAPI_PATH,
      'https://shop.example.com',
      '--port',
      '4020',
      '--host',
      '127.0.0.1',
    ]);
  });

  it.each([
    [{ port: '4020', host: '127.0.0.1' }, 'proxy needs --upstream URL'],
    [{ upstream: 'shop', port: '4020', host: '127.0.0.1' }, '--upstream "shop" is not a URL'],
    [
      { upstream: 'ftp://shop.example.com', port: '4020', host: '127.0.0.1' },
      '--upstream must be an http or https URL',
    ],
    [{ upstream: 'https://shop.example.com', port: 'abc', host: '127.0.0.1' }, '--port "abc" is not a port number'],
  ])('refuse %j with a usage error naming the flag', (options, message) => {
    expect(() => prismProxyArgs(options)).toThrow(UsageError);
    expect(() => prismProxyArgs(options)).toThrow(message);
  });
});
