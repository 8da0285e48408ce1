import type { Check } from '../check';
import { fail, notJudged, pass } from '../outcome';
import { primaryArray } from '../search';

/** A TEXT search for testData.searchQuery finds products (the data every later check uses). */
export const searchTextFinds: Check = {
  id: 'search-text-finds',
  operations: ['productSearch'],
  what: 'a TEXT search for testData.searchQuery returns at least one product',
  why: 'sellers find products by typing; the order checks also need a real product to put in a cart',
  fix: 'make the TEXT search find testData.searchQuery, or set testData.searchQuery to a term your catalogue matches',
  run(ctx, operation, primary) {
    const found = primaryArray(primary, operation);
    if (!found.ok) return notJudged(found, primary);
    if (found.value.length > 0) return pass(`found ${found.value.length} product(s) for "${ctx.config.searchQuery}"`);
    return fail(`the TEXT search for "${ctx.config.searchQuery}" found nothing`, {
      received: '[]',
      expected: 'at least one product (set testData.searchQuery to a term your catalogue matches)',
      exchange: primary,
    });
  },
};
