/** Marks every id the runner makes up (orders, lines, customer), so a merchant can recognise and purge test traffic. */
export const TEST_ORDER_PREFIX = 'mk-test-';

/** The id of a test order: the marker, the run id, and what the order is for ("order", "cart", ...). */
export function testOrderId(runId: string, suffix: string): string {
  return `${TEST_ORDER_PREFIX}${runId}-${suffix}`;
}

/** The id of the n-th line of a test cart (items[].objectId, what componentId must name). */
export function testLineId(n: number): string {
  return `${TEST_ORDER_PREFIX}line-${n}`;
}

/** The one line every test order carries: one unit of the picked variant. */
export const TEST_LINE_ID = testLineId(1);

/** The test customer on every order the runner sends. */
const TEST_CUSTOMER = {
  objectId: `${TEST_ORDER_PREFIX}customer`,
  name: 'Merchant Kit',
  lastName: 'Teste',
  email: 'merchant-kit-test@example.com',
  phoneCountryCode: '55',
  phoneAreaCode: '41',
  phoneNumber: '999999999',
  taxDocumentnumber: '00000000191',
} as const;

const TEST_ADDRESS = {
  addressLine1: 'Rua de Teste',
  number: '1',
  suburb: 'Centro',
  zip: '80010000',
  recipient: 'Merchant Kit Teste',
  addressState: 'PR',
  city: 'Curitiba',
  country: 'BRA',
};

/** A product as the runner reads it from a search answer (only what it needs). */
export interface FoundProduct {
  objectId: string;
  /** Its name, when it is a string: the explorer searches for it with other case and accents. */
  name?: string;
  externalUrl?: string;
  blocked?: boolean;
  /** The merchant sells it whatever the stock: no stock rule applies to it. */
  sellOutOfStock?: boolean;
  variants: FoundVariant[];
}

interface FoundVariant {
  objectId: string;
  price: number;
  salePrice?: number;
  quantity?: number;
  erpId?: string;
  visible?: boolean;
}

/**
 * A variant with the product it belongs to: the pick the order checks use, a variant with stock 0, a
 * second variant for the three-line cart (named apart from TypeScript's own `Pick`).
 */
export interface ProductVariant {
  product: FoundProduct;
  variant: FoundVariant;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Reads the products out of a search answer, ignoring entries too broken to use. */
export function readProducts(value: unknown): FoundProduct[] {
  if (!Array.isArray(value)) return [];
  const out: FoundProduct[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.objectId !== 'string' || !Array.isArray(item.variants)) continue;
    const variants: FoundVariant[] = [];
    for (const v of item.variants) {
      if (!isRecord(v) || typeof v.objectId !== 'string' || typeof v.price !== 'number') continue;
      variants.push({
        objectId: v.objectId,
        price: v.price,
        salePrice: typeof v.salePrice === 'number' ? v.salePrice : undefined,
        quantity: typeof v.quantity === 'number' ? v.quantity : undefined,
        erpId: typeof v.erpId === 'string' && v.erpId !== '' ? v.erpId : undefined,
        visible: typeof v.visible === 'boolean' ? v.visible : undefined,
      });
    }
    out.push({
      objectId: item.objectId,
      name: typeof item.name === 'string' ? item.name : undefined,
      externalUrl: typeof item.externalUrl === 'string' ? item.externalUrl : undefined,
      blocked: item.blocked === true,
      sellOutOfStock: item.sellOutOfStock === true,
      variants,
    });
  }
  return out;
}

/**
 * How many variants of an answer have a price the runner cannot read (not a number), and the type
 * most of them have instead; undefined when every price is a number.
 */
export function unreadablePrices(value: unknown[]): { count: number; type: string } | undefined {
  const types = new Map<string, number>();
  for (const item of value) {
    if (!isRecord(item) || !Array.isArray(item.variants)) continue;
    for (const v of item.variants) {
      if (!isRecord(v) || typeof v.price === 'number') continue;
      const type = v.price === null ? 'null' : Array.isArray(v.price) ? 'array' : typeof v.price;
      types.set(type, (types.get(type) ?? 0) + 1);
    }
  }
  if (types.size === 0) return undefined;
  const [type] = [...types.entries()].sort((a, b) => b[1] - a[1])[0];
  return { count: [...types.values()].reduce((a, b) => a + b, 0), type };
}

