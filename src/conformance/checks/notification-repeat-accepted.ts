import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { judgeRepeat } from '../accepted';

/** The same notification sent twice is accepted. */
export const notificationRepeatAccepted: Check = {
  id: 'notification-repeat-accepted',
  operations: ['statusNotification'],
  ...englishTexts('notification-repeat-accepted'),
  run: (ctx, operation, primary) =>
    judgeRepeat(
      ctx,
      operation,
      primary,
      ctx.t('notification-repeat-accepted.ok'),
      ctx.t('notification-repeat-accepted.failed'),
    ),
};
