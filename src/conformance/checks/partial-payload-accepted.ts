import type { Check } from '../check';
import { judgeAccepted } from '../accepted';

/** A partial order (only objectId and status, as right after creation) gets a 2xx. */
export const partialPayloadAccepted: Check = {
  id: 'partial-payload-accepted',
  operations: ['orderValidation'],
  what: 'an order with only objectId and status gets a 2xx, not a 4xx or 5xx',
  why: 'OmniChat validates a just-created order before it has items; a 5xx there is a failed call for every new order',
  fix: 'accept an order that carries only objectId and status (a just-created order has no items yet) with 2xx',
  async run(ctx, operation, primary) {
    const ex = await ctx.call(operation, { body: { objectId: ctx.orderId('partial'), status: 'CREATED' } });
    return judgeAccepted(
      ex,
      primary,
      operation,
      'a partial payload is accepted',
      'a partial payload (objectId and status only) was not accepted',
    );
  },
};
