import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { StoreOptions } from '../memory/memory-store';
import {
  DEFAULT_SANDBOX,
  type CreateOutcome,
  type MockStore,
  type SandboxState,
  type SandboxSummary,
  type SandboxUse,
  type StoreChange,
} from '../mock-store';
import type { SandboxConfig } from '../sandbox-config';
import { inTransaction, notify, openError, openPool } from './connection';
import { JournalWriter, type EntryView } from './journal';
import { migrate } from './migrations';
import { NoticeListener, type StoreNotice } from './notifications';
import { forgetOrder, lockOrder, lockStore, closeStore } from './order-writes';
import { PgOutbox } from './outbox';
import { PgSandbox, type SandboxRow } from './postgres-sandbox';
import { toJsonb } from './rows';
import { DEFAULT_HISTORY_LIMIT } from '../../bounds/limits';
import type { VerifyHistory, VerifyHistoryBounds } from '../verify-history';
import { ReplicaLiveness } from './replica-liveness';
import { PgVerifyHistory } from './verify-history';

/** What the PostgreSQL store needs besides what every store does. */
export interface PostgresStoreOptions extends StoreOptions {
  /** `postgres://USER@HOST:PORT/DB` */
  url: string;
  /** How a journal entry is shown (previews as text, secrets masked): it is written so. */
  journalView: EntryView;
  /** Bytes of order text kept over every store (--store-budget): past it the oldest orders go. */
  storeBudgetBytes: number;
  /** Bytes of journal kept per store (--journal-budget), besides its 1,000 entries. */
  journalBudgetBytes: number;
}

/** An advisory lock taken to create a sandbox: the count of sandboxes is checked and raised by one replica at a time. */
const CREATE_LOCK = 0x6d6b5f6e6577; // "mk_new"

/**
 * Opens the store in a PostgreSQL database: migrates its schema (once, whichever replica starts first),
 * listens for the other replicas' changes and loads the default store. Fails with a StoreOpenError
 * naming the flag and the fix when the database cannot be reached or refuses the URL.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const pool = openPool(options.url);
  let store: PostgresStore | undefined;
  try {
    await migrate(pool);
    store = new PostgresStore(pool, options);
    await store.start();
    return store;
  } catch (error) {
    if (store) await store.close().catch(() => undefined);
    else await pool.end().catch(() => undefined);
    throw openError(error, options.url);
  }
}

/**
 * Every store in one PostgreSQL database, shared by the replicas given its URL. This replica keeps
 * the stores it has opened (their stock caches), listens for NOTIFYs to keep them fresh, writes the
 * journal behind, and works the shared callback outbox.
 */
