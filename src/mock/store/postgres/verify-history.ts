import type { Pool } from 'pg';
import { stringBytes } from '../../bounds/heap-estimate';
import {
  interruptedRecord,
  type VerifyHistory,
  type VerifyHistoryBounds,
  type VerifyHistoryUsage,
  type VerifyLiveRun,
  type VerifyRunRecord,
  type VerifyRunSummary,
} from '../verify-history';
import { inTransaction, type Queryable } from './connection';
import { ownerAlive, type ReplicaLiveness } from './replica-liveness';

/** The lock every replica takes to change the history, so its bounds are kept by one at a time ("mk_vh"). */
const HISTORY_LOCK = 0x6d6b5f7668;

/** A record's summary: everything but config, progress and report, in the record's own key order. */
function summaryOf(run: VerifyRunRecord): VerifyRunSummary {
  const { config: _config, progress: _progress, report: _report, ...summary } = run;
  return summary;
}

/**
 * The history in PostgreSQL, shared by every replica given the same URL. A finished run is kept as the
 * JSON text the memory history keeps (masked as it is), counted in bytes the same way, within the same
 * bounds: past either, the oldest finished runs are deleted. A run queued or running is noted under this
 * replica's liveness lock: the others list it, and once its replica is gone (killed, or closed with the
 * run unfinished) it is kept as finished with verdict `error` and the problem "interrupted".
 */
export class PgVerifyHistory implements VerifyHistory {
  constructor(
    private readonly pool: Pool,
    private readonly liveness: ReplicaLiveness,
    private readonly bounds: VerifyHistoryBounds,
  ) {}

