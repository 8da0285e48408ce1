import type { AnswerCache } from '../store/memory/answer-cache';
import type { FreightQuote, FreightQuotes } from '../store/memory/freight-quotes';
import type { SandboxCatalog } from '../store/memory/sandbox-catalog';
import type { FreightTable } from '../domain/freight';
import type { Journal } from '../store/memory/journal';
import type { OrderStore } from '../store/memory/order-store';
import type { OrderRecord } from '../store/order-record';
import type { Scenarios } from '../domain/scenarios';
import type { HeaderAuth } from './auth';
import type { EventHub } from './events';
import type { SandboxSettings } from './sandbox-settings';
import type { MockBudgets } from '../bounds/limits';

/**
 * The live state of one store (the default one or a sandbox) as its routes see it: its own orders,
 * journal, stock changes, scenarios and settings, and references to what all stores share (catalog,
 * freight table, budgets). No express types: handlers take it plainly.
 */
export interface MockContext {
  /** The store's name: 'default' for the one at the plain base path. */
  name: string;
  /** Where the five operations live ('' for the root), as normalized. */
  basePath: string;
  /** The integration this store mirrors (checkout, auth headers, callbacks, freight changes). */
  settings: SandboxSettings;
  /** The shared catalog with this store's own stock and blocks. */
  catalog: SandboxCatalog;
  freight: FreightTable;
  store: OrderStore;
  /**
   * orderValidation answers reused for identical bodies while this store's stock and orders stay the
   * same; each keeps the cart's freight quote, remembered again on reuse.
   */
  checkerAnswers: AnswerCache<CheckerEffect>;
  journal: Journal;
  /** The byte budgets the store, the journal and the search caches draw from (shared between sandboxes). */
  budgets: MockBudgets;
  /** Bound on one admin list answer, in bytes. */
  adminAnswerLimitBytes: number;
  scenarios: Scenarios;
  /** This store's callbacks to OmniChat, sent with its settings by the server's one sender. */
  callbacks: StoreCallbacks;
  auth: HeaderAuth;
  lenient: boolean;
  /** The freight quoted per cart, to compare with the order's ("freight as quoted"). */
  quotes: FreightQuotes;
  adminToken?: string;
  log?: (line: string) => void;
  /** Delayed answers still waiting; close() ends each wait so no timer outlives the server. */
  waits: Set<() => void>;
  /** What the dashboard's live stream watches: journaled requests, orders whose callbacks changed, resets. */
  events: EventHub;
  /** Open live streams (each entry ends one); close() ends them, and their number is bounded. */
  streams: Set<() => void>;
  /** When the store was created and last used (ms since the epoch), and how many requests it answers now. */
  usage: { createdAt: number; lastUsed: number; inFlight: number };
}

/** What answering a cart did besides the answer: the quote remembered for its objectId (none without one). */
type CheckerEffect = { objectId: string; quote: FreightQuote | undefined } | undefined;

/** A store's view of the callback sender: whether its settings name an OmniChat API, and a way to call it. */
export interface StoreCallbacks {
  readonly enabled: boolean;
  /** Starts the callback a newly accepted order owes OmniChat (nothing without an OmniChat API URL). */
  start(record: OrderRecord): void;
}
