import type { Entry } from './checker';
import type { FieldCoverage } from './types';

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => v !== null && typeof v === 'object' && !Array.isArray(v);
const filled = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** One optional field: where it lives, whether a record fills it, and what OmniChat does with it. */
interface FieldSpec<T> {
  field: string;
  has: (record: T) => boolean;
  what: string;
}

const PRODUCT_FIELDS: FieldSpec<JsonRecord>[] = [
  {
    field: 'productDescription',
    has: (p) => filled(p.productDescription),
    what: 'the description sellers read, and what OmniChat’s assistant answers questions about the product from',
  },
  {
    field: 'externalUrl',
    has: (p) => filled(p.externalUrl),
    what: 'the product page: the link sellers send, and what a URL search (a link the customer pastes) matches',
  },
];

const VARIANT_FIELDS: FieldSpec<JsonRecord>[] = [
  {
    field: 'variants[].externalImageURL',
    has: (v) => filled(v.externalImageURL),
    what: 'the picture on the product card in the chat; without it the card is text only',
  },
  {
    field: 'variants[].salePrice',
    has: (v) => typeof v.salePrice === 'number',
    what: 'the promotional price shown next to the list price',
  },
  {
    field: 'variants[].quantity',
    has: (v) => typeof v.quantity === 'number',
    what: 'the stock shown to sellers, so they do not offer what is gone',
  },
  {
    field: 'variants[].erpId',
    has: (v) => filled(v.erpId),
    what: 'the ERP code (usually the barcode): what REFERENCE search finds and orders carry as productReference',
  },
  {
    field: 'variants[].variations',
    has: (v) => filled(v.variations),
    what: 'the attribute pairs (size, colour) sellers tell variants apart by',
  },
  {
    field: 'variants[].weight',
    has: (v) => typeof v.weight === 'number',
    what: 'the weight in grams, sent back on order items for freight',
  },
];

const ENTRY_FIELDS: FieldSpec<JsonRecord>[] = [
  {
    field: 'ERROR entries: message',
    has: (e) => filled(e.message),
    what: 'the text the seller sees on a line that cannot be sold; without it the seller does not know why',
  },
  {
    field: 'INFO entries: shippingMethod',
    has: (e) => filled(e.shippingMethod),
    what: 'the freight option pre-selected for the seller',
  },
];

const OPTION_FIELDS: FieldSpec<JsonRecord>[] = [
  {
    field: 'shippingOptions[].shippingEstimate',
    has: (o) => filled(o.shippingEstimate),
    what: 'the delivery time (3bd = 3 business days) the seller quotes to the customer',
  },
  {
    field: 'shippingOptions[].deliveryChannel',
    has: (o) => filled(o.deliveryChannel),
    what: 'delivery or pickup: how the customer gets the order',
  },
  {
    field: 'shippingOptions[].listPrice',
    has: (o) => typeof o.listPrice === 'number',
    what: 'the freight price before discounts, next to the price charged',
  },
];

function measure<T>(records: T[], unit: string, specs: FieldSpec<T>[]): FieldCoverage[] {
  if (records.length === 0) return [];
  return specs.map((s) => ({
    field: s.field,
    filled: records.filter(s.has).length,
    seen: records.length,
    unit,
    what: s.what,
  }));
}

/** Coverage of the optional product and variant fields, over the distinct products the searches returned. */
export function productCoverage(products: JsonRecord[]): FieldCoverage[] {
  const variants = products.flatMap((p) => (Array.isArray(p.variants) ? p.variants.filter(isRecord) : []));
  return [...measure(products, 'products', PRODUCT_FIELDS), ...measure(variants, 'variants', VARIANT_FIELDS)];
}

/** Coverage of the optional checker fields, over the entries and freight options of every cart answered. */
export function checkerCoverage(entries: Entry[]): FieldCoverage[] {
  const errors = entries.filter((e) => e.action === 'ERROR');
  const quoted = entries.filter((e) => Array.isArray(e.shippingOptions) && e.shippingOptions.length > 0);
  const options = quoted.flatMap((e) => (e.shippingOptions as unknown[]).filter(isRecord));
  return [
    ...measure(errors, 'ERROR entries', ENTRY_FIELDS.slice(0, 1)),
    ...measure(quoted, 'quoted entries', ENTRY_FIELDS.slice(1)),
    ...measure(options, 'freight options', OPTION_FIELDS),
  ];
}
