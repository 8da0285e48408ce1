import { NOTES_LIMIT } from '../../bounds/limits';
import { cutText, NAME_LIMIT } from './order-history';
import type { OrderRecord } from '../order-record';
import { itemsOf, skuOf, str, unitsOf, type OrderPayload } from '../../domain/order-types';
import type { SandboxCatalog } from './sandbox-catalog';

/**
 * Reserves an order's stock line by line: never below zero (a line beyond stock reserves what there
 * is and says so in a note), at most NOTES_LIMIT notes, the rest counted in one.
 */
export function reserveStock(catalog: SandboxCatalog, record: OrderRecord, order: OrderPayload): void {
  let unnoted = 0;
  const note = (text: string): void => {
    if (record.notes.length < NOTES_LIMIT) record.notes.push(text);
    else unnoted += 1;
  };
  for (const item of itemsOf(order)) {
    const sku = skuOf(item);
    const ref = sku === undefined ? undefined : catalog.variant(sku);
    const lineId = cutText(str(item.objectId) ?? '?', NAME_LIMIT);
    if (sku === undefined || ref === undefined) {
      note(`line ${lineId}: variant ${cutText(sku ?? '(none)', NAME_LIMIT)} is not in the catalog, nothing reserved`);
      continue;
    }
    const wanted = unitsOf(item);
    const stock = catalog.stock(sku);
    // Stock never goes below zero: a line beyond stock reserves what there is and says so.
    const units = stock === undefined ? 0 : Math.min(wanted, Math.max(0, stock));
    if (stock !== undefined && units < wanted)
      note(`line ${lineId}: ${wanted} of ${sku} asked, ${units} reserved (stock)`);
    if (units > 0) {
      catalog.adjustStock(sku, -units);
      record.reservations.push({ sku, units, line: lineId });
    }
  }
  if (unnoted > 0) record.notes.push(`... and ${unnoted} more lines like these`);
}
