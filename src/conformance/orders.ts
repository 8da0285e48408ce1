import type { OperationId } from '../contracts';
import type { RunContext } from './context';
import { describeAnswer, isSuccess, type Exchange } from './exchange';
import { none, ok, type Result } from './result';
import { search } from './search';
import { cartLine, TEST_LINE_ID, testOrder, type ProductVariant } from './test-data';

/** The status of statusNotification's first request: what OmniChat notifies first after an order is paid. */
export const FIRST_NOTIFIED_STATUS = 'PAID';

/**
 * Notifications need nothing from the search: when it gave no product to order, they are about an
 * order made up for the purpose (no lines), so that statusNotification is judged anyway.
 */
function withoutProduct(ctx: RunContext): boolean {
  return !ctx.pick.ok;
}

/** The order the run's notifications are about: the test order, or the made-up one when the search gave no product. */
function notifiedOrder(ctx: RunContext): Record<string, unknown> {
  if (ctx.order) return ctx.order;
  return withoutProduct(ctx) ? testOrder(ctx.orderId('no-product'), []) : {};
}

/** Notes about what the run made up: the order notified when the search gave no product. */
export function synthesizedNotes(ctx: RunContext): string[] {
  const notified = ctx.config.destructive && ctx.config.only.includes('statusNotification');
  // Only an accepted notification needs explaining: one refused like everything else is the cause's consequence.
  const accepted = ctx.verdicts.get('statusNotification/answers-2xx')?.status === 'pass';
  return notified && accepted && withoutProduct(ctx)
    ? [ctx.t('run.madeUpOrder', { id: ctx.orderId('no-product') })]
    : [];
}

/** A status notification about the test order, as OmniChat sends it. */
export function notification(ctx: RunContext, status: string): Record<string, unknown> {
  return {
    order: { ...notifiedOrder(ctx), status },
    statusChange: {
      status,
      responsible: 'merchant-kit verify',
      message: `merchant-kit test notification: ${status}`,
      updatedAt: ctx.startedAt,
    },
  };
}

/** The cancellation OmniChat sends for an order: the order as created, with status CANCELLED. */
function cancellation(payload: Record<string, unknown>): Record<string, unknown> {
  return { ...payload, status: 'CANCELLED' };
}

/** The test order: one unit of the picked variant on the one test line. */
function mainOrder(ctx: RunContext, pick: ProductVariant): Record<string, unknown> {
  return testOrder(ctx.orderId('order'), [cartLine(pick, TEST_LINE_ID, 1)]);
}

/**
 * How to send the first request of an operation, the one the generic checks judge, or why it cannot
 * be built: the order operations need a product that the search found, and notifications and the
 * cancellation need an order the merchant accepted. Nothing is sent until the returned function runs.
 */
export function planPrimary(ctx: RunContext, operation: OperationId): Result<() => Promise<Exchange>> {
  if (operation === 'productSearch') return ok(() => search(ctx, 'TEXT', ctx.config.searchQuery));
  if (operation === 'statusNotification' && withoutProduct(ctx))
    return ok(() => ctx.call(operation, { body: notification(ctx, FIRST_NOTIFIED_STATUS) }));
  if (!ctx.pick.ok) return ctx.pick;
  const pick = ctx.pick.value;
  switch (operation) {
    case 'orderValidation':
      return ok(() => ctx.call(operation, { body: testOrder(ctx.orderId('cart'), [cartLine(pick, TEST_LINE_ID, 1)]) }));
    case 'orderCreation':
      return ok(() => ctx.call(operation, { body: mainOrder(ctx, pick) }));
    case 'statusNotification': {
      if (!ctx.created.ok) return ctx.created;
      return ok(() => ctx.call(operation, { body: notification(ctx, FIRST_NOTIFIED_STATUS) }));
    }
    case 'orderCancellation': {
      if (!ctx.created.ok) return ctx.created;
      const payload = ctx.created.value.payload;
      return ok(() => ctx.call(operation, { body: cancellation(payload) }));
    }
  }
}

/** What orderCreation's first request taught the run: the test order exists, or why the later operations cannot use it. */
export function learnCreation(ctx: RunContext, primary: Exchange, pick: ProductVariant): void {
  const sent = ctx.sentOrder(mainOrder(ctx, pick), isSuccess(primary), primary.durationMs);
  ctx.created = sent.accepted
    ? ok(sent)
    : none(ctx.t('run.orderNotAccepted', { id: sent.id, answer: describeAnswer(ctx.t, primary) }), {
        operation: 'orderCreation',
        check: 'answers-2xx',
      });
}

/** What orderCancellation's first request taught the run: the test order needs no cancelling at the end. */
export function learnCancellation(ctx: RunContext, primary: Exchange): void {
  if (ctx.created.ok && isSuccess(primary)) ctx.created.value.cancelled = true;
}

/** Cancels every test order the run sent and did not cancel already; one note per order. */
export async function cancelLeftovers(ctx: RunContext): Promise<string[]> {
  const notes: string[] = [];
  for (const order of ctx.sentOrders.filter((o) => !o.cancelled)) {
    const ex = await ctx.call('orderCancellation', { body: cancellation(order.payload) });
    order.cancelled = isSuccess(ex);
    const said = { id: order.id, answer: describeAnswer(ctx.t, ex) };
    if (order.cancelled) notes.push(ctx.t('run.orderCancelled', { id: order.id }));
    else if (order.accepted) notes.push(ctx.t('run.orderNotCancelled', said));
    else notes.push(ctx.t('run.orderRefusedTwice', said));
  }
  return notes;
}
