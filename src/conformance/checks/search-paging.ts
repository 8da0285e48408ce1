import type { Check } from '../check';
import { couldNotCheck, fail, pass } from '../outcome';
import { idsOf, productArray, search } from '../search';

/** `size` caps the page and `from` skips hits, as OmniChat pages through results. */
export const searchPaging: Check = {
  id: 'search-paging',
  operations: ['productSearch'],
  what: '`size` caps the page and `from` skips that many hits',
  why: 'OmniChat shows results page by page; ignoring paging repeats products or floods the seller',
  fix: 'return at most size products, starting after the first from hits',
  async run(ctx, _operation, primary) {
    const first = productArray(primary);
    if ('problem' in first) return couldNotCheck(first.problem, primary);
    if (first.products.length === 0)
      return couldNotCheck(`the TEXT search for "${ctx.config.searchQuery}" found nothing to page through`);
    if (first.products.length > 10) {
      return fail('size=10 returned more than 10 products', {
        received: `${first.products.length} products`,
        expected: 'at most 10',
        exchange: primary,
      });
    }
    const query = ctx.config.searchQuery;
    const one = await search(ctx, 'TEXT', query, { from: 0, size: 1 });
    const page = productArray(one);
    if ('problem' in page) return couldNotCheck(page.problem, one);
    if (page.products.length !== 1) {
      return fail('size=1 was not honoured', {
        received: `${page.products.length} products`,
        expected: 'exactly 1 product',
        exchange: one,
      });
    }
    const second = await search(ctx, 'TEXT', query, { from: 1, size: 1 });
    const next = productArray(second);
    if ('problem' in next) return couldNotCheck(next.problem, second);
    const expected = first.products.length >= 2 ? [String(first.products[1].objectId)] : [];
    const got = idsOf(next.products);
    if (got.join() !== expected.join()) {
      return fail('from=1 did not skip the first hit', {
        received: got.length === 0 ? '[]' : `objectId ${got.join(', ')}`,
        expected:
          expected.length === 0
            ? '[] (only one product matches)'
            : `objectId ${expected[0]} (the second hit of the first page)`,
        exchange: second,
      });
    }
    return pass('size and from are honoured');
  },
};
