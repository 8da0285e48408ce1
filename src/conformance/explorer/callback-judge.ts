import { expectedAction, isProvisioning } from '../callbacks/provisioning';
import type { ReceivedCallback } from '../callbacks/receiver';
import type { RunContext } from '../context';
import { couldNotCheck, fail, notJudged, pass, skip, type Verdict } from '../outcome';
import type { ExplorerOrder } from './order-model';

/** What is wrong with one order's callbacks, and the check of the checks' own order that holds the same rule. */
type Wrong = { message: string; received: string; sameRuleAs: 'callback-received' | 'creation-idempotent' };

/** What is wrong with the callbacks about one order, or undefined when it got exactly one, right and in time. */
function wrongWith(ctx: RunContext, order: ExplorerOrder, calls: ReceivedCallback[]): Wrong | undefined {
  const t = ctx.t;
  const provisioning = calls.filter(isProvisioning);
  const action = expectedAction(ctx);
  const seconds = Math.round(ctx.callbackWaitMs / 1000);
  const first = calls[0];
  const main = 'callback-received';
  if (!first || first.at - order.answeredAt > ctx.callbackWaitMs)
    return {
      message: t('explore.noCallback', { id: order.id, seconds }),
      received: t('callback-received.nothing'),
      sameRuleAs: main,
    };
  if (first.beforeAnswer)
    return {
      message: t('callback-received.beforeAnswer', { action: first.action }),
      received: t('callback-received.beforeAnswerReceived'),
      sameRuleAs: main,
    };
  if (first.action !== action)
    return {
      message: t('callback-received.wentTo', { action: first.action }),
      received: `/${first.action}`,
      sameRuleAs: main,
    };
  // A second callback after a repeated creation is creation-idempotent's rule; after a notification, only this one's.
  if (provisioning.length > 1)
    return {
      message: t('explore.callbacksTwice', { count: provisioning.length, id: order.id }),
      received: String(provisioning.length),
      sameRuleAs: 'creation-idempotent',
    };
  return undefined;
}

/**
 * The callbacks about the explorer's orders: each accepted order gets one provisioning callback,
 * after its 2xx, with the configured checkout's action, within the window (10 s). Waits for each
 * first callback (no longer than its window), then a grace period for a second one.
 */
export async function judgeExplorerCallbacks(ctx: RunContext): Promise<Verdict> {
  const t = ctx.t;
  const receiver = ctx.callbacks;
  // With no product to order, nothing was explored whatever the callbacks: the search is the cause to name.
  if (!receiver) return ctx.products.ok ? skip(t('callback.notChecked')) : notJudged(ctx.products);
  const explorer = ctx.explorer;
  if (!explorer) return skip(t('explore.off'));
  await explorer.finished();
  const orders = explorer.orders().filter((o) => o.accepted);
  if (orders.length === 0) return explorer.unexplored('explored-callbacks');
  // The checks' own test order says first whether callbacks come at all, and right: this judges the rest.
  const main = ctx.verdicts.get('orderCreation/callback-received');
  if (main?.status === 'fail')
    return couldNotCheck(t('explore.callbacksFollow'), undefined, {
      operation: 'orderCreation',
      check: 'callback-received',
    });
  const about = (o: ExplorerOrder): ReceivedCallback[] => receiver.about(o.id);
  for (const order of orders)
    await receiver.until(() => about(order).length > 0, order.answeredAt + ctx.callbackWaitMs - ctx.clock.now());
  // A second provisioning callback (after a repeat or a notification) has a grace period to show.
  await receiver.until(() => orders.some((o) => about(o).filter(isProvisioning).length > 1), ctx.callbackGraceMs);
  for (const order of orders) {
    const wrong = wrongWith(ctx, order, about(order));
    if (wrong && ctx.verdicts.get(`orderCreation/${wrong.sameRuleAs}`)?.status === 'fail')
      return couldNotCheck(t('explore.sameRule', { check: wrong.sameRuleAs, finding: wrong.message }), undefined, {
        operation: 'orderCreation',
        check: wrong.sameRuleAs,
      });
    if (wrong)
      return fail(wrong.message, {
        received: wrong.received,
        expected: t('explore.oneCallback', { action: expectedAction(ctx) }),
        details: about(order).map((c, i) => t('creation-idempotent.callback', { number: i + 1, callback: c.action })),
      });
  }
  return pass(t('explore.passed.explored-callbacks', { count: orders.length }));
}
