import { referenceCatalogue, type RefProduct } from './catalogue';

/** A cart line or order item as the reference merchant reads it. */
export type OrderItem = { objectId?: unknown; variantId?: unknown; quantity?: unknown };

/**
 * What a reference merchant keeps: its catalogue, live stock, orders and cancellations. The five
 * servers of a faulty merchant share one, as the five URLs of one store do.
 */
export interface MerchantState {
  catalogue: RefProduct[];
  stock: Map<string, number>;
  orders: Map<string, OrderItem[]>;
  cancelled: Set<string>;
  cancellations: number;
}

/** A fresh store: its own copy of the catalogue, every variant at its starting stock. */
export function newMerchantState(): MerchantState {
  const catalogue = referenceCatalogue();
  return {
    catalogue,
    stock: new Map(catalogue.flatMap((p) => p.variants.map((v) => [v.objectId, v.quantity] as const))),
    orders: new Map(),
    cancelled: new Set(),
    cancellations: 0,
  };
}

/** Moves an order's stock: -1 takes it, +1 gives it back. */
export function moveStock(state: MerchantState, items: OrderItem[], sign: 1 | -1): void {
  for (const item of items) {
    const variant = String(item.variantId);
    state.stock.set(variant, (state.stock.get(variant) ?? 0) + sign * Number(item.quantity));
  }
}
