import type { Check } from '../check';
import { firstRefused, judgeAccepted } from '../accepted';

/** Cancelling the same order again is accepted. */
export const cancellationIdempotent: Check = {
  id: 'cancellation-idempotent',
  operations: ['orderCancellation'],
  what: 'cancelling the already cancelled test order again gets a 2xx',
  why: 'the same cancellation also arrives as a CANCELLED notification (docs/contracts.md); handling it twice must not fail',
  fix: "make cancellation idempotent on the order's objectId: a second cancellation of a cancelled order answers 2xx and releases nothing",
  async run(ctx, operation, primary) {
    // Only a cancellation that worked can be repeated.
    const refused = firstRefused(primary, operation);
    if (refused) return refused;
    return judgeAccepted(
      await ctx.repeat(operation, primary),
      primary,
      operation,
      'cancelling again is accepted',
      'cancelling the same order again was not accepted',
    );
  },
};
