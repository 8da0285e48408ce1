import type { Check } from '../check';
import { bodyPreview, unjudgeable } from '../exchange';
import { couldNotCheck, fail, pass } from '../outcome';
import { testOrder } from '../test-data';

/** Cancelling an order the merchant never saw is a 2xx or a 4xx, never a 5xx. */
export const cancelUnknownNo5xx: Check = {
  id: 'cancel-unknown-no-5xx',
  operations: ['orderCancellation'],
  what: 'cancelling an order the merchant does not know gets a 2xx or 4xx, not a 5xx',
  why: 'a cancellation can reach a merchant that never stored the order (its creation failed or was lost); that is no server error',
  fix: 'answer a cancellation of an order you do not know with 2xx (nothing to do) or 404, never a server error',
  async run(ctx) {
    const ex = await ctx.call('orderCancellation', { body: testOrder(ctx.orderId('unknown'), [], 'CANCELLED') });
    const problem = unjudgeable(ex);
    if (problem) return couldNotCheck(problem, ex);
    if (ex.outcome.kind === 'answer' && ex.outcome.status < 500)
      return pass(`an unknown order gets HTTP ${ex.outcome.status}`);
    return fail('cancelling an unknown order caused a server error', {
      received: bodyPreview(ex),
      expected: '2xx or 4xx',
      exchange: ex,
    });
  },
};
