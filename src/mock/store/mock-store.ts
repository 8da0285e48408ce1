import type { Catalog, SearchRequest } from '../domain/catalog';
import type { Product } from '../domain/catalog-types';
import type { FreightQuote } from '../domain/freight-verdict';
import type { StockView } from '../domain/order-validator';
import type { OrderPayload } from '../domain/order-types';
import type { CallbackOutbox, CallbackRequest } from './callback-outbox';
import type { JournalEntry } from './journal-entry';
import type { CallbackRecord, OrderRecord } from './order-record';
import type { SandboxConfig } from './sandbox-config';
import type { VerifyHistory, VerifyHistoryBounds } from './verify-history';

// The store port: everything the mock keeps, behind one interface with two adapters, memory (this
// process, the default) and PostgreSQL (shared by every replica given the same URL). Request handlers
// see only these types. Reads on the hot paths are synchronous and come from this replica (the memory
// state itself, or PostgreSQL's cache kept fresh by LISTEN/NOTIFY); every change is asynchronous.

/** Which adapter keeps the state. */
export type StoreKind = 'memory' | 'postgres';

/** The name of the store at the plain base path. */
export const DEFAULT_SANDBOX = 'default';

/**
 * One store's stock as this replica reads it, synchronously, so productSearch and orderValidation never
 * wait: the shared catalog with the store's own stock and blocks over it.
 */
export interface StockReader extends StockView {
  /** The catalog every store shares (never changed). */
  readonly shared: Catalog;
  /** Bumped on every change of this store's stock or blocks: what answers built from them are valid for. */
  readonly stockVersion: number;
  /** Number of products. */
  readonly size: number;
  /** Number of distinct variants. */
  readonly variantCount: number;
  /** How many variants and products this store has changed (what it costs beyond the shared catalog). */
  readonly changes: { variants: number; products: number };
  /** Positions of the products a search returns. */
  search(request: SearchRequest): number[];
  /** The productSearch answer with this store's stock. */
  answer(request: SearchRequest): Buffer | string;
  /** Deep copies of the products at these positions, as this store shows them. */
  copies(positions: number[]): Product[];
}

/** A status notification as the store records it. */
export interface StatusChange {
  status: string;
  updatedAt?: unknown;
  responsible?: unknown;
  message?: unknown;
}

/** What a new order carries besides its payload: the freight verdict noted on it, and the callback it owes. */
export interface CreationExtras {
  note: string;
  /** The order's bytes as they arrived (kept as they are, instead of encoding the order again). */
  payload?: Buffer;
  /** Queued with the order, in the same step: a new order and its callback are stored together or not at all. */
  callback?: CallbackRequest;
}

/** An order as lists show it: without its payload, history or callback attempts. */
export type OrderSummary = Pick<OrderRecord, 'objectId' | 'status' | 'created' | 'lines'> & {
  callbacks: Pick<CallbackRecord, 'outcome'>[];
};

/** Why a callback could not be sent again (the admin API's re-send). */
export type ResendRefusal = 'unknown-order' | 'not-created' | 'pending';

/** The orders of one store, with their reservations, history, notes and callbacks. */
export interface OrderBook {
  /** Bumped whenever what the stored orders hold changes (the cart check's reuse key). Synchronous. */
  readonly version: number;
  /** Units of each variant this order holds, as this replica knows it (re-checking a created order's cart). */
  reservedBy(objectId: string): ReadonlyMap<string, number>;
  /** The order with this objectId. */
  get(objectId: string): Promise<OrderRecord | undefined>;
  /** Every stored order, oldest first, as lists show it (the payload not read). */
  list(): Promise<OrderSummary[]>;
  /** How many orders are stored. */
  count(): Promise<number>;
  /**
   * Stores a new order and reserves its stock, atomically; a known objectId is left as it is (isNew
   * false), however many replicas receive it at once.
   */
  create(
    order: OrderPayload & { objectId: string },
    extras: CreationExtras,
  ): Promise<{ record: OrderRecord; isNew: boolean }>;
  /** Cancels a known order and releases its stock once; undefined when the order is unknown. */
  cancel(objectId: string): Promise<OrderRecord | undefined>;
  /** Records a status notification once per status and updatedAt (an unknown order too); CANCELLED releases stock. */
  notify(
    order: OrderPayload & { objectId: string },
    change: StatusChange,
  ): Promise<{ record: OrderRecord; isNew: boolean }>;
  /** Queues the order's callback again: its index in the order's callbacks, or why not. */
  resend(objectId: string, callback: CallbackRequest): Promise<{ index: number } | { refused: ResendRefusal }>;
}

/** The freight quoted per cart (by the order's objectId), for "freight as quoted". */
export interface QuoteBook {
  /** The cart's last quote. */
  get(objectId: string): Promise<FreightQuote | undefined>;
  /** Keeps the cart's last quote (undefined forgets it); resolves once another replica would see it. */
  keep(objectId: string, quote: FreightQuote | undefined): Promise<void>;
}

