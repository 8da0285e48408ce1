import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockApp, type MockApp } from '../../src/mock';
import { CANCEL, CREATE, NOTIFY, notification, smallCatalog } from './helpers';

const products = smallCatalog();
products.push({
  objectId: 'BULK',
  name: 'Caneca Bulk',
  mainVariant: { objectId: 'BULK-1', name: 'Caneca', price: 20, quantity: 5000 },
  variants: [{ objectId: 'BULK-1', name: 'Caneca', price: 20, quantity: 5000 }],
});

let app: MockApp;
let server: http.Server;
let base = '';
// Each request on its own connection: keep-alive sockets would otherwise outlive the test.
const oneShot = { headers: { 'content-type': 'application/json', connection: 'close' } };

beforeAll(async () => {
  app = createMockApp({ products });
  server = http.createServer(app);
  // 1000 connections opened at once: past node's default backlog (511) a loaded machine resets some.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 2048 }, resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.mock.close();
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, body: unknown): Promise<number> =>
  fetch(base + path, { method: 'POST', body: JSON.stringify(body), ...oneShot }).then((r) => r.status);
const stock = (): number | undefined => app.mock.context.catalog.stock('BULK-1');

describe('concurrency on a real port', () => {
  it('stores 1000 concurrent distinct orders and reserves stock exactly once each', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        post(CREATE, { objectId: `K-${i}`, items: [{ objectId: 'L1', variantId: 'BULK-1', quantity: 2 }] }),
      ),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect((await app.mock.context.store.list()).filter((o) => o.objectId.startsWith('K-'))).toHaveLength(1000);
    expect(stock()).toBe(3000);
  });

  it('reserves once for 100 concurrent copies of one order', async () => {
    const before = stock() as number;
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () =>
        post(CREATE, { objectId: 'SAME', items: [{ objectId: 'L1', variantId: 'BULK-1', quantity: 7 }] }),
      ),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(stock()).toBe(before - 7);
  });

  it('releases once when a cancellation races a CANCELLED notification', async () => {
    await post(CREATE, { objectId: 'RACE', items: [{ objectId: 'L1', variantId: 'BULK-1', quantity: 9 }] });
    const before = stock() as number;
    await Promise.all([
      ...Array.from({ length: 20 }, () => post(CANCEL, { objectId: 'RACE' })),
      ...Array.from({ length: 20 }, (_, i) =>
        post(NOTIFY, notification('RACE', 'CANCELLED', `2026-11-28T10:00:${String(i).padStart(2, '0')}.000Z`)),
      ),
    ]);
    expect(stock()).toBe(before + 9);
  });
});
