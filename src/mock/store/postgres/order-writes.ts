import type { Catalog } from '../../domain/catalog';
import { said } from '../../i18n';
import { HttpProblem } from '../../errors/problems';
import { boundedEntry } from '../order-history';
import type { HistoryEntry, OrderRecord } from '../order-record';
import type { Queryable } from './connection';
import { notify } from './connection';
import { decodeOrder, ORDER_COLUMNS, toJsonb, toText, type OrderRow } from './rows';

/** One store's row, locked for the transaction: every change of what the store holds takes it first. */
export interface LockedStore {
  name: string;
  /** The version the store had; `next` is set once this transaction changes stock or holdings. */
  version: number;
  next?: number;
  orderCount: number;
  orderBytes: number;
}

/** What a record costs in the database besides its text: its row, indexes and bookkeeping, as estimated. */
const ROW_BYTES = 500;

/**
 * Locks the store's row (so changes of one store follow one another, and its versions follow commit
 * order); undefined when the store is gone (removed by another replica).
 */
export async function lockStore(c: Queryable, name: string): Promise<LockedStore | undefined> {
  const { rows } = await c.query<{ version: string; order_count: number; order_bytes: string }>(
    'SELECT version::text, order_count, order_bytes::text FROM merchant_kit.sandboxes WHERE name = $1 FOR UPDATE',
    [name],
  );
  if (rows.length === 0) return undefined;
  return {
    name,
    version: Number(rows[0].version),
    orderCount: rows[0].order_count,
    orderBytes: Number(rows[0].order_bytes),
  };
}

/** A change to a store another replica removed meanwhile: the store is gone, as the admin API says. */
export function storeGone(name: string): HttpProblem {
  return new HttpProblem(
    'sandbox-not-found',
    said('admin.sandboxNotFound', { name: JSON.stringify(name.slice(0, 60)) }),
  );
}

/** The version this transaction writes its changes with (the store's next one, taken once). */
export function nextVersion(store: LockedStore): number {
  store.next ??= store.version + 1;
  return store.next;
}

/**
 * Writes the store's row back (version, order count and bytes) and tells the replicas its stock moved
 * (`extra`: who moved it, and the product the admin API changed).
 */
export async function closeStore(c: Queryable, store: LockedStore, extra: Record<string, unknown> = {}): Promise<void> {
  await c.query('UPDATE merchant_kit.sandboxes SET version = $2, order_count = $3, order_bytes = $4 WHERE name = $1', [
    store.name,
    store.next ?? store.version,
    store.orderCount,
    store.orderBytes,
  ]);
  if (store.next !== undefined) await notify(c, { k: 'stock', s: store.name, v: store.next, ...extra });
}

