import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import type { RunContext, SentOrder } from '../context';
import { firstRefused, judgeAccepted } from '../accepted';
import { callbacksAbout, describeCallback, firstCallback, isProvisioning } from '../callbacks/provisioning';
import type { ReceivedCallback } from '../callbacks/receiver';
import { fail, type Verdict } from '../outcome';

/**
 * Waits out the grace period for a second provisioning callback after the repeated order: twice the
 * time the first callback took, at least callbackGraceMs, at most callbackWaitMs (docs/verify.md).
 */
async function secondCallbacks(ctx: RunContext, order: SentOrder, repeatedAt: number): Promise<ReceivedCallback[]> {
  const receiver = ctx.callbacks;
  const first = await firstCallback(ctx, order);
  if (!receiver || !first) return [];
  const grace = Math.min(ctx.callbackWaitMs, Math.max(ctx.callbackGraceMs, 2 * (first.at - order.answeredAt)));
  const provisioning = (): ReceivedCallback[] => callbacksAbout(ctx, order).filter(isProvisioning);
  await receiver.until(() => provisioning().length > 1, Math.max(repeatedAt, first.at) + grace - ctx.clock.now());
  return provisioning();
}

/** The same order sent again is accepted and changes nothing (OmniChat may resend; the merchant must not fail or duplicate). */
export const creationIdempotent: Check = {
  id: 'creation-idempotent',
  operations: ['orderCreation'],
  ...englishTexts('creation-idempotent'),
  async run(ctx, operation, primary): Promise<Verdict> {
    // A repeat of an order the merchant refused says nothing about idempotency.
    const t = ctx.t;
    const refused = firstRefused(t, primary, operation);
    if (refused) return refused;
    const again = await ctx.repeat(operation, primary);
    const repeatedAt = ctx.clock.now();
    const judged = judgeAccepted(
      t,
      again,
      primary,
      operation,
      t('creation-idempotent.ok'),
      t('creation-idempotent.failed'),
    );
    if (judged.status !== 'pass' || !ctx.callbacks || !ctx.created.ok) return judged;
    const order = ctx.created.value;
    const calls = await secondCallbacks(ctx, order, repeatedAt);
    if (calls.length === 0) return { ...judged, message: t('creation-idempotent.noCallback') };
    if (calls.length === 1) return { ...judged, message: t('creation-idempotent.once') };
    return fail(t('creation-idempotent.twice', { count: calls.length }), {
      received: t('creation-idempotent.received', { count: calls.length, id: order.id }),
      expected: t('creation-idempotent.expected'),
      details: calls.map((c, i) => t('creation-idempotent.callback', { number: i + 1, callback: describeCallback(c) })),
      exchange: again,
    });
  },
};
