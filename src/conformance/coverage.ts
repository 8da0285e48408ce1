import { errorsOf, type Entry } from './checker-entries';
import type { FieldCoverage } from './types';
import type { T } from './i18n';

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The JSON type the contract gives a field: what a value must be to count as filled. */
type FieldType = 'string' | 'number' | 'array';
const OF_TYPE: Record<FieldType, (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  array: Array.isArray,
};
/** Of the right type, but empty: a field left blank is not filled. */
const blank = (v: unknown): boolean => v === '' || (Array.isArray(v) && v.length === 0);

/** One optional field: its name in the record and its type; what OmniChat does with it is in the catalogue (field.<field>). */
interface FieldSpec {
  field: FieldName;
  key: string;
  type: FieldType;
}

type FieldName = Parameters<T>[0] extends infer K ? (K extends `field.${infer F}` ? F : never) : never;

const PRODUCT_FIELDS: FieldSpec[] = [
  { field: 'productDescription', key: 'productDescription', type: 'string' },
  { field: 'externalUrl', key: 'externalUrl', type: 'string' },
];

const VARIANT_FIELDS: FieldSpec[] = [
  { field: 'variants[].externalImageURL', key: 'externalImageURL', type: 'string' },
  { field: 'variants[].salePrice', key: 'salePrice', type: 'number' },
  { field: 'variants[].quantity', key: 'quantity', type: 'number' },
  { field: 'variants[].erpId', key: 'erpId', type: 'string' },
  { field: 'variants[].variations', key: 'variations', type: 'array' },
  { field: 'variants[].weight', key: 'weight', type: 'number' },
];

/** Measured over ERROR entries only: a message is what the seller reads when a line is refused. */
const ERROR_ENTRY_FIELDS: FieldSpec[] = [{ field: 'ERROR entries: message', key: 'message', type: 'string' }];

/** Measured over the entries that quote freight: the method OmniChat preselects among their options. */
const QUOTED_ENTRY_FIELDS: FieldSpec[] = [
  { field: 'INFO entries: shippingMethod', key: 'shippingMethod', type: 'string' },
];

const OPTION_FIELDS: FieldSpec[] = [
  { field: 'shippingOptions[].shippingEstimate', key: 'shippingEstimate', type: 'string' },
  { field: 'shippingOptions[].deliveryChannel', key: 'deliveryChannel', type: 'string' },
  { field: 'shippingOptions[].listPrice', key: 'listPrice', type: 'number' },
];

/**
 * Counts, for each field, the records that fill it (the right type, not blank) and those that send
 * it with another type (a price as a string): a field sent wrong is not a field left out.
 */
function measure(t: T, records: JsonRecord[], unit: string, specs: FieldSpec[]): FieldCoverage[] {
  if (records.length === 0) return [];
  return specs.map(({ field, key, type }) => {
    const present = records.map((r) => r[key]).filter((v) => v !== undefined && v !== null);
    const right = present.filter(OF_TYPE[type]);
    return {
      field,
      filled: right.filter((v) => !blank(v)).length,
      seen: records.length,
      wrongType: present.length - right.length,
      unit,
      what: t(`field.${field}`),
    };
  });
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
