import { HeaderAuth } from './auth';
import { CallbackSender, DEFAULT_CALLBACK_RETRY, type CallbackConfig } from './callbacks';
import type { Catalog } from './catalog';
import type { MockContext } from './context';
import { EventHub } from './events';
import type { FreightTable } from './freight';
import { FreightQuotes } from './freight-quotes';
import { Journal, JOURNAL_SIZE } from './journal';
import type { MockBudgets } from './limits';
import { DEFAULT_MAX_ORDERS, OrderStore } from './order-store';
import { SandboxCatalog } from './sandbox-catalog';
import type { SandboxSettings } from './sandbox-settings';
import { Scenarios, type CustomScenario } from './scenarios';
import type { OperationId } from '../contracts';

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
  callbackRetry: Pick<CallbackConfig, 'attempts' | 'baseDelayMs' | 'timeoutMs'>;
  maxOrders: number;
  historyLimit?: number;
  waits: Set<() => void>;
  streams: Set<() => void>;
  /** Every callback sender of every store, retired ones included until they are idle (for idle() and close()). */
  senders: Set<CallbackSender>;
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
    store: new OrderStore(catalog, shared.maxOrders ?? DEFAULT_MAX_ORDERS, {
      budget: shared.budgets.store,
      historyLimit: shared.historyLimit,
    }),
    journal: new Journal(JOURNAL_SIZE, shared.budgets.journal),
    budgets: shared.budgets,
    adminAnswerLimitBytes: shared.adminAnswerLimitBytes,
    scenarios: new Scenarios(shared.customScenarios),
    callbacks: undefined as unknown as CallbackSender,
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
  ctx.callbacks = senderFor(shared, ctx);
  return ctx;
}

/**
 * Changes a store's integration settings: the auth check and the callbacks follow at once; callbacks
 * already on their way finish with the settings they started with.
 */
export function changeSettings(shared: SharedParts, ctx: MockContext, settings: SandboxSettings): void {
  ctx.settings = settings;
  ctx.auth = new HeaderAuth(settings.headers);
  const retired = ctx.callbacks;
  ctx.callbacks = senderFor(shared, ctx);
  void retired.idle().then(() => {
    shared.senders.delete(retired);
    return retired.close();
  });
}

/** Forgets everything a store holds (its budget holdings too) and puts its stock back; settings stay. */
export function resetStore(ctx: MockContext): void {
  ctx.store.reset();
  ctx.journal.clear();
  ctx.scenarios.clearDefaults();
  ctx.quotes.clear();
  ctx.catalog.resetStock();
  ctx.events.publish({ kind: 'reset' });
}

/** True while a store answers a request, sends a callback or is watched by a dashboard. */
export function inUse(ctx: MockContext): boolean {
  if (ctx.usage.inFlight > 0 || ctx.events.watchers > 0) return true;
  return ctx.store.list().some((record) => record.callbacks.some((c) => c.outcome === 'pending'));
}

function senderFor(shared: SharedParts, ctx: MockContext): CallbackSender {
  const { settings } = ctx;
  const sender = new CallbackSender(
    {
      omnichatApi: settings.omnichatApi,
      omnichatToken: settings.omnichatToken,
      checkout: settings.checkout,
      publicUrl: `${shared.publicUrl.replace(/\/+$/, '')}${storePrefix(ctx.name)}`,
      ...DEFAULT_CALLBACK_RETRY,
      ...shared.callbackRetry,
    },
    (record, callback) => {
      const attempts = callback.attempts.length;
      ctx.store.addHistory(record, {
        at: new Date().toISOString(),
        event: 'callback',
        status:
          callback.callback === 'statusChange'
            ? String(callback.body.status)
            : `provisions ${String(callback.body.code)}`,
        source: 'mock',
        message: `${callback.outcome} after ${attempts} attempt${attempts === 1 ? '' : 's'}`,
      });
      ctx.events.publish({ kind: 'order', objectId: record.objectId });
    },
  );
  shared.senders.add(sender);
  return sender;
}
