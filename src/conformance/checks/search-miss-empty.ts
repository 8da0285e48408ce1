import type { Check } from '../check-definition';
import type { OperationId } from '../../contracts';
import { englishTexts, type T } from '../i18n';
import type { RunContext } from '../context';
import { firstRefused } from '../accepted';
import { bodyPreview, isSuccess, withoutJson, type Exchange } from '../exchange';
import { couldNotCheck, fail, pass, warn, type Verdict } from '../outcome';
import { jsonArray, noAnswer, primaryArray, search } from '../search';
import { TEST_ORDER_PREFIX } from '../test-data';

/** A search for a term no catalogue has, and how many products it found when it answered 200 with a list. */
function missSearch(ctx: RunContext): Promise<{ miss: Exchange; hits?: number }> {
  return ctx.shared('search-miss', async () => {
    const miss = await search(ctx, 'TEXT', `${TEST_ORDER_PREFIX}no-such-product-${ctx.runId}`);
    const found = jsonArray(ctx.t, miss);
    return { miss: withoutJson(miss), hits: found.ok ? found.value.length : undefined };
  });
}

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
    const { miss, hits } = await missSearch(ctx);
    const unanswered = noAnswer(t, miss);
    if (unanswered) return unanswered;
    if (hits === undefined)
      return (
        sameDefectInFirst(t, miss, primary, operation) ??
        fail(t('search-miss-empty.notEmpty'), {
          received: bodyPreview(t, miss),
          expected: t('search-miss-empty.expected'),
          exchange: miss,
        })
      );
    if (hits > 0) {
      return warn(t('search-miss-empty.fuzzy', { count: hits }), {
        received: bodyPreview(t, miss, 80),
        expected: '[]',
        exchange: miss,
      });
    }
    return pass(t('search-miss-empty.ok'));
  },
};
