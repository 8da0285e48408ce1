import type { Check } from '../check';
import { englishTexts } from '../i18n';
import { firstRefused, judgeAccepted } from '../accepted';

/** The same notification sent twice is accepted. */
export const notificationRepeatAccepted: Check = {
  id: 'notification-repeat-accepted',
  operations: ['statusNotification'],
  ...englishTexts('notification-repeat-accepted'),
  async run(ctx, operation, primary) {
    const refused = firstRefused(ctx.t, primary, operation);
    if (refused) return refused;
    return judgeAccepted(
      ctx.t,
      await ctx.repeat(operation, primary),
      primary,
      operation,
      ctx.t('notification-repeat-accepted.ok'),
      ctx.t('notification-repeat-accepted.failed'),
    );
  },
};
