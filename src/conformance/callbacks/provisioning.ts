import type { RunContext, SentOrder } from '../context';
import type { ReceivedCallback } from './receiver';

/** OmniChat's statusChange status that says the order was provisioned (Checkout Omni). */
export const PROVISIONED = 'ORDER_GATEWAY_PROVISIONED';

/** The callback the configured checkout expects: statusChange (Checkout Omni) or provisions (own checkout). */
export function expectedAction(ctx: RunContext): 'statusChange' | 'provisions' {
  return ctx.config.checkout === 'own' ? 'provisions' : 'statusChange';
}

/** True for a callback that reports the outcome of provisioning, as opposed to a later status (PACKAGED, ...). */
export function isProvisioning(callback: ReceivedCallback): boolean {
  if (callback.action === 'provisions') return true;
  const status = (callback.body as { status?: unknown } | undefined)?.status;
  return callback.action === 'statusChange' && status === PROVISIONED;
}

/** Callbacks about an order that arrived after it was sent (an earlier run may have used the same id). */
export function callbacksAbout(ctx: RunContext, order: SentOrder): ReceivedCallback[] {
  return (ctx.callbacks?.about(order.id) ?? []).filter((c) => c.at >= order.sentAt);
}

/**
 * The first callback about the test order, waiting until callbackWaitMs after orderCreation answered
 * it (shared, so every callback check sees the same one whichever runs first); undefined when none came.
 */
export function firstCallback(ctx: RunContext, order: SentOrder): Promise<ReceivedCallback | undefined> {
  const receiver = ctx.callbacks;
  if (!receiver) return Promise.resolve(undefined);
  return ctx.shared(`first-callback-${order.id}`, async () => {
    const waitMs = order.answeredAt + ctx.callbackWaitMs - ctx.clock.now();
    const arrived = (): ReceivedCallback | undefined =>
      callbacksAbout(ctx, order).find((c) => c.at - order.answeredAt <= ctx.callbackWaitMs);
    await receiver.until(() => arrived() !== undefined, waitMs);
    return arrived();
  });
}

/** Callbacks that arrived while waiting for the test order's, about orders this run did not send: a wrong id is likely. */
export function strayCallbacks(ctx: RunContext, order: SentOrder): ReceivedCallback[] {
  const ours = new Set(ctx.sentOrders.map((o) => o.id));
  return (ctx.callbacks?.all() ?? []).filter(
    (c) => !ours.has(c.orderId) && c.at >= order.sentAt && c.at - order.answeredAt <= ctx.callbackWaitMs,
  );
}

/** "statusChange ORDER_GATEWAY_PROVISIONED" or "provisions code 200", for lists of callbacks (no timings: output stays comparable). */
export function describeCallback(callback: ReceivedCallback): string {
  const body = callback.body as { status?: unknown; code?: unknown } | undefined;
  if (body?.status !== undefined) return `${callback.action} ${JSON.stringify(body.status)}`;
  if (body?.code !== undefined) return `${callback.action} code ${JSON.stringify(body.code)}`;
  return callback.action;
}