/** One store's request journal: bounded, oldest dropped first. */
export interface JournalBook {
  /**
   * Records an answered request. The entry is numbered (`seq`) at once by a store that keeps it here,
   * or once written by one that writes behind; then the store reports it through `watch`.
   */
  add(entry: JournalEntry): void;
  /** The recorded requests, oldest first. */
  entries(): Promise<JournalEntry[]>;
  /** The requests after `seq`, oldest first; all of them when `seq` is past the last (the store started again). */
  after(seq: number): Promise<JournalEntry[]>;
  /** How many requests are recorded. */
  count(): Promise<number>;
  /**
   * Whether a live stream here watches the store: a store that writes behind then reports the entries
   * other replicas (and this one) write through `watch`. A store that numbers entries at once ignores it.
   */
  follow(following: boolean): void;
}

/** One store (the default one or a sandbox) as this replica holds it. */
export interface SandboxState {
  readonly name: string;
  /** Its settings and default scenarios, as this replica last read them. */
  readonly config: SandboxConfig;
  /** When it was created (ms since the epoch). */
  readonly createdAt: number;
  readonly stock: StockReader;
  readonly orders: OrderBook;
  readonly quotes: QuoteBook;
  readonly journal: JournalBook;
  /** Changes its settings or default scenarios. */
  configure(config: SandboxConfig): Promise<void>;
  /** Sets a variant's stock (a variant the catalog does not track becomes tracked). */
  setStock(sku: string, quantity: number): Promise<void>;
  /** Blocks or unblocks the product at this catalog position. */
  setBlocked(position: number, blocked: boolean): Promise<void>;
  /** Forgets orders, journal, quotes and default scenarios and puts stock and blocks back; settings stay. */
  reset(): Promise<void>;
  /** Notes that this replica answered a request at `at` (written behind, for the other replicas' idle sweeps). */
  touch(at: number): void;
}

/** A store's life as the sandbox list shows it. */
export interface SandboxSummary {
  name: string;
  createdAt: number;
  /** The last request any replica answered for it (written behind, so a little late), ms since the epoch. */
  lastUsedAt: number;
}

/** What this replica knows of a store's use. */
export interface SandboxUse {
  /** Its last request here (ms since the epoch). */
  lastUsed: number;
  /** Answering a request or watched by a dashboard here. */
  inUse: boolean;
}

/** A change another replica made, or one the store made in the background, for this replica to apply or show. */
export type StoreChange =
  | { kind: 'config'; sandbox: string }
  | { kind: 'removed'; sandbox: string; idleSeconds?: number }
  | { kind: 'reset'; sandbox: string }
  | { kind: 'stock'; sandbox: string; productId: string }
  | { kind: 'order'; sandbox: string; objectId: string }
  | { kind: 'requests'; sandbox: string; entries: JournalEntry[] };

/** What a new store needs to know, or was told, when it was created. */
export type CreateOutcome = SandboxState | 'exists' | 'full';

/** Every store of one server: the default one and the named sandboxes, and the callback outbox. */
export interface MockStore {
  readonly kind: StoreKind;
  /** The stores that exist, the default one first. */
  summaries(): Promise<SandboxSummary[]>;
  /** The state of a store that exists, loaded on this replica on first use; undefined when there is none. */
  open(name: string): Promise<SandboxState | undefined>;
  /** A store this replica has loaded already (the default one always). */
  loaded(name: string): SandboxState | undefined;
  /**
   * Creates a sandbox with this config: 'exists' when one has the name, 'full' when `max` named
   * sandboxes exist (counted across replicas). With `reuse`, an existing one is returned instead.
   */
  create(name: string, config: SandboxConfig, max: number, reuse?: boolean): Promise<CreateOutcome>;
  /** Deletes a sandbox and everything it holds (callbacks already queued still go out). */
  remove(name: string): Promise<boolean>;
  /**
   * Removes the named sandboxes no replica used since `before`, that are neither in use here (`local`
   * says what this replica knows) nor waiting on a callback; returns them with when they were last used.
   */
  dropIdle(before: number, local: ReadonlyMap<string, SandboxUse>): Promise<{ name: string; lastUsedAt: number }[]>;
  /** Callbacks owed to OmniChat, across every store. */
  readonly outbox: CallbackOutbox;
  /**
   * The history of the QA console's verify runs, kept where this store keeps its state (shared by the
   * replicas of a database), within these bounds. Every call gives the same runs; the memory store keeps
   * the bounds of its first call.
   */
  verifyHistory(bounds: VerifyHistoryBounds): VerifyHistory;
  /** Calls `listener` for every change made elsewhere; returns the function that stops it. */
  watch(listener: (change: StoreChange) => void): () => void;
  /** Writes what is still buffered and lets go of every resource. */
  close(): Promise<void>;
}
