import { AnswerCache } from '../store/answer-cache';
import { HeaderAuth } from './auth';
import { callbackRequest } from '../callbacks/requests';
import type { CallbackWorker } from '../callbacks/worker';
import type { Catalog } from '../domain/catalog';
import type { MockContext, StoreCallbacks } from './context';
import { EventHub } from './events';
import type { FreightTable } from '../domain/freight';
import type { MockBudgets } from '../bounds/limits';
import type { MockStore, SandboxState } from '../store/mock-store';
import type { SandboxSettings } from '../store/sandbox-config';
import { Scenarios, type CustomScenario } from '../domain/scenarios';
import type { OperationId } from '../../contracts';

/** What every store of one server shares: the catalog, tables, budgets, the store port and server-wide switches. */
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
  /** Where every store's state lives (memory, or PostgreSQL shared with other replicas). */
  store: MockStore;
  /** The one callback worker: its socket and queue bounds hold for every store together. */
  worker: CallbackWorker;
  waits: Set<() => void>;
  streams: Set<() => void>;
}

/** Path prefix of a store's operations and checkout page: '' for the default one. */
export function storePrefix(name: string): string {
  return name === 'default' ? '' : `/sandboxes/${name}`;
}

/**
 * A store (the default one or a sandbox) as this replica's routes see it, over its state in the store
 * port: its settings and default scenarios as the state holds them, and its own live events, answer
 * cache and usage. Nothing of the catalog is copied.
 */
export function createContext(shared: SharedParts, state: SandboxState, now = Date.now()): MockContext {
  const ctx: MockContext = {
    name: state.name,
    basePath: shared.basePath,
    settings: state.config.settings,
    state,
    catalog: state.stock,
    freight: shared.freight,
    store: state.orders,
    checkerAnswers: new AnswerCache(shared.budgets.answerCaches),
    journal: state.journal,
    budgets: shared.budgets,
    adminAnswerLimitBytes: shared.adminAnswerLimitBytes,
    scenarios: new Scenarios(shared.customScenarios),
    callbacks: undefined as unknown as StoreCallbacks,
    auth: new HeaderAuth(state.config.settings.headers),
    lenient: shared.lenient,
    quotes: state.quotes,
    adminToken: shared.adminToken,
    log: shared.log,
    waits: shared.waits,
    events: new EventHub((watching) => state.journal.follow(watching)),
    streams: shared.streams,
    usage: { createdAt: state.createdAt, lastUsed: now, inFlight: 0, touched: now },
  };
  ctx.scenarios.useDefaults(state.config.scenarios);
  ctx.callbacks = callbacksOf(shared, ctx);
  return ctx;
}

/**
 * Takes the settings and default scenarios the store holds now (changed here or by another replica):
 * the auth check and the callbacks follow at once; callbacks already queued go out as they were built.
 */
export function applyConfig(ctx: MockContext): void {
  const { settings, scenarios } = ctx.state.config;
  if (settings !== ctx.settings) {
    ctx.settings = settings;
    ctx.auth = new HeaderAuth(settings.headers);
  }
  ctx.scenarios.useDefaults(scenarios);
}

/** Changes a store's integration settings (kept by the store, so every replica follows). */
export async function changeSettings(ctx: MockContext, settings: SandboxSettings): Promise<void> {
  await ctx.state.configure({ ...ctx.state.config, settings });
  applyConfig(ctx);
}

/** Sets (or with undefined clears) an operation's default scenario; an unknown name is a 400 and changes nothing. */
export async function setScenarioDefault(
  ctx: MockContext,
  operation: OperationId,
  name: string | undefined,
): Promise<void> {
  const scenarios = ctx.scenarios.withDefault(operation, name);
  await ctx.state.configure({ ...ctx.state.config, scenarios });
  applyConfig(ctx);
}

/** Forgets everything a store holds (its budget holdings too) and puts its stock back; settings stay. */
export async function resetStore(ctx: MockContext): Promise<void> {
  await ctx.state.reset();
  forgetHere(ctx, 'reset');
}

/** Drops what this replica keeps for a store that was reset or removed (here or elsewhere), and says so. */
export function forgetHere(ctx: MockContext, why: 'reset' | 'deleted'): void {
  // Its cached answers give their bytes back to the shared budget at once.
  ctx.checkerAnswers.clear();
  applyConfig(ctx);
  ctx.events.publish({ kind: why });
}

/** True while this replica answers a request of the store or a dashboard here watches it. */
export function busyHere(ctx: MockContext): boolean {
  return ctx.usage.inFlight > 0 || ctx.events.watchers > 0;
}

/** True while a store answers a request, is watched by a dashboard here, or has a callback to send. */
export async function inUse(ctx: MockContext, store: MockStore): Promise<boolean> {
  return busyHere(ctx) || (await store.outbox.pending(ctx.name)) > 0;
}

/** The store's callbacks: its current settings name the target; the worker is nudged when one is queued. */
function callbacksOf(shared: SharedParts, ctx: MockContext): StoreCallbacks {
  const publicUrl = `${shared.publicUrl.replace(/\/+$/, '')}${storePrefix(ctx.name)}`;
  return {
    get enabled() {
      return ctx.settings.omnichatApi !== undefined;
    },
    request(objectId) {
      const { omnichatApi, omnichatToken, checkout } = ctx.settings;
      return callbackRequest({ omnichatApi, omnichatToken, checkout, publicUrl }, objectId);
    },
    queued() {
      shared.worker.wake();
    },
  };
}
