import type { Pool } from 'pg';
import { NOTES_LIMIT } from '../../bounds/limits';
import type { Catalog } from '../../domain/catalog';
import { itemsOf, skuOf, str, type OrderPayload } from '../../domain/order-types';
import { planReservations } from '../../domain/reservations';
import { queueFullMessage, type CallbackRequest } from '../callback-outbox';
import type { CreationExtras, OrderBook, OrderSummary, ResendRefusal, StatusChange } from '../mock-store';
import { callbackHistoryEntry, cutText, NAME_LIMIT, notificationKey } from '../order-history';
import { blankOrder, encodeOrder, type CallbackRecord, type OrderRecord } from '../order-record';
import { inTransaction, notify, type Queryable } from './connection';
import {
  closeStore,
  forgetOldest,
  lockOrder,
  lockStore,
  nextVersion,
  pushHistory,
  releaseStock,
  saveOrder,
  stockOf,
  storeGone,
  writeStock,
  type LockedStore,
} from './order-writes';
import { decodeOrder, ORDER_COLUMNS, toJsonb, toText, type OrderRow } from './rows';
import type { StockCache } from './stock-cache';

/** The bounds one store's orders keep to. */
export interface OrderLimits {
  /** Orders per store: past it the oldest is forgotten and its stock released. */
  maxOrders: number;
  /** Status history entries kept per order. */
  historyLimit: number;
  /** Callbacks in flight and waiting, over every store: past both, a new one is recorded as not sent. */
  callbacks: { inFlight: number; queued: number };
}

/** What a change gives back, and whether it queued a callback (the replicas' workers are then told). */
interface Change<T> {
  value: T;
  queued?: boolean;
}

/**
 * One store's orders in PostgreSQL. Every change is one transaction that first locks the store's row,
 * then the order's: two replicas creating, cancelling or notifying at once take turns, so stock moves
 * exactly once and never below the mock's rule, and a repeated creation finds the first. The reads the
 * cart check needs (what an order holds) come from this replica's cache.
 */
export class PgOrders implements OrderBook {
  constructor(
    private readonly store: string,
    private readonly pool: Pool,
    private readonly cache: StockCache,
    private readonly catalog: Catalog,
    private readonly limits: OrderLimits,
    /** Called after each committed change: follows the new version here, and keeps the byte budget. */
    private readonly written: (version: number | undefined, queued: boolean) => Promise<void>,
  ) {}

  get version(): number {
    return this.cache.ordersVersion;
  }

  reservedBy(objectId: string): ReadonlyMap<string, number> {
    return this.cache.reservedBy(toText(objectId));
  }

  async get(objectId: string): Promise<OrderRecord | undefined> {
    const { rows } = await this.pool.query<OrderRow>(
      `SELECT ${ORDER_COLUMNS} FROM merchant_kit.orders o WHERE o.sandbox = $1 AND o.object_id = $2`,
      [this.store, toText(objectId)],
    );
    return rows.length === 0 ? undefined : decodeOrder(rows[0]);
  }

