import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { fail, notJudged, pass } from '../outcome';
import { primaryArray } from '../search';

/** A TEXT search for testData.searchQuery finds products (the data every later check uses). */
export const searchTextFinds: Check = {
  id: 'search-text-finds',
  operations: ['productSearch'],
  ...englishTexts('search-text-finds'),
  run(ctx, operation, primary) {
    const t = ctx.t;
    const query = ctx.config.searchQuery;
    const found = primaryArray(t, primary, operation);
    if (!found.ok) return notJudged(found, primary);
    if (found.value.length > 0) return pass(t('search-text-finds.found', { count: found.value.length, query }));
    return fail(t('search-text-finds.nothing', { query }), {
      received: '[]',
      expected: t('search-text-finds.expected'),
      exchange: primary,
    });
  },
};
