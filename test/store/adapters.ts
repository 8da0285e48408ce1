import { createBudgets } from '../../src/mock';
import { Catalog } from '../../src/mock/domain/catalog';
import { MemoryStore, type StoreOptions } from '../../src/mock/store/memory/memory-store';
import type { MockStore } from '../../src/mock/store/mock-store';
import { openPostgresStore } from '../../src/mock/store/postgres/postgres-store';
import { freshDatabase } from '../support/postgres';
import { smallCatalog } from '../mock/helpers';

/** Bounds small enough for a test to pass them. */
export interface Bounds {
  maxOrders?: number;
  historyLimit?: number;
  callbacks?: { inFlight: number; queued: number };
}

/** What every adapter is opened with: the small catalog, and the server's settings for the default store. */
export function storeOptions(bounds: Bounds = {}): StoreOptions {
  const budgets = createBudgets();
  return {
    catalog: new Catalog(smallCatalog(), budgets.answerCaches),
    budgets,
    maxOrders: bounds.maxOrders ?? 10_000,
    historyLimit: bounds.historyLimit,
    callbackLimits: bounds.callbacks ?? { inFlight: 16, queued: 1000 },
    defaults: { settings: { checkout: 'omni', headers: [], allowFreightChange: true }, scenarios: {} },
  };
}

/** Opens a store of one adapter on fresh state (a new database for PostgreSQL). */
export type Opener = (bounds?: Bounds) => Promise<MockStore>;

/** Opens a PostgreSQL store on this database's URL (a second call on the same URL is a second replica). */
export function openPostgres(url: string, bounds: Bounds = {}): Promise<MockStore> {
  return openPostgresStore({
    ...storeOptions(bounds),
    url,
    journalView: (entry) => entry,
    storeBudgetBytes: 256 * 1024 * 1024,
    journalBudgetBytes: 16 * 1024 * 1024,
  });
}

/** The two adapters, for `describe.each`: every contract test runs against both. */
export const ADAPTERS: [string, Opener][] = [
  ['memory', (bounds) => Promise.resolve(new MemoryStore(storeOptions(bounds)))],
  ['postgres', async (bounds) => openPostgres(await freshDatabase(), bounds)],
];
