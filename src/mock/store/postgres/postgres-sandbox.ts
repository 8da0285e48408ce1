import type { Pool } from 'pg';
import type { Catalog } from '../../domain/catalog';
import type { SandboxState } from '../mock-store';
import type { SandboxCatalog } from '../sandbox-catalog';
import type { SandboxConfig } from '../sandbox-config';
import { inTransaction, notify, type Queryable } from './connection';
import type { JournalEntry } from '../journal-entry';
import { JournalWriter, PgJournal } from './journal';
import { closeStore, lockStore, nextVersion, storeGone, writeStock, type LockedStore } from './order-writes';
import { PgOrders, type OrderLimits } from './orders';
import { PgQuotes } from './quotes';
import { toJsonb, toText } from './rows';
import { StockCache } from './stock-cache';

/** What every store of one replica shares. */
export interface SandboxParts {
  pool: Pool;
  catalog: Catalog;
  writer: JournalWriter;
  limits: OrderLimits;
  /** This replica's id, in the NOTIFYs it sends. */
  replica: string;
  /** Called after an order change committed (the store's byte budget is kept from there). */
  ordersWritten: () => void;
}

/** A store's row as it is read. */
export interface SandboxRow {
  name: string;
  settings: SandboxConfig['settings'];
  scenarios: SandboxConfig['scenarios'];
  created_at: Date;
}

/**
 * One store as this replica holds it over PostgreSQL: its stock read from a cache the NOTIFYs keep
 * fresh, its orders, quotes and journal in the database, its config as last read.
 */
export class PgSandbox implements SandboxState {
  readonly name: string;
  readonly createdAt: number;
  config: SandboxConfig;
  readonly cache: StockCache;
  readonly orders: PgOrders;
  readonly quotes: PgQuotes;
  readonly journal: PgJournal;
  /** The last journal number announced for this store, and the last one shown to streams here. */
  journalHead = 0;
  private followFrom: number | undefined;
  private readonly pool: Pool;
  private touching = false;

  constructor(
    row: SandboxRow,
    private readonly parts: SandboxParts,
  ) {
    this.name = row.name;
    this.createdAt = row.created_at.getTime();
    this.config = { settings: row.settings, scenarios: row.scenarios };
    this.pool = parts.pool;
    this.cache = new StockCache(row.name, parts.catalog, parts.pool);
    this.orders = new PgOrders(row.name, parts.pool, this.cache, parts.catalog, parts.limits, async (version) => {
      if (version !== undefined) await this.cache.refresh(version);
      parts.ordersWritten();
    });
    this.quotes = new PgQuotes(row.name, parts.pool, parts.replica);
    this.journal = new PgJournal(row.name, parts.pool, parts.writer, (following) => this.follow(following));
  }

  get stock(): SandboxCatalog {
    return this.cache.view;
  }

  /** Reads the stock cache and the journal's last number for the first time. */
  async load(): Promise<void> {
    await this.cache.refresh();
    const { rows } = await this.pool.query<{ seq: string }>(
      'SELECT seq::text FROM merchant_kit.journal_heads WHERE sandbox = $1',
      [this.name],
    );
    this.journalHead = rows.length === 0 ? 0 : Number(rows[0].seq);
  }

  async configure(config: SandboxConfig): Promise<void> {
    const { rowCount } = await this.pool.query(
      `WITH changed AS (UPDATE merchant_kit.sandboxes SET settings = $2::jsonb, scenarios = $3::jsonb WHERE name = $1 RETURNING name)
       SELECT pg_notify('merchant_kit', $4) FROM changed`,
      [
        this.name,
        toJsonb(config.settings),
        toJsonb(config.scenarios),
        JSON.stringify({ k: 'config', s: this.name, o: this.parts.replica }),
      ],
    );
    if (rowCount === 0) throw storeGone(this.name);
    this.config = config;
  }