/** An order's row with its callbacks, locked for the transaction; undefined when there is none. */
export async function lockOrder(c: Queryable, store: string, objectId: string): Promise<OrderRow | undefined> {
  const { rows } = await c.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM merchant_kit.orders o WHERE o.sandbox = $1 AND o.object_id = $2 FOR UPDATE OF o`,
    [store, toText(objectId)],
  );
  return rows[0];
}

/** Stock on hand of these variants in the store: its own rows, else the catalog's. */
export async function stockOf(
  c: Queryable,
  store: string,
  catalog: Catalog,
  skus: string[],
): Promise<Map<string, number>> {
  const stock = new Map<string, number>();
  for (const sku of skus) {
    const initial = catalog.initialStock(sku);
    if (initial !== undefined) stock.set(sku, initial);
  }
  if (skus.length === 0) return stock;
  const { rows } = await c.query<{ sku: string; quantity: string }>(
    'SELECT sku, quantity::text FROM merchant_kit.stock WHERE sandbox = $1 AND sku = ANY($2::text[])',
    [store, skus],
  );
  for (const row of rows) stock.set(row.sku, Number(row.quantity));
  return stock;
}

/** Writes the stock of these variants, with the transaction's version. */
export async function writeStock(c: Queryable, store: LockedStore, quantities: Map<string, number>): Promise<void> {
  if (quantities.size === 0) return;
  const version = nextVersion(store);
  await c.query(
    `INSERT INTO merchant_kit.stock (sandbox, sku, quantity, version)
     SELECT $1, sku, quantity, $4 FROM unnest($2::text[], $3::bigint[]) AS t(sku, quantity)
     ON CONFLICT (sandbox, sku) DO UPDATE SET quantity = EXCLUDED.quantity, version = EXCLUDED.version`,
    [store.name, [...quantities.keys()], [...quantities.values()], version],
  );
}

/** Gives an order's reserved units back to the stock, once (the catalog's untracked variants are left alone). */
export async function releaseStock(
  c: Queryable,
  store: LockedStore,
  catalog: Catalog,
  record: OrderRecord,
): Promise<void> {
  if (record.released) return;
  record.released = true;
  nextVersion(store);
  const skus = [...new Set(record.reservations.map((r) => r.sku))];
  const stock = await stockOf(c, store.name, catalog, skus);
  const after = new Map<string, number>();
  for (const r of record.reservations) {
    const current = after.get(r.sku) ?? stock.get(r.sku);
    if (current !== undefined) after.set(r.sku, current + r.units);
  }
  await writeStock(c, store, after);
}

/** Appends a history entry, keeping the newest `limit` and as many notification keys as twice that. */
export function pushHistory(record: OrderRecord, raw: HistoryEntry, limit: number): void {
  record.history.push(boundedEntry(raw));
  while (record.history.length > limit) {
    record.history.shift();
    record.historyDropped += 1;
  }
  while (record.notificationKeys.size > 2 * limit) {
    record.notificationKeys.delete(record.notificationKeys.values().next().value as string);
  }
}

/** What an order costs the store, as counted against --store-budget. */
export function recordBytes(record: OrderRecord): number {
  return (
    ROW_BYTES +
    record.payload.length +
    toJsonb(record.history).length +
    toJsonb(record.notes).length +
    toJsonb(record.reservations).length +
    toJsonb([...record.notificationKeys]).length
  );
}

/**
 * Writes an order (inserting it when new) with the transaction's version when it changed what the
 * store holds; returns its row's age number, which its callbacks refer to. `before` is what the order
 * cost before the change (0 when new): the store's byte count follows.
 */
export async function saveOrder(
  c: Queryable,
  store: LockedStore,
  record: OrderRecord,
  before: number,
): Promise<string> {
  const bytes = recordBytes(record);
  store.orderBytes += bytes - before;
  const { rows } = await c.query<{ seq: string }>(
    `INSERT INTO merchant_kit.orders (sandbox, object_id, created, status, payload, lines, reservations, released,
                                     history, history_dropped, notification_keys, notes, bytes, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9::jsonb, $10, $11::jsonb, $12::jsonb, $13, $14)
     ON CONFLICT (sandbox, object_id) DO UPDATE SET
       created = EXCLUDED.created, status = EXCLUDED.status, payload = EXCLUDED.payload, lines = EXCLUDED.lines,
       reservations = EXCLUDED.reservations, released = EXCLUDED.released, history = EXCLUDED.history,
       history_dropped = EXCLUDED.history_dropped, notification_keys = EXCLUDED.notification_keys,
       notes = EXCLUDED.notes, bytes = EXCLUDED.bytes,
       version = GREATEST(merchant_kit.orders.version, EXCLUDED.version)
     RETURNING seq::text`,
    [
      store.name,
      toText(record.objectId),
      record.created,
      toText(record.status),
      record.payload.toString('utf8'),
      record.lines,
      toJsonb(record.reservations),
      record.released,
      toJsonb(record.history),
      record.historyDropped,
      toJsonb([...record.notificationKeys]),
      toJsonb(record.notes),
      bytes,
      store.next ?? 0,
    ],
  );
  return rows[0].seq;
}

/**
 * Forgets the store's oldest order to make room (--max-orders per store): its stock goes back, and a
 * tombstone tells the caches to drop what it held.
 */
export async function forgetOldest(c: Queryable, store: LockedStore, catalog: Catalog): Promise<void> {
  const { rows } = await c.query<OrderRow>(
    `SELECT ${ORDER_COLUMNS} FROM merchant_kit.orders o WHERE o.sandbox = $1 ORDER BY o.seq LIMIT 1 FOR UPDATE OF o`,
    [store.name],
  );
  if (rows.length === 0) return;
  await forgetOrder(c, store, catalog, rows[0]);
}

/** Forgets one order of a locked store: releases its stock, deletes it, leaves a tombstone for the caches. */
export async function forgetOrder(c: Queryable, store: LockedStore, catalog: Catalog, row: OrderRow): Promise<void> {
  const record = decodeOrder(row);
  const held = !record.released;
  await releaseStock(c, store, catalog, record);
  await c.query('DELETE FROM merchant_kit.orders WHERE sandbox = $1 AND object_id = $2', [store.name, row.object_id]);
  // Its finished callbacks go with it; one still pending goes out, then goes (see the outbox).
  await c.query("DELETE FROM merchant_kit.callbacks WHERE order_seq = $1 AND outcome <> 'pending'", [row.seq]);
  if (held)
    await c.query('INSERT INTO merchant_kit.forgotten (sandbox, object_id, version) VALUES ($1, $2, $3)', [
      store.name,
      row.object_id,
      nextVersion(store),
    ]);
  store.orderCount -= 1;
  store.orderBytes -= row.bytes;
}
