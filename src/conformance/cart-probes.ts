import { keepEntries } from './checker-entries';
import type { RunContext } from './context';
import type { Exchange } from './exchange';
import type { T } from './i18n';
import { none, ok, type Result } from './result';
import { search, jsonArray } from './search';
import {
  cartLine,
  readProducts,
  secondVariant,
  stockTracked,
  TEST_LINE_ID,
  testLineId,
  testOrder,
  unknownLine,
  unknownVariantId,
  zeroStockVariant,
  type FoundProduct,
  type ProductVariant,
} from './test-data';

/** One line of a probe cart, with what the runner knows about its variant. */
interface ProbeLine {
  lineId: string;
  variantId: string;
  quantity: number;
  /** "stock 5", "stock 0", "no such variant", "stock not stated". */
  known: string;
  /** Whether the merchant should let the seller sell it. */
  sellable: boolean;
}

/** A cart built to pin down one stock rule, and the checker's answer to it. */
export interface CartProbe {
  lines: ProbeLine[];
  exchange: Exchange;
}

/** Every cart the stock rules are probed with (point 1 of docs/verify.md's probes), sent once per run. */
export interface CartProbes {
  /** 2 and S units of the pick (each at most its stock S): must pass. */
  inStock: CartProbe[];
  /** S + 1 units of the pick: must get an ERROR; or why there is no such probe. */
  overStock: Result<CartProbe>;
  /** 1 unit of a variant with stock 0: must get an ERROR; or why there is none. */
  zeroStock: Result<CartProbe>;
  /** 1 unit of a variant that does not exist: must get an ERROR. */
  unknownVariant: CartProbe;
  /** Three lines, the bad one(s) not first: ERROR exactly on the bad lines. */
  multiLine: CartProbe;
}

/** How a page of the TEXT search is asked when the first page holds no variant with stock 0. */
const ZERO_STOCK_PAGE = { from: 10, size: 50 };

/** The first request of orderValidation seen as a probe: one unit of the pick. */
export function primaryProbe(t: T, pick: ProductVariant, primary: Exchange): CartProbe {
  return { lines: [lineOf(t, pick, TEST_LINE_ID, 1)], exchange: primary };
}

/** The cart probes of this run: sent once, whichever check asks first, or why they cannot be built. */
export function cartProbes(ctx: RunContext): Promise<Result<CartProbes>> {
  return ctx.shared('cart-probes', async () => {
    if (!ctx.pick.ok) return ctx.pick;
    // A pick comes from the products, so they are there whenever it is.
    return ok(await sendProbes(ctx, ctx.pick.value, ctx.products.ok ? ctx.products.value : [ctx.pick.value.product]));
  });
}

/**
 * One line of a probe cart twice over: as the runner describes it, and as the order sends it. Built
 * together so that the two can never disagree on the line id, the variant or the quantity.
 */
interface SentLine {
  line: ProbeLine;
  item: Record<string, unknown>;
}

/** `quantity` units of a variant the search returned. */
function variantLine(t: T, pick: ProductVariant, lineId: string, quantity: number): SentLine {
  return { line: lineOf(t, pick, lineId, quantity), item: cartLine(pick, lineId, quantity) };
}

/** One unit of a variant that does not exist (the merchant must refuse it). */
function unknownVariantLine(t: T, variantId: string, lineId: string): SentLine {
  return {
    line: { lineId, variantId, quantity: 1, known: t('cart.noSuchVariant'), sellable: false },
    item: unknownLine(variantId, lineId),
  };
}

/** Sends one probe cart to orderValidation, keeping only the entries the checks read. */
async function sendProbe(ctx: RunContext, suffix: string, sent: SentLine[]): Promise<CartProbe> {
  const items = sent.map(({ item }) => item);
  const body = testOrder(ctx.orderId(suffix), items);
  const exchange = keepEntries(await ctx.call('orderValidation', { body }));
  return { lines: sent.map(({ line }) => line), exchange };
}

