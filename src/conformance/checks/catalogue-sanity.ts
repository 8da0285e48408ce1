import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { couldNotCheck, notJudged, pass, warn } from '../outcome';
import { primaryArray } from '../search';
import type { T } from '../i18n';

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Fields the contract has on variants only; on a product OmniChat never reads them. */
const VARIANT_ONLY_FIELDS = ['width', 'height', 'weight', 'variantLength'] as const;
/** The pointer of a variant-only field written on a product of a productSearch answer. */
export const VARIANT_FIELD_ON_PRODUCT = new RegExp(`^/\\d+/(${VARIANT_ONLY_FIELDS.join('|')})$`);

/** The findings kept (the first and the details the reports list); the rest are counted, not kept. */
const MAX_KEPT = 20;

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
  let named: string | undefined;
  // Said only when there is something to say: most products of a long answer have nothing.
  const whereOf = (): string =>
    (named ??= t('catalogue-sanity.where', { index: i, id: JSON.stringify(product.objectId) }));
  const findings: string[] = [];
  const variants = Array.isArray(product.variants) ? product.variants.filter(isRecord) : [];
  const main = isRecord(product.mainVariant) ? product.mainVariant : undefined;
  if (main) {
    const entry = variants.find((v) => v.objectId === main.objectId);
    if (!entry)
      findings.push(t('catalogue-sanity.mainMissing', { where: whereOf(), id: JSON.stringify(main.objectId) }));
    else {
      const differ = differingFields(main, entry);
      if (differ.length > 0)
        findings.push(
          t('catalogue-sanity.mainDiffers', {
            where: whereOf(),
            id: JSON.stringify(main.objectId),
            fields: differ.join(', '),
          }),
        );
    }
  }
  for (const field of VARIANT_ONLY_FIELDS)
    if (field in product) findings.push(t('catalogue-sanity.onProduct', { where: whereOf(), field }));
  variants.forEach((v, j) => {
    if (typeof v.salePrice === 'number' && typeof v.price === 'number' && v.salePrice > v.price)
      findings.push(t('catalogue-sanity.saleAbove', { where: whereOf(), index: j, sale: v.salePrice, price: v.price }));
    if (typeof v.quantity === 'number' && v.quantity < 0)
      findings.push(t('catalogue-sanity.negative', { where: whereOf(), index: j, quantity: v.quantity }));
  });
  return findings;
}

/** Where a variant value was seen: product index, variant index, product id. */
type Place = { index: number; variant: number; id: unknown };

/**
 * Variant objectIds and erpIds used by more than one variant across the answer (mainVariant is its own
 * entry's copy). Each value keeps its count and its first four places only: an answer of a million
 * variants sharing one id costs a counter, not a million descriptions.
 */
function duplicateFindings(t: T, products: JsonRecord[]): string[] {
  const findings: string[] = [];
  for (const key of ['objectId', 'erpId'] as const) {
    const owners = new Map<string, { count: number; places: Place[] }>();
    products.forEach((product, i) => {
      const variants = Array.isArray(product.variants) ? product.variants : [];
      variants.forEach((v: unknown, j) => {
        const value = isRecord(v) ? v[key] : undefined;
        if (typeof value !== 'string' || value === '') return;
        const owner = owners.get(value) ?? { count: 0, places: [] };
        owner.count++;
        if (owner.places.length < 4) owner.places.push({ index: i, variant: j, id: product.objectId });
        owners.set(value, owner);
      });
    });
    for (const [value, { count, places }] of owners)
      if (count > 1)
        findings.push(
          t('catalogue-sanity.duplicate', {
            key,
            value: JSON.stringify(value),
            count,
            places: places
              .map((p) => t('catalogue-sanity.place', { index: p.index, variant: p.variant, id: JSON.stringify(p.id) }))
              .join(', '),
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
    if (found.value.length === 0)
      return couldNotCheck(t('catalogue-sanity.empty', { query: ctx.config.searchQuery }), undefined, {
        operation,
        check: 'search-text-finds',
      });
    // Counted all, kept the first few: a long answer with the same oddity everywhere stays a short finding.
    const findings: string[] = [];
    let total = 0;
    const keep = (lines: string[]): void => {
      total += lines.length;
      for (const line of lines) if (findings.length <= MAX_KEPT) findings.push(line);
    };
    found.value.forEach((product, i) => keep(productFindings(t, product, i)));
    keep(duplicateFindings(t, found.value));
    if (total === 0) return pass(t('catalogue-sanity.ok', { count: found.value.length }));
    const [first, ...rest] = findings;
    return warn(t('catalogue-sanity.found', { count: total }), {
      received: first,
      expected: t('catalogue-sanity.expected'),
      details: rest,
      moreDetails: total - findings.length,
    });
  },
};
