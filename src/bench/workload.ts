import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES_DIR, OPERATIONS, formatViolation, validate } from '../contracts';
import type { ProbeRequest } from './http-probe';

/** The two operations under load, as OmniChat calls them. */
export const LOADED_OPERATIONS = ['productSearch', 'orderValidation'] as const;
type LoadedOperation = (typeof LOADED_OPERATIONS)[number];

export interface Workload {
  term: string;
  variantIds: string[];
  requests: Record<LoadedOperation, ProbeRequest>;
}

interface CatalogVariant {
  objectId: string;
  name?: string;
  variations?: { key: string; value: string }[];
  price?: number;
  quantity?: number;
  weight?: number;
}
interface CatalogProduct {
  name: string;
  productDescription?: string;
  mainVariant?: CatalogVariant;
  variants: CatalogVariant[];
}

// Used when fixtures/catalog.json is missing: the variants of the documented example product.
const FALLBACK_TERM = 'iphone';
const FALLBACK_VARIANTS = ['12345-1', '12345-2', '123456-1'];
const CART_LINES = 3;
const PAGE_SIZE = 10;
const BASE_PATH = '/v1';

/** Builds both requests from the embedded catalog: a term that fills one page of 10, and its first three variants in stock. */
export function buildWorkload(termOverride?: string): Workload {
  const products = readCatalog(path.join(FIXTURES_DIR, 'catalog.json'));
  const term =
    termOverride ?? (products ? pickSearchTerm(products.map(searchableTexts), PAGE_SIZE) : undefined) ?? FALLBACK_TERM;
  const variants = products ? pickVariants(products, CART_LINES) : [];
  const variantIds = variants.length === CART_LINES ? variants.map((v) => v.objectId) : FALLBACK_VARIANTS;
  const order = cartOrder(variantIds, variants);
  const violations = validate('orderValidation', 'request', order);
  if (violations.length > 0) {
    // The bench's own payload must keep the contract, or it would measure the mock's 400 path.
    throw new Error(`bench cart breaks the orderValidation contract: ${formatViolation(violations[0])}`);
  }
  const query = new URLSearchParams({ searchType: 'TEXT', query: term, size: String(PAGE_SIZE) });
  return {
    term,
    variantIds,
    requests: {
      productSearch: { method: 'GET', path: `${BASE_PATH}${OPERATIONS.productSearch.path}?${query.toString()}` },
      orderValidation: {
        method: 'POST',
        path: `${BASE_PATH}${OPERATIONS.orderValidation.path}`,
        body: JSON.stringify(order),
        headers: { 'content-type': 'application/json' },
      },
    },
  };
}

/**
 * The search term: the rarest word (3+ letters, case and accents folded) that still appears in at
 * least `pageSize` products, so the search fills exactly one page, as a real seller's query would;
 * the most common word when none reaches a page. Ties go to the alphabetically first word.
 */
export function pickSearchTerm(documents: readonly string[][], pageSize: number): string | undefined {
  const counts = new Map<string, number>();
  for (const texts of documents) {
    const words = new Set(
      texts.flatMap((text) => fold(text).split(/[^a-z0-9]+/)).filter((w) => w.length >= 3 && !/^\d+$/.test(w)),
    );
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const ranked = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const filling = ranked.filter(([, count]) => count >= pageSize);
  if (filling.length > 0) return filling.reduce((best, entry) => (entry[1] < best[1] ? entry : best))[0];
  return ranked.reduce<[string, number] | undefined>(
    (best, entry) => (best === undefined || entry[1] > best[1] ? entry : best),
    undefined,
  )?.[0];
}

/** The texts a TEXT search looks in, per product: its name and description, its variants' names and variation values. */
function searchableTexts(product: CatalogProduct): string[] {
  const variants = [...product.variants, ...(product.mainVariant ? [product.mainVariant] : [])];
  return [
    product.name,
    product.productDescription ?? '',
    ...variants.flatMap((v) => [v.name ?? '', ...(v.variations ?? []).map((pair) => pair.value)]),
  ];
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The first variants with stock, in catalog order, so the cart is valid and the answer is freight, not errors. */
function pickVariants(products: readonly CatalogProduct[], count: number): CatalogVariant[] {
  const inStock = products.flatMap((p) => p.variants).filter((v) => (v.quantity ?? 1) > 0);
  return inStock.slice(0, count);
}

function cartOrder(variantIds: readonly string[], variants: readonly CatalogVariant[]): Record<string, unknown> {
  return {
    objectId: 'bench-order-1',
    eventType: 'ORDER_UPDATE',
    customer: {
      objectId: 'bench-customer-1',
      name: 'Maria',
      lastName: 'Silva',
      phoneCountryCode: '55',
      phoneAreaCode: '11',
    },
    shippingAddress: {
      addressLine1: 'Avenida Paulista',
      number: '1000',
      suburb: 'Bela Vista',
      zip: '01310-100',
      recipient: 'Maria Silva',
      addressState: 'SP',
      city: 'São Paulo',
      country: 'BRA',
    },
    items: variantIds.map((variantId, index) => ({
      objectId: `bench-item-${index + 1}`,
      variantId,
      externalId: variantId,
      quantity: 1,
      ...(variants[index]?.price !== undefined ? { price: variants[index].price } : {}),
      ...(variants[index]?.weight !== undefined ? { weight: variants[index].weight } : {}),
    })),
  };
}

function readCatalog(file: string): CatalogProduct[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
  // Accept either a bare array of products or an object wrapping one under `products`.
  const list = Array.isArray(parsed) ? parsed : (parsed as { products?: unknown } | null)?.products;
  if (!Array.isArray(list)) return undefined;
  return list.filter(isProduct);
}

function isProduct(value: unknown): value is CatalogProduct {
  const p = value as Partial<CatalogProduct> | null;
  return (
    typeof p?.name === 'string' && Array.isArray(p.variants) && p.variants.every((v) => typeof v?.objectId === 'string')
  );
}
