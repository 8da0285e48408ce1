import { errorsOf, type Entry } from './checker-entries';
import type { FieldCoverage } from './types';
import type { T } from './i18n';

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => v !== null && typeof v === 'object' && !Array.isArray(v);
const filled = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** One optional field: where it lives and whether a record fills it; what OmniChat does with it is in the catalogue (field.<field>). */
interface FieldSpec {
  field: FieldName;
  has: (record: JsonRecord) => boolean;
}

type FieldName = Parameters<T>[0] extends infer K ? (K extends `field.${infer F}` ? F : never) : never;

const PRODUCT_FIELDS: FieldSpec[] = [
  { field: 'productDescription', has: (p) => filled(p.productDescription) },
  { field: 'externalUrl', has: (p) => filled(p.externalUrl) },
];

const VARIANT_FIELDS: FieldSpec[] = [
  { field: 'variants[].externalImageURL', has: (v) => filled(v.externalImageURL) },
  { field: 'variants[].salePrice', has: (v) => typeof v.salePrice === 'number' },
  { field: 'variants[].quantity', has: (v) => typeof v.quantity === 'number' },
  { field: 'variants[].erpId', has: (v) => filled(v.erpId) },
  { field: 'variants[].variations', has: (v) => filled(v.variations) },
  { field: 'variants[].weight', has: (v) => typeof v.weight === 'number' },
];

/** Measured over ERROR entries only: a message is what the seller reads when a line is refused. */
const ERROR_ENTRY_FIELDS: FieldSpec[] = [{ field: 'ERROR entries: message', has: (e) => filled(e.message) }];

/** Measured over the entries that quote freight: the method OmniChat preselects among their options. */
const QUOTED_ENTRY_FIELDS: FieldSpec[] = [
  { field: 'INFO entries: shippingMethod', has: (e) => filled(e.shippingMethod) },
];

const OPTION_FIELDS: FieldSpec[] = [
  { field: 'shippingOptions[].shippingEstimate', has: (o) => filled(o.shippingEstimate) },
  { field: 'shippingOptions[].deliveryChannel', has: (o) => filled(o.deliveryChannel) },
  { field: 'shippingOptions[].listPrice', has: (o) => typeof o.listPrice === 'number' },
];

function measure(t: T, records: JsonRecord[], unit: string, specs: FieldSpec[]): FieldCoverage[] {
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
  const errors = errorsOf(entries);
  const quoted = entries.filter((e) => Array.isArray(e.shippingOptions) && e.shippingOptions.length > 0);
  const options = quoted.flatMap((e) => (e.shippingOptions as unknown[]).filter(isRecord));
  return [
    ...measure(t, errors, 'ERROR entries', ERROR_ENTRY_FIELDS),
    ...measure(t, quoted, 'quoted entries', QUOTED_ENTRY_FIELDS),
    ...measure(t, options, 'freight options', OPTION_FIELDS),
  ];
}
