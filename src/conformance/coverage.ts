import type { Entry } from './checker';
import type { FieldCoverage } from './types';
import type { T } from './i18n';

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => v !== null && typeof v === 'object' && !Array.isArray(v);
const filled = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** One optional field: where it lives and whether a record fills it; what OmniChat does with it is in the catalogue (field.<field>). */
interface FieldSpec<R> {
  field: FieldName;
  has: (record: R) => boolean;
}

type FieldName = Parameters<T>[0] extends infer K ? (K extends `field.${infer F}` ? F : never) : never;

const PRODUCT_FIELDS: FieldSpec<JsonRecord>[] = [
  {
    field: 'productDescription',
    has: (p) => filled(p.productDescription),
  },
  {
    field: 'externalUrl',
    has: (p) => filled(p.externalUrl),
  },
];

const VARIANT_FIELDS: FieldSpec<JsonRecord>[] = [
  {
    field: 'variants[].externalImageURL',
    has: (v) => filled(v.externalImageURL),
  },
  {
    field: 'variants[].salePrice',
    has: (v) => typeof v.salePrice === 'number',
  },
  {
    field: 'variants[].quantity',
    has: (v) => typeof v.quantity === 'number',
  },
  {
    field: 'variants[].erpId',
    has: (v) => filled(v.erpId),
  },
  {
    field: 'variants[].variations',
    has: (v) => filled(v.variations),
  },
  {
    field: 'variants[].weight',
    has: (v) => typeof v.weight === 'number',
  },
];

const ENTRY_FIELDS: FieldSpec<JsonRecord>[] = [
  {
    field: 'ERROR entries: message',
    has: (e) => filled(e.message),
  },
  {
    field: 'INFO entries: shippingMethod',
    has: (e) => filled(e.shippingMethod),
  },
];

const OPTION_FIELDS: FieldSpec<JsonRecord>[] = [
  {
    field: 'shippingOptions[].shippingEstimate',
    has: (o) => filled(o.shippingEstimate),
  },
  {
    field: 'shippingOptions[].deliveryChannel',
    has: (o) => filled(o.deliveryChannel),
  },
  {
    field: 'shippingOptions[].listPrice',
    has: (o) => typeof o.listPrice === 'number',
  },
];

function measure<R>(t: T, records: R[], unit: string, specs: FieldSpec<R>[]): FieldCoverage[] {
  if (records.length === 0) return [];
  return specs.map((s) => ({
    field: s.field,
    filled: records.filter(s.has).length,
    seen: records.length,
    unit,
    what: t(`field.${s.field}`),
  }));
}

/** Coverage of the optional product and variant fields, over the distinct products the searches returned. */
export function productCoverage(t: T, products: JsonRecord[]): FieldCoverage[] {
  const variants = products.flatMap((p) => (Array.isArray(p.variants) ? p.variants.filter(isRecord) : []));
  return [...measure(t, products, 'products', PRODUCT_FIELDS), ...measure(t, variants, 'variants', VARIANT_FIELDS)];
}

/** Coverage of the optional checker fields, over the entries and freight options of every cart answered. */
export function checkerCoverage(t: T, entries: Entry[]): FieldCoverage[] {
  const errors = entries.filter((e) => e.action === 'ERROR');
  const quoted = entries.filter((e) => Array.isArray(e.shippingOptions) && e.shippingOptions.length > 0);
  const options = quoted.flatMap((e) => (e.shippingOptions as unknown[]).filter(isRecord));
  return [
    ...measure(t, errors, 'ERROR entries', ENTRY_FIELDS.slice(0, 1)),
    ...measure(t, quoted, 'quoted entries', ENTRY_FIELDS.slice(1)),
    ...measure(t, options, 'freight options', OPTION_FIELDS),
  ];
}
