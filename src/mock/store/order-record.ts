import type { OrderPayload } from '../domain/order-types';

// What the mock knows of an order, the same whichever store keeps it: the shapes the routes, the
// callback sender and every store adapter share.

/** Units of one variant an order holds. */
export interface Reservation {
  sku: string;
  units: number;
  /** The cart line (its objectId) that reserved them. */
  line?: string;
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
  /** The newest entries, at most the store's history limit. */
  history: HistoryEntry[];
  /** Older entries dropped to keep the history within its limit. */
  historyDropped: number;
  notificationKeys: Set<string>;
  callbacks: CallbackRecord[];
  notes: string[];
}
