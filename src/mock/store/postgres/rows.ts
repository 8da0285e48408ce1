import type { CallbackRecord, HistoryEntry, OrderRecord, Reservation } from '../order-record';

/** An order row as the queries below return it (callbacks gathered from the outbox, oldest first). */
export interface OrderRow {
  object_id: string;
  seq: string;
  created: boolean;
  status: string;
  payload: string;
  lines: number;
  reservations: Reservation[];
  released: boolean;
  history: HistoryEntry[];
  history_dropped: number;
  notification_keys: string[];
  notes: string[];
  bytes: number;
  callbacks: CallbackRecord[];
}

/** The columns of an order and its callbacks, for `FROM merchant_kit.orders o`. */
export const ORDER_COLUMNS = `
  o.object_id, o.seq::text AS seq, o.created, o.status, o.payload, o.lines, o.reservations, o.released,
  o.history, o.history_dropped, o.notification_keys, o.notes, o.bytes,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('callback', c.kind, 'url', c.url, 'body', c.body,
            'attempts', c.attempts, 'outcome', c.outcome) ORDER BY c.position), '[]'::jsonb)
     FROM merchant_kit.callbacks c WHERE c.order_seq = o.seq) AS callbacks`;

/** An order as the port shows it, from its row. */
export function decodeOrder(row: OrderRow): OrderRecord {
  return {
    objectId: row.object_id,
    created: row.created,
    status: row.status,
    payload: Buffer.from(row.payload, 'utf8'),
    lines: row.lines,
    reservations: row.reservations,
    released: row.released,
    history: row.history,
    historyDropped: row.history_dropped,
    notificationKeys: new Set(row.notification_keys),
    callbacks: row.callbacks,
    notes: row.notes,
  };
}

/**
 * A value as jsonb text. PostgreSQL refuses the NUL character in jsonb and text: a `\u0000` escape
 * (not one after an escaped backslash) becomes U+FFFD, as a replaced character does elsewhere.
 */
export function toJsonb(value: unknown): string {
  const text = JSON.stringify(value);
  return text.includes('\\u0000') ? text.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd') : text;
}

/** A string for a text column: NUL (which PostgreSQL refuses) becomes U+FFFD. */
export function toText(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '\ufffd') : value;
}
