import type { Check } from '../check';
import { notJudged, pass, warn } from '../outcome';
import { primaryArray } from '../search';

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Fields the contract has on variants only; on a product OmniChat never reads them. */
const VARIANT_ONLY_FIELDS = ['width', 'height', 'weight', 'variantLength'] as const;
/** The pointer of a variant-only field written on a product of a productSearch answer. */
export const VARIANT_FIELD_ON_PRODUCT = new RegExp(`^/\\d+/(${VARIANT_ONLY_FIELDS.join('|')})$`);

const MAX_LISTED = 20;

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
function productFindings(product: JsonRecord, i: number): string[] {
  const where = `/${i} (product ${JSON.stringify(product.objectId)})`;
  const findings: string[] = [];
  const variants = Array.isArray(product.variants) ? product.variants.filter(isRecord) : [];
  const main = isRecord(product.mainVariant) ? product.mainVariant : undefined;
  if (main) {
    const entry = variants.find((v) => v.objectId === main.objectId);
    if (!entry)
      findings.push(`${where}/mainVariant: objectId ${JSON.stringify(main.objectId)} is not among its variants`);
    else {
      const differ = differingFields(main, entry);
      if (differ.length > 0)
        findings.push(
          `${where}/mainVariant: differs from its entry in variants (objectId ${JSON.stringify(main.objectId)}) in ${differ.join(', ')}`,
        );
    }
  }
  for (const field of VARIANT_ONLY_FIELDS)
    if (field in product)
      findings.push(
        `${where}/${field}: ${field} belongs on each variant, where OmniChat reads it; on the product it is ignored`,
      );
  variants.forEach((v, j) => {
    if (typeof v.salePrice === 'number' && typeof v.price === 'number' && v.salePrice > v.price)
      findings.push(`${where}/variants/${j}: salePrice ${v.salePrice} is above price ${v.price}`);
    if (typeof v.quantity === 'number' && v.quantity < 0)
      findings.push(`${where}/variants/${j}/quantity: negative stock ${v.quantity}`);
  });
  return findings;
}

/** Variant objectIds and erpIds used by more than one variant across the answer (mainVariant is its own entry's copy). */
function duplicateFindings(products: JsonRecord[]): string[] {
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
          `/${i}/variants/${j} (product ${JSON.stringify(product.objectId)})`,
        ]);
      });
    });
    for (const [value, places] of owners)
      if (places.length > 1)
        findings.push(
          `variant ${key} ${JSON.stringify(value)} is used ${places.length} times: ${places.slice(0, 4).join(', ')}`,
        );
  }
  return findings;
}

/** Consistency of the catalogue data itself (warnings only: OmniChat still works, but shows or picks the wrong thing). */
export const catalogueSanity: Check = {
  id: 'catalogue-sanity',
  operations: ['productSearch'],
  what: 'mainVariant equals its entry in variants, no variant objectId or erpId is used twice, variant fields (width, height, weight, variantLength) are not on the product, salePrice is not above price, stock is not negative (warnings)',
  why: 'OmniChat shows these numbers to sellers and customers and puts variants in carts by id; contradictions there show the wrong price or stock, or the wrong variant',
  fix: 'make mainVariant a copy of its entry in variants, give every variant its own objectId and erpId, move width, height, weight and variantLength onto the variants, and keep salePrice at or below price and stock at zero or more',
  run(_ctx, operation, primary) {
    const found = primaryArray(primary, operation);
    if (!found.ok) return notJudged(found, primary);
    const findings = [...found.value.flatMap(productFindings), ...duplicateFindings(found.value)];
    if (findings.length === 0) return pass(`${found.value.length} product(s) look consistent`);
    const [first, ...rest] = findings;
    return warn(`${findings.length} catalogue oddit${findings.length === 1 ? 'y' : 'ies'}`, {
      received: first,
      expected: 'consistent product data',
      details: rest.slice(0, MAX_LISTED),
    });
  },
};
