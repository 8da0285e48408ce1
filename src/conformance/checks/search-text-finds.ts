import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { couldNotCheck, fail, notJudged, pass } from '../outcome';
import { idsOf, missSearch, primaryArray, sameProducts } from '../search';

/** A TEXT search for testData.searchQuery finds products (the data every later check uses). */
export const searchTextFinds: Check = {
  id: 'search-text-finds',
  operations: ['productSearch'],
  ...englishTexts('search-text-finds'),
  prefetch: (ctx) => void missSearch(ctx),
  async run(ctx, operation, primary) {
    const t = ctx.t;
    const query = ctx.config.searchQuery;
    const found = primaryArray(t, primary, operation);
    if (!found.ok) return notJudged(found, primary);
    if (found.value.length > 0) {
      // Products are evidence only when a term nobody has does not find the same ones.
      const { ids } = await missSearch(ctx);
      if (sameProducts(idsOf(found.value), ids ?? []))
        return couldNotCheck(t('search-text-finds.static'), undefined, { operation, check: 'search-miss-empty' });
      return pass(t('search-text-finds.found', { count: found.value.length, query }));
    }
    return fail(t('search-text-finds.nothing', { query }), {
      received: '[]',
      expected: t('search-text-finds.expected'),
      exchange: primary,
    });
  },
};
