import type { Check } from '../check';
import { judgeLookup } from '../search';

/** An ID search returns exactly the product with that objectId. */
export const searchById: Check = {
  id: 'search-by-id',
  operations: ['productSearch'],
  what: 'searchType=ID with a product objectId returns a list with exactly that product',
  why: 'OmniChat reloads a product by id (cart, order screens) and takes the single result',
  run: (ctx) => judgeLookup(ctx, 'ID', (p) => p.objectId, 'no product to look up', true),
};
