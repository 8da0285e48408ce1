import type { Check } from '../check';
import { englishTexts } from '../i18n';
import { firstRefused, judgeAccepted } from '../accepted';

/** Cancelling the same order again is accepted. */
export const cancellationIdempotent: Check = {
  id: 'cancellation-idempotent',
  operations: ['orderCancellation'],
  ...englishTexts('cancellation-idempotent'),
  async run(ctx, operation, primary) {
    // Only a cancellation that worked can be repeated.
    const refused = firstRefused(ctx.t, primary, operation);
    if (refused) return refused;
    return judgeAccepted(
      ctx.t,
      await ctx.repeat(operation, primary),
      primary,
      operation,
      ctx.t('cancellation-idempotent.ok'),
      ctx.t('cancellation-idempotent.failed'),
    );
  },
};
