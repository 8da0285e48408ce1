import type { Router } from 'express';
import { validateSearchQuery } from '../../../contracts';
import type { Variant } from '../../domain/catalog-types';
import { searchRequestOf } from '../handlers';
import { readJsonBody } from '../json-body';
import { said } from '../../i18n';
import { HttpProblem, violationsText } from '../../errors/problems';
import { parseQuery } from '../query-string';
import type { StockReader } from '../../store/mock-store';
import type { ContextOf } from './admin-events';
import { sendJsonText } from './respond';

/** Highest stock the admin API sets (any real store is far below it). */
const MAX_STOCK = 1_000_000_000;

/** A variant as the stock screen shows it: live quantity next to the catalog's (null: not tracked). */
interface StockVariant {
  objectId: string;
  name: string;
  quantity: number | null;
  initialQuantity: number | null;
  visible: boolean;
}

/** A product as the stock screen shows it. */
interface StockProduct {
  objectId: string;
  name: string;
  blocked: boolean;
  sellOutOfStock: boolean;
  variants: StockVariant[];
}

/**
 * The stock resources of one store: search the catalog (`GET /stock`, the productSearch parameters),
 * read and set a variant's quantity (`/stock/{sku}`), read a product and block or unblock it
 * (`/products/{id}`, `/products/{id}/blocked`). Changes stay in that store.
 */
export function mountStock(router: Router, contextOf: ContextOf): void {
  router.get('/stock', async (req, res) => {
    const { catalog } = await contextOf(req, res);
    const checked = validateSearchQuery(parseQuery(req.originalUrl));
    if (checked.violations.length > 0)
      throw new HttpProblem(
        'bad-admin-request',
        said('admin.stockSearch', { violations: violationsText(checked.violations) }),
        {
          errors: checked.violations,
        },
      );
    const positions = catalog.search(searchRequestOf(checked.query));
    sendJsonText(res, 200, JSON.stringify(positions.map((p) => productView(catalog, p))));
  });
  router.get('/stock/:sku', async (req, res) => {
    const { catalog } = await contextOf(req, res);
    sendJsonText(res, 200, JSON.stringify(variantView(catalog, String(req.params.sku))));
  });
  router.put('/stock/:sku', async (req, res) => {
    const ctx = await contextOf(req, res);
    const sku = String(req.params.sku);
    variantView(ctx.catalog, sku);
    const quantity = field(await readJsonBody(req), 'quantity');
    if (!Number.isInteger(quantity) || (quantity as number) < 0 || (quantity as number) > MAX_STOCK)
      throw new HttpProblem('bad-admin-request', said('admin.stockQuantity', { max: MAX_STOCK }));
    await ctx.state.setStock(sku, quantity as number);
    const view = variantView(ctx.catalog, sku);
    ctx.events.publish({ kind: 'stock', productId: view.productId });
    sendJsonText(res, 200, JSON.stringify(view));
  });
  router.get('/products/:id', async (req, res) => {
    const { catalog } = await contextOf(req, res);
    sendJsonText(res, 200, JSON.stringify(productView(catalog, positionOf(catalog, String(req.params.id)))));
  });
  router.put('/products/:id/blocked', async (req, res) => {
    const ctx = await contextOf(req, res);
    const position = positionOf(ctx.catalog, String(req.params.id));
    const blocked = field(await readJsonBody(req), 'blocked');
    if (typeof blocked !== 'boolean') throw new HttpProblem('bad-admin-request', said('admin.blockedBody'));
    await ctx.state.setBlocked(position, blocked);
    const view = productView(ctx.catalog, position);
    ctx.events.publish({ kind: 'stock', productId: view.objectId });
    sendJsonText(res, 200, JSON.stringify(view));
  });
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

function positionOf(catalog: StockReader, id: string): number {
  const position = catalog.shared.positionOf(id);
  if (position === undefined)
    throw new HttpProblem('not-in-catalog', said('admin.noProduct', { id: JSON.stringify(id.slice(0, 80)) }));
  return position;
}

/** A product with its variants (mainVariant included once) as this store sees them. */
function productView(catalog: StockReader, position: number): StockProduct {
  const product = catalog.shared.product(position);
  const variants = [...product.variants];
  if (!variants.some((v) => v.objectId === product.mainVariant.objectId)) variants.unshift(product.mainVariant);
  return {
    objectId: product.objectId,
    name: product.name,
    blocked: catalog.blocked(position),
    sellOutOfStock: product.sellOutOfStock === true,
    variants: variants.map((v) => stockOf(catalog, v)),
  };
}

function variantView(
  catalog: StockReader,
  sku: string,
): StockVariant & { productId: string; productName: string; blocked: boolean } {
  const ref = catalog.variant(sku);
  if (ref === undefined)
    throw new HttpProblem('not-in-catalog', said('admin.noVariant', { id: JSON.stringify(sku.slice(0, 80)) }));
  return {
    ...stockOf(catalog, ref.variant),
    productId: ref.product.objectId,
    productName: ref.product.name,
    blocked: catalog.blocked(ref.position),
  };
}

function stockOf(catalog: StockReader, variant: Variant): StockVariant {
  return {
    objectId: variant.objectId,
    name: variant.name,
    quantity: catalog.stock(variant.objectId) ?? null,
    initialQuantity: variant.quantity ?? null,
    visible: variant.visible !== false,
  };
}
