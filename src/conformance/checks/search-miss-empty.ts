import type { Check } from '../check';
import type { RunContext } from '../context';
import { firstRefused } from '../accepted';
import { bodyPreview, isSuccess, withoutJson, type Exchange } from '../exchange';
import { couldNotCheck, fail, pass, warn } from '../outcome';
import { jsonArray, noAnswer, primaryArray, search } from '../search';
import { TEST_ORDER_PREFIX } from '../test-data';

/** A search for a term no catalogue has, and how many products it found when it answered 200 with a list. */
function missSearch(ctx: RunContext): Promise<{ miss: Exchange; hits?: number }> {
  return ctx.shared('search-miss', async () => {
    const miss = await search(ctx, 'TEXT', `${TEST_ORDER_PREFIX}no-such-product-${ctx.runId}`);
    const found = jsonArray(miss);
    return { miss: withoutJson(miss), hits: found.ok ? found.value.length : undefined };
  });
}

/** A search that matches nothing is `200 []`, never a 404 or an error. */
export const searchMissEmpty: Check = {
  id: 'search-miss-empty',
  operations: ['productSearch'],
  what: 'a TEXT search that matches nothing answers 200 with []',
  why: 'a non-2xx is a failed search on OmniChat\'s side, not "no results"',
  fix: 'answer a search that finds nothing with 200 and [] (not 404 or an error)',
  prefetch: (ctx) => void missSearch(ctx),
  async run(ctx, operation, primary) {
    const { miss, hits } = await missSearch(ctx);
    const unanswered = noAnswer(miss);
    if (unanswered) return unanswered;
    if (hits === undefined) {
      // The same defect in the first search is already reported there (answers-2xx, json-body or response-contract).
      const first = primaryArray(primary, operation);
      if (!isSuccess(miss)) {
        const refused = firstRefused(primary, operation);
        if (refused) return refused;
      } else if (!first.ok) return couldNotCheck(first.reason, miss, first.causedBy);
      return fail('a search with no hit did not answer 200 []', {
        received: bodyPreview(miss),
        expected: 'HTTP 200 with []',
        exchange: miss,
      });
    }
    if (hits > 0) {
      return warn(`a nonsense search found ${hits} product(s); fine for a fuzzy search, but check it`, {
        received: bodyPreview(miss, 80),
        expected: '[]',
        exchange: miss,
      });
    }
    return pass('a miss is 200 []');
  },
};
