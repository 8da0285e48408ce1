import type { ByteBudget, Charge } from '../../bounds/byte-budget';
import { stringBytes } from '../../bounds/heap-estimate';
import { OldestFirstMap } from '../../bounds/oldest-first-map';
import type { FreightQuote } from '../../domain/freight-verdict';
import type { QuoteBook } from '../mock-store';

/** Default bound on remembered quotes per store: past it the oldest cart's quote is forgotten. */
export const DEFAULT_MAX_QUOTES = 10_000;

const DONE = Promise.resolve();

// A quote's Map entry and objects, and one quoted service.
const QUOTE_BYTES = 200;
const OPTION_BYTES = 100;

/**
 * The shipping options quoted per cart (by the order's objectId), so that orderCreation can tell whether
 * the seller kept the freight ("Alterar dados do frete" off) or changed it. Bounded by count, and in
 * bytes by the budget it draws from (the order store's, shared between sandboxes).
 */
export class FreightQuotes implements QuoteBook {
  private readonly quotes = new OldestFirstMap<string, { quote: FreightQuote; charge: Charge }>();

  constructor(
    private readonly budget: ByteBudget,
    private readonly capacity: number = DEFAULT_MAX_QUOTES,
  ) {}

  keep(objectId: string, quote: FreightQuote | undefined): Promise<void> {
    this.keepNow(objectId, quote);
    return DONE;
  }

  /** Keeps the cart's last quote at once; undefined forgets it (a cart without freight options). */
  keepNow(objectId: string, quote: FreightQuote | undefined): void {
    if (quote === undefined) {
      this.forget(objectId);
      return;
    }
    const bytes = QUOTE_BYTES + stringBytes(objectId) + OPTION_BYTES * quote.options.length;
    const known = this.quotes.get(objectId);
    if (known !== undefined) {
      // The same cart quoted again (every change to it is): the holding is resized, not reopened.
      known.quote = quote;
      known.charge.resize(bytes);
      return;
    }
    const oldest = this.quotes.size >= this.capacity ? this.quotes.oldest() : undefined;
    if (oldest !== undefined) this.forget(oldest[0]);
    const held = { quote, charge: undefined as unknown as Charge };
    this.quotes.set(objectId, held);
    held.charge = this.budget.open(bytes, () => {
      if (this.quotes.get(objectId) === held) this.quotes.delete(objectId);
    });
  }

  get(objectId: string): Promise<FreightQuote | undefined> {
    return Promise.resolve(this.quotes.get(objectId)?.quote);
  }

  /** How many carts' quotes are kept. */
  get size(): number {
    return this.quotes.size;
  }

  /** Forgets every quote. */
  clear(): void {
    for (const { charge } of this.quotes.values()) charge.close();
    this.quotes.clear();
  }

  private forget(objectId: string): void {
    this.quotes.get(objectId)?.charge.close();
    this.quotes.delete(objectId);
  }
}
