import type { Pool } from 'pg';
import { OldestFirstMap } from '../../bounds/oldest-first-map';
import type { FreightQuote } from '../../domain/freight-verdict';
import { CHANNEL } from './connection';
import { DEFAULT_MAX_QUOTES } from '../memory/freight-quotes';
import type { QuoteBook } from '../mock-store';
import { toJsonb, toText } from './rows';

/** Quotes written between two trims of a store's oldest ones (a trim reads past 10,000 index entries). */
const TRIM_EVERY = 200;
/** A NOTIFY payload is at most 8,000 bytes: a batch with more ids than fit says only "quotes changed". */
const NOTICE_IDS_LIMIT = 6000;
const DONE = Promise.resolve();

/** Quotes waiting to be written together, and the answers waiting for them. */
interface Batch {
  quotes: Map<string, FreightQuote | undefined>;
  done: Promise<void>;
}

/**
 * The freight quoted per cart, in PostgreSQL: written before orderValidation answers, so the replica that
 * receives the orderCreation (any of them) compares the order with it. The quotes of the cart checks
 * answered in one turn of the event loop go in one statement (a group commit: each answer still waits
 * for its own quote to be written). A cart checked again with the same quote this replica wrote last, and
 * no replica wrote since (each batch is announced by NOTIFY), writes nothing: the same cart checked over
 * and over costs the database nothing. At most 10,000 carts per store, the oldest forgotten (checked
 * every 200 writes of this replica).
 */
export class PgQuotes implements QuoteBook {
  private writes = 0;
  private batch: Batch | undefined;
  /** The quote (as written) of the carts whose last quote in the database is this replica's. */
  private readonly written = new OldestFirstMap<string, string>();

  constructor(
    private readonly store: string,
    private readonly pool: Pool,
    private readonly replica: string,
  ) {}

  /** Another replica wrote quotes of these carts (all of them when not said): they are no longer this replica's last. */
  heard(ids: string[] | undefined): void {
    if (ids === undefined) this.written.clear();
    else for (const id of ids) this.written.delete(id);
  }

  async get(objectId: string): Promise<FreightQuote | undefined> {
    const id = toText(objectId);
    // A quote of this replica's still being written is the last one.
    if (this.batch?.quotes.has(id)) await this.batch.done;
    const { rows } = await this.pool.query<{ quote: FreightQuote }>(
      'SELECT quote FROM merchant_kit.quotes WHERE sandbox = $1 AND object_id = $2',
      [this.store, id],
    );
    return rows[0]?.quote;
  }

  keep(objectId: string, quote: FreightQuote | undefined): Promise<void> {
    const id = toText(objectId);
    if (this.batch === undefined && this.written.get(id) === toJsonb(quote ?? null)) return DONE;
    if (this.batch === undefined) {
      const quotes = new Map<string, FreightQuote | undefined>();
      const done = new Promise<void>((resolve, reject) =>
        setImmediate(() => {
          this.batch = undefined;
          this.write(quotes).then(resolve, reject);
        }),
      );
      this.batch = { quotes, done };
    }
    // The last quote of a cart in the batch is the one written.
    this.batch.quotes.set(id, quote);
    return this.batch.done;
  }

  private async write(quotes: Map<string, FreightQuote | undefined>): Promise<void> {
    const kept = [...quotes].filter((entry): entry is [string, FreightQuote] => entry[1] !== undefined);
    const forgotten = [...quotes].filter(([, quote]) => quote === undefined).map(([id]) => id);
    const ids = [...quotes.keys()];
    const notice = {
      k: 'quotes',
      s: this.store,
      o: this.replica,
      ids: JSON.stringify(ids).length <= NOTICE_IDS_LIMIT ? ids : undefined,
    };
    try {
      // One statement: the upsert, the deletions and the NOTIFY that tells the other replicas.
      await this.pool.query(
        `WITH kept AS (
           INSERT INTO merchant_kit.quotes (sandbox, object_id, quote)
           SELECT $1, id, quote FROM unnest($2::text[], $3::jsonb[]) AS t(id, quote)
           ON CONFLICT (sandbox, object_id) DO UPDATE SET quote = EXCLUDED.quote RETURNING 1),
         gone AS (DELETE FROM merchant_kit.quotes WHERE sandbox = $1 AND object_id = ANY($4::text[]) RETURNING 1)
         SELECT pg_notify($5, $6), (SELECT count(*) FROM kept), (SELECT count(*) FROM gone)`,
        [
          this.store,
          kept.map(([id]) => id),
          kept.map(([, quote]) => toJsonb(quote)),
          forgotten,
          CHANNEL,
          JSON.stringify(notice),
        ],
      );
    } catch (error) {
      // A store another replica removed meanwhile keeps no quotes: nothing to write.
      if ((error as { code?: unknown }).code === '23503') return;
      throw error;
    }
    for (const [id, quote] of quotes) {
      if (this.written.size >= DEFAULT_MAX_QUOTES) this.written.delete(this.written.oldest()?.[0] as string);
      this.written.set(id, toJsonb(quote ?? null));
    }
    const before = this.writes;
    this.writes += kept.length;
    if (Math.floor(this.writes / TRIM_EVERY) > Math.floor(before / TRIM_EVERY)) await this.trim();
  }

  private async trim(): Promise<void> {
    await this.pool.query(
      `DELETE FROM merchant_kit.quotes WHERE sandbox = $1 AND seq <= (
         SELECT seq FROM merchant_kit.quotes WHERE sandbox = $1 ORDER BY seq DESC OFFSET $2 LIMIT 1)`,
      [this.store, DEFAULT_MAX_QUOTES],
    );
  }
}
