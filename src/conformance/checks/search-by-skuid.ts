import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { judgeLookup } from '../search';

/** A SKUID search with a variant objectId finds the parent product. */
export const searchBySkuid: Check = {
  id: 'search-by-skuid',
  operations: ['productSearch'],
  ...englishTexts('search-by-skuid'),
  run: (ctx) =>
    judgeLookup(
      ctx,
      'SKUID',
      (p) => (ctx.pick.ok && ctx.pick.value.product === p ? ctx.pick.value.variant.objectId : p.variants[0]?.objectId),
      ctx.t('search-by-skuid.nothing'),
    ),
};
