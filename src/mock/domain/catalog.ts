import type { SearchType } from '../../contracts';
import type { ByteBudget, Charge } from '../bounds/byte-budget';
import type { Product, Variant } from './catalog-types';
import { stringBytes } from '../bounds/heap-estimate';
import { createBudgets } from '../bounds/limits';
import { normalizeUrl, tokenize } from './normalize';
import { queryTerms, TextIndex } from './text-index';

/** A productSearch request after query validation (defaults filled). */
export interface SearchRequest {
  searchType: SearchType;
  query?: string;
  from: number;
  size: number;
}

/** Where a variant lives: its product and position. */
export interface VariantRef {
  position: number;
  product: Product;
  variant: Variant;
}

const RESULT_CACHE_SIZE = 512;
/** The contract's maxLength of `query`. */
const MAX_QUERY_LENGTH = 2048;
// A cache entry's Map slot and objects; one position in a JS array of small integers.
const CACHE_ENTRY_BYTES = 200;
const POSITION_BYTES = 8;

/**
 * The catalog every sandbox shares: products as loaded (never changed afterwards), the search indexes
 * built once at start, and each product's JSON serialized once. Live stock and blocks are kept per
 * sandbox, as changes only (SandboxCatalog), so a sandbox never copies the catalog.
 */
export class Catalog {
  private readonly byId = new Map<string, number>();
  // Positions only (a list only for the rare shared key): a 100k catalog has 250k variants.
  private readonly bySku = new Map<string, number>();
  private readonly byErp = new Map<string, number | number[]>();
  private readonly byUrl = new Map<string, number | number[]>();
  private readonly text = new TextIndex();
  private readonly json: (string | undefined)[];
  private readonly textCache = new Map<string, { positions: number[]; charge: Charge }>();
  private readonly answerCache = new Map<string, { bytes: Buffer; charge: Charge }>();
  private all: number[] | undefined;
  readonly variantCount: number;

