/** Marks every order the runner sends, so a merchant can recognise (and purge) test traffic. */
export const TEST_ORDER_PREFIX = 'mk-test-';

/** The test customer on every order the runner sends. */
export const TEST_CUSTOMER = {
  objectId: 'mk-test-customer',
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
  externalUrl?: string;
  blocked?: boolean;
  variants: FoundVariant[];
}

export interface FoundVariant {
  objectId: string;
  price: number;
  salePrice?: number;
  quantity?: number;
  erpId?: string;
  visible?: boolean;
}

/** The product and variant the order checks use: sellable and, when possible, with a known stock. */
export interface Pick {
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
      externalUrl: typeof item.externalUrl === 'string' ? item.externalUrl : undefined,
      blocked: item.blocked === true,
      variants,
    });
  }
  return out;
}

/** Chooses a sellable variant, preferring one whose stock is stated and positive (the stock check needs it). */
export function pickVariant(products: FoundProduct[]): Pick | undefined {
  let fallback: Pick | undefined;
  for (const product of products) {
    if (product.blocked) continue;
    for (const variant of product.variants) {
      if (variant.visible === false) continue;
      if (variant.quantity !== undefined && variant.quantity >= 1) return { product, variant };
      if (variant.quantity === undefined) fallback ??= { product, variant };
    }
  }
  return fallback;
}

/** One cart line for the picked variant. */
export function cartLine(pick: Pick, lineId: string, quantity: number): Record<string, unknown> {
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
    salesPerson: { objectId: 'mk-test-salesperson', name: 'Merchant Kit' },
    items,
  };
}
