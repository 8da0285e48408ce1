import type { Check } from '../check';
import type { RunContext } from '../context';
import { firstRefused } from '../accepted';
import { bodyPreview, statusOf, withoutJson, type Exchange } from '../exchange';
import { couldNotCheck, fail, pass } from '../outcome';
import { testOrder } from '../test-data';

/** The cancellation of an order the merchant never saw; it needs nothing from the first request. */
function cancelUnknown(ctx: RunContext): Promise<Exchange> {
  return ctx.shared('cancel-unknown', () =>
    ctx.call('orderCancellation', { body: testOrder(ctx.orderId('unknown'), [], 'CANCELLED') }).then(withoutJson),
  );
}

/** Cancelling an order the merchant never saw is a 2xx or a 4xx, never a 5xx. */
export const cancelUnknownNo5xx: Check = {
  id: 'cancel-unknown-no-5xx',
  operations: ['orderCancellation'],
  what: 'cancelling an order the merchant does not know gets a 2xx or 4xx, not a 5xx',
  why: 'a cancellation can reach a merchant that never stored the order (its creation failed or was lost); that is no server error',
  fix: 'answer a cancellation of an order you do not know with 2xx (nothing to do) or 404, never a server error',
  prefetch: (ctx) => void cancelUnknown(ctx),
  async run(ctx, operation, primary) {
    const ex = await cancelUnknown(ctx);
    if (!ex.answer.ok) return couldNotCheck(`no answer (${ex.answer.reason})`, ex);
    const status = statusOf(ex) as number;
    if ((status >= 200 && status < 300) || (status >= 400 && status < 500))
      return pass(`an unknown order gets HTTP ${status}`);
    return (
      firstRefused(primary, operation) ??
      fail(
        status >= 500
          ? 'cancelling an unknown order caused a server error'
          : 'cancelling an unknown order was not answered',
        { received: bodyPreview(ex), expected: '2xx or 4xx', exchange: ex },
      )
    );
  },
};
