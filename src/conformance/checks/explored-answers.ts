import type { Check } from '../check-definition';
import { judgeExplored } from '../explorer/judge';
import { englishTexts } from '../i18n';

/** The explorer's orders: every creation, repeat, notification (any status, any order) and cancellation is accepted. */
export const exploredAnswers: Check = {
  id: 'explored-answers',
  operations: ['orderCreation', 'statusNotification', 'orderCancellation'],
  ...englishTexts('explored-answers'),
  reads: 'exploration',
  run: (ctx, operation) => judgeExplored(ctx, 'explored-answers', operation),
  alone: (ctx, operation) => judgeExplored(ctx, 'explored-answers', operation),
};
