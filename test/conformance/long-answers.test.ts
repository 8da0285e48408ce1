import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderJson } from '../../src/conformance';
import { checkOf, verify } from './support';

// A merchant answering a long list costs time linear in the list (docs/verify.md; npm run bench times a
// million items): every violation is counted, only the first ones are kept, and the report stays small.
const servers: http.Server[] = [];
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A merchant whose search answers `count` empty objects (each misses the four required fields). */
async function longSearch(count: number): Promise<string> {
  const body = `[${new Array(count).fill('{}').join(',')}]`;
  const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(body));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

describe('a long answer', () => {
  it('is judged in full: every violation of 100,000 products counted, 20 kept, the report a few KB', async () => {
    const { report } = await verify(await longSearch(100_000), {
      only: 'productSearch',
      header: [],
      exploreCalls: '36',
    });
    const check = checkOf(report, 'productSearch', 'response-contract');
    expect(check).toMatchObject({ status: 'fail', message: '400000 contract violations' });
    expect(check.details).toHaveLength(20);
    expect(check.details?.[0]).toBe('/0/name: is required but missing [required]');
    expect(renderJson(report).length).toBeLessThan(100_000);
  });
});
