import type { Check } from '../check';
import { judgeLookup } from '../search';

/** A REFERENCE search with a variant erpId finds the product. */
export const searchByReference: Check = {
  id: 'search-by-reference',
  operations: ['productSearch'],
  what: 'searchType=REFERENCE with a variant erpId returns its product',
  why: "REFERENCE is a search type OmniChat's current docs list; the kit reads it as a variant erpId, usually the barcode",
  fix: 'for searchType=REFERENCE, answer the product whose variant has the query as erpId',
  run: (ctx) =>
    judgeLookup(
      ctx,
      'REFERENCE',
      (p) => p.variants.find((v) => v.erpId)?.erpId,
      'no variant in the search answer has an erpId (leave REFERENCE out of capabilities.searchTypes if you do not support it)',
    ),
};
