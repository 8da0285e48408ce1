import type { Check } from '../check-definition';
import { judgeExplored } from '../explorer/judge';
import { englishTexts } from '../i18n';

/** The explorer's orders: creation takes stock once, cancellation gives it back once, nothing else moves it. */
export const exploredStock: Check = {
  id: 'explored-stock',
  operations: ['orderValidation', 'orderCreation', 'statusNotification', 'orderCancellation'],
  ...englishTexts('explored-stock'),
  reads: 'exploration',
  run: (ctx, operation) => judgeExplored(ctx, 'explored-stock', operation),
  alone: (ctx, operation) => judgeExplored(ctx, 'explored-stock', operation),
};
