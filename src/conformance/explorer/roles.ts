import type { RunContext } from '../context';
import { secondVariant, stockTracked, zeroStockVariant, type FoundProduct, type ProductVariant } from '../test-data';

/**
 * Who may change the stock of which variant while the explorer runs beside the checks. The checks'
 * own orders take the pick and the second variant (the freight order); each orders lane owns the
 * variants of one other product, so that what one journey sees of the stock is its own doing.
 */
export interface Roles {
  /** Variants the checks' own orders take stock of. */
  mainFlow: Set<string>;
  /** One pool per orders lane: the sellable variants, with stock, of one product nobody else orders. */
  orderPools: ProductVariant[][];
}

/** One orders lane: its journeys cost six calls each, and the budget is shared better by one lane than split in two. */
const MAX_ORDER_LANES = 1;
/** The most variants one orders lane uses (the stock of each is read on every look). */
const MAX_POOL = 3;

/** Sellable variants of the products shown: of a product not blocked, visible. */
export function sellableVariants(products: FoundProduct[]): ProductVariant[] {
  return products
    .filter((product) => !product.blocked)
    .flatMap((product) => product.variants.filter((v) => v.visible !== false).map((variant) => ({ product, variant })));
}

/** The roles of this run's variants, from the first search and the variants the checks picked. */
export function rolesOf(ctx: RunContext): Roles {
  const products = ctx.products.ok ? ctx.products.value : [];
  const mainFlow = new Set<string>();
  if (ctx.pick.ok) {
    mainFlow.add(ctx.pick.value.variant.objectId);
    const second = secondVariant(products, ctx.pick.value);
    if (second) mainFlow.add(second.variant.objectId);
  }
  const zero = zeroStockVariant(products);
  if (zero) mainFlow.add(zero.variant.objectId);
  const pools: ProductVariant[][] = [];
  for (const product of products) {
    if (pools.length >= MAX_ORDER_LANES) break;
    const pool = sellableVariants([product])
      .filter((pv) => stockTracked(pv) && (pv.variant.quantity ?? 0) >= 1 && !mainFlow.has(pv.variant.objectId))
      .slice(0, MAX_POOL);
    // A product the checks order from is left to them whole: its stock is read in one look.
    const touched = product.variants.some((v) => mainFlow.has(v.objectId));
    if (pool.length > 0 && !touched) pools.push(pool);
  }
  return { mainFlow, orderPools: pools };
}
