import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { FIXTURES_DIR } from '../../src/contracts';
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

/** A merchant whose every search answers `body`. */
async function answering(body: string): Promise<string> {
  const server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(body));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

/** A merchant whose search answers `count` empty objects (each misses the four required fields). */
const longSearch = (count: number): Promise<string> => answering(`[${new Array(count).fill('{}').join(',')}]`);

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
    // The first, 20 listed, the rest counted (moreDetails): every report adds up to the message's total.
    expect(1 + (check.details?.length ?? 0) + (check.moreDetails ?? 0)).toBe(400_000);
    expect(renderJson(report).length).toBeLessThan(100_000);
  });
});

describe('the unknown-properties count', () => {
  it('is what the list adds up to: the variant fields on a product (catalogue-sanity\'s) left out of both, the rest "and N more"', async () => {
    const product = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'catalog.json'), 'utf8'))[0] as Record<
      string,
      unknown
    >;
    // 30 products, each with one unknown property and a variant-only field (width) on the product.
    const products = Array.from({ length: 30 }, (_, i) => ({
      ...product,
      objectId: `P${i}`,
      colour: 'azul',
      width: 1,
    }));
    const { report } = await verify(await answering(JSON.stringify(products)), {
      only: 'productSearch',
      header: [],
      exploreCalls: '0',
    });
    const check = checkOf(report, 'productSearch', 'unknown-properties');
    expect(check).toMatchObject({
      status: 'warn',
      message: '30 unknown properties or values',
      received: '/0/colour: unknown property "colour"',
    });
    // The first, 20 listed, 9 counted: 30 in all, as the message says.
    expect(1 + (check.details?.length ?? 0) + (check.moreDetails ?? 0)).toBe(30);
    expect(check.details?.every((line) => !line.includes('width'))).toBe(true);
  });
});
