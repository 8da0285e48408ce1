import type { VariantRef } from './catalog';
import { quoteFreight, type FreightTable } from './freight';
import { itemsOf, skuOf, str, unitsOf, type CheckerEntry, type OrderPayload } from './order-types';

/**
 * What the checker reads of a store's stock: the catalog's variants with the store's own stock and
 * blocks. Each store adapter provides it (the memory one is its SandboxCatalog), so the rule never
 * depends on where stock lives.
 */
export interface StockView {
  /** The variant with this SKU and its product, or undefined when the catalog has none. */
  variant(sku: string): VariantRef | undefined;
  /** Whether the product at this position is blocked for sale in this store. */
  blocked(position: number): boolean;
  /** Units on hand of the variant (undefined when the catalog does not track it). */
  stock(sku: string): number | undefined;
}

interface CheckOptions {
  /** The out-of-stock scenario: every tracked variant counts as having none. */
  outOfStock?: boolean;
  /** Units this same order already holds (it was created before): they count as available to it. */
  ownReserved?: ReadonlyMap<string, number>;
}

/**
 * OmniChat's order checker: per cart line an INFO entry with freight options (priced by destination
 * state and the line's weight), plus an ERROR entry in pt-BR when the line cannot be sold.
 */
export function checkOrder(
  order: OrderPayload,
  catalog: StockView,
  freight: FreightTable,
  options: CheckOptions = {},
): CheckerEntry[] {
  const entries: CheckerEntry[] = [];
  const address = order.shippingAddress as { addressState?: unknown } | undefined;
  const state = typeof address === 'object' && address !== null ? str(address.addressState) : undefined;
  const demand = new Map<string, number>();
  itemsOf(order).forEach((item, index) => {
    const componentId = str(item.objectId) ?? `item-${index}`;
    const sku = skuOf(item);
    const ref = sku === undefined ? undefined : catalog.variant(sku);
    const units = unitsOf(item);
    const unitWeight =
      typeof item.weight === 'number' && item.weight >= 0
        ? item.weight
        : (ref?.variant.weight ?? freight.defaultWeightGrams);
    const shippingOptions = quoteFreight(freight, state, unitWeight * units);
    const ids = shippingOptions.map((o) => o.id);
    const wanted = [str(item.shippingMethod), str(order.shippingMethod)].find(
      (m) => m !== undefined && ids.includes(m),
    );
    entries.push({
      action: 'INFO',
      component: 'ITEM',
      componentId,
      shippingMethod: wanted ?? cheapest(shippingOptions),
      shippingOptions,
    });

    let message: string | undefined;
    if (sku === undefined) message = 'Item sem variantId: não é possível identificar o produto.';
    else if (ref === undefined) message = `Produto não encontrado: a variante "${sku}" não existe no catálogo.`;
    else if (catalog.blocked(ref.position)) message = `Produto bloqueado para venda: "${ref.product.name}".`;
    else if (ref.variant.visible === false) message = `Variante indisponível para venda: "${ref.variant.name}".`;
    else {
      const asked = (demand.get(sku) ?? 0) + units;
      demand.set(sku, asked);
      const stock = options.outOfStock ? 0 : catalog.stock(sku);
      const available = stock === undefined ? Infinity : Math.max(0, stock) + (options.ownReserved?.get(sku) ?? 0);
      const sellsAnyway = ref.product.sellOutOfStock === true && !options.outOfStock;
      if (!sellsAnyway && asked > available) {
        message = `Estoque insuficiente para "${ref.variant.name}": pedido ${asked}, disponível ${available}.`;
      }
    }
    if (message !== undefined) entries.push({ action: 'ERROR', component: 'ITEM', componentId, message });
  });
  return entries;
}

function cheapest(options: readonly { id: string; price: number }[]): string {
  return options.reduce((best, o) => (o.price < best.price ? o : best)).id;
}
