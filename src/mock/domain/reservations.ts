import type { VariantRef } from './catalog';
import { itemsOf, skuOf, str, unitsOf, type OrderPayload } from './order-types';

/** Units of one variant an order holds. */
export interface Reservation {
  sku: string;
  units: number;
  /** The cart line (its objectId) that reserved them. */
  line?: string;
}

/** What reserving an order's stock does: what it holds, the stock it leaves, and what to note on the order. */
export interface ReservationPlan {
  reservations: Reservation[];
  /** Stock left of each variant the order took units of. */
  stockAfter: Map<string, number>;
  notes: string[];
}

/** What the plan reads of a store's stock. */
interface StockLookup {
  variant(sku: string): VariantRef | undefined;
  stock(sku: string): number | undefined;
}

/** Characters kept of a line's id or a SKU in a note (an identifier longer than this is not one OmniChat sends). */
const ID_LIMIT = 200;

/**
 * Reserves an order's stock line by line (the mock's rule, the same in every store): never below zero,
 * a line beyond stock reserves what there is and says so in a note; lines of one variant add up. At
 * most `noteLimit` notes, the rest counted in one.
 */
export function planReservations(order: OrderPayload, stock: StockLookup, noteLimit: number): ReservationPlan {
  const plan: ReservationPlan = { reservations: [], stockAfter: new Map(), notes: [] };
  let unnoted = 0;
  const note = (text: string): void => {
    if (plan.notes.length < noteLimit) plan.notes.push(text);
    else unnoted += 1;
  };
  for (const item of itemsOf(order)) {
    const sku = skuOf(item);
    const ref = sku === undefined ? undefined : stock.variant(sku);
    const lineId = cut(str(item.objectId) ?? '?');
    if (sku === undefined || ref === undefined) {
      note(`line ${lineId}: variant ${cut(sku ?? '(none)')} is not in the catalog, nothing reserved`);
      continue;
    }
    const wanted = unitsOf(item);
    const onHand = plan.stockAfter.get(sku) ?? stock.stock(sku);
    // Stock never goes below zero: a line beyond stock reserves what there is and says so.
    const units = onHand === undefined ? 0 : Math.min(wanted, Math.max(0, onHand));
    if (onHand !== undefined && units < wanted)
      note(`line ${lineId}: ${wanted} of ${sku} asked, ${units} reserved (stock)`);
    if (units > 0) {
      plan.stockAfter.set(sku, (onHand as number) - units);
      plan.reservations.push({ sku, units, line: lineId });
    }
  }
  if (unnoted > 0) plan.notes.push(`... and ${unnoted} more lines like these`);
  return plan;
}

/** The text cut to ID_LIMIT characters, saying where and how long it was (as the order history cuts names). */
function cut(text: string): string {
  if (text.length <= ID_LIMIT) return text;
  return `${text.slice(0, ID_LIMIT)}... (cut at ${ID_LIMIT} of ${text.length} characters)`;
}
