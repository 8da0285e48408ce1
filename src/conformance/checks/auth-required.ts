import { OPERATION_IDS } from '../../contracts';
import type { Check } from '../check';
import { bodyPreview, describeAnswer, isSuccess, statusOf } from '../exchange';
import { couldNotCheck, fail, pass, skip } from '../outcome';

/** With auth headers configured, the same request without them is refused with 401 or 403. */
export const authRequired: Check = {
  id: 'auth-required',
  operations: OPERATION_IDS,
  what: 'when headers are configured, the same request without them gets 401 or 403',
  why: 'the URLs are reachable from the internet: without the check anyone can create or cancel orders',
  fix: 'refuse a request without the configured headers (or with wrong values) with 401 or 403 before doing anything else',
  async run(ctx, operation, primary) {
    if (ctx.config.headers.length === 0) return skip('no headers configured, so there is nothing to refuse');
    // A refusal only means something when the same request with the headers is accepted: a wrong URL
    // (404 with and without headers) or a broken server is no auth bug.
    if (!isSuccess(primary)) {
      return couldNotCheck(
        `the request with the configured headers was not accepted either (${describeAnswer(primary)}), so the URL or the server is the problem, not auth; see answers-2xx`,
        undefined,
        { operation, check: 'answers-2xx' },
      );
    }
    const bare = await ctx.repeat(operation, primary, true);
    if (!bare.answer.ok) return couldNotCheck(bare.answer.reason, bare);
    const status = statusOf(bare);
    if (status === 401 || status === 403) return pass(`refused without the configured headers (HTTP ${status})`);
    return fail('a request without the configured headers was not refused', {
      received: bodyPreview(bare),
      expected: 'HTTP 401 or 403',
      exchange: bare,
    });
  },
};