  /** Reads the config again (another replica changed it). */
  async reloadConfig(): Promise<void> {
    const { rows } = await this.pool.query<SandboxRow>(
      'SELECT name, settings, scenarios, created_at FROM merchant_kit.sandboxes WHERE name = $1',
      [this.name],
    );
    if (rows.length > 0) this.config = { settings: rows[0].settings, scenarios: rows[0].scenarios };
  }

  async setStock(sku: string, quantity: number): Promise<void> {
    const productId = this.parts.catalog.variant(sku)?.product.objectId;
    await this.changeStock(productId, async (c, store) => writeStock(c, store, new Map([[toText(sku), quantity]])));
  }

  async setBlocked(position: number, blocked: boolean): Promise<void> {
    const productId = this.parts.catalog.product(position).objectId;
    await this.changeStock(productId, async (c, store) => {
      await c.query(
        `INSERT INTO merchant_kit.blocks (sandbox, product_id, blocked, version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (sandbox, product_id) DO UPDATE SET blocked = EXCLUDED.blocked, version = EXCLUDED.version`,
        [this.name, toText(productId), blocked, nextVersion(store)],
      );
    });
  }

  async reset(): Promise<void> {
    const version = await inTransaction(this.pool, async (c) => {
      const store = await lockStore(c, this.name);
      if (store === undefined) throw storeGone(this.name);
      for (const table of ['orders', 'stock', 'blocks', 'quotes', 'journal', 'forgotten'])
        await c.query(`DELETE FROM merchant_kit.${table} WHERE sandbox = $1`, [this.name]);
      // Callbacks still pending go out (and then go); the finished ones go with their orders.
      await c.query("DELETE FROM merchant_kit.callbacks WHERE sandbox = $1 AND outcome <> 'pending'", [this.name]);
      const next = store.version + 1;
      await c.query(
        `UPDATE merchant_kit.sandboxes SET version = $2, reset_version = $2, order_count = 0, order_bytes = 0,
                scenarios = '{}'::jsonb WHERE name = $1`,
        [this.name, next],
      );
      await notify(c, { k: 'reset', s: this.name, v: next, o: this.parts.replica });
      return next;
    });
    this.config = { ...this.config, scenarios: {} };
    await this.cache.refresh(version);
  }

  touch(at: number): void {
    // Written behind, one at a time: a lost one is made up by the next request or the next sweep.
    if (this.touching) return;
    this.touching = true;
    this.pool
      .query(
        'UPDATE merchant_kit.sandboxes SET last_used_at = GREATEST(last_used_at, to_timestamp($2 / 1000.0)) WHERE name = $1',
        [this.name, at],
      )
      .catch(() => undefined)
      .finally(() => {
        this.touching = false;
      });
  }

  /** The journal entries announced since the last ones shown here, while a stream here follows them. */
  async announced(seq: number): Promise<JournalEntry[]> {
    this.journalHead = Math.max(this.journalHead, seq);
    if (this.followFrom === undefined || seq <= this.followFrom) return [];
    const entries = await this.journal.newer(this.followFrom);
    if (entries.length > 0) this.followFrom = Math.max(this.followFrom, entries[entries.length - 1].seq ?? 0);
    return entries;
  }

  private follow(following: boolean): void {
    this.followFrom = following ? (this.followFrom ?? this.journalHead) : undefined;
  }

  /** A stock or block change made through the admin API: one transaction under the store's lock. */
  private async changeStock(
    productId: string | undefined,
    change: (c: Queryable, store: LockedStore) => Promise<void>,
  ): Promise<void> {
    const version = await inTransaction(this.pool, async (c) => {
      const store = await lockStore(c, this.name);
      if (store === undefined) throw storeGone(this.name);
      await change(c, store);
      await closeStore(c, store, { o: this.parts.replica, p: productId });
      return store.next;
    });
    if (version !== undefined) await this.cache.refresh(version);
  }
}