  async list(): Promise<OrderSummary[]> {
    const { rows } = await this.pool.query<OrderSummary & { object_id: string }>(
      `SELECT o.object_id, o.status, o.created, o.lines,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('outcome', c.outcome) ORDER BY c.position), '[]'::jsonb)
                 FROM merchant_kit.callbacks c WHERE c.order_seq = o.seq) AS callbacks
         FROM merchant_kit.orders o WHERE o.sandbox = $1 ORDER BY o.seq`,
      [this.store],
    );
    return rows.map(({ object_id, status, created, lines, callbacks }) => ({
      objectId: object_id,
      status,
      created,
      lines,
      callbacks,
    }));
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM merchant_kit.orders WHERE sandbox = $1',
      [this.store],
    );
    return rows[0].n;
  }

  create(
    order: OrderPayload & { objectId: string },
    extras: CreationExtras,
  ): Promise<{ record: OrderRecord; isNew: boolean }> {
    return this.write<{ record: OrderRecord; isNew: boolean }>(async (c, store) => {
      const known = await lockOrder(c, this.store, order.objectId);
      if (known?.created) return { value: { record: decodeOrder(known), isNew: false } };
      const record = known ? decodeOrder(known) : await this.blank(c, store, order.objectId);
      const before = known?.bytes ?? 0;
      record.created = true;
      Object.assign(record, encodeOrder(order, extras.payload));
      // A CANCELLED notification may have come first: then the order holds nothing.
      if (!record.released) {
        const skus = [...new Set(itemsOf(order).flatMap((item) => skuOf(item) ?? []))];
        const stock = await stockOf(c, this.store, this.catalog, skus);
        const plan = planReservations(
          order,
          { variant: (sku) => this.catalog.variant(sku), stock: (sku) => stock.get(sku) },
          NOTES_LIMIT,
        );
        await writeStock(c, store, plan.stockAfter);
        record.reservations = plan.reservations;
        record.notes.push(...plan.notes);
        // The caches learn of the order (what it holds) with this version.
        nextVersion(store);
      }
      if (extras.note !== '') record.notes.push(extras.note);
      if (record.status !== 'CANCELLED') record.status = 'CREATED';
      pushHistory(record, { at: now(), event: 'created', status: 'CREATED', source: 'orderCreation' }, this.history);
      const callback =
        extras.callback === undefined ? undefined : await this.prepareCallback(c, record, extras.callback);
      const seq = await saveOrder(c, store, record, before);
      if (callback !== undefined) await this.insertCallback(c, record, seq, callback);
      return { value: { record, isNew: true }, queued: callback?.record.outcome === 'pending' };
    });
  }

  async cancel(objectId: string): Promise<OrderRecord | undefined> {
    return this.write(async (c, store) => {
      const known = await lockOrder(c, this.store, objectId);
      if (known === undefined) return { value: undefined };
      const record = decodeOrder(known);
      if (record.status !== 'CANCELLED') {
        record.status = 'CANCELLED';
        const entry = { at: now(), event: 'cancelled', status: 'CANCELLED', source: 'orderCancellation' } as const;
        pushHistory(record, entry, this.history);
      }
      await releaseStock(c, store, this.catalog, record);
      await saveOrder(c, store, record, known.bytes);
      return { value: record };
    });
  }

  notify(
    order: OrderPayload & { objectId: string },
    change: StatusChange,
  ): Promise<{ record: OrderRecord; isNew: boolean }> {
    return this.write<{ record: OrderRecord; isNew: boolean }>(async (c, store) => {
      const known = await lockOrder(c, this.store, order.objectId);
      const record = known ? decodeOrder(known) : await this.blank(c, store, order.objectId);
      if (known === undefined) Object.assign(record, encodeOrder(order));
      const key = notificationKey(change.status, change.updatedAt);
      if (known !== undefined && record.notificationKeys.has(key)) return { value: { record, isNew: false } };
      record.notificationKeys.add(key);
      record.status = cutText(change.status, NAME_LIMIT);
      const entry = {
        at: now(),
        event: 'notified' as const,
        status: change.status,
        source: str(change.responsible) ?? 'statusNotification',
        ...(str(change.message) === undefined ? {} : { message: str(change.message) }),
      };
      pushHistory(record, entry, this.history);
      if (change.status === 'CANCELLED') await releaseStock(c, store, this.catalog, record);
      await saveOrder(c, store, record, known?.bytes ?? 0);
      return { value: { record, isNew: true } };
    });
  }

  resend(objectId: string, request: CallbackRequest): Promise<{ index: number } | { refused: ResendRefusal }> {
    return this.write<{ index: number } | { refused: ResendRefusal }>(async (c, store) => {
      const known = await lockOrder(c, this.store, objectId);
      const refused = (why: ResendRefusal): Change<{ refused: ResendRefusal }> => ({ value: { refused: why } });
      if (known === undefined) return refused('unknown-order');
      if (!known.created) return refused('not-created');
      const record = decodeOrder(known);
      if (record.callbacks.some((cb) => cb.outcome === 'pending')) return refused('pending');
      const callback = await this.prepareCallback(c, record, request);
      await saveOrder(c, store, record, known.bytes);
      await this.insertCallback(c, record, known.seq, callback);
      return { value: { index: record.callbacks.length - 1 }, queued: callback.record.outcome === 'pending' };
    });
  }

  private get history(): number {
    return this.limits.historyLimit;
  }

  /**
   * Runs one change in a transaction that holds the store's row; after it commits, this replica's cache
   * follows the new version before the promise resolves, so what it answers next agrees.
   */
  private async write<T>(work: (c: Queryable, store: LockedStore) => Promise<Change<T>>): Promise<T> {
    const done = await inTransaction(this.pool, async (c) => {
      const store = await lockStore(c, this.store);
      if (store === undefined) throw storeGone(this.store);
      const change = await work(c, store);
      await closeStore(c, store);
      if (change.queued === true) await notify(c, { k: 'outbox' });
      return { ...change, version: store.next };
    });
    await this.written(done.version, done.queued === true);
    return done.value;
  }

  /** A new row for an order known from now on (the oldest forgotten first when the store is full). */
  private async blank(c: Queryable, store: LockedStore, objectId: string): Promise<OrderRecord> {
    if (store.orderCount >= this.limits.maxOrders) await forgetOldest(c, store, this.catalog);
    store.orderCount += 1;
    return blankOrder(toText(objectId));
  }

  /**
   * The callback a new order (or a re-send) queues: pending, or recorded at once as not sent (its body
   * breaks the contract, or the outbox holds as many as the bounds allow, across every store).
   */
  private async prepareCallback(
    c: Queryable,
    record: OrderRecord,
    request: CallbackRequest,
  ): Promise<{ record: CallbackRecord; token?: string }> {
    const { rows } = await c.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM merchant_kit.callbacks WHERE outcome = 'pending'",
    );
    const { inFlight, queued } = this.limits.callbacks;
    const refusal =
      request.refusal ?? (rows[0].n >= inFlight + queued ? queueFullMessage(inFlight, queued) : undefined);
    const callback: CallbackRecord = {
      callback: request.callback,
      url: request.url,
      body: request.body,
      attempts: refusal === undefined ? [] : [{ at: now(), error: refusal }],
      outcome: refusal === undefined ? 'pending' : 'failed',
    };
    record.callbacks.push(callback);
    if (refusal !== undefined) pushHistory(record, callbackHistoryEntry(callback), this.history);
    return { record: callback, token: request.token };
  }

  private async insertCallback(
    c: Queryable,
    order: OrderRecord,
    seq: string,
    callback: { record: CallbackRecord; token?: string },
  ): Promise<void> {
    const { record } = callback;
    await c.query(
      `INSERT INTO merchant_kit.callbacks (sandbox, object_id, order_seq, position, kind, url, body, token, attempts, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $10)`,
      [
        this.store,
        toText(order.objectId),
        seq,
        order.callbacks.length - 1,
        record.callback,
        record.url,
        toJsonb(record.body),
        callback.token ?? null,
        toJsonb(record.attempts),
        record.outcome,
      ],
    );
  }
}

function now(): string {
  return new Date().toISOString();
}
