import type { Pool } from 'pg';
import type { FreightQuote } from '../../domain/freight-verdict';
import { DEFAULT_MAX_QUOTES } from '../memory/freight-quotes';
import type { QuoteBook } from '../mock-store';
import { toJsonb, toText } from './rows';

/** Quotes written between two trims of a store's oldest ones (a trim reads past 10,000 index entries). */
const TRIM_EVERY = 200;

/**
 * The freight quoted per cart, in PostgreSQL: written before orderValidation answers, so the replica that
 * receives the orderCreation (any of them) compares the order with it. At most 10,000 carts per store,
 * the oldest forgotten (checked every 200 writes of this replica).
 */
export class PgQuotes implements QuoteBook {
  private writes = 0;

  constructor(
    private readonly store: string,
    private readonly pool: Pool,
  ) {}

  async get(objectId: string): Promise<FreightQuote | undefined> {
    const { rows } = await this.pool.query<{ quote: FreightQuote }>(
      'SELECT quote FROM merchant_kit.quotes WHERE sandbox = $1 AND object_id = $2',
      [this.store, toText(objectId)],
    );
    return rows[0]?.quote;
  }

  async keep(objectId: string, quote: FreightQuote | undefined): Promise<void> {
    const id = toText(objectId);
    try {
      if (quote === undefined)
        await this.pool.query('DELETE FROM merchant_kit.quotes WHERE sandbox = $1 AND object_id = $2', [
          this.store,
          id,
        ]);
      else
        await this.pool.query(
          `INSERT INTO merchant_kit.quotes (sandbox, object_id, quote) VALUES ($1, $2, $3::jsonb)
           ON CONFLICT (sandbox, object_id) DO UPDATE SET quote = EXCLUDED.quote`,
          [this.store, id, toJsonb(quote)],
        );
    } catch (error) {
      // A store another replica removed meanwhile keeps no quotes: nothing to write.
      if ((error as { code?: unknown }).code === '23503') return;
      throw error;
    }
    this.writes += 1;
    if (this.writes % TRIM_EVERY === 0) await this.trim();
  }

  private async trim(): Promise<void> {
    await this.pool.query(
      `DELETE FROM merchant_kit.quotes WHERE sandbox = $1 AND seq <= (
         SELECT seq FROM merchant_kit.quotes WHERE sandbox = $1 ORDER BY seq DESC OFFSET $2 LIMIT 1)`,
      [this.store, DEFAULT_MAX_QUOTES],
    );
  }
}
