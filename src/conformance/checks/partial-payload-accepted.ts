import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { judgeAccepted } from '../accepted';

/** A partial order (only objectId and status, as right after creation) gets a 2xx. */
export const partialPayloadAccepted: Check = {
  id: 'partial-payload-accepted',
  operations: ['orderValidation'],
  ...englishTexts('partial-payload-accepted'),
  async run(ctx, operation, primary) {
    const ex = await ctx.call(operation, { body: { objectId: ctx.orderId('partial'), status: 'CREATED' } });
    return judgeAccepted(
      ctx.t,
      ex,
      primary,
      operation,
      ctx.t('partial-payload-accepted.ok'),
      ctx.t('partial-payload-accepted.failed'),
    );
  },
};
