import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { judgeLookup } from '../search';

/** An ID search returns exactly the product with that objectId. */
export const searchById: Check = {
  id: 'search-by-id',
  operations: ['productSearch'],
  ...englishTexts('search-by-id'),
  run: (ctx) => judgeLookup(ctx, 'ID', (p) => p.objectId, ctx.t('search-by-id.nothing'), true),
};