/** Every variant that can be put in a cart (visible, of a product not blocked), in answer order. */
function sellable(products: FoundProduct[]): ProductVariant[] {
  return products
    .filter((product) => !product.blocked)
    .flatMap((product) => product.variants.filter((v) => v.visible !== false).map((variant) => ({ product, variant })));
}

/** True when the merchant's stock rule applies: a stated quantity on a product that does not sell out of stock. */
export function stockTracked(pick: ProductVariant): pick is ProductVariant & { variant: { quantity: number } } {
  return pick.variant.quantity !== undefined && !pick.product.sellOutOfStock;
}

/** True when one unit may be sold: the stock rule does not apply, or the stated stock holds one. */
function inStock(pick: ProductVariant): boolean {
  return !stockTracked(pick) || pick.variant.quantity >= 1;
}

/**
 * Chooses the variant the order checks use, among those in stock. Best is a tracked stock of 2 or more
 * (so that 1, 2, S and S + 1 units are four different probes), then a tracked stock of 1, then a
 * variant that states no stock, then one of a product that sells out of stock.
 */
export function pickVariant(products: FoundProduct[]): ProductVariant | undefined {
  const rank = (pick: ProductVariant): number => {
    if (stockTracked(pick)) return pick.variant.quantity >= 2 ? 0 : 1;
    return pick.product.sellOutOfStock ? 3 : 2;
  };
  let best: ProductVariant | undefined;
  for (const pick of sellable(products).filter(inStock)) if (!best || rank(pick) < rank(best)) best = pick;
  return best;
}

/** A variant whose stated stock is 0 on a product whose stock counts: a cart line for it must be refused. */
export function zeroStockVariant(products: FoundProduct[]): ProductVariant | undefined {
  return sellable(products).find((pick) => stockTracked(pick) && pick.variant.quantity === 0);
}

/** A second sellable variant with stock (other than the pick), for the good lines of a multi-line cart. */
export function secondVariant(products: FoundProduct[], pick: ProductVariant): ProductVariant | undefined {
  return sellable(products).find((p) => p.variant.objectId !== pick.variant.objectId && inStock(p));
}

/** One cart line for a variant the search returned. */
export function cartLine(pick: ProductVariant, lineId: string, quantity: number): Record<string, unknown> {
  const line: Record<string, unknown> = {
    objectId: lineId,
    variantId: pick.variant.objectId,
    externalId: pick.variant.objectId,
    quantity,
    price: pick.variant.salePrice ?? pick.variant.price,
  };
  if (pick.variant.erpId) line.productReference = pick.variant.erpId;
  return line;
}

/** A variant id no catalogue has: the marker, the run id and what it is. */
export function unknownVariantId(runId: string, n = 1): string {
  return `${TEST_ORDER_PREFIX}${runId}-no-such-variant-${n}`;
}

/** A cart line for a variant that does not exist at the merchant. */
export function unknownLine(variantId: string, lineId: string): Record<string, unknown> {
  return { objectId: lineId, variantId, externalId: variantId, quantity: 1, price: 10 };
}

/** A full order payload (section 3) carrying the test marker and the test customer. */
export function testOrder(
  objectId: string,
  items: Record<string, unknown>[],
  status = 'CREATED',
): Record<string, unknown> {
  return {
    objectId,
    status,
    eventType: 'ORDER_UPDATE',
    retailerOrderId: objectId,
    isInternational: false,
    canAcceptBoleto: true,
    canAcceptCreditCard: true,
    canAcceptDebitCard: true,
    canAcceptPix: true,
    salesChannel: 'merchant-kit verify',
    discount: 0,
    discountMode: 'ABSOLUTE',
    freeShipping: false,
    customer: { ...TEST_CUSTOMER },
    shippingAddress: { ...TEST_ADDRESS },
    salesPerson: { objectId: `${TEST_ORDER_PREFIX}salesperson`, name: 'Merchant Kit' },
    items,
  };
}
