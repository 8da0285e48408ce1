import type { Break } from './breaks';

type Item = { objectId?: unknown; variantId?: unknown; quantity?: unknown };

/** Whether a line can be sold: the reference rule (stock), or the broken rule a merchant applies instead. */
function refusal(breaks: Break | undefined, known: boolean, available: number, quantity: number): string | undefined {
  if (breaks === 'accepts-every-cart') return undefined;
  if (!known) return breaks === 'unknown-variant-accepted' ? undefined : 'Produto não encontrado';
  // OmniChat's public boilerplate decides by parity: odd quantities pass whatever the stock.
  if (breaks === 'parity-checker') return quantity % 2 === 1 ? undefined : 'Item não disponível';
  if (breaks === 'no-stock-check') return undefined;
  // A stock of 0 read as "not tracked": the classic `if (stock && ...)`.
  if (breaks === 'zero-stock-sold') return available && quantity > available ? 'Item não disponível' : undefined;
  return quantity > available ? 'Item não disponível' : undefined;
}

/** The reference order checker: an ERROR per unsellable line, INFO with freight for the others. */
export function checkCart(
  items: Item[],
  stock: ReadonlyMap<string, number>,
  breaks: Break | undefined,
): Record<string, unknown>[] {
  const entries: Record<string, unknown>[] = [];
  const refusals = items.map((item) => {
    const variant = String(item.variantId);
    return refusal(breaks, stock.has(variant), stock.get(variant) ?? 0, Number(item.quantity));
  });
  items.forEach((item, index) => {
    const id = breaks === 'wrong-component-id' ? String(item.variantId) : String(item.objectId);
    if (refusals[index] !== undefined) {
      // Blaming the first line of the cart for any bad line, as a checker that validates the cart as a whole
      // would; or only for a line beyond stock, as one that checks the cart's total against the first line's stock.
      const overStock = stock.has(String(item.variantId));
      const blamed =
        breaks === 'blames-first-line' || (breaks === 'overstock-blames-first' && overStock)
          ? String(items[0].objectId)
          : id;
      entries.push({ action: 'ERROR', component: 'ITEM', componentId: blamed, message: refusals[index] });
      return;
    }
    const freight = {
      id: breaks === 'duplicate-shipping-id' ? 'PAC' : 'Expresso',
      name: 'Expresso',
      price: 10,
      listPrice: 10,
      tax: 0,
      deliveryChannel: 'delivery',
      shippingEstimate: '1bd',
    };
    entries.push({
      action: 'INFO',
      component: 'ITEM',
      componentId: id,
      shippingMethod: 'PAC',
      shippingOptions: [
        {
          id: 'PAC',
          name: 'PAC',
          price: 5,
          listPrice: 5,
          tax: 0,
          deliveryChannel: 'delivery',
          shippingEstimate: '3bd',
        },
        freight,
      ],
    });
  });
  return entries;
}
