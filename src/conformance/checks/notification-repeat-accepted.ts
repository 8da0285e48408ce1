import type { Check } from '../check';
import { firstRefused, judgeAccepted } from '../accepted';

/** The same notification sent twice is accepted. */
export const notificationRepeatAccepted: Check = {
  id: 'notification-repeat-accepted',
  operations: ['statusNotification'],
  what: 'the same status notification sent again gets a 2xx',
  why: 'duplicate delivery is not ruled out; refusing the repeat reports an error for a change already applied',
  fix: 'treat a repeated status notification (same order, status and updatedAt) as already applied and answer 2xx',
  async run(ctx, operation, primary) {
    const refused = firstRefused(primary, operation);
    if (refused) return refused;
    return judgeAccepted(
      await ctx.repeat(operation, primary),
      primary,
      operation,
      'the repeated notification is accepted',
      'the same notification sent again was not accepted',
    );
  },
};
