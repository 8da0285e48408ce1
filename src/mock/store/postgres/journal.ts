import type { Pool } from 'pg';
import { boundViolations, JOURNAL_SIZE, type JournalEntry } from '../journal-entry';
import type { JournalBook } from '../mock-store';
import { inTransaction, notify } from './connection';
import { toJsonb } from './rows';

/** Entries waiting to be written at most: past it (a database that stalls) the oldest are dropped, not kept in memory. */
const PENDING_LIMIT = 10_000;
/**
 * How long entries gather before they are written: one transaction per store every 20 ms at most, however
 * many requests come, instead of one per request (the live streams see a request that much later).
 */
const GATHER_MS = 20;
/** Batches between two trims of a store's journal to its byte budget (a window over its 1,000 entries). */
const BYTE_TRIM_EVERY = 25;
/**
 * Requests per second and store whose body previews this replica writes: past it (a load test) an entry
 * is written without them (their lengths stay). The previews are most of an entry's bytes, and a journal
 * of 1,000 entries written thousands of times a second would cost the database more than the answers.
 */
export const PREVIEWS_PER_SECOND = 100;

/** An entry waiting to be written, and whether it goes with its body previews. */
interface Pending {
  entry: JournalEntry;
  previews: boolean;
}

/** How a journal entry is shown (previews as text, secrets masked): applied before it is written. */
export type EntryView = (entry: JournalEntry) => JournalEntry;

/**
 * Writes the journals of every store behind the answers: entries gather while requests are answered
 * and go to the database in one transaction per store and batch (numbered there, under the store's
 * journal head, so numbers follow commit order), then a NOTIFY tells every replica. Each store keeps
 * its last 1,000 entries and at most `budgetBytes` of them.
 */
export class JournalWriter {
  private pending = new Map<string, Pending[]>();
  /** Per store: the second being counted and how many entries with previews it had. */
  private readonly rate = new Map<string, { second: number; count: number }>();
  private count = 0;
  private flushing: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private batches = 0;
  /** Entries dropped because the database did not keep up (or refused a batch). */
  dropped = 0;

  constructor(
    private readonly pool: Pool,
    private readonly view: EntryView,
    private readonly budgetBytes: number,
  ) {}

  /** Queues an entry of a store; it is written within the next turns of the event loop. */
  add(store: string, entry: JournalEntry): void {
    boundViolations(entry);
    let list = this.pending.get(store);
    if (list === undefined) {
      list = [];
      this.pending.set(store, list);
    }
    list.push({ entry, previews: this.withPreviews(store) });
    this.count += 1;
    if (this.count > PENDING_LIMIT) this.dropOldest();
    this.timer ??= setTimeout(() => void this.flush(), GATHER_MS);
  }

