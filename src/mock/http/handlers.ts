import { isSearchType } from '../../contracts';
import type { SearchRequest } from '../domain/catalog';
import type { MockContext } from '../sandboxes/context';
import { compareFreight, describeFreight, quoteOf, type FreightQuote } from '../domain/freight-verdict';
import { checkOrder } from '../domain/order-validator';
import { str, type CheckerEntry, type OrderPayload } from '../domain/order-types';
import { HttpProblem } from '../errors/problems';
import { said } from '../i18n';

const OK = '{"result":"ok"}';

/** productSearch: the JSON of the matching products (quantities 0 under the out-of-stock scenario). */
export function searchProducts(ctx: MockContext, request: SearchRequest, outOfStock = false): Buffer | string {
  if (!outOfStock) return ctx.catalog.answer(request);
  const products = ctx.catalog.copies(ctx.catalog.search(request));
  for (const product of products)
    for (const v of [product.mainVariant, ...product.variants]) if (v.quantity !== undefined) v.quantity = 0;
  return JSON.stringify(products);
}

/** A search request from a query that may break the contract (--lenient): odd values fall back to defaults. */
export function searchRequestOf(query: Record<string, unknown>): SearchRequest {
  const from = Number.isInteger(query.from) && (query.from as number) >= 0 ? (query.from as number) : 0;
  const size =
    Number.isInteger(query.size) && (query.size as number) >= 1 && (query.size as number) <= 100
      ? (query.size as number)
      : 10;
  const type = isSearchType(query.searchType) ? query.searchType : 'TEXT';
  return { searchType: type, query: typeof query.query === 'string' ? query.query : undefined, from, size };
}

/**
 * orderValidation: checker entries for the cart, read from this replica's stock at once; the freight
 * they quote is kept for its order (in the store, so another replica taking the order sees it).
 */
export async function validateOrder(
  ctx: MockContext,
  order: OrderPayload,
  outOfStock = false,
): Promise<{ entries: CheckerEntry[]; quote?: { objectId: string; quote: FreightQuote | undefined } }> {
  const id = str(order.objectId);
  const entries = checkOrder(order, ctx.catalog, ctx.freight, {
    outOfStock,
    ownReserved: id === undefined ? undefined : ctx.store.reservedBy(id),
  });
  if (id === undefined) return { entries };
  const quote = quoteOf(order, entries);
  await ctx.quotes.keep(id, quote);
  return { entries, quote: { objectId: id, quote } };
}

/**
 * orderCreation: stores the order (`bytes`: its body as it arrived) and reserves stock once, with the
 * callback it owes OmniChat, in one step of the store. Its freight is compared with the cart's quote and the verdict noted on the order;
 * a changed freight is a 422 while the integration does not allow freight changes.
 */
export async function createOrder(ctx: MockContext, order: OrderPayload, bytes?: Buffer): Promise<string> {
  const id = str(order.objectId);
  // Only reachable without an id under --lenient: nothing to key the order by, so nothing is stored.
  if (id === undefined) return OK;
  const known = await ctx.store.get(id);
  if (known?.created) return OK;
  const freight = compareFreight(await ctx.quotes.get(id), order);
  if (freight.kind === 'changed' && !ctx.settings.allowFreightChange) {
    throw new HttpProblem(
      'freight-changed',
      said('detail.freightChanged', {
        quoted: describeFreight(freight.quoted ?? {}),
        ordered: describeFreight(freight.ordered ?? {}),
      }),
      { fields: { quoted: freight.quoted, ordered: freight.ordered } },
    );
  }
  const callback = ctx.callbacks.request(id);
  const { isNew } = await ctx.store.create(
    { ...order, objectId: id },
    { note: freight.note, callback, payload: bytes },
  );
  if (isNew && callback !== undefined) ctx.callbacks.queued();
  return OK;
}

/** orderCancellation: cancels a known order (releasing its stock once); 404 for an unknown one. */
export async function cancelOrder(ctx: MockContext, order: OrderPayload): Promise<string> {
  const id = str(order.objectId);
  if (id === undefined || (await ctx.store.cancel(id)) === undefined) {
    const shown = JSON.stringify((id ?? '').slice(0, 80));
    throw new HttpProblem('order-not-found', said('detail.orderNotFound', { id: shown }));
  }
  return OK;
}

/** statusNotification: records the change once in the order's history; CANCELLED releases stock. */
export async function notifyStatus(ctx: MockContext, body: Record<string, unknown>): Promise<string> {
  const order = (typeof body.order === 'object' && body.order !== null ? body.order : {}) as OrderPayload;
  const change = (
    typeof body.statusChange === 'object' && body.statusChange !== null ? body.statusChange : {}
  ) as Record<string, unknown>;
  const id = str(order.objectId);
  const status = str(change.status);
  if (id !== undefined && status !== undefined)
    await ctx.store.notify({ ...order, objectId: id }, { ...change, status });
  return OK;
}
