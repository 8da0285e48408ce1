import type { SandboxCatalog } from './sandbox-catalog';
import { itemsOf, skuOf, str, unitsOf, type OrderPayload } from './order-types';

/** Units of one variant an order holds. */
export interface Reservation {
  sku: string;
  units: number;
}

/** One event in an order's life, as the admin API shows it. */
export interface HistoryEntry {
  at: string;
  event: 'created' | 'cancelled' | 'notified' | 'callback';
  status?: string;
  source: string;
  message?: string;
}

/** What happened to one callback to OmniChat: every attempt and the final outcome. */
export interface CallbackRecord {
  callback: 'statusChange' | 'provisions';
  url: string;
  body: Record<string, unknown>;
  attempts: { at: string; status?: number; error?: string }[];
  outcome: 'pending' | 'delivered' | 'failed';
}

/** An order the mock knows of, by OmniChat's objectId. */
export interface OrderRecord {
  objectId: string;
  /** True once orderCreation accepted it; false for an order known only from a status notification. */
  created: boolean;
  status: string;
  order: OrderPayload;
  reservations: Reservation[];
  released: boolean;
  history: HistoryEntry[];
  notificationKeys: Set<string>;
  callbacks: CallbackRecord[];
  notes: string[];
}

/** Default bound on stored orders: past it the oldest order is forgotten (its stock stays reserved). */
export const DEFAULT_MAX_ORDERS = 10_000;

/**
 * Orders with their stock reservations. Every method is synchronous, so under any number of concurrent
 * requests a reservation or release happens exactly once (Node runs one handler at a time).
 */
export class OrderStore {
  // A Map, not an object: an objectId such as "__proto__" is only a key here.
  private readonly orders = new Map<string, OrderRecord>();

  constructor(
    private readonly catalog: SandboxCatalog,
    private readonly maxOrders: number = DEFAULT_MAX_ORDERS,
  ) {}

  /** Stores a new order and reserves its stock; a known objectId is left as it is. Returns the record and whether it is new. */
  create(order: OrderPayload & { objectId: string }, now: Date = new Date()): { record: OrderRecord; isNew: boolean } {
    const existing = this.orders.get(order.objectId);
    if (existing?.created) return { record: existing, isNew: false };
    const record = existing ?? this.blank(order.objectId, order);
    record.created = true;
    record.order = order;
    if (!record.released) this.reserve(record, order);
    if (record.status !== 'CANCELLED') record.status = 'CREATED';
    record.history.push({ at: now.toISOString(), event: 'created', status: 'CREATED', source: 'orderCreation' });
    return { record, isNew: true };
  }

  /** Cancels a known order and releases its stock once; undefined when the order is unknown. */
  cancel(objectId: string, now: Date = new Date()): OrderRecord | undefined {
    const record = this.orders.get(objectId);
    if (!record) return undefined;
    if (record.status !== 'CANCELLED') {
      record.status = 'CANCELLED';
      record.history.push({
        at: now.toISOString(),
        event: 'cancelled',
        status: 'CANCELLED',
        source: 'orderCancellation',
      });
    }
    this.release(record);
    return record;
  }

  /**
   * Records a status notification (once per status and updatedAt); an unknown order is recorded too.
   * CANCELLED releases the stock like a cancellation. Returns whether it was new.
   */
  notify(
    order: OrderPayload & { objectId: string },
    change: { status: string; updatedAt?: unknown; responsible?: unknown; message?: unknown },
    now: Date = new Date(),
  ): { record: OrderRecord; isNew: boolean } {
    const record = this.orders.get(order.objectId) ?? this.blank(order.objectId, order);
    const key = `${change.status}\u0000${JSON.stringify(change.updatedAt ?? null)}`;
    if (record.notificationKeys.has(key)) return { record, isNew: false };
    record.notificationKeys.add(key);
    record.status = change.status;
    const entry: HistoryEntry = {
      at: now.toISOString(),
      event: 'notified',
      status: change.status,
      source: str(change.responsible) ?? 'statusNotification',
    };
    const message = str(change.message);
    if (message !== undefined) entry.message = message;
    record.history.push(entry);
    if (change.status === 'CANCELLED') this.release(record);
    return { record, isNew: true };
  }

  /** The order with this objectId. */
  get(objectId: string): OrderRecord | undefined {
    return this.orders.get(objectId);
  }

  /** Every stored order, oldest first. */
  list(): OrderRecord[] {
    return [...this.orders.values()];
  }

  /** Units each variant this order holds (for re-validating an order that was already created). */
  reservedBy(objectId: string): Map<string, number> {
    const held = new Map<string, number>();
    const record = this.orders.get(objectId);
    if (record && !record.released)
      for (const r of record.reservations) held.set(r.sku, (held.get(r.sku) ?? 0) + r.units);
    return held;
  }

  /** Forgets every order and puts the catalog's stock back to where it started. */
  reset(): void {
    this.orders.clear();
    this.catalog.resetStock();
  }

  private blank(objectId: string, order: OrderPayload): OrderRecord {
    if (this.orders.size >= this.maxOrders) this.orders.delete(this.orders.keys().next().value as string);
    const record: OrderRecord = {
      objectId,
      created: false,
      status: 'UNKNOWN',
      order,
      reservations: [],
      released: false,
      history: [],
      notificationKeys: new Set(),
      callbacks: [],
      notes: [],
    };
    this.orders.set(objectId, record);
    return record;
  }

  private reserve(record: OrderRecord, order: OrderPayload): void {
    for (const item of itemsOf(order)) {
      const sku = skuOf(item);
      const ref = sku === undefined ? undefined : this.catalog.variant(sku);
      if (sku === undefined || ref === undefined) {
        record.notes.push(
          `line ${str(item.objectId) ?? '?'}: variant ${sku ?? '(none)'} is not in the catalog, nothing reserved`,
        );
        continue;
      }
      const wanted = unitsOf(item);
      const stock = this.catalog.stock(sku);
      // Stock never goes below zero: a line beyond stock reserves what there is and says so.
      const units = stock === undefined ? 0 : Math.min(wanted, Math.max(0, stock));
      if (stock !== undefined && units < wanted)
        record.notes.push(`line ${str(item.objectId) ?? '?'}: ${wanted} of ${sku} asked, ${units} reserved (stock)`);
      if (units > 0) {
        this.catalog.adjustStock(sku, -units);
        record.reservations.push({ sku, units });
      }
    }
  }

  private release(record: OrderRecord): void {
    if (record.released) return;
    record.released = true;
    for (const r of record.reservations) this.catalog.adjustStock(r.sku, r.units);
  }
}
