import type { ByteBudget, Charge } from '../../bounds/byte-budget';
import { OldestFirstMap } from '../../bounds/oldest-first-map';
import { estimateHeapBytes, stringBytes } from '../../bounds/heap-estimate';
import { createBudgets, DEFAULT_HISTORY_LIMIT, NOTES_LIMIT } from '../../bounds/limits';
import { planReservations } from '../../domain/reservations';
import { str, type OrderPayload } from '../../domain/order-types';
import type { CallbackRequest } from '../callback-outbox';
import type { CreationExtras, OrderBook, OrderSummary, ResendRefusal, StatusChange } from '../mock-store';
import { boundedEntry, cutText, historyEntryBytes, keyBytes, NAME_LIMIT, notificationKey } from '../order-history';
import { blankOrder, encodeOrder, type HistoryEntry, type OrderRecord } from '../order-record';
import type { SandboxCatalog } from '../sandbox-catalog';
import type { MemoryOutbox } from './outbox';

/** Default bound on stored orders: past it the oldest order is forgotten (and its stock released). */
export const DEFAULT_MAX_ORDERS = 10_000;

/** Bounds of a store besides its order count. */
interface StoreLimits {
  /** Byte budget the orders draw from (possibly shared with other stores). */
  budget?: ByteBudget;
  /** History entries kept per order (the newest). */
  historyLimit?: number;
}

// What a record costs besides its payload's bytes: its object and fields, the Buffer object holding the
// payload, its Map entry and bookkeeping; one reservation; one callback record with its attempts.
const RECORD_BYTES = 900;
const RESERVATION_BYTES = 64;
const CALLBACK_BYTES = 700;
const ATTEMPT_BYTES = 120;

/** A stored order with its bookkeeping: the budget holding and the parts of its size that do not change. */
interface Stored {
  record: OrderRecord;
  charge: Charge;
  fixedBytes: number;
  historyBytes: number;
}

const DONE = Promise.resolve();

/**
 * The memory store's orders with their stock reservations, bounded in count and in bytes: past either
 * bound the oldest order is forgotten and its stock released, so live stock is always the starting
 * stock minus what the stored orders hold. Each order is kept as its JSON bytes (off the JS heap), so
 * the budget counts what it costs. Every change is done synchronously before its promise resolves, so
 * under any number of concurrent requests a reservation or release happens exactly once (Node runs
 * one handler at a time).
 */
export class OrderStore implements OrderBook {
  // A Map, not an object: an objectId such as "__proto__" is only a key here.
  private readonly orders = new OldestFirstMap<string, Stored>();
  private readonly budget: ByteBudget;
  private readonly historyLimit: number;
  /** Bumped whenever an order is stored, forgotten or releases its stock (what the checker reads). */
  version = 0;

  constructor(
    private readonly catalog: SandboxCatalog,
    private readonly maxOrders: number = DEFAULT_MAX_ORDERS,
    limits: StoreLimits = {},
    private readonly outbox?: { queue: MemoryOutbox; sandbox: string },
  ) {
    this.budget = limits.budget ?? createBudgets().store;
    this.historyLimit = Math.max(1, limits.historyLimit ?? DEFAULT_HISTORY_LIMIT);
  }

  create(
    order: OrderPayload & { objectId: string },
    extras: CreationExtras = { note: '' },
  ): Promise<{ record: OrderRecord; isNew: boolean }> {
    return Promise.resolve(this.createNow(order, extras));
  }

