import type { Product, Variant } from './catalog-types';
import { normalizeUrl, tokenize } from './normalize';
import { TextIndex } from './text-index';

export const SEARCH_TYPES = ['TEXT', 'ID', 'SKUID', 'URL', 'REFERENCE'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** A productSearch request after query validation (defaults filled). */
export interface SearchRequest {
  searchType: SearchType;
  query?: string;
  from: number;
  size: number;
}

/** Where a variant lives: its product's position and every object that carries its objectId. */
export interface VariantRef {
  position: number;
  product: Product;
  variant: Variant;
  copies: Variant[];
}

const RESULT_CACHE_SIZE = 512;

/**
 * The store's catalog: products with live stock, the search indexes built once at start, and each
 * product's JSON serialized once and re-serialized only after its stock changes.
 */
export class Catalog {
  private readonly byId = new Map<string, number>();
  private readonly bySku = new Map<string, VariantRef>();
  private readonly byErp = new Map<string, number[]>();
  private readonly byUrl = new Map<string, number[]>();
  private readonly text = new TextIndex();
  private readonly json: (string | undefined)[];
  private readonly initialStock = new Map<string, number | undefined>();
  private readonly textCache = new Map<string, number[]>();
  readonly variantCount: number;

  constructor(private readonly products: Product[]) {
    this.json = new Array<string | undefined>(products.length);
    let variants = 0;
    products.forEach((product, position) => {
      this.byId.set(product.objectId, position);
      if (product.externalUrl) push(this.byUrl, normalizeUrl(product.externalUrl), position);
      const words: string[] = [...tokenize(product.name), ...tokenize(product.productDescription ?? '')];
      // mainVariant is matched to variants[] by objectId, not assumed identical (omnichat-api.md 11.7).
      for (const variant of [...product.variants, product.mainVariant]) {
        const known = this.bySku.get(variant.objectId);
        if (known && known.position === position) {
          if (!known.copies.includes(variant)) known.copies.push(variant);
          continue;
        }
        variants += 1;
        this.bySku.set(variant.objectId, { position, product, variant, copies: [variant] });
        this.initialStock.set(variant.objectId, variant.quantity);
        if (variant.erpId) push(this.byErp, variant.erpId, position);
        words.push(...tokenize(variant.name));
        for (const pair of variant.variations ?? []) words.push(...tokenize(pair.value));
      }
      this.text.add(position, new Set(words));
    });
    this.text.seal(products.length);
    this.variantCount = variants;
  }

  /** Number of products. */
  get size(): number {
    return this.products.length;
  }

  /** Positions of the products a search returns, after paging for TEXT (other types ignore paging). */
  search(request: SearchRequest): number[] {
    const query = request.query ?? '';
    switch (request.searchType) {
      case 'ID':
        return single(this.byId.get(query));
      case 'SKUID':
        return single(this.bySku.get(query)?.position);
      case 'REFERENCE':
        return this.byErp.get(query)?.slice() ?? [];
      case 'URL':
        return query === '' ? [] : (this.byUrl.get(normalizeUrl(query))?.slice() ?? []);
      case 'TEXT':
        return this.textMatches(query).slice(request.from, request.from + request.size);
    }
  }

  /** The JSON array text of the products at these positions (each product serialized once). */
  serialize(positions: number[]): string {
    let out = '[';
    for (let i = 0; i < positions.length; i += 1) {
      const position = positions[i];
      let text = this.json[position];
      if (text === undefined) {
        text = JSON.stringify(this.products[position]);
        this.json[position] = text;
      }
      out += i === 0 ? text : `,${text}`;
    }
    return `${out}]`;
  }

  /** Deep copies of the products at these positions (for scenarios that alter what is shown). */
  copies(positions: number[]): Product[] {
    return positions.map((p) => JSON.parse(this.serialize([p]))[0] as Product);
  }

  /** The variant with this objectId (SKU), with its product. */
  variant(sku: string): VariantRef | undefined {
    return this.bySku.get(sku);
  }

  /** Stock on hand of a variant; undefined when the catalog does not track it (no quantity). */
  stock(sku: string): number | undefined {
    return this.bySku.get(sku)?.variant.quantity;
  }

  /** Changes a variant's stock by delta (negative reserves); untracked variants are left alone. */
  adjustStock(sku: string, delta: number): void {
    const ref = this.bySku.get(sku);
    if (!ref || ref.variant.quantity === undefined || delta === 0) return;
    const next = ref.variant.quantity + delta;
    for (const copy of ref.copies) copy.quantity = next;
    this.json[ref.position] = undefined;
  }

  /** Puts every variant's stock back to what the catalog started with. */
  resetStock(): void {
    for (const [sku, quantity] of this.initialStock) {
      const ref = this.bySku.get(sku) as VariantRef;
      if (ref.variant.quantity === quantity) continue;
      for (const copy of ref.copies) copy.quantity = quantity;
      this.json[ref.position] = undefined;
    }
  }

  private textMatches(query: string): number[] {
    const tokens = tokenize(query);
    if (tokens.length === 0) return this.allPositions();
    const key = tokens.join(' ');
    let hit = this.textCache.get(key);
    if (hit === undefined) {
      hit = this.text.match(tokens);
      // Matches never change (stock does not affect them), so a bounded memo of recent queries is safe.
      if (this.textCache.size >= RESULT_CACHE_SIZE) this.textCache.delete(this.textCache.keys().next().value as string);
      this.textCache.set(key, hit);
    }
    return hit;
  }

  private allPositions(): number[] {
    let all = this.textCache.get('');
    if (all === undefined) {
      all = this.products.map((_, i) => i);
      this.textCache.set('', all);
    }
    return all;
  }
}

function push(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [position]);
  else if (list[list.length - 1] !== position) list.push(position);
}

function single(position: number | undefined): number[] {
  return position === undefined ? [] : [position];
}
