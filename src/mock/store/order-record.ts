import type { Reservation } from '../domain/reservations';

// What the mock knows of an order, the same whichever store keeps it: the shapes the routes, the
// callback sender and every store adapter share.

export type { Reservation } from '../domain/reservations';

/** One event in an order's life, as the admin API shows it. */
export interface HistoryEntry {
  at: string;
  event: 'created' | 'cancelled' | 'notified' | 'callback';
  status?: string;
  source: string;
  message?: string;
}

/** One attempt at a callback: the answer's status, or why there was none. */
export interface CallbackAttempt {
  at: string;
  status?: number;
  error?: string;
}

/** What happened to one callback to OmniChat: every attempt and the final outcome. */
export interface CallbackRecord {
  callback: 'statusChange' | 'provisions';
  url: string;
  body: Record<string, unknown>;
  attempts: CallbackAttempt[];
  outcome: 'pending' | 'delivered' | 'failed';
}

/** An order the mock knows of, by OmniChat's objectId. */
export interface OrderRecord {
  objectId: string;
  /** True once orderCreation accepted it; false for an order known only from a status notification. */
  created: boolean;
  status: string;
  /**
   * The order as OmniChat sent it, as JSON text in UTF-8: a stored order costs its bytes, not a parsed
   * tree several times their size (`orderItems` reads its lines back).
   */
  payload: Buffer;
  /** How many cart lines the order has (lists show it without decoding the payload). */
  lines: number;
  reservations: Reservation[];
  released: boolean;
  /** The newest entries, at most the store's history limit. */
  history: HistoryEntry[];
  /** Older entries dropped to keep the history within its limit. */
  historyDropped: number;
  notificationKeys: Set<string>;
  callbacks: CallbackRecord[];
  notes: string[];
}

/** The order's cart lines, decoded from its payload (the admin API's order view). */
export function orderItems(record: OrderRecord): unknown[] {
  // The bytes may be the body as it arrived: keys that could reach a prototype are dropped again here.
  const order = JSON.parse(record.payload.toString('utf8'), (key, value: unknown) =>
    key === '__proto__' || key === 'constructor' || key === 'prototype' ? undefined : value,
  ) as { items?: unknown };
  return Array.isArray(order.items) ? order.items : [];
}

/**
 * The payload bytes and line count an order is kept as: `bytes` (the body as it arrived) when given,
 * else the order encoded. Copied into memory of their own: a request's bytes may be a slice of a larger
 * read buffer, and a small Buffer a slice of Node's shared 8 KB pool, which a kept slice would keep whole.
 */
export function encodeOrder(order: { items?: unknown }, bytes?: Buffer): { payload: Buffer; lines: number } {
  const lines = Array.isArray(order.items) ? order.items.length : 0;
  if (bytes !== undefined) {
    // A body read in several chunks was joined into memory of its own, of its exact size: kept as it is.
    if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return { payload: bytes, lines };
    const payload = Buffer.allocUnsafeSlow(bytes.length);
    bytes.copy(payload);
    return { payload, lines };
  }
  const text = JSON.stringify(order);
  const payload = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  payload.write(text, 'utf8');
  return { payload, lines };
}

/** An order known from now on, before anything is recorded of it. */
export function blankOrder(objectId: string): OrderRecord {
  return {
    objectId,
    created: false,
    status: 'UNKNOWN',
    payload: Buffer.alloc(0),
    lines: 0,
    reservations: [],
    released: false,
    history: [],
    historyDropped: 0,
    notificationKeys: new Set(),
    callbacks: [],
    notes: [],
  };
}
