import type { CheckerEntry, OrderPayload } from './order-types';
import { str } from './order-types';

/** One service as quoted for a whole cart: the sum of its price over the cart's lines. */
interface QuotedFreight {
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
interface FreightVerdict {
  kind: 'as-quoted' | 'changed' | 'not-quoted' | 'no-freight';
  /** The line noted on the order (and the problem's detail when a change is refused). */
  note: string;
  quoted?: { shippingMethod: string; freightCost: number };
  ordered?: { shippingMethod?: string; freightCost?: number };
}

/** The quote an orderValidation answer gives its cart: each service summed over the lines; undefined without any. */
export function quoteOf(order: OrderPayload, entries: CheckerEntry[]): FreightQuote | undefined {
  // Runs on every cart check: a plain array (a freight table has a handful of services), no Map.
  const options: QuotedFreight[] = [];
  for (const entry of entries) {
    if (entry.shippingOptions === undefined) continue;
    for (const option of entry.shippingOptions) {
      const known = options.find((o) => o.shippingMethod === option.id);
      if (known) known.freightCost = (toCents(known.freightCost) + toCents(option.price)) / 100;
      else options.push({ shippingMethod: option.id, name: option.name, freightCost: option.price });
    }
  }
  if (options.length === 0) return undefined;
  const asked = str(order.shippingMethod);
  const selected =
    (asked === undefined ? undefined : options.find((o) => sameMethod(o, asked))) ??
    options.reduce((best, o) => (o.freightCost < best.freightCost ? o : best));
  return { options, selected: selected.shippingMethod };
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
      note: `freight not checked: the cart was never quoted (no orderValidation for this objectId); order ${describeFreight(ordered)}`,
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
      note: `freight as quoted: ${describeFreight(match)}`,
      quoted: pick(match),
      ordered,
    };
  const quoted = byMethod ?? quote.options.find((o) => o.shippingMethod === quote.selected) ?? quote.options[0];
  return {
    kind: 'changed',
    note: `freight changed by the seller: quoted ${describeFreight(quoted)}, order ${describeFreight(ordered)}`,
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
export function describeFreight(freight: { shippingMethod?: string; freightCost?: number }): string {
  const parts: string[] = [];
  if (freight.shippingMethod !== undefined) parts.push(freight.shippingMethod.slice(0, 60));
  if (freight.freightCost !== undefined) parts.push(freight.freightCost.toFixed(2));
  return parts.join(' ');
}

/** Money in whole cents, so 24.9 and 24.90000001 are the same price and sums do not drift. */
function toCents(value: number): number {
  return Math.round(value * 100);
}
