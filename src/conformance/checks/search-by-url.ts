import type { Check } from '../check';
import { judgeLookup } from '../search';

/** A URL search with a product's externalUrl finds that product. */
export const searchByUrl: Check = {
  id: 'search-by-url',
  operations: ['productSearch'],
  what: 'searchType=URL with a product externalUrl returns that product',
  why: "OmniChat's assistant finds products from a link the customer sends (Google results, Lens)",
  fix: 'for searchType=URL, answer the product whose externalUrl is the query (ignore scheme, www. and trailing slash)',
  run: (ctx) =>
    judgeLookup(
      ctx,
      'URL',
      (p) => p.externalUrl,
      'no product in the search answer has an externalUrl (leave URL out of capabilities.searchTypes if you do not support it)',
    ),
};
