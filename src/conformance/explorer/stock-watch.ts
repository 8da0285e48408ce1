import type { SearchType } from '../../contracts';
import { jsonArray, SEARCH_CONTEXT } from '../search';
import { readProducts, type FoundProduct } from '../test-data';
import { answered, type Journey } from './journey';

/** The stock of each variant of a product, as one search showed it (undefined: not stated). */
export type StockSeen = Map<string, number | undefined>;

/** How the explorer reads a product's live stock: by its ID when the merchant declares ID search, else by a SKU. */
function lookupOf(
  product: FoundProduct,
  searchTypes: readonly SearchType[],
): { type: SearchType; value: string } | undefined {
  if (searchTypes.includes('ID')) return { type: 'ID', value: product.objectId };
  if (searchTypes.includes('SKUID') && product.variants[0])
    return { type: 'SKUID', value: product.variants[0].objectId };
  return undefined;
}

/**
 * Searches a product again to read its variants' stock now. A search that does not find it stops the
 * lane (the stock cannot be watched; the lookup's own check says why): undefined then.
 */
export async function readStock(
  journey: Journey,
  product: FoundProduct,
  fromReserve = false,
): Promise<StockSeen | undefined> {
  const { ctx } = journey.lane;
  const t = ctx.t;
  const lookup = lookupOf(product, ctx.config.searchTypes);
  if (!lookup) {
    journey.lane.stop(t('explore.noStockLookup', { id: product.objectId }));
    return undefined;
  }
  let found: FoundProduct | undefined;
  const query = { searchType: lookup.type, query: lookup.value, from: '0', size: '10', ...SEARCH_CONTEXT };
  const ex = await journey.send(
    'productSearch',
    { query },
    (answer) => {
      const list = jsonArray(t, answer);
      found = list.ok ? readProducts(list.value).find((p) => p.objectId === product.objectId) : undefined;
      const stock = found
        ? found.variants.map((v) => `${v.objectId} ${v.quantity ?? '?'}`).join(', ')
        : t('explore.productMissing', { id: product.objectId });
      return t('explore.stockStep', {
        type: lookup.type,
        value: JSON.stringify(lookup.value),
        answer: answered(ctx, answer),
        stock,
      });
    },
    fromReserve,
  );
  if (!ex) return undefined;
  if (!found) {
    journey.lane.stop(
      t('explore.stockUnreadable', { type: lookup.type, value: JSON.stringify(lookup.value), id: product.objectId }),
      {
        operation: 'productSearch',
        check: lookup.type === 'ID' ? 'search-by-id' : 'search-by-skuid',
      },
    );
    return undefined;
  }
  return new Map(found.variants.map((v) => [v.objectId, v.quantity]));
}
