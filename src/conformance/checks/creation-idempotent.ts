import type { Check } from '../check';
import { judgeAccepted } from '../accepted';

/** The same order sent again is accepted (OmniChat may resend; the merchant must not fail or duplicate). */
export const creationIdempotent: Check = {
  id: 'creation-idempotent',
  operations: ['orderCreation'],
  what: 'the same order sent a second time gets a 2xx',
  why: "nothing in OmniChat's docs promises exactly-once delivery; a repeat that fails looks like a lost order",
  fix: 'make order creation idempotent on objectId: a repeated order answers 2xx again and creates, reserves and calls back nothing more',
  async run(ctx, operation, primary) {
    const again = await ctx.repeat(operation, primary);
    return judgeAccepted(again, 'the repeated order is accepted', 'the same order sent again was not accepted');
  },
};
