import type { Check } from '../check';
import { englishTexts } from '../i18n';
import { notJudged, pass, warn } from '../outcome';
import { primaryArray } from '../search';
import type { T } from '../i18n';

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Fields the contract has on variants only; on a product OmniChat never reads them. */
const VARIANT_ONLY_FIELDS = ['width', 'height', 'weight', 'variantLength'] as const;
/** The pointer of a variant-only field written on a product of a productSearch answer. */
export const VARIANT_FIELD_ON_PRODUCT = new RegExp(`^/\\d+/(${VARIANT_ONLY_FIELDS.join('|')})$`);

/** JSON text with sorted keys, so two objects that differ only in key order compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}

/** The fields two variants disagree on, sorted. */
function differingFields(a: JsonRecord, b: JsonRecord): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => canonical(a[k]) !== canonical(b[k])).sort();
}

/** Every oddity of one product, as lines naming its index and id. */
function productFindings(t: T, product: JsonRecord, i: number): string[] {
  const where = t('catalogue-sanity.where', { index: i, id: JSON.stringify(product.objectId) });
  const findings: string[] = [];
  const variants = Array.isArray(product.variants) ? product.variants.filter(isRecord) : [];
  const main = isRecord(product.mainVariant) ? product.mainVariant : undefined;
  if (main) {
    const entry = variants.find((v) => v.objectId === main.objectId);
    if (!entry) findings.push(t('catalogue-sanity.mainMissing', { where, id: JSON.stringify(main.objectId) }));
    else {
      const differ = differingFields(main, entry);
      if (differ.length > 0)
        findings.push(
          t('catalogue-sanity.mainDiffers', { where, id: JSON.stringify(main.objectId), fields: differ.join(', ') }),
        );
    }
  }
  for (const field of VARIANT_ONLY_FIELDS)
    if (field in product) findings.push(t('catalogue-sanity.onProduct', { where, field }));
  variants.forEach((v, j) => {
    if (typeof v.salePrice === 'number' && typeof v.price === 'number' && v.salePrice > v.price)
      findings.push(t('catalogue-sanity.saleAbove', { where, index: j, sale: v.salePrice, price: v.price }));
    if (typeof v.quantity === 'number' && v.quantity < 0)
      findings.push(t('catalogue-sanity.negative', { where, index: j, quantity: v.quantity }));
  });
  return findings;
}

/** Variant objectIds and erpIds used by more than one variant across the answer (mainVariant is its own entry's copy). */
function duplicateFindings(t: T, products: JsonRecord[]): string[] {
  const findings: string[] = [];
  for (const key of ['objectId', 'erpId'] as const) {
    const owners = new Map<string, string[]>();
    products.forEach((product, i) => {
      const variants = Array.isArray(product.variants) ? product.variants.filter(isRecord) : [];
      variants.forEach((v, j) => {
        const value = v[key];
        if (typeof value !== 'string' || value === '') return;
        owners.set(value, [
          ...(owners.get(value) ?? []),
          t('catalogue-sanity.place', { index: i, variant: j, id: JSON.stringify(product.objectId) }),
        ]);
      });
    });
    for (const [value, places] of owners)
      if (places.length > 1)
        findings.push(
          t('catalogue-sanity.duplicate', {
            key,
            value: JSON.stringify(value),
            count: places.length,
            places: places.slice(0, 4).join(', '),
          }),
        );
  }
  return findings;
}

/** Consistency of the catalogue data itself (warnings only: OmniChat still works, but shows or picks the wrong thing). */
export const catalogueSanity: Check = {
  id: 'catalogue-sanity',
  operations: ['productSearch'],
  ...englishTexts('catalogue-sanity'),
  run(ctx, operation, primary) {
    const t = ctx.t;
    const found = primaryArray(t, primary, operation);
    if (!found.ok) return notJudged(found, primary);
    const findings = [
      ...found.value.flatMap((product, i) => productFindings(t, product, i)),
      ...duplicateFindings(t, found.value),
    ];
    if (findings.length === 0) return pass(t('catalogue-sanity.ok', { count: found.value.length }));
    const [first, ...rest] = findings;
    return warn(t('catalogue-sanity.found', { count: findings.length }), {
      received: first,
      expected: t('catalogue-sanity.expected'),
      details: rest,
    });
  },
};
