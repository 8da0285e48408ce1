import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { judgeRepeat } from '../accepted';

/** Cancelling the same order again is accepted. */
export const cancellationIdempotent: Check = {
  id: 'cancellation-idempotent',
  operations: ['orderCancellation'],
  ...englishTexts('cancellation-idempotent'),
  run: (ctx, operation, primary) =>
    judgeRepeat(ctx, operation, primary, ctx.t('cancellation-idempotent.ok'), ctx.t('cancellation-idempotent.failed')),
};
