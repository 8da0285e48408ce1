// English texts of orderValidation's checks (the cart probes). Portuguese in pt-br-checks-cart.ts.

/** cart-in-stock-ok, stock-checked, zero-stock-refused, unknown-variant-refused, multi-line-cart, component-ids, shipping-options, partial-payload-accepted. */
export const enChecksCart = {
  'check.cart-in-stock-ok.what':
    'carts with 1, 2 and S units of an in-stock variant found by search (S = its stock) get no ERROR entry',
  'check.cart-in-stock-ok.why':
    'an ERROR blocks the seller from closing a sale that should go through; trying several quantities catches a checker that decides by something other than the stock',
  'check.cart-in-stock-ok.fix':
    'return no ERROR entry for a line whose variant is visible, not blocked and has at least the quantity it asks for',
  'cart-in-stock-ok.ok': 'no ERROR entry for {units} unit(s) of {variant} ({known})',
  'cart-in-stock-ok.failed': '{wrong} of {total} carts within stock got an ERROR entry',
  'cart-in-stock-ok.refusesNothing':
    'the checker refused none of the carts that must be refused (a variant that does not exist, more than the stock), so accepting these shows nothing; see unknown-variant-refused',
  'cart.refusesInStock':
    'the checker refuses carts within stock too, so a refusal here shows nothing about this rule; see cart-in-stock-ok',
  'check.stock-checked.what':
    'a cart line of S + 1 units of a variant with stock S gets an ERROR entry (products that sell out of stock are exempt)',
  'check.stock-checked.why': 'without it sellers sell stock the merchant does not have',
  'check.stock-checked.fix':
    "return an ERROR entry (componentId = the line's objectId) for a line that asks for more than the variant's stock",
  'stock-checked.ok': '{quantity} units of {variant} ({known}) get an ERROR',
  'stock-checked.failed': '{quantity} units of variant {variant} ({known}) got no ERROR entry',
  'check.zero-stock-refused.what':
    'a cart line of 1 unit of a variant with stock 0 gets an ERROR entry (skipped when the search shows no such variant)',
  'check.zero-stock-refused.why':
    'a stock of 0 is easily read as "not tracked" (if (stock && ...)); then sellers sell what is gone',
  'check.zero-stock-refused.fix':
    'treat a stock of 0 as none left: return an ERROR entry for any quantity of it, unless the product sells out of stock',
  'zero-stock-refused.noLimit':
    '{quantity} units of {variant} ({known}) were accepted, beyond its stock: the stock limit is the finding of stock-checked; see stock-checked',
  'zero-stock-refused.ok': '1 unit of {variant} (stock 0) gets an ERROR',
  'zero-stock-refused.failed': '1 unit of variant {variant}, whose stock is 0, got no ERROR entry',
  'check.unknown-variant-refused.what':
    'a cart line for a variant id that does not exist gets an ERROR entry, in a 200 answer',
  'check.unknown-variant-refused.why':
    'a product can be deleted between the search and the order; OmniChat shows the seller the ERROR, while a 4xx or 5xx is a failed call',
  'check.unknown-variant-refused.fix':
    'answer 200 with an ERROR entry (componentId = the line) for a line whose variantId you do not know',
  'unknown-variant-refused.ok': 'a line for a variant that does not exist gets an ERROR',
  'unknown-variant-refused.failed': 'a line for a variant that does not exist got no ERROR entry',
  'check.multi-line-cart.what':
    'in a cart of three lines whose bad line is not the first, ERROR entries name exactly the bad lines (componentId), and each sellable line gets freight options when the merchant quotes freight',
  'check.multi-line-cart.why':
    'OmniChat shows each ERROR on the line it names: blaming the first line, or every line, stops the seller from selling the good ones',
  'check.multi-line-cart.fix':
    "judge each cart line on its own: an ERROR entry with componentId = that line's objectId only for the lines that cannot be sold, and freight options for every line that can",
  'multi-line-cart.notLines': 'the entries do not name the cart lines; see component-ids',
  'multi-line-cart.unknownAlone':
    'a variant that does not exist is not refused even alone; see unknown-variant-refused',
  'multi-line-cart.inStockAlone': 'one unit of the in-stock variant is refused even alone; see cart-in-stock-ok',
  'multi-line-cart.ok': 'ERROR entries name exactly {lines} of the three lines',
  'multi-line-cart.failed': 'the ERROR entries of a three-line cart do not name exactly its bad line(s) {lines}',
  'multi-line-cart.noFreight': '{message}; no freight is quoted',
  'multi-line-cart.withFreight': '{message}, and the good lines get freight options',
  'multi-line-cart.unquoted': 'sellable lines of a three-line cart got no freight options: {lines}',
  'multi-line-cart.freightFor': 'freight options for {lines}',
  'multi-line-cart.noLine': 'no line',
  'multi-line-cart.freightExpected': 'freight options for {lines} (as for the one-line cart)',
  'check.component-ids.what':
    'every ITEM entry of every cart the runner sent has a componentId that is the objectId of a line of that cart',
  'check.component-ids.why':
    'OmniChat attaches each message and freight option to the cart line whose objectId it names (componentId = items[].objectId)',
  'check.component-ids.fix':
    'set componentId of every ITEM entry to the objectId of the cart line it is about (items[].objectId)',
  'component-ids.wrong': 'an ITEM entry names {id}, which is not a line of the cart',
  'component-ids.expected': 'componentId one of {lines} (items[].objectId, not the variant or product id)',
  'component-ids.none': 'no ITEM entries were returned',
  'component-ids.ok': 'all {count} ITEM entries name a cart line',
  'check.shipping-options.what':
    'shippingOptions have unique ids and prices >= 0, and shippingMethod names one of them, in every cart the runner sent',
  'check.shipping-options.why':
    'the seller picks freight from these options; a duplicate id or a dangling method picks the wrong price',
  'check.shipping-options.fix':
    'give each shipping option a unique id and a price of 0 or more, and set shippingMethod to one of their ids',
  'shipping-options.duplicate': 'two shipping options share the id {id}',
  'shipping-options.uniqueIds': 'unique ids',
  'shipping-options.badPrice': 'a shipping option has no usable price',
  'shipping-options.priceExpected': 'a number >= 0',
  'shipping-options.dangling': 'shippingMethod {method} is not one of the options',
  'shipping-options.oneOf': 'one of {ids}',
  'shipping-options.none': 'no shipping options were offered',
  'shipping-options.ok': '{count} shipping option(s) are well formed',
  'check.partial-payload-accepted.what': 'an order with only objectId and status gets a 2xx, not a 4xx or 5xx',
  'check.partial-payload-accepted.why':
    'OmniChat validates a just-created order before it has items; a 5xx there is a failed call for every new order',
  'check.partial-payload-accepted.fix':
    'accept an order that carries only objectId and status (a just-created order has no items yet) with 2xx',
  'partial-payload-accepted.ok': 'a partial payload is accepted',
  'partial-payload-accepted.failed': 'a partial payload (objectId and status only) was not accepted',
} as const;