  async add(run: VerifyRunRecord): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [HISTORY_LOCK]);
      await this.keep(c, run, false);
    });
  }

  async get(id: string): Promise<VerifyRunRecord | undefined> {
    await this.sweep();
    const { rows } = await this.pool.query<{ record: string }>(
      "SELECT record FROM merchant_kit.verify_runs WHERE id = $1 AND state = 'done'",
      [id],
    );
    return rows.length === 0 ? undefined : (JSON.parse(rows[0].record) as VerifyRunRecord);
  }

  async list(): Promise<VerifyRunSummary[]> {
    await this.sweep();
    const { rows } = await this.pool.query<{ summary: string }>(
      "SELECT summary FROM merchant_kit.verify_runs WHERE state = 'done' ORDER BY seq DESC",
    );
    return rows.map((row) => JSON.parse(row.summary) as VerifyRunSummary);
  }

  async usage(): Promise<VerifyHistoryUsage> {
    await this.sweep();
    const { rows } = await this.pool.query<{ runs: number; bytes: string; dropped: string }>(
      `SELECT (SELECT count(*)::int FROM merchant_kit.verify_runs WHERE state = 'done') AS runs,
              (SELECT coalesce(sum(bytes), 0)::text FROM merchant_kit.verify_runs WHERE state = 'done') AS bytes,
              (SELECT dropped::text FROM merchant_kit.verify_history) AS dropped`,
    );
    return {
      runs: rows[0].runs,
      bytes: Number(rows[0].bytes),
      maxRuns: this.bounds.maxRuns,
      maxBytes: this.bounds.maxBytes,
      dropped: Number(rows[0].dropped),
    };
  }

  async track(run: VerifyLiveRun): Promise<void> {
    const owner = await this.liveness.owner();
    const text = JSON.stringify(run);
    // A run already finished is never taken back to queued or running by a late note.
    await this.pool.query(
      `INSERT INTO merchant_kit.verify_runs (id, state, owner, summary, record, bytes) VALUES ($1, $2, $3, '{}', $4, $5)
       ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, owner = EXCLUDED.owner, record = EXCLUDED.record,
         bytes = EXCLUDED.bytes
       WHERE merchant_kit.verify_runs.state <> 'done'`,
      [run.id, run.state, owner, text, stringBytes(text)],
    );
  }

  async elsewhere(): Promise<VerifyLiveRun[]> {
    await this.sweep();
    const mine = (await this.liveness.current()) ?? 0;
    const { rows } = await this.pool.query<{ record: string }>(
      `SELECT record FROM merchant_kit.verify_runs r
        WHERE r.state <> 'done' AND r.owner <> $1 AND ${ownerAlive('r.owner')} ORDER BY r.seq DESC`,
      [mine],
    );
    return rows.map((row) => JSON.parse(row.record) as VerifyLiveRun);
  }

  /** Keeps, as interrupted, the runs whose replica is gone: never a run "running" forever. */
  private async sweep(): Promise<void> {
    const { rows } = await this.pool.query(
      `SELECT 1 FROM merchant_kit.verify_runs r WHERE r.state <> 'done' AND NOT ${ownerAlive('r.owner')} LIMIT 1`,
    );
    if (rows.length === 0) return;
    const finishedAt = new Date().toISOString();
    await inTransaction(this.pool, async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [HISTORY_LOCK]);
      const orphans = await c.query<{ record: string }>(
        `SELECT record FROM merchant_kit.verify_runs r
          WHERE r.state <> 'done' AND NOT ${ownerAlive('r.owner')} ORDER BY r.seq`,
      );
      for (const row of orphans.rows)
        await this.keep(c, interruptedRecord(JSON.parse(row.record) as VerifyLiveRun, finishedAt), true);
    });
  }

  /**
   * Keeps a finished run under the history's lock, then trims the oldest past the bounds. `unlessDone`:
   * a run another replica finished meanwhile keeps its own record.
   */
  private async keep(c: Queryable, run: VerifyRunRecord, unlessDone: boolean): Promise<void> {
    const text = JSON.stringify(run);
    const bytes = stringBytes(text);
    // A run larger than the whole budget is not kept (older runs stay), as in memory.
    if (bytes > this.bounds.maxBytes || this.bounds.maxRuns < 1) {
      const gone = await c.query(
        `DELETE FROM merchant_kit.verify_runs WHERE id = $1 ${unlessDone ? "AND state <> 'done'" : ''}`,
        [run.id],
      );
      if (!unlessDone || (gone.rowCount ?? 0) > 0)
        await c.query('UPDATE merchant_kit.verify_history SET dropped = dropped + 1');
      return;
    }
    await c.query(
      `INSERT INTO merchant_kit.verify_runs (id, state, owner, summary, record, bytes)
       VALUES ($1, 'done', NULL, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET state = 'done', owner = NULL, summary = EXCLUDED.summary,
         record = EXCLUDED.record, bytes = EXCLUDED.bytes, seq = nextval('merchant_kit.verify_runs_seq_seq')
       ${unlessDone ? "WHERE merchant_kit.verify_runs.state <> 'done'" : ''}`,
      [run.id, JSON.stringify(summaryOf(run)), text, bytes],
    );
    await this.trim(c, run.id);
  }

  /** Deletes the oldest finished runs past either bound, never `keep` (the run just added). */
  private async trim(c: Queryable, keep: string): Promise<void> {
    const { rows } = await c.query<{ n: number }>(
      `WITH newest AS (
         SELECT id, row_number() OVER w AS n, sum(bytes) OVER w AS total
           FROM merchant_kit.verify_runs WHERE state = 'done'
         WINDOW w AS (ORDER BY seq DESC ROWS UNBOUNDED PRECEDING)),
       gone AS (
         DELETE FROM merchant_kit.verify_runs r USING newest
          WHERE r.id = newest.id AND r.id <> $3 AND (newest.n > $1 OR newest.total > $2)
         RETURNING r.id)
       SELECT count(*)::int AS n FROM gone`,
      [this.bounds.maxRuns, this.bounds.maxBytes, keep],
    );
    if (rows[0].n > 0) await c.query('UPDATE merchant_kit.verify_history SET dropped = dropped + $1', [rows[0].n]);
  }
}
