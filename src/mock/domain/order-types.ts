/** A cart line as OmniChat sends it; every field is optional and may be of the wrong type under --lenient. */
interface OrderItem {
  objectId?: unknown;
  quantity?: unknown;
  variantId?: unknown;
  externalId?: unknown;
  weight?: unknown;
  shippingMethod?: unknown;
  [extra: string]: unknown;
}

/** The order payload (docs/contracts.md), read defensively. */
export interface OrderPayload {
  objectId?: unknown;
  items?: unknown;
  shippingMethod?: unknown;
  shippingAddress?: unknown;
  [extra: string]: unknown;
}

/** One orderValidation answer entry. */
export interface CheckerEntry {
  action: 'ERROR' | 'INFO';
  component: 'ITEM' | 'ORDER';
  componentId: string;
  message?: string;
  shippingMethod?: string;
  shippingOptions?: readonly import('./freight').ShippingOption[];
}

/** The value as a string, or undefined when it is not a non-empty string. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The cart lines of an order payload (objects only; anything else is ignored). */
export function itemsOf(order: OrderPayload): OrderItem[] {
  return Array.isArray(order.items)
    ? order.items.filter((i): i is OrderItem => typeof i === 'object' && i !== null && !Array.isArray(i))
    : [];
}

/** Whole units a line asks for: a missing or odd quantity counts as 1, a fraction is rounded up. */
export function unitsOf(item: OrderItem): number {
  const q = item.quantity;
  if (typeof q !== 'number' || !Number.isFinite(q) || q < 0) return 1;
  return Math.min(Math.ceil(q), 1_000_000_000);
}

/** The variant (SKU) a line names: variantId, else externalId (docs/contracts.md, decision 13). */
export function skuOf(item: OrderItem): string | undefined {
  return str(item.variantId) ?? str(item.externalId);
}
