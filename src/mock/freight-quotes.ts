import type { CheckerEntry, OrderPayload } from './order-types';
import { str } from './order-types';

/** One service as quoted for a whole cart: the sum of its price over the cart's lines. */
export interface QuotedFreight {
  shippingMethod: string;
  name: string;
  freightCost: number;
}

/** The freight the mock quoted for one cart (its last orderValidation answer). */
export interface FreightQuote {
  options: QuotedFreight[];
  /** The service the checker selected (the order's own method when quoted, else the cheapest). */
  selected: string;
}

/** What an order's freight is, compared with its cart's quote. */
export interface FreightVerdict {
  kind: 'as-quoted' | 'changed' | 'not-quoted' | 'no-freight';
  /** The line noted on the order (and the problem's detail when a change is refused). */
  note: string;
  quoted?: { shippingMethod: string; freightCost: number };
  ordered?: { shippingMethod?: string; freightCost?: number };
}

/** Default bound on remembered quotes: past it the oldest cart's quote is forgotten. */
export const DEFAULT_MAX_QUOTES = 10_000;

/**
 * The shipping options quoted per cart (by the order's objectId), so that orderCreation can tell whether
 * the seller kept the freight ("Alterar dados do frete" off) or changed it. Bounded by count; a quote is
 * a few services, so the whole map stays within a few MB.
 */
export class FreightQuotes {
  private readonly quotes = new Map<string, FreightQuote>();

  constructor(private readonly capacity: number = DEFAULT_MAX_QUOTES) {}

  /** Remembers the quote an orderValidation answer gave the cart; carts without freight options leave none. */
  remember(objectId: string, order: OrderPayload, entries: CheckerEntry[]): void {
    const totals = new Map<string, QuotedFreight>();
    for (const entry of entries) {
      for (const option of entry.shippingOptions ?? []) {
        const known = totals.get(option.id);
        if (known) known.freightCost = (toCents(known.freightCost) + toCents(option.price)) / 100;
        else totals.set(option.id, { shippingMethod: option.id, name: option.name, freightCost: option.price });
      }
    }
    this.quotes.delete(objectId);
    if (totals.size === 0) return;
    const options = [...totals.values()];
    const asked = str(order.shippingMethod);
    const selected =
      options.find((o) => asked !== undefined && sameMethod(o, asked)) ??
      options.reduce((best, o) => (o.freightCost < best.freightCost ? o : best));
    if (this.quotes.size >= this.capacity) this.quotes.delete(this.quotes.keys().next().value as string);
    this.quotes.set(objectId, { options, selected: selected.shippingMethod });
  }

  /** The last quote of this cart. */
  get(objectId: string): FreightQuote | undefined {
    return this.quotes.get(objectId);
  }

  /** Forgets every quote. */
  clear(): void {
    this.quotes.clear();
  }
}

/**
 * Compares the order's freight (`shippingMethod`, `freightCost`) with its cart's quote: the method must
 * name a quoted service (by id or name, any case) and the cost, when given, equal that service's total
 * to the cent; with only a cost, some quoted total must equal it.
 */
export function compareFreight(quote: FreightQuote | undefined, order: OrderPayload): FreightVerdict {
  const method = str(order.shippingMethod);
  const cost =
    typeof order.freightCost === 'number' && Number.isFinite(order.freightCost) ? order.freightCost : undefined;
  if (method === undefined && cost === undefined)
    return { kind: 'no-freight', note: 'freight not checked: the order carries no shippingMethod or freightCost' };
  const ordered = { shippingMethod: method, freightCost: cost };
  if (quote === undefined)
    return {
      kind: 'not-quoted',
      note: `freight not checked: the cart was never quoted (no orderValidation for this objectId); order ${describe(ordered)}`,
      ordered,
    };
  const byMethod = method === undefined ? undefined : quote.options.find((o) => sameMethod(o, method));
  const match =
    method === undefined
      ? quote.options.find((o) => toCents(o.freightCost) === toCents(cost as number))
      : byMethod !== undefined && (cost === undefined || toCents(byMethod.freightCost) === toCents(cost))
        ? byMethod
        : undefined;
  if (match !== undefined)
    return {
      kind: 'as-quoted',
      note: `freight as quoted: ${describe(match)}`,
      quoted: pick(match),
      ordered,
    };
  const quoted = byMethod ?? quote.options.find((o) => o.shippingMethod === quote.selected) ?? quote.options[0];
  return {
    kind: 'changed',
    note: `freight changed by the seller: quoted ${describe(quoted)}, order ${describe(ordered)}`,
    quoted: pick(quoted),
    ordered,
  };
}

function sameMethod(option: QuotedFreight, method: string): boolean {
  const wanted = method.trim().toLowerCase();
  return option.shippingMethod.toLowerCase() === wanted || option.name.toLowerCase() === wanted;
}

function pick(option: QuotedFreight): { shippingMethod: string; freightCost: number } {
  return { shippingMethod: option.shippingMethod, freightCost: option.freightCost };
}

/** "SEDEX 49.90", "Retirada 0.00", "SEDEX" or "0.00": what the seller sees, method then cost. */
function describe(freight: { shippingMethod?: string; freightCost?: number }): string {
  const parts: string[] = [];
  if (freight.shippingMethod !== undefined) parts.push(freight.shippingMethod.slice(0, 60));
  if (freight.freightCost !== undefined) parts.push(freight.freightCost.toFixed(2));
  return parts.join(' ');
}

/** Money in whole cents, so 24.9 and 24.90000001 are the same price and sums do not drift. */
function toCents(value: number): number {
  return Math.round(value * 100);
}
