import type { Check } from '../check';
import { judgeLookup } from '../search';

/** An ID search returns exactly the product with that objectId. */
export const searchById: Check = {
  id: 'search-by-id',
  operations: ['productSearch'],
  what: 'searchType=ID with a product objectId returns a list with exactly that product',
  why: "OmniChat's search-by-ID call expects a list holding that single product (developers.omni.chat)",
  fix: 'for searchType=ID, answer a list holding only the product whose objectId is the query',
  run: (ctx) => judgeLookup(ctx, 'ID', (p) => p.objectId, 'no product to look up', true),
};
