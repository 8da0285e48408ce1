import v8 from 'node:v8';
import vm from 'node:vm';
import { createMockApp, type Product } from '../../src/mock';
import { CANCEL, CREATE, NOTIFY, SEARCH, notification, smallCatalog } from '../mock/helpers';
import { inBatches, listenOn, type Listening } from './real-port';

const STOCK = 100_000;
/** The small catalog plus one variant with stock enough for every order below. */
function catalog(): Product[] {
  const products = smallCatalog();
  products.push({
    objectId: 'LOAD',
    name: 'Caneca Carga',
    mainVariant: { objectId: 'LOAD-1', name: 'Caneca', price: 20, quantity: STOCK },
    variants: [{ objectId: 'LOAD-1', name: 'Caneca', price: 20, quantity: STOCK }],
  });
  return products;
}
const createBody = (id: string, quantity: number): string =>
  JSON.stringify({ objectId: id, items: [{ objectId: 'L1', variantId: 'LOAD-1', quantity }] });

/** Reports a measurement when MERCHANT_KIT_MEASURE is set (numbers for the lead's note), silent otherwise. */
const report = (line: string): void => {
  if (process.env.MERCHANT_KIT_MEASURE) process.stdout.write(`measure: ${line}\n`);
};

describe('concurrency on a real port, seen through HTTP only', () => {
  let mock: Listening;
  beforeAll(async () => {
    mock = await listenOn(createMockApp({ products: catalog() }), 50);
  });
  afterAll(() => mock.close());

  const stock = async (): Promise<number> => {
    const res = await mock.send('GET', `${SEARCH}?searchType=SKUID&query=LOAD-1`);
    return (JSON.parse(res.text) as { variants: { quantity: number }[] }[])[0].variants[0].quantity;
  };
  const orderIds = async (): Promise<Set<string>> =>
    new Set(
      (JSON.parse((await mock.send('GET', '/__admin/orders')).text) as { objectId: string }[]).map((o) => o.objectId),
    );

  it('stores 1,000 concurrent distinct orders (50 sockets) and the search shows the stock down by exactly their units', async () => {
    const before = await stock();
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => mock.send('POST', CREATE, createBody(`LD-${i}`, 3)).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const ids = await orderIds();
    expect(Array.from({ length: 1000 }, (_, i) => `LD-${i}`).filter((id) => !ids.has(id))).toEqual([]);
    expect(await stock()).toBe(before - 3000);
  });

  it('reserves once for 100 concurrent copies of one order, and the order is stored once', async () => {
    const before = await stock();
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () => mock.send('POST', CREATE, createBody('LD-SAME', 7)).then((r) => r.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(await stock()).toBe(before - 7);
    const detail = JSON.parse((await mock.send('GET', '/__admin/orders/LD-SAME')).text) as {
      reservations: unknown[];
      statusHistory: { event: string }[];
    };
    expect(detail.reservations).toEqual([{ sku: 'LOAD-1', units: 7, line: 'L1' }]);
    expect(detail.statusHistory.filter((h) => h.event === 'created')).toHaveLength(1);
  });

  it('releases once when 50 cancellations race 50 CANCELLED notifications of the same order', async () => {
    await mock.send('POST', CREATE, createBody('LD-RACE', 11));
    const before = await stock();
    const racers = Array.from({ length: 100 }, (_, i) =>
      i % 2 === 0
        ? mock.send('POST', CANCEL, JSON.stringify({ objectId: 'LD-RACE' }))
        : mock.send(
            'POST',
            NOTIFY,
            JSON.stringify(
              notification('LD-RACE', 'CANCELLED', `2026-11-28T10:00:${String(i % 60).padStart(2, '0')}.000Z`),
            ),
          ),
    );
    expect(new Set((await Promise.all(racers)).map((r) => r.status))).toEqual(new Set([200]));
    expect(await stock()).toBe(before + 11);
    const detail = JSON.parse((await mock.send('GET', '/__admin/orders/LD-RACE')).text) as {
      status: string;
      stockReleased: boolean;
    };
    expect(detail).toMatchObject({ status: 'CANCELLED', stockReleased: true });
  });

  it('keeps stock and reservations in balance after a mixed burst of creations, copies and cancellations', async () => {
    await mock.send('POST', '/__admin/reset', undefined, { 'content-type': 'application/json' });
    await inBatches(600, 50, (i) =>
      i % 3 === 2
        ? mock.send('POST', CANCEL, JSON.stringify({ objectId: `MX-${i - 2}` }))
        : mock.send('POST', CREATE, createBody(`MX-${i - (i % 3)}`, 1 + (i % 5))),
    );
    const details = await inBatches(
      200,
      50,
      async (i) =>
        JSON.parse((await mock.send('GET', `/__admin/orders/MX-${i * 3}`)).text) as {
          stockReleased: boolean;
          reservations: { units: number }[];
        },
    );
    const held = details
      .filter((d) => !d.stockReleased)
      .reduce((sum, d) => sum + d.reservations.reduce((s, r) => s + r.units, 0), 0);
    expect(await stock()).toBe(STOCK - held);
  });
});

describe('memory of the order store', () => {
  it('stays at the 10,000-order bound after 12,000 orders, keeping the newest', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const mock = await listenOn(createMockApp({ products: catalog() }), 50);
    try {
      gc();
      const before = process.memoryUsage();
      await inBatches(12_000, 50, (i) => mock.send('POST', CREATE, createBody(`MEM-${i}`, 1)));
      gc();
      const after = process.memoryUsage();
      const ids = (JSON.parse((await mock.send('GET', '/__admin/orders')).text) as { objectId: string }[]).map(
        (o) => o.objectId,
      );
      expect(ids).toHaveLength(10_000);
      expect(ids[0]).toBe('MEM-2000');
      expect(ids[9999]).toBe('MEM-11999');
      const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
      report(
        `12,000 orders (50 sockets): heapUsed ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} MB, rss ${mb(before.rss)} -> ${mb(after.rss)} MB`,
      );
      // Generous: 10,000 small orders with history take a few MB; a store that kept every body or leaked sockets would not fit.
      expect(after.heapUsed - before.heapUsed).toBeLessThan(150 * 1024 * 1024);
    } finally {
      await mock.close();
    }
  });
});
