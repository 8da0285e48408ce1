import type { Check } from '../check';
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
  await receiver.until(() => provisioning().length > 1, Math.max(repeatedAt, first.at) + grace - performance.now());
  return provisioning();
}

/** The same order sent again is accepted and changes nothing (OmniChat may resend; the merchant must not fail or duplicate). */
export const creationIdempotent: Check = {
  id: 'creation-idempotent',
  operations: ['orderCreation'],
  what: 'the same order sent a second time gets a 2xx and, with --callback-port, no second provisioning callback (after a grace period)',
  why: "nothing in OmniChat's docs promises exactly-once delivery; a repeat that fails looks like a lost order, and a second callback provisions (and may charge) the order twice",
  fix: 'make order creation idempotent on objectId: a repeated order answers 2xx again and creates, reserves and calls back nothing more',
  async run(ctx, operation, primary): Promise<Verdict> {
    // A repeat of an order the merchant refused says nothing about idempotency.
    const refused = firstRefused(primary, operation);
    if (refused) return refused;
    const again = await ctx.repeat(operation, primary);
    const repeatedAt = performance.now();
    const judged = judgeAccepted(
      again,
      primary,
      operation,
      'the repeated order is accepted',
      'the same order sent again was not accepted',
    );
    if (judged.status !== 'pass' || !ctx.callbacks || !ctx.created.ok) return judged;
    const order = ctx.created.value;
    const calls = await secondCallbacks(ctx, order, repeatedAt);
    if (calls.length === 0)
      return {
        ...judged,
        message: 'the repeated order is accepted (no callback came, so none was repeated; see callback-received)',
      };
    if (calls.length === 1) return { ...judged, message: 'the repeated order is accepted and called back only once' };
    return fail(`the repeated order was accepted, but the merchant called back ${calls.length} times for one order`, {
      received: `${calls.length} provisioning callbacks about ${order.id}`,
      expected: 'one callback per order, however often the order is sent',
      details: calls.map((c, i) => `callback ${i + 1}: ${describeCallback(c)}`),
      exchange: again,
    });
  },
};
