import type { Catalog, SearchRequest, VariantRef } from '../domain/catalog';
import type { Product, Variant } from '../domain/catalog-types';
import { OldestFirstMap } from '../bounds/oldest-first-map';

/** Bound on the JSON kept for changed products (each about 1-2 KB); past it the oldest is rebuilt on demand. */
const CHANGED_JSON_CACHE = 1000;

/**
 * The catalog as one sandbox sees it: the shared catalog plus this sandbox's changes only (stock by
 * variant, blocks by product). An untouched sandbox costs a few empty maps and answers searches with
 * the shared catalog's encoded bytes; a search that shows a changed product re-serializes only that one.
 */
export class SandboxCatalog {
  /** Current stock of each variant whose stock differs from the catalog's. */
  private readonly quantities = new Map<string, number>();
  /** Blocked flags set through the admin API, by product position, where they differ from the catalog's. */
  private readonly blocks = new Map<number, boolean>();
  /** Positions of the products this sandbox shows differently from the catalog. */
  private readonly changed = new Set<number>();
  private readonly json = new OldestFirstMap<number, string>();
  private version = 0;

  constructor(readonly shared: Catalog) {}

  /** Bumped on every change of this sandbox's stock or blocks: what answers built from them are valid for. */
  get stockVersion(): number {
    return this.version;
  }

  /** Number of products. */
  get size(): number {
    return this.shared.size;
  }

  /** Number of distinct variants. */
  get variantCount(): number {
    return this.shared.variantCount;
  }

  /** How many variants and products this sandbox has changed (what it costs beyond the shared catalog). */
  get changes(): { variants: number; products: number } {
    return { variants: this.quantities.size, products: this.blocks.size };
  }

  /** Positions of the products a search returns (stock does not change what matches). */
  search(request: SearchRequest): number[] {
    return this.shared.search(request);
  }

  /** The productSearch answer: the shared encoded bytes unless it shows a product this sandbox changed. */
  answer(request: SearchRequest): Buffer | string {
    if (this.changed.size === 0) return this.shared.answer(request);
    const positions = this.shared.search(request);
    if (!positions.some((p) => this.changed.has(p))) return this.shared.answer(request);
    return this.serialize(positions);
  }

  /** The JSON array text of the products at these positions, as this sandbox shows them. */
  serialize(positions: number[]): string {
    return this.shared.serialize(positions, (position) => this.ownJson(position));
  }

  /** Deep copies of the products at these positions, as this sandbox shows them. */
  copies(positions: number[]): Product[] {
    return JSON.parse(this.serialize(positions)) as Product[];
  }

  /** The variant with this objectId (SKU), with its product as the catalog holds it. */
  variant(sku: string): VariantRef | undefined {
    return this.shared.variant(sku);
  }

  /** Stock on hand of a variant in this sandbox; undefined when it is not tracked (no quantity). */
  stock(sku: string): number | undefined {
    return this.quantities.get(sku) ?? this.shared.initialStock(sku);
  }

  /** Changes a variant's stock by delta (negative reserves); untracked variants are left alone. */
  adjustStock(sku: string, delta: number): void {
    const current = this.stock(sku);
    if (current === undefined || delta === 0) return;
    this.setStock(sku, current + delta);
  }

  /** Sets a variant's stock (the admin API: 0 tests out-of-stock); an untracked variant becomes tracked. */
  setStock(sku: string, quantity: number): void {
    const ref = this.shared.variant(sku);
    if (ref === undefined) return;
    this.version += 1;
    if (quantity === ref.variant.quantity) this.quantities.delete(sku);
    else this.quantities.set(sku, quantity);
    this.touch(ref.position);
  }

  /** Whether the product is blocked for sale in this sandbox. */
  blocked(position: number): boolean {
    return this.blocks.get(position) ?? this.shared.product(position).blocked === true;
  }

  /** Blocks or unblocks a product in this sandbox. */
  setBlocked(position: number, blocked: boolean): void {
    this.version += 1;
    if (blocked === (this.shared.product(position).blocked === true)) this.blocks.delete(position);
    else this.blocks.set(position, blocked);
    this.touch(position);
  }

  /** Puts every stock and block back to the catalog's. */
  resetStock(): void {
    this.version += 1;
    this.quantities.clear();
    this.blocks.clear();
    this.changed.clear();
    this.json.clear();
  }

  private touch(position: number): void {
    this.json.delete(position);
    const product = this.shared.product(position);
    const differs =
      this.blocks.has(position) ||
      product.variants.some((v) => this.quantities.has(v.objectId)) ||
      this.quantities.has(product.mainVariant.objectId);
    if (differs) this.changed.add(position);
    else this.changed.delete(position);
  }

  private ownJson(position: number): string | undefined {
    if (!this.changed.has(position)) return undefined;
    let text = this.json.get(position);
    if (text === undefined) {
      text = JSON.stringify(this.showProduct(this.shared.product(position), position));
      const oldest = this.json.size >= CHANGED_JSON_CACHE ? this.json.oldest() : undefined;
      if (oldest !== undefined) this.json.delete(oldest[0]);
      this.json.set(position, text);
    }
    return text;
  }

  /** A shallow copy of the product with this sandbox's stock and block (mainVariant too: it may be a separate object). */
  private showProduct(product: Product, position: number): Product {
    const show = (variant: Variant): Variant => {
      const quantity = this.quantities.get(variant.objectId);
      return quantity === undefined ? variant : { ...variant, quantity };
    };
    const copy: Product = { ...product, mainVariant: show(product.mainVariant), variants: product.variants.map(show) };
    if (this.blocks.has(position)) copy.blocked = this.blocks.get(position);
    return copy;
  }
}
