import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { judgeLookup } from '../search';

/** A URL search with a product's externalUrl finds that product. */
export const searchByUrl: Check = {
  id: 'search-by-url',
  operations: ['productSearch'],
  ...englishTexts('search-by-url'),
  run: (ctx) => judgeLookup(ctx, 'URL', (p) => p.externalUrl, ctx.t('search-by-url.nothing')),
};