  /** create, done at once (the synchronous core the tests drive too). */
  createNow(
    order: OrderPayload & { objectId: string },
    extras: CreationExtras = { note: '' },
    now: Date = new Date(),
  ): { record: OrderRecord; isNew: boolean } {
    const existing = this.orders.get(order.objectId);
    if (existing?.record.created) return { record: existing.record, isNew: false };
    const stored = existing ?? this.blank(order.objectId);
    const { record } = stored;
    record.created = true;
    Object.assign(record, encodeOrder(order, extras.payload));
    // A CANCELLED notification may have come first: then the order holds nothing.
    if (!record.released) {
      const plan = planReservations(order, this.catalog, NOTES_LIMIT);
      for (const r of plan.reservations) this.catalog.adjustStock(r.sku, -r.units);
      record.reservations = plan.reservations;
      record.notes.push(...plan.notes);
    }
    if (extras.note !== '') record.notes.push(extras.note);
    this.version += 1;
    if (record.status !== 'CANCELLED') record.status = 'CREATED';
    stored.fixedBytes = fixedBytes(record);
    this.push(stored, { at: now.toISOString(), event: 'created', status: 'CREATED', source: 'orderCreation' });
    if (extras.callback !== undefined) this.queueCallback(record, extras.callback);
    return { record, isNew: true };
  }

  cancel(objectId: string): Promise<OrderRecord | undefined> {
    return Promise.resolve(this.cancelNow(objectId));
  }

  /** cancel, done at once. */
  cancelNow(objectId: string, now: Date = new Date()): OrderRecord | undefined {
    const stored = this.orders.get(objectId);
    if (!stored) return undefined;
    if (stored.record.status !== 'CANCELLED') {
      stored.record.status = 'CANCELLED';
      this.push(stored, {
        at: now.toISOString(),
        event: 'cancelled',
        status: 'CANCELLED',
        source: 'orderCancellation',
      });
    }
    this.release(stored.record);
    return stored.record;
  }

  notify(
    order: OrderPayload & { objectId: string },
    change: StatusChange,
  ): Promise<{ record: OrderRecord; isNew: boolean }> {
    return Promise.resolve(this.notifyNow(order, change));
  }

  /** notify, done at once. */
  notifyNow(
    order: OrderPayload & { objectId: string },
    change: StatusChange,
    now: Date = new Date(),
  ): { record: OrderRecord; isNew: boolean } {
    const known = this.orders.get(order.objectId);
    const stored = known ?? this.blank(order.objectId);
    if (known === undefined) {
      Object.assign(stored.record, encodeOrder(order));
      stored.fixedBytes = fixedBytes(stored.record);
    }
    const { record } = stored;
    const key = notificationKey(change.status, change.updatedAt);
    if (record.notificationKeys.has(key)) return { record, isNew: false };
    record.notificationKeys.add(key);
    stored.historyBytes += keyBytes(key);
    record.status = cutText(change.status, NAME_LIMIT);
    const entry: HistoryEntry = {
      at: now.toISOString(),
      event: 'notified',
      status: change.status,
      source: str(change.responsible) ?? 'statusNotification',
    };
    const message = str(change.message);
    if (message !== undefined) entry.message = message;
    this.push(stored, entry);
    if (change.status === 'CANCELLED') this.release(record);
    return { record, isNew: true };
  }

  resend(objectId: string, callback: CallbackRequest): Promise<{ index: number } | { refused: ResendRefusal }> {
    const record = this.orders.get(objectId)?.record;
    let refused: ResendRefusal | undefined;
    if (record === undefined) refused = 'unknown-order';
    else if (!record.created) refused = 'not-created';
    else if (record.callbacks.some((c) => c.outcome === 'pending')) refused = 'pending';
    if (refused !== undefined || record === undefined) return Promise.resolve({ refused: refused ?? 'unknown-order' });
    this.queueCallback(record, callback);
    return Promise.resolve({ index: record.callbacks.length - 1 });
  }

  /** Appends an event to an order's history (bounded in count and message length), and recounts its bytes. */
  addHistory(record: OrderRecord, entry: HistoryEntry): void {
    const stored = this.orders.get(record.objectId);
    if (stored?.record === record) this.push(stored, entry);
  }

  get(objectId: string): Promise<OrderRecord | undefined> {
    return Promise.resolve(this.orders.get(objectId)?.record);
  }

  count(): Promise<number> {
    return Promise.resolve(this.orders.size);
  }

  /** How many orders are stored (without listing them). */
  get size(): number {
    return this.orders.size;
  }

  list(): Promise<OrderSummary[]> {
    return Promise.resolve(
      this.listNow().map(({ objectId, status, created, lines, callbacks }) => ({
        objectId,
        status,
        created,
        lines,
        callbacks: callbacks.map(({ outcome }) => ({ outcome })),
      })),
    );
  }