async function sendProbes(ctx: RunContext, pick: ProductVariant, products: FoundProduct[]): Promise<CartProbes> {
  const t = ctx.t;
  const single = (suffix: string, target: ProductVariant, quantity: number): Promise<CartProbe> =>
    sendProbe(ctx, suffix, [variantLine(t, target, TEST_LINE_ID, quantity)]);

  const stock = stockTracked(pick) ? pick.variant.quantity : undefined;
  // 1 unit is the first request already; 2 and S only when the stock allows them. Every probe is
  // asked before any is awaited, so that they share the --concurrency slots.
  const inStockUnits = stock === undefined ? [] : [...new Set([2, stock])].filter((q) => q > 1 && q <= stock);
  const inStock = Promise.all(inStockUnits.map((q) => single(`stock-${q}`, pick, q)));
  const overStock = stock === undefined ? undefined : single(`stock-${stock + 1}`, pick, stock + 1);
  const unknownVariant = sendProbe(ctx, 'unknown-variant', [
    unknownVariantLine(t, unknownVariantId(ctx.runId), TEST_LINE_ID),
  ]);
  const multiLine = sendMultiLine(ctx, pick, products);
  const zeroStock = (async (): Promise<CartProbe | undefined> => {
    const zero = zeroStockVariant(products) ?? (await searchZeroStock(ctx));
    return zero ? single('zero-stock', zero, 1) : undefined;
  })();
  const zero = await zeroStock;
  return {
    inStock: await inStock,
    overStock: overStock ? ok(await overStock) : none(noStockRule(t, pick)),
    zeroStock: zero ? ok(zero) : none(t('cart.noZeroStock')),
    unknownVariant: await unknownVariant,
    multiLine: await multiLine,
  };
}

/** Why the pick has no stock to exceed. */
function noStockRule(t: T, pick: ProductVariant): string {
  if (pick.product.sellOutOfStock) return t('cart.noStockLimit', { product: pick.product.objectId });
  return t('cart.noQuantity', { variant: pick.variant.objectId });
}

/**
 * Line 1 is one unit of the pick, line 2 a variant that does not exist, line 3 one unit of another
 * variant with stock (or a second unknown variant when the search found no other one).
 */
function sendMultiLine(ctx: RunContext, pick: ProductVariant, products: FoundProduct[]): Promise<CartProbe> {
  const t = ctx.t;
  const other = secondVariant(products, pick);
  return sendProbe(ctx, 'lines', [
    variantLine(t, pick, testLineId(1), 1),
    unknownVariantLine(t, unknownVariantId(ctx.runId, 2), testLineId(2)),
    other
      ? variantLine(t, other, testLineId(3), 1)
      : unknownVariantLine(t, unknownVariantId(ctx.runId, 3), testLineId(3)),
  ]);
}

/** Looks further through the TEXT search for a variant with stock 0, once, when the first page was full. */
async function searchZeroStock(ctx: RunContext): Promise<ProductVariant | undefined> {
  if (!ctx.products.ok || ctx.products.value.length < 10) return undefined;
  const more = jsonArray(ctx.t, await search(ctx, 'TEXT', ctx.config.searchQuery, ZERO_STOCK_PAGE));
  return more.ok ? zeroStockVariant(readProducts(more.value)) : undefined;
}

function lineOf(t: T, pick: ProductVariant, lineId: string, quantity: number): ProbeLine {
  const stock = pick.variant.quantity;
  const known = pick.product.sellOutOfStock
    ? t('cart.sellsOutOfStock')
    : stock === undefined
      ? t('cart.stockNotStated')
      : t('cart.stock', { stock });
  const sellable = pick.product.sellOutOfStock || stock === undefined || quantity <= stock;
  return { lineId, variantId: pick.variant.objectId, quantity, known, sellable };
}

/** Every cart the run sent to orderValidation with lines (the first request and the probes), for checks that read them all. */
export async function allCarts(ctx: RunContext, primary: Exchange): Promise<CartProbe[]> {
  const first = ctx.pick.ok ? [primaryProbe(ctx.t, ctx.pick.value, primary)] : [];
  const probes = await cartProbes(ctx);
  if (!probes.ok) return first;
  const { inStock, overStock, zeroStock, unknownVariant, multiLine } = probes.value;
  return [
    ...first,
    ...inStock,
    ...(overStock.ok ? [overStock.value] : []),
    ...(zeroStock.ok ? [zeroStock.value] : []),
    unknownVariant,
    multiLine,
  ];
}
