import type { MockBudgets } from '../../bounds/limits';
import type { Catalog } from '../../domain/catalog';
import { JOURNAL_SIZE } from '../journal-entry';
import {
  DEFAULT_SANDBOX,
  type CreateOutcome,
  type MockStore,
  type SandboxState,
  type SandboxSummary,
  type SandboxUse,
  type StoreChange,
} from '../mock-store';
import { SandboxCatalog } from '../sandbox-catalog';
import type { SandboxConfig } from '../sandbox-config';
import { FreightQuotes } from './freight-quotes';
import { Journal } from './journal';
import { OrderStore } from './order-store';
import { MemoryOutbox } from './outbox';
import { MemoryVerifyHistory } from './verify-history';
import type { VerifyHistory, VerifyHistoryBounds } from '../verify-history';

/** What the memory store is made of and bounded by. */
export interface StoreOptions {
  /** The catalog every store shares. */
  catalog: Catalog;
  /** The byte budgets orders, quotes and journals draw from, every store together. */
  budgets: MockBudgets;
  /** Orders kept per store (the oldest forgotten past it). */
  maxOrders: number;
  /** Status history entries kept per order. */
  historyLimit?: number;
  /** Callbacks at once and waiting, over every store. */
  callbackLimits: { inFlight: number; queued: number };
  /** How long one callback attempt may take (a durable outbox leases a callback for longer). */
  callbackTimeoutMs?: number;
  /** The default store's config when it is first created (the server's flags). */
  defaults: SandboxConfig;
  /** The clock (tests move it). */
  now?: () => number;
}

const DONE = Promise.resolve();

/** One store kept in this process: its stock changes, orders, quotes and journal. */
class MemorySandbox implements SandboxState {
  readonly stock: SandboxCatalog;
  readonly orders: OrderStore;
  readonly quotes: FreightQuotes;
  readonly journal: Journal;

  constructor(
    readonly name: string,
    public config: SandboxConfig,
    readonly createdAt: number,
    options: StoreOptions,
    outbox: MemoryOutbox,
  ) {
    this.stock = new SandboxCatalog(options.catalog);
    this.orders = new OrderStore(
      this.stock,
      options.maxOrders,
      { budget: options.budgets.store, historyLimit: options.historyLimit },
      { queue: outbox, sandbox: name },
    );
    this.quotes = new FreightQuotes(options.budgets.store);
    this.journal = new Journal(JOURNAL_SIZE, options.budgets.journal);
  }

  configure(config: SandboxConfig): Promise<void> {
    this.config = config;
    return DONE;
  }

  setStock(sku: string, quantity: number): Promise<void> {
    this.stock.setStock(sku, quantity);
    return DONE;
  }

  setBlocked(position: number, blocked: boolean): Promise<void> {
    this.stock.setBlocked(position, blocked);
    return DONE;
  }

  touch(): void {
    // Nothing to share: this process is the only replica, and the registry knows its own use.
  }

  async reset(): Promise<void> {
    // The orders' reset puts the catalog's stock and blocks back too.
    await this.orders.reset();
    this.journal.clear();
    this.quotes.clear();
    this.config = { ...this.config, scenarios: {} };
  }
}

/**
 * The default store: everything in this process's memory, bounded by the byte budgets, gone when the
 * process ends. The fastest: every read and write is done at once.
 */
export class MemoryStore implements MockStore {
  /** The console's runs, kept with the rest of this process's state (made on first need). */
  private history: MemoryVerifyHistory | undefined;
  readonly kind = 'memory';
  readonly outbox: MemoryOutbox;
  private readonly stores = new Map<string, MemorySandbox>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly now: () => number;

  constructor(private readonly options: StoreOptions) {
    this.now = options.now ?? Date.now;
    this.outbox = new MemoryOutbox(options.callbackLimits, (sandbox, objectId) =>
      this.tell({ kind: 'order', sandbox, objectId }),
    );
    this.add(DEFAULT_SANDBOX, options.defaults);
  }

  summaries(): Promise<SandboxSummary[]> {
    return Promise.resolve(
      [...this.stores.values()].map((s) => ({ name: s.name, createdAt: s.createdAt, lastUsedAt: s.createdAt })),
    );
  }

  open(name: string): Promise<SandboxState | undefined> {
    return Promise.resolve(this.stores.get(name));
  }

  loaded(name: string): SandboxState | undefined {
    return this.stores.get(name);
  }

  create(name: string, config: SandboxConfig, max: number, reuse = false): Promise<CreateOutcome> {
    const known = this.stores.get(name);
    if (known !== undefined) return Promise.resolve(reuse ? known : 'exists');
    // The default store is not counted: the bound is on named sandboxes.
    if (this.stores.size - 1 >= max) return Promise.resolve('full');
    return Promise.resolve(this.add(name, config));
  }

  async remove(name: string): Promise<boolean> {
    const state = this.stores.get(name);
    if (state === undefined || name === DEFAULT_SANDBOX) return false;
    this.stores.delete(name);
    // Gives its holdings back to the shared budgets; callbacks already queued still go out.
    await state.reset();
    return true;
  }

  async dropIdle(
    before: number,
    local: ReadonlyMap<string, SandboxUse>,
  ): Promise<{ name: string; lastUsedAt: number }[]> {
    const dropped: { name: string; lastUsedAt: number }[] = [];
    for (const state of [...this.stores.values()]) {
      if (state.name === DEFAULT_SANDBOX) continue;
      const use = local.get(state.name);
      const lastUsedAt = use?.lastUsed ?? state.createdAt;
      if (lastUsedAt >= before || use?.inUse === true || (await this.outbox.pending(state.name)) > 0) continue;
      await this.remove(state.name);
      dropped.push({ name: state.name, lastUsedAt });
    }
    return dropped;
  }

  verifyHistory(bounds: VerifyHistoryBounds): VerifyHistory {
    this.history ??= new MemoryVerifyHistory(bounds.maxRuns, bounds.maxBytes);
    return this.history;
  }

  watch(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.outbox.abandonWaiting();
    return DONE;
  }

  private add(name: string, config: SandboxConfig): MemorySandbox {
    const state = new MemorySandbox(name, config, this.now(), this.options, this.outbox);
    this.stores.set(name, state);
    return state;
  }

  private tell(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}