export class PostgresStore implements MockStore {
  readonly kind = 'postgres';
  readonly outbox: PgOutbox;
  /** This replica, in the NOTIFYs it sends and the leases it takes. */
  readonly replica = randomUUID();
  private readonly states = new Map<string, PgSandbox>();
  private readonly opening = new Map<string, Promise<PgSandbox | undefined>>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly notices: NoticeListener;
  private readonly writer: JournalWriter;
  /** The lock that says this replica is alive, for the verify runs it owns. */
  private readonly liveness: ReplicaLiveness;
  private trimming: Promise<void> | undefined;
  private trimAgain = false;
  private closed = false;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresStoreOptions,
  ) {
    const historyLimit = Math.max(1, options.historyLimit ?? DEFAULT_HISTORY_LIMIT);
    this.outbox = new PgOutbox(pool, this.replica, historyLimit, options.callbackTimeoutMs ?? 5000);
    this.writer = new JournalWriter(pool, options.journalView, options.journalBudgetBytes);
    this.liveness = new ReplicaLiveness(options.url);
    this.notices = new NoticeListener(
      options.url,
      (notice) => void this.heard(notice).catch(() => undefined),
      () => void this.resync().catch(() => undefined),
    );
  }

  /** Listens, and creates (on a new database) and loads the default store. */
  async start(): Promise<void> {
    await this.notices.start();
    await this.pool.query(
      `INSERT INTO merchant_kit.sandboxes (name, settings, scenarios) VALUES ($1, $2::jsonb, $3::jsonb)
       ON CONFLICT (name) DO NOTHING`,
      [DEFAULT_SANDBOX, toJsonb(this.options.defaults.settings), toJsonb(this.options.defaults.scenarios)],
    );
    if ((await this.open(DEFAULT_SANDBOX)) === undefined) throw new Error('the default store could not be loaded');
  }

  async summaries(): Promise<SandboxSummary[]> {
    const { rows } = await this.pool.query<{ name: string; created_at: Date; last_used_at: Date }>(
      `SELECT name, created_at, last_used_at FROM merchant_kit.sandboxes
        ORDER BY name <> $1, created_at, name`,
      [DEFAULT_SANDBOX],
    );
    return rows.map((row) => ({
      name: row.name,
      createdAt: row.created_at.getTime(),
      lastUsedAt: row.last_used_at.getTime(),
    }));
  }

  open(name: string): Promise<SandboxState | undefined> {
    return this.load(name);
  }

  loaded(name: string): SandboxState | undefined {
    return this.states.get(name);
  }

  async create(name: string, config: SandboxConfig, max: number, reuse = false): Promise<CreateOutcome> {
    const outcome = await inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [CREATE_LOCK]);
      const known = await c.query('SELECT 1 FROM merchant_kit.sandboxes WHERE name = $1', [name]);
      if (known.rows.length > 0) return 'exists' as const;
      const { rows } = await c.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM merchant_kit.sandboxes WHERE name <> $1',
        [DEFAULT_SANDBOX],
      );
      if (rows[0].n >= max) return 'full' as const;
      await c.query(
        'INSERT INTO merchant_kit.sandboxes (name, settings, scenarios) VALUES ($1, $2::jsonb, $3::jsonb)',
        [name, toJsonb(config.settings), toJsonb(config.scenarios)],
      );
      return 'created' as const;
    });
    if (outcome === 'full' || (outcome === 'exists' && !reuse)) return outcome;
    return (await this.load(name)) ?? 'exists';
  }

  async remove(name: string): Promise<boolean> {
    if (name === DEFAULT_SANDBOX) return false;
    const removed = await inTransaction(this.pool, async (c) => {
      const { rows } = await c.query('DELETE FROM merchant_kit.sandboxes WHERE name = $1 RETURNING name', [name]);
      await c.query("DELETE FROM merchant_kit.callbacks WHERE sandbox = $1 AND outcome <> 'pending'", [name]);
      if (rows.length > 0) await notify(c, { k: 'removed', s: name, o: this.replica });
      return rows.length > 0;
    });
    this.states.delete(name);
    return removed;
  }

  async dropIdle(
    before: number,
    local: ReadonlyMap<string, SandboxUse>,
  ): Promise<{ name: string; lastUsedAt: number }[]> {
    const names = [...local.keys()];
    const inUse = names.filter((name) => local.get(name)?.inUse === true);
    // What this replica knows goes in first: its last requests, and now for the stores in use here.
    await this.pool.query(
      `UPDATE merchant_kit.sandboxes s SET last_used_at = GREATEST(s.last_used_at,
              CASE WHEN t.busy THEN now() ELSE to_timestamp(t.used / 1000.0) END)
         FROM unnest($1::text[], $2::float8[], $3::boolean[]) AS t(name, used, busy) WHERE s.name = t.name`,
      [
        names,
        names.map((name) => local.get(name)?.lastUsed ?? 0),
        names.map((name) => local.get(name)?.inUse === true),
      ],
    );
    const dropped = await inTransaction(this.pool, async (c) => {
      const { rows } = await c.query<{ name: string; used: string }>(
        `DELETE FROM merchant_kit.sandboxes s
          WHERE s.name <> $1 AND s.last_used_at < to_timestamp($2 / 1000.0) AND NOT (s.name = ANY($3::text[]))
            AND NOT EXISTS (SELECT 1 FROM merchant_kit.callbacks c WHERE c.sandbox = s.name AND c.outcome = 'pending')
        RETURNING s.name, (extract(epoch FROM s.last_used_at) * 1000)::text AS used`,
        [DEFAULT_SANDBOX, before, inUse],
      );
      if (rows.length > 0)
        await c.query("DELETE FROM merchant_kit.callbacks WHERE sandbox = ANY($1::text[]) AND outcome <> 'pending'", [
          rows.map((row) => row.name),
        ]);
      for (const row of rows)
        await notify(c, {
          k: 'removed',
          s: row.name,
          o: this.replica,
          idle: Math.round((Date.now() - Number(row.used)) / 1000),
        });
      return rows.map((row) => ({ name: row.name, lastUsedAt: Number(row.used) }));
    });
    for (const { name } of dropped) this.states.delete(name);
    return dropped;
  }

  verifyHistory(bounds: VerifyHistoryBounds): VerifyHistory {
    return new PgVerifyHistory(this.pool, this.liveness, bounds);
  }

  watch(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writer.flush().catch(() => undefined);
    await this.trimming?.catch(() => undefined);
    await this.notices.close();
    await this.liveness.close();
    await this.pool.end().catch(() => undefined);
  }

  private load(name: string): Promise<PgSandbox | undefined> {
    const known = this.states.get(name);
    if (known) return Promise.resolve(known);
    let pending = this.opening.get(name);
    if (pending === undefined) {
      pending = this.read(name).finally(() => this.opening.delete(name));
      this.opening.set(name, pending);
    }
    return pending;
  }

  private async read(name: string): Promise<PgSandbox | undefined> {
    const { rows } = await this.pool.query<SandboxRow>(
      'SELECT name, settings, scenarios, created_at FROM merchant_kit.sandboxes WHERE name = $1',
      [name],
    );
    if (rows.length === 0) return undefined;
    const state = new PgSandbox(rows[0], {
      pool: this.pool,
      catalog: this.options.catalog,
      writer: this.writer,
      replica: this.replica,
      limits: {
        maxOrders: this.options.maxOrders,
        historyLimit: Math.max(1, this.options.historyLimit ?? DEFAULT_HISTORY_LIMIT),
        callbacks: this.options.callbackLimits,
      },
      ordersWritten: () => this.keepBudget(),
    });
    await state.load();
    this.states.set(name, state);
    return state;
  }

  /** What another replica (or this one, for callbacks and the journal) changed, applied here. */
  private async heard(notice: StoreNotice): Promise<void> {
    if (notice.k === 'outbox') {
      this.outbox.queued();
      return;
    }
    const name = notice.s;
    if (name === undefined) return;
    const state = this.states.get(name);
    const elsewhere = notice.o !== this.replica;
    switch (notice.k) {
      case 'stock':
        await state?.cache.refresh(notice.v);
        if (elsewhere && notice.p !== undefined && state)
          this.tell({ kind: 'stock', sandbox: name, productId: notice.p });
        return;
      case 'config':
        if (!elsewhere || !state) return;
        await state.reloadConfig();
        this.tell({ kind: 'config', sandbox: name });
        return;
      case 'reset':
        await state?.cache.refresh(notice.v);
        if (!elsewhere || !state) return;
        await state.reloadConfig();
        this.tell({ kind: 'reset', sandbox: name });
        return;
      case 'removed':
        if (!elsewhere) return;
        this.states.delete(name);
        this.tell({ kind: 'removed', sandbox: name, idleSeconds: notice.idle });
        return;
      case 'order':
        if (notice.id !== undefined) this.tell({ kind: 'order', sandbox: name, objectId: notice.id });
        return;
      case 'quotes':
        if (elsewhere) state?.quotes.heard(notice.ids);
        return;
      case 'journal': {
        const entries = state ? await state.announced(notice.seq ?? 0) : [];
        if (entries.length > 0) this.tell({ kind: 'requests', sandbox: name, entries });
        return;
      }
    }
  }

  /** The LISTEN connection was lost and is back: what was announced meanwhile is read afresh. */
  private async resync(): Promise<void> {
    for (const state of this.states.values()) {
      state.quotes.heard(undefined);
      state.cache.invalidate();
      await state.cache.refresh();
      await state.reloadConfig();
      this.tell({ kind: 'config', sandbox: state.name });
    }
    this.outbox.queued();
  }

  private tell(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  /**
   * Keeps the order text of every store within --store-budget: past it, the oldest order of any store is
   * forgotten (its stock released), one transaction each, until the total fits. Runs after order
   * changes, one pass at a time.
   */
  private keepBudget(): void {
    if (this.trimming !== undefined) {
      this.trimAgain = true;
      return;
    }
    this.trimming = this.trim()
      .catch(() => undefined)
      .finally(() => {
        this.trimming = undefined;
        if (this.trimAgain && !this.closed) {
          this.trimAgain = false;
          this.keepBudget();
        }
      });
  }

  private async trim(): Promise<void> {
    for (;;) {
      const { rows } = await this.pool.query<{ total: string }>(
        'SELECT coalesce(sum(order_bytes), 0)::text AS total FROM merchant_kit.sandboxes',
      );
      if (Number(rows[0].total) <= this.options.storeBudgetBytes || this.closed) return;
      // The newest order stays, even alone past the budget (as a lone holding does in memory).
      const oldest = await this.pool.query<{ sandbox: string; object_id: string }>(
        'SELECT sandbox, object_id FROM merchant_kit.orders ORDER BY seq LIMIT 2',
      );
      if (oldest.rows.length < 2) return;
      const { sandbox, object_id: objectId } = oldest.rows[0];
      const version = await inTransaction(this.pool, async (c) => {
        const store = await lockStore(c, sandbox);
        const row = store && (await lockOrder(c, sandbox, objectId));
        if (!store || !row) return undefined;
        await forgetOrder(c, store, this.options.catalog, row);
        await closeStore(c, store);
        return store.next;
      });
      if (version !== undefined) await this.states.get(sandbox)?.cache.refresh(version);
    }
  }
}
