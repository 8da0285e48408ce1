import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { judgeLookup } from '../search';

/** A REFERENCE search with a variant erpId finds the product. */
export const searchByReference: Check = {
  id: 'search-by-reference',
  operations: ['productSearch'],
  ...englishTexts('search-by-reference'),
  run: (ctx) =>
    judgeLookup(ctx, 'REFERENCE', (p) => p.variants.find((v) => v.erpId)?.erpId, ctx.t('search-by-reference.nothing')),
};
