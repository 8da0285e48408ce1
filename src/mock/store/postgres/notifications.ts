import { Client } from 'pg';
import { CHANNEL } from './connection';

/** What a NOTIFY says changed (short keys: a payload is at most 8,000 bytes). */
export interface StoreNotice {
  /** stock, config, reset, removed, order, journal, outbox, quotes */
  k: string;
  /** The store it is about. */
  s?: string;
  /** The replica that made the change. */
  o?: string;
  /** The store's new version (stock, reset). */
  v?: number;
  /** A product whose stock or block was set through the admin API. */
  p?: string;
  /** An order whose callbacks changed. */
  id?: string;
  /** The journal's last number (journal). */
  seq?: number;
  /** Seconds a store removed for being idle had not been used. */
  idle?: number;
  /** The carts whose quotes a batch wrote (absent: too many to say). */
  ids?: string[];
}

/** Longest wait between two attempts to listen again after the connection dropped. */
const MAX_BACKOFF_MS = 30_000;

/**
 * One connection per replica that LISTENs on the store's channel. Notifications arrive in commit
 * order. When the connection drops (a database restart), it connects again with backoff and calls
 * `onReconnect`: whatever was announced meanwhile was missed, so the caches load afresh.
 */
export class NoticeListener {
  private client: Client | undefined;
  private closed = false;
  private backoff = 500;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly url: string,
    private readonly onNotice: (notice: StoreNotice) => void,
    private readonly onReconnect: () => void,
  ) {}

  /** Connects and listens; rejects when the database cannot be reached (at start: the caller says why). */
  async start(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || message.payload === undefined) return;
      let notice: StoreNotice;
      try {
        notice = JSON.parse(message.payload) as StoreNotice;
      } catch {
        return;
      }
      this.onNotice(notice);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
    this.backoff = 500;
  }

  /** Stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private lost(client: Client): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      this.start()
        .then(() => this.onReconnect())
        .catch(() => {
          this.backoff = Math.min(MAX_BACKOFF_MS, this.backoff * 2);
          this.retry();
        });
    }, this.backoff);
    this.timer.unref();
  }
}
