import type { Pool } from 'pg';
import type { AttemptFollowUp, CallbackOutbox, DueCallback } from '../callback-outbox';
import { callbackHistoryEntry } from '../order-history';
import type { CallbackAttempt, CallbackRecord } from '../order-record';
import { inTransaction, notify, type Queryable } from './connection';
import { pushHistory } from './order-writes';
import { decodeOrder, ORDER_COLUMNS, toJsonb, type OrderRow } from './rows';

/**
 * How long a taken callback stays this replica's at least: past its lease (the replica died mid-attempt)
 * another takes it. Twice the attempt's timeout, so a live attempt always settles first.
 */
const MIN_LEASE_MS = 10_000;

/**
 * The callback outbox in PostgreSQL, shared by every replica: a callback is taken with
 * `FOR UPDATE SKIP LOCKED` (two replicas never take the same one) and held by a lease while it is
 * attempted; each attempt and the outcome are written back with the order's history in one
 * transaction. Retries are due times in the table, so they survive a restart; a replica killed
 * mid-attempt leaves its lease to expire, and the callback is attempted again.
 */
export class PgOutbox implements CallbackOutbox {
  readonly durable = true;
  private readonly listeners = new Set<() => void>();

  private readonly leaseMs: number;

  constructor(
    private readonly pool: Pool,
    /** This replica's id, written as the lease's owner. */
    private readonly replica: string,
    private readonly historyLimit: number,
    attemptTimeoutMs: number,
  ) {
    this.leaseMs = Math.max(MIN_LEASE_MS, 2 * attemptTimeoutMs);
  }

  async claim(limit: number): Promise<DueCallback[]> {
    const { rows } = await this.pool.query<{
      id: string;
      sandbox: string;
      object_id: string;
      url: string;
      body: Record<string, unknown>;
      token: string | null;
      attempts: number;
    }>(
      `WITH due AS (
         SELECT id FROM merchant_kit.callbacks
          WHERE outcome = 'pending' AND due_at <= now() AND (lease_until IS NULL OR lease_until < now())
          ORDER BY due_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
       UPDATE merchant_kit.callbacks c
          SET lease_until = now() + make_interval(secs => $2), lease_owner = $3
         FROM due WHERE c.id = due.id
       RETURNING c.id::text, c.sandbox, c.object_id, c.url, c.body, c.token, jsonb_array_length(c.attempts) AS attempts`,
      [limit, this.leaseMs / 1000, this.replica],
    );
    return rows.map((row) => ({
      id: Number(row.id),
      sandbox: row.sandbox,
      objectId: row.object_id,
      url: row.url,
      body: row.body,
      token: row.token ?? undefined,
      attempts: row.attempts,
    }));
  }

  async settle(due: DueCallback, attempt: CallbackAttempt, next: AttemptFollowUp): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      const { rows } = await c.query<{
        order_seq: string;
        kind: CallbackRecord['callback'];
        url: string;
        body: Record<string, unknown>;
        attempts: CallbackRecord['attempts'];
      }>(
        `SELECT order_seq::text, kind, url, body, attempts FROM merchant_kit.callbacks
          WHERE id = $1 AND lease_owner = $2 AND outcome = 'pending' FOR UPDATE`,
        [due.id, this.replica],
      );
      // Another replica took it over (this one's lease ran out): its outcome is that replica's to write.
      if (rows.length === 0) return;
      const callback = rows[0];
      const attempts = [...callback.attempts, attempt];
      if ('retryAt' in next) {
        await c.query(
          `UPDATE merchant_kit.callbacks SET attempts = $2::jsonb, lease_until = NULL, lease_owner = NULL,
                  due_at = now() + make_interval(secs => $3) WHERE id = $1`,
          [due.id, toJsonb(attempts), Math.max(0, next.retryAt - Date.now()) / 1000],
        );
        return;
      }
      await c.query(
        `UPDATE merchant_kit.callbacks SET attempts = $2::jsonb, outcome = $3, lease_until = NULL, lease_owner = NULL
          WHERE id = $1`,
        [due.id, toJsonb(attempts), next.outcome],
      );
      const record: CallbackRecord = {
        callback: callback.kind,
        url: callback.url,
        body: callback.body,
        attempts,
        outcome: next.outcome,
      };
      await this.addOutcome(c, callback.order_seq, record);
      await notify(c, { k: 'order', s: due.sandbox, id: due.objectId });
    });
  }

  async release(due: DueCallback): Promise<void> {
    await this.pool.query(
      'UPDATE merchant_kit.callbacks SET lease_until = NULL, lease_owner = NULL WHERE id = $1 AND lease_owner = $2',
      [due.id, this.replica],
    );
  }

  async nextDue(): Promise<number | undefined> {
    const { rows } = await this.pool.query<{ at: string | null }>(
      `SELECT (extract(epoch FROM min(GREATEST(due_at, coalesce(lease_until, due_at)))) * 1000)::text AS at
         FROM merchant_kit.callbacks WHERE outcome = 'pending'`,
    );
    return rows[0].at === null ? undefined : Number(rows[0].at);
  }

  async pending(sandbox?: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM merchant_kit.callbacks WHERE outcome = 'pending' AND ($1::text IS NULL OR sandbox = $1)`,
      [sandbox ?? null],
    );
    return rows[0].n;
  }

  onQueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A replica queued a callback (the NOTIFY said so). */
  queued(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Adds the outcome to the order's history (an order forgotten or reset meanwhile has none to add to). */
  private async addOutcome(c: Queryable, orderSeq: string, callback: CallbackRecord): Promise<void> {
    const { rows } = await c.query<OrderRow & { sandbox: string }>(
      `SELECT ${ORDER_COLUMNS}, o.sandbox FROM merchant_kit.orders o WHERE o.seq = $1 FOR UPDATE OF o`,
      [orderSeq],
    );
    if (rows.length === 0) {
      // The order was forgotten, reset or removed meanwhile: its callback, now finished, has nothing to belong to.
      await c.query('DELETE FROM merchant_kit.callbacks WHERE order_seq = $1', [orderSeq]);
      return;
    }
    const record = decodeOrder(rows[0]);
    pushHistory(record, callbackHistoryEntry(callback), this.historyLimit);
    // The order's byte count is left as it was: the store's row is not locked here (its lock comes
    // first in every other change), and an outcome adds a line.
    await c.query(
      `UPDATE merchant_kit.orders SET history = $2::jsonb, history_dropped = $3, notification_keys = $4::jsonb
        WHERE seq = $1`,
      [orderSeq, toJsonb(record.history), record.historyDropped, toJsonb([...record.notificationKeys])],
    );
  }
}
