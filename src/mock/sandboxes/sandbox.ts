import { AnswerCache } from '../store/memory/answer-cache';
import { HeaderAuth } from './auth';
import { callbackHistoryEntry, type CallbackSender } from '../callbacks/sender';
import type { Catalog } from '../domain/catalog';
import type { MockContext, StoreCallbacks } from './context';
import { EventHub } from './events';
import type { FreightTable } from '../domain/freight';
import { FreightQuotes } from '../store/memory/freight-quotes';
import { Journal, JOURNAL_SIZE } from '../store/memory/journal';
import type { MockBudgets } from '../bounds/limits';
import { OrderStore } from '../store/memory/order-store';
import type { CallbackRecord, OrderRecord } from '../store/order-record';
import { SandboxCatalog } from '../store/memory/sandbox-catalog';
import type { SandboxSettings } from './sandbox-settings';
import { Scenarios, type CustomScenario } from '../domain/scenarios';
import type { OperationId } from '../../contracts';

/** What every store of one server shares: the catalog, tables, budgets and server-wide switches. */
export interface SharedParts {
  catalog: Catalog;
  freight: FreightTable;
  customScenarios: Map<OperationId, Map<string, CustomScenario>>;
  budgets: MockBudgets;
  adminAnswerLimitBytes: number;
  basePath: string;
  /** The mock's own origin, for the own-checkout link of each store. */
  publicUrl: string;
  lenient: boolean;
  adminToken?: string;
  log?: (line: string) => void;
  /** The one callback sender: its socket and queue bounds hold for every store together. */
  callbacks: CallbackSender;
  maxOrders: number;
  historyLimit?: number;
  waits: Set<() => void>;
  streams: Set<() => void>;
}

/** Path prefix of a store's operations and checkout page: '' for the default one. */
export function storePrefix(name: string): string {
  return name === 'default' ? '' : `/sandboxes/${name}`;
}

/**
 * A new store (the default one or a sandbox) over the shared parts: its own stock changes, orders,
 * journal, scenario defaults, freight quotes and live events, with the integration settings given.
 * Nothing of the catalog is copied.
 */
export function createStore(
  shared: SharedParts,
  name: string,
  settings: SandboxSettings,
  now = Date.now(),
): MockContext {
  const catalog = new SandboxCatalog(shared.catalog);
  const ctx: MockContext = {
    name,
    basePath: shared.basePath,
    settings,
    catalog,
    freight: shared.freight,
    store: new OrderStore(catalog, shared.maxOrders, {
      budget: shared.budgets.store,
      historyLimit: shared.historyLimit,
    }),
    checkerAnswers: new AnswerCache(shared.budgets.searchCache),
    journal: new Journal(JOURNAL_SIZE, shared.budgets.journal),
    budgets: shared.budgets,
    adminAnswerLimitBytes: shared.adminAnswerLimitBytes,
    scenarios: new Scenarios(shared.customScenarios),
    callbacks: undefined as unknown as StoreCallbacks,
    auth: new HeaderAuth(settings.headers),
    lenient: shared.lenient,
    quotes: new FreightQuotes(shared.budgets.store),
    adminToken: shared.adminToken,
    log: shared.log,
    waits: shared.waits,
    events: new EventHub(),
    streams: shared.streams,
    usage: { createdAt: now, lastUsed: now, inFlight: 0 },
  };
  ctx.callbacks = callbacksOf(shared, ctx);
  return ctx;
}

/**
 * Changes a store's integration settings: the auth check and the callbacks follow at once; callbacks
 * already on their way finish with the settings they started with.
 */
export function changeSettings(ctx: MockContext, settings: SandboxSettings): void {
  ctx.settings = settings;
  ctx.auth = new HeaderAuth(settings.headers);
}

/** Forgets everything a store holds (its budget holdings too) and puts its stock back; settings stay. */
export function resetStore(ctx: MockContext): void {
  // The order store's reset puts the catalog's stock and blocks back too.
  ctx.store.reset();
  ctx.journal.clear();
  ctx.scenarios.clearDefaults();
  ctx.quotes.clear();
  ctx.events.publish({ kind: 'reset' });
}

/** True while a store answers a request, sends a callback or is watched by a dashboard. */
export function inUse(ctx: MockContext): boolean {
  if (ctx.usage.inFlight > 0 || ctx.events.watchers > 0) return true;
  return ctx.store.list().some((record) => record.callbacks.some((c) => c.outcome === 'pending'));
}

/** The store's callbacks: its current settings name the target, its history and live stream get the outcome. */
function callbacksOf(shared: SharedParts, ctx: MockContext): StoreCallbacks {
  const publicUrl = `${shared.publicUrl.replace(/\/+$/, '')}${storePrefix(ctx.name)}`;
  const outcome = (record: OrderRecord, callback: CallbackRecord): void => {
    ctx.store.addHistory(record, callbackHistoryEntry(callback));
    ctx.events.publish({ kind: 'order', objectId: record.objectId });
  };
  return {
    get enabled() {
      return ctx.settings.omnichatApi !== undefined;
    },
    start(record) {
      const { omnichatApi, omnichatToken, checkout } = ctx.settings;
      shared.callbacks.start(record, { omnichatApi, omnichatToken, checkout, publicUrl }, outcome);
    },
  };
}
