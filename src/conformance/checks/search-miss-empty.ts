import type { Check } from '../check-definition';
import type { OperationId } from '../../contracts';
import { englishTexts, type T } from '../i18n';
import { firstRefused } from '../accepted';
import { bodyPreview, isSuccess, type Exchange } from '../exchange';
import { couldNotCheck, fail, pass, warn, type Verdict } from '../outcome';
import { idsOf, missSearch, noAnswer, primaryArray, sameProducts } from '../search';

/**
 * "Could not check" when the miss went wrong the way the first search did: that defect is already
 * reported there (answers-2xx, json-body or response-contract), so the miss must not blame it again.
 */
function sameDefectInFirst(t: T, miss: Exchange, primary: Exchange, operation: OperationId): Verdict | undefined {
  if (!isSuccess(miss)) return firstRefused(t, primary, operation);
  const first = primaryArray(t, primary, operation);
  return first.ok ? undefined : couldNotCheck(first.reason, miss, first.causedBy);
}

/** A search that matches nothing is `200 []`, never a 404 or an error. */
export const searchMissEmpty: Check = {
  id: 'search-miss-empty',
  operations: ['productSearch'],
  ...englishTexts('search-miss-empty'),
  prefetch: (ctx) => void missSearch(ctx),
  async run(ctx, operation, primary) {
    const t = ctx.t;
    const { miss, hits, ids } = await missSearch(ctx);
    const unanswered = noAnswer(t, miss);
    if (unanswered) return unanswered;
    const first = primaryArray(t, primary, operation);
    const query = ctx.config.searchQuery;
    if (hits === undefined)
      return (
        sameDefectInFirst(t, miss, primary, operation) ??
        fail(t('search-miss-empty.notEmpty'), {
          received: bodyPreview(t, miss),
          expected: t('search-miss-empty.expected'),
          exchange: miss,
        })
      );
    // The same products for a term nobody has as for the real one: the search ignores its term.
    if (first.ok && sameProducts(idsOf(first.value), ids ?? []))
      return fail(t('search-miss-empty.static', { query }), {
        received: bodyPreview(t, miss, 80),
        expected: '[]',
        exchange: miss,
      });
    if (hits > 0) {
      return warn(t('search-miss-empty.fuzzy', { count: hits }), {
        received: bodyPreview(t, miss, 80),
        expected: '[]',
        exchange: miss,
      });
    }
    // An empty answer is no evidence from a search that found nothing for the real term either.
    if (first.ok && first.value.length === 0)
      return couldNotCheck(t('search-miss-empty.nothingFound', { query }), undefined, {
        operation,
        check: 'search-text-finds',
      });
    return pass(t('search-miss-empty.ok'));
  },
};
