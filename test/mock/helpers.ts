import path from 'node:path';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockApp, createMockListener, type MockApp, type MockOptions, type Product } from '../../src/mock';

export const SMALL_CATALOG_PATH = path.join(__dirname, 'fixtures', 'catalog-small.json');
export const TEST_SCENARIOS_DIR = path.join(__dirname, 'fixtures', 'scenarios');

/** A fresh copy of the small test catalog (the app mutates stock, so each app gets its own). */
export function smallCatalog(): Product[] {
  return JSON.parse(fs.readFileSync(SMALL_CATALOG_PATH, 'utf8')) as Product[];
}

/** A mock app on the small catalog and the test scenarios; close it with app.mock.close(). */
export function smallApp(options: MockOptions = {}): MockApp {
  return createMockApp({ products: smallCatalog(), scenariosDir: TEST_SCENARIOS_DIR, ...options });
}

/** A mock on a real loopback port, as `serve` runs it (the plain listener in front of the app). */
export interface ServedMock {
  app: MockApp;
  origin: string;
  close(): Promise<void>;
}

/** Starts a mock on the small catalog on 127.0.0.1:0; close it in afterAll. */
export function serveMock(options: MockOptions = {}): Promise<ServedMock> {
  return serveApp(smallApp(options));
}

/** Serves an app on 127.0.0.1:0 through the plain listener, as `serve` does; close it in afterAll. */
export async function serveApp(app: MockApp): Promise<ServedMock> {
  const server = http.createServer(createMockListener(app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    app,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      await app.mock.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export const SEARCH = '/v1/products/productsearch';
export const CHECKER = '/v1/orders/orderchecker';
export const CREATE = '/v1/orders/orderprovisioning';
export const CANCEL = '/v1/orders/ordercancel';
export const NOTIFY = '/v1/orders/statuschange';

/** A cart line for a variant of the small catalog. */
export function line(objectId: string, variantId: string, quantity = 1): Record<string, unknown> {
  return { objectId, variantId, quantity, price: 10 };
}

/** An order payload with a shipping address in the given state. */
export function order(objectId: string, items: Record<string, unknown>[], state = 'SP'): Record<string, unknown> {
  return {
    objectId,
    eventType: 'ORDER_UPDATE',
    shippingAddress: { addressState: state, city: 'São Paulo', country: 'BRA' },
    items,
  };
}

/** A status notification for an order. */
export function notification(
  objectId: string,
  status: string,
  updatedAt = '2026-11-28T10:00:00.000Z',
): Record<string, unknown> {
  return { order: { objectId, status }, statusChange: { status, responsible: 'omnichat', updatedAt } };
}
