import type { AnswerCache } from '../store/answer-cache';
import type { FreightQuote } from '../domain/freight-verdict';
import type { FreightTable } from '../domain/freight';
import type { CallbackRequest } from '../store/callback-outbox';
import type { JournalBook, OrderBook, QuoteBook, SandboxState, StockReader } from '../store/mock-store';
import type { Scenarios } from '../domain/scenarios';
import type { HeaderAuth } from './auth';
import type { EventHub } from './events';
import type { SandboxSettings } from '../store/sandbox-config';
import type { MockBudgets } from '../bounds/limits';

/**
 * One store (the default one or a sandbox) as its routes see it on this replica: its state through the
 * store port (stock read at once, orders, quotes and journal), its settings as last read, and what this
 * replica keeps to itself (the checker's answer cache, live events and streams, usage). No express
 * types: handlers take it plainly.
 */
export interface MockContext {
  /** The store's name: 'default' for the one at the plain base path. */
  name: string;
  /** Where the five operations live ('' for the root), as normalized. */
  basePath: string;
  /** The integration this store mirrors (checkout, auth headers, callbacks, freight changes). */
  settings: SandboxSettings;
  /** Its state in the store port (memory, or PostgreSQL shared by replicas). */
  state: SandboxState;
  /** The shared catalog with this store's own stock and blocks, read synchronously. */
  catalog: StockReader;
  freight: FreightTable;
  store: OrderBook;
  /**
   * orderValidation answers reused for identical bodies while this store's stock and orders stay the
   * same; each keeps the cart's freight quote, remembered again on reuse.
   */
  checkerAnswers: AnswerCache<CheckerEffect>;
  journal: JournalBook;
  /** The byte budgets the store, the journal and the answer caches draw from (shared between sandboxes). */
  budgets: MockBudgets;
  /** Bound on one admin list answer, in bytes. */
  adminAnswerLimitBytes: number;
  scenarios: Scenarios;
  /** This store's callbacks to OmniChat, built from its settings, sent by the server's one worker. */
  callbacks: StoreCallbacks;
  auth: HeaderAuth;
  lenient: boolean;
  /** The freight quoted per cart, to compare with the order's ("freight as quoted"). */
  quotes: QuoteBook;
  adminToken?: string;
  log?: (line: string) => void;
  /** Delayed answers still waiting; close() ends each wait so no timer outlives the server. */
  waits: Set<() => void>;
  /** What the dashboard's live stream watches: journaled requests, orders whose callbacks changed, resets. */
  events: EventHub;
  /** Open live streams (each entry ends one); close() ends them, and their number is bounded. */
  streams: Set<() => void>;
  /**
   * When the store was created and last used here (ms since the epoch), how many requests it answers
   * now, and when its use was last written for the other replicas.
   */
  usage: { createdAt: number; lastUsed: number; inFlight: number; touched: number };
}

/** What answering a cart did besides the answer: the quote remembered for its objectId (none without one). */
type CheckerEffect = { objectId: string; quote: FreightQuote | undefined } | undefined;

/** A store's callbacks: whether its settings name an OmniChat API, the callback a new order owes, and a nudge. */
export interface StoreCallbacks {
  readonly enabled: boolean;
  /** The callback a newly accepted order owes OmniChat under the current settings (none without an API URL). */
  request(objectId: string): CallbackRequest | undefined;
  /** Tells the worker a callback was queued. */
  queued(): void;
}