  /** Every stored order, oldest first, at once. */
  listNow(): OrderRecord[] {
    return Array.from(this.orders.values(), (stored) => stored.record);
  }

  reservedBy(objectId: string): Map<string, number> {
    const held = new Map<string, number>();
    const record = this.orders.get(objectId)?.record;
    if (record && !record.released)
      for (const r of record.reservations) held.set(r.sku, (held.get(r.sku) ?? 0) + r.units);
    return held;
  }

  /** Forgets every order and puts the catalog's stock back to where it started. */
  reset(): Promise<void> {
    for (const stored of this.orders.values()) stored.charge.close();
    this.orders.clear();
    this.version += 1;
    this.catalog.resetStock();
    return DONE;
  }

  private queueCallback(record: OrderRecord, request: CallbackRequest): void {
    if (this.outbox === undefined) return;
    this.outbox.queue.enqueue(
      { sandbox: this.outbox.sandbox, record, addHistory: (r, e) => this.addHistory(r, e) },
      request,
    );
    const stored = this.orders.get(record.objectId);
    if (stored?.record === record) this.recount(stored);
  }

  private blank(objectId: string): Stored {
    const oldest = this.orders.size >= this.maxOrders ? this.orders.oldest() : undefined;
    if (oldest !== undefined) this.forget(oldest[0]);
    this.version += 1;
    const record = blankOrder(objectId);
    const stored: Stored = { record, charge: undefined as unknown as Charge, fixedBytes: 0, historyBytes: 0 };
    this.orders.set(objectId, stored);
    stored.fixedBytes = fixedBytes(record);
    // Opened last: the budget may forget older orders (of this store or another) to make room for this one.
    stored.charge = this.budget.open(stored.fixedBytes, () => this.forget(objectId, stored));
    return stored;
  }

  /** Drops an order (the oldest, or the one the budget evicted) and releases its stock. */
  private forget(objectId: string, expected?: Stored): void {
    const stored = this.orders.get(objectId);
    if (stored === undefined || (expected !== undefined && stored !== expected)) return;
    this.orders.delete(objectId);
    this.version += 1;
    stored.charge.close();
    this.release(stored.record);
  }

  private push(stored: Stored, raw: HistoryEntry): void {
    const { record } = stored;
    const entry = boundedEntry(raw);
    record.history.push(entry);
    stored.historyBytes += historyEntryBytes(entry);
    while (record.history.length > this.historyLimit) {
      stored.historyBytes -= historyEntryBytes(record.history.shift() as HistoryEntry);
      record.historyDropped += 1;
    }
    // The dedup keys are bounded like the entries they stand for: the oldest go first.
    while (record.notificationKeys.size > 2 * this.historyLimit) {
      const oldest = record.notificationKeys.values().next().value as string;
      record.notificationKeys.delete(oldest);
      stored.historyBytes -= keyBytes(oldest);
    }
    this.recount(stored);
  }

  /** Tells the budget what the order holds now (callback attempts are counted here as they are added). */
  private recount(stored: Stored): void {
    let callbackBytes = 0;
    for (const c of stored.record.callbacks)
      callbackBytes +=
        CALLBACK_BYTES + stringBytes(c.url) + estimateHeapBytes(c.body) + ATTEMPT_BYTES * c.attempts.length;
    stored.charge.resize(stored.fixedBytes + stored.historyBytes + callbackBytes);
  }

  private release(record: OrderRecord): void {
    if (record.released) return;
    record.released = true;
    this.version += 1;
    for (const r of record.reservations) this.catalog.adjustStock(r.sku, r.units);
  }
}

/** Bytes of what an order holds besides its history and callbacks: its id, payload bytes, reservations and notes. */
function fixedBytes(record: OrderRecord): number {
  let bytes = RECORD_BYTES + stringBytes(record.objectId) + stringBytes(record.status) + record.payload.length;
  bytes += RESERVATION_BYTES * record.reservations.length;
  for (const note of record.notes) bytes += stringBytes(note);
  return bytes;
}