  constructor(
    private readonly products: Product[],
    /** Where the search caches draw their bytes from (shared between sandboxes). */
    private readonly cacheBudget: ByteBudget = createBudgets().searchCache,
  ) {
    this.json = new Array<string | undefined>(products.length);
    let variants = 0;
    products.forEach((product, position) => {
      this.byId.set(product.objectId, position);
      if (product.externalUrl) push(this.byUrl, normalizeUrl(product.externalUrl), position);
      // All of a product's searchable text is folded in one pass (one normalize call per product).
      const texts: string[] = [product.name, product.productDescription ?? ''];
      // mainVariant is matched to variants[] by objectId, not assumed identical (docs/contracts.md, decision 13).
      for (const variant of [...product.variants, product.mainVariant]) {
        if (this.bySku.get(variant.objectId) === position) continue;
        variants += 1;
        this.bySku.set(variant.objectId, position);
        if (variant.erpId) push(this.byErp, variant.erpId, position);
        texts.push(variant.name);
        for (const pair of variant.variations ?? []) texts.push(pair.value);
      }
      this.text.add(position, new Set(tokenize(texts.join(' '))));
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
        return single(this.bySku.get(query));
      case 'REFERENCE':
        return list(this.byErp.get(query));
      case 'URL':
        return query === '' ? [] : list(this.byUrl.get(normalizeUrl(query)));
      case 'TEXT':
        return this.textMatches(query).slice(request.from, request.from + request.size);
    }
  }

  /**
   * The productSearch answer as UTF-8 bytes, with the catalog's own stock. Repeated searches reuse the
   * encoded answer (the catalog never changes): no concatenation, no encoding, no garbage on the hot path.
   */
  answer(request: SearchRequest): Buffer {
    const key = `${request.searchType}\u0000${request.query ?? ''}\u0000${request.from}\u0000${request.size}`;
    const hit = this.answerCache.get(key);
    if (hit !== undefined) return hit.bytes;
    const bytes = Buffer.from(this.serialize(this.search(request)), 'utf8');
    if (this.answerCache.size >= RESULT_CACHE_SIZE) this.dropOldest(this.answerCache);
    const entry = { bytes, charge: undefined as unknown as Charge };
    this.answerCache.set(key, entry);
    entry.charge = this.cacheBudget.open(CACHE_ENTRY_BYTES + stringBytes(key) + bytes.length, () =>
      dropIf(this.answerCache, key, entry),
    );
    return bytes;
  }

  /**
   * The JSON array text of the products at these positions (each product serialized once); `own` gives
   * a sandbox's text for the products it has changed.
   */
  serialize(positions: number[], own?: (position: number) => string | undefined): string {
    let out = '[';
    for (let i = 0; i < positions.length; i += 1) {
      const position = positions[i];
      let text = own?.(position) ?? this.json[position];
      if (text === undefined) {
        text = JSON.stringify(this.products[position]);
        this.json[position] = text;
      }
      out += i === 0 ? text : `,${text}`;
    }
    return `${out}]`;
  }

  /** The product at a position (shared: never change it). */
  product(position: number): Product {
    return this.products[position];
  }

  /** The position of the product with this objectId. */
  positionOf(objectId: string): number | undefined {
    return this.byId.get(objectId);
  }

  /** The variant with this objectId (SKU), with its product. */
  variant(sku: string): VariantRef | undefined {
    const position = this.bySku.get(sku);
    if (position === undefined) return undefined;
    const product = this.products[position];
    const variant = product.variants.find((v) => v.objectId === sku) ?? product.mainVariant;
    return { position, product, variant };
  }

  /** The stock a variant starts with in every sandbox; undefined when the catalog does not track it. */
  initialStock(sku: string): number | undefined {
    return this.variant(sku)?.variant.quantity;
  }

  private textMatches(query: string): number[] {
    // --lenient lets a longer query through: its first 2,048 characters (the contract's limit) are searched.
    const tokens = queryTerms(tokenize(query.slice(0, MAX_QUERY_LENGTH)));
    if (tokens.length === 0) return this.allPositions();
    const key = tokens.join(' ');
    const hit = this.textCache.get(key);
    if (hit !== undefined) return hit.positions;
    const positions = this.text.match(tokens);
    // Matches never change (stock does not affect them), so a bounded memo of recent queries is safe.
    if (this.textCache.size >= RESULT_CACHE_SIZE) this.dropOldest(this.textCache);
    const entry = { positions, charge: undefined as unknown as Charge };
    this.textCache.set(key, entry);
    entry.charge = this.cacheBudget.open(CACHE_ENTRY_BYTES + stringBytes(key) + POSITION_BYTES * positions.length, () =>
      dropIf(this.textCache, key, entry),
    );
    return positions;
  }

  private dropOldest(cache: Map<string, { charge: Charge }>): void {
    const [key, entry] = cache.entries().next().value as [string, { charge: Charge }];
    entry.charge.close();
    cache.delete(key);
  }

  private allPositions(): number[] {
    // Kept apart from the caches: one array the size of the catalog, built once.
    this.all ??= this.products.map((_, i) => i);
    return this.all;
  }
}

/** Drops a cache entry the budget evicted, unless the key has been cached again since. */
function dropIf<T>(cache: Map<string, T>, key: string, entry: T): void {
  if (cache.get(key) === entry) cache.delete(key);
}

function push(map: Map<string, number | number[]>, key: string, position: number): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, position);
  else if (typeof known === 'number') {
    if (known !== position) map.set(key, [known, position]);
  } else if (known[known.length - 1] !== position) known.push(position);
}

function list(found: number | number[] | undefined): number[] {
  if (found === undefined) return [];
  return typeof found === 'number' ? [found] : found.slice();
}

function single(position: number | undefined): number[] {
  return position === undefined ? [] : [position];
}
