import type { Check } from '../check';
import { judgeLookup } from '../search';

/** A SKUID search with a variant objectId finds the parent product. */
export const searchBySkuid: Check = {
  id: 'search-by-skuid',
  operations: ['productSearch'],
  what: 'searchType=SKUID with a variant objectId returns its product',
  why: "SKUID is a search type OmniChat's current docs list; the kit reads it as a variant objectId (docs/contracts.md, decision 9)",
  fix: 'for searchType=SKUID, answer the product whose variant has the query as objectId',
  run: (ctx) =>
    judgeLookup(
      ctx,
      'SKUID',
      (p) => (ctx.pick.ok && ctx.pick.value.product === p ? ctx.pick.value.variant.objectId : p.variants[0]?.objectId),
      'no variant to look up',
    ),
};