  /** Resolves once every entry queued so far is written (or dropped). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.flushing !== undefined) await this.flushing;
    if (this.count === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    this.count = 0;
    this.flushing = this.write(batch).finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  private withPreviews(store: string): boolean {
    const second = Math.floor(Date.now() / 1000);
    let rate = this.rate.get(store);
    if (rate === undefined || rate.second !== second) {
      if (this.rate.size > 1000) this.rate.clear();
      rate = { second, count: 0 };
      this.rate.set(store, rate);
    }
    rate.count += 1;
    return rate.count <= PREVIEWS_PER_SECOND;
  }

  private async write(batch: Map<string, Pending[]>): Promise<void> {
    for (const [store, entries] of batch) {
      try {
        await this.writeStore(store, entries);
      } catch {
        // A removed store, or a database gone for a moment: the journal is a log, not state.
        this.dropped += entries.length;
      }
    }
  }

  private async writeStore(store: string, entries: Pending[]): Promise<void> {
    // An entry without its previews is shown from its plain fields only: the raw previews (kept under a
    // symbol until shown) are neither decoded nor masked for nothing.
    const texts = entries.map(({ entry, previews }) =>
      toJsonb(this.view(previews ? entry : (Object.fromEntries(Object.entries(entry)) as JournalEntry))),
    );
    await inTransaction(this.pool, async (c) => {
      const { rows } = await c.query<{ seq: string }>(
        `INSERT INTO merchant_kit.journal_heads (sandbox, seq) VALUES ($1, $2)
         ON CONFLICT (sandbox) DO UPDATE SET seq = merchant_kit.journal_heads.seq + EXCLUDED.seq
         RETURNING seq::text`,
        [store, entries.length],
      );
      const head = Number(rows[0].seq);
      const first = head - entries.length + 1;
      await c.query(
        `INSERT INTO merchant_kit.journal (sandbox, seq, entry, bytes)
         SELECT $1, $2::bigint + n - 1, entry, length(entry) FROM unnest($3::text[]) WITH ORDINALITY AS t(entry, n)`,
        [store, first, texts],
      );
      await c.query('DELETE FROM merchant_kit.journal WHERE sandbox = $1 AND seq <= $2', [store, head - JOURNAL_SIZE]);
      // Past the byte budget, the oldest go too (checked every few batches: it reads the whole journal).
      this.batches += 1;
      if (this.batches % BYTE_TRIM_EVERY === 1)
        await c.query(
          `DELETE FROM merchant_kit.journal WHERE sandbox = $1 AND seq <= (
           SELECT seq FROM (SELECT seq, sum(bytes) OVER (ORDER BY seq DESC) AS total
                              FROM merchant_kit.journal WHERE sandbox = $1) newest
            WHERE total > $2 ORDER BY seq DESC LIMIT 1)`,
          [store, this.budgetBytes],
        );
      await notify(c, { k: 'journal', s: store, seq: head });
    });
  }

  private dropOldest(): void {
    for (const [store, list] of this.pending) {
      list.shift();
      this.count -= 1;
      this.dropped += 1;
      if (list.length === 0) this.pending.delete(store);
      return;
    }
  }
}

/** The entries of rows, numbered (an entry is stored as JSON text, without its number). */
function numbered(rows: { seq: string; entry: string }[]): JournalEntry[] {
  return rows.map((row) => ({ ...(JSON.parse(row.entry) as JournalEntry), seq: Number(row.seq) }));
}

/** One store's journal in PostgreSQL: written behind by the shared writer, read from the database. */
export class PgJournal implements JournalBook {
  constructor(
    private readonly store: string,
    private readonly pool: Pool,
    private readonly writer: JournalWriter,
    private readonly following: (on: boolean) => void,
  ) {}

  follow(on: boolean): void {
    this.following(on);
  }

  add(entry: JournalEntry): void {
    this.writer.add(this.store, entry);
  }

  async entries(): Promise<JournalEntry[]> {
    // What this replica answered is written first, so it reads its own requests.
    await this.writer.flush();
    const { rows } = await this.pool.query<{ seq: string; entry: string }>(
      // Ordered by the column (j.seq), not by the text it is returned as.
      'SELECT j.seq::text, j.entry FROM merchant_kit.journal j WHERE j.sandbox = $1 ORDER BY j.seq',
      [this.store],
    );
    return numbered(rows);
  }

  async after(seq: number): Promise<JournalEntry[]> {
    await this.writer.flush();
    const { rows } = await this.pool.query<{ seq: string; entry: string }>(
      `SELECT j.seq::text, j.entry FROM merchant_kit.journal j
        WHERE j.sandbox = $1
          AND j.seq > CASE WHEN $2 > (SELECT coalesce(max(h.seq), 0) FROM merchant_kit.journal_heads h WHERE h.sandbox = $1)
                           THEN 0 ELSE $2 END
        ORDER BY j.seq`,
      [this.store, seq],
    );
    return numbered(rows);
  }

  async count(): Promise<number> {
    await this.writer.flush();
    const { rows } = await this.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM merchant_kit.journal WHERE sandbox = $1',
      [this.store],
    );
    return rows[0].n;
  }

  /** The entries numbered after `seq` (what a NOTIFY announced), for the live streams watching here. */
  async newer(seq: number): Promise<JournalEntry[]> {
    const { rows } = await this.pool.query<{ seq: string; entry: string }>(
      'SELECT j.seq::text, j.entry FROM merchant_kit.journal j WHERE j.sandbox = $1 AND j.seq > $2 ORDER BY j.seq',
      [this.store, seq],
    );
    return numbered(rows);
  }
}
