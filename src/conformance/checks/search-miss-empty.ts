import type { Check } from '../check';
import { bodyPreview, isSuccess, unjudgeable } from '../exchange';
import { couldNotCheck, fail, pass, warn } from '../outcome';
import { search } from '../search';

/** A search that matches nothing is `200 []`, never a 404 or an error. */
export const searchMissEmpty: Check = {
  id: 'search-miss-empty',
  operations: ['productSearch'],
  what: 'a TEXT search that matches nothing answers 200 with []',
  why: 'a non-2xx is a failed search on OmniChat\'s side, not "no results"',
  fix: 'answer a search that finds nothing with 200 and [] (not 404 or an error)',
  async run(ctx) {
    const miss = await search(ctx, 'TEXT', `mk-test-no-such-product-${ctx.runId}`);
    const problem = unjudgeable(miss);
    if (problem) return couldNotCheck(problem, miss);
    if (isSuccess(miss) && !(miss.json && Array.isArray(miss.json.value)))
      return couldNotCheck('the answer is not a JSON array; see response-contract', miss);
    if (!isSuccess(miss) || !miss.json || !Array.isArray(miss.json.value)) {
      return fail('a search with no hit did not answer 200 []', {
        received: bodyPreview(miss),
        expected: 'HTTP 200 with []',
        exchange: miss,
      });
    }
    if (miss.json.value.length > 0) {
      return warn(
        `a nonsense search found ${miss.json.value.length} product(s); fine for a fuzzy search, but check it`,
        { received: bodyPreview(miss, 80), expected: '[]', exchange: miss },
      );
    }
    return pass('a miss is 200 []');
  },
};
