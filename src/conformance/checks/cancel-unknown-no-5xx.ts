import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import type { RunContext } from '../context';
import { firstRefused } from '../accepted';
import { bodyPreview, statusOf, withoutJson, type Exchange } from '../exchange';
import { couldNotCheck, fail, pass, type Verdict } from '../outcome';
import type { Cause } from '../result';
import type { OperationId } from '../../contracts';
import { noAnswer } from '../search';
import { testOrder } from '../test-data';

/** The cancellation of an order the merchant never saw; it needs nothing from the first request. */
function cancelUnknown(ctx: RunContext): Promise<Exchange> {
  return ctx.shared('cancel-unknown', () =>
    ctx.call('orderCancellation', { body: testOrder(ctx.orderId('unknown'), [], 'CANCELLED') }).then(withoutJson),
  );
}

/**
 * Judges the unknown order's cancellation; with the operation's first request (when there is one), a
 * 5xx that the first request got too is that request's finding, not this one's.
 */
async function judge(ctx: RunContext, operation: OperationId, primary?: Exchange): Promise<Verdict> {
  const ex = await cancelUnknown(ctx);
  const t = ctx.t;
  const unanswered = noAnswer(t, ex);
  if (unanswered) return unanswered;
  const status = statusOf(ex) as number;
  // Refused for its credentials, a cancellation shows nothing about unknown orders: the refusal is the finding.
  const refusal = status === 401 || status === 403 ? refusedBefore(ctx, status) : undefined;
  if (refusal) return couldNotCheck(t('cancel-unknown-no-5xx.refused', { status }), ex, refusal);
  if ((status >= 200 && status < 300) || (status >= 400 && status < 500))
    return pass(t('cancel-unknown-no-5xx.ok', { status }));
  return (
    (primary && firstRefused(t, primary, operation)) ??
    fail(status >= 500 ? t('cancel-unknown-no-5xx.serverError') : t('cancel-unknown-no-5xx.unanswered'), {
      received: bodyPreview(t, ex),
      expected: t('cancel-unknown-no-5xx.expected'),
      exchange: ex,
    })
  );
}

/** The first operation whose first request got this refusal (a wrong token answers it to every call), if one did. */
function refusedBefore(ctx: RunContext, status: number): Cause | undefined {
  for (const [key, verdict] of ctx.verdicts) {
    const [operation, check] = key.split('/') as [OperationId, string];
    if (check === 'answers-2xx' && verdict.status === 'fail' && verdict.received?.startsWith(`HTTP ${status}`))
      return { operation, check };
  }
  return undefined;
}

/** Cancelling an order the merchant never saw is a 2xx or a 4xx, never a 5xx; it needs no test order, so it runs without one. */
export const cancelUnknownNo5xx: Check = {
  id: 'cancel-unknown-no-5xx',
  operations: ['orderCancellation'],
  ...englishTexts('cancel-unknown-no-5xx'),
  prefetch: (ctx) => void cancelUnknown(ctx),
  run: (ctx, operation, primary) => judge(ctx, operation, primary),
  alone: (ctx, operation) => judge(ctx, operation),
};
