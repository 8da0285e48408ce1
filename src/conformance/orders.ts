import type { OperationId } from '../contracts';
import type { RunContext } from './context';
import type { Exchange } from './exchange';
import { search } from './search';
import { cartLine, testOrder } from './test-data';

/** The one test line every order carries: one unit of the picked variant. */
const LINE_ID = 'mk-test-line-1';

/** A status notification about the test order, as OmniChat sends it. */
export function notification(ctx: RunContext, status: string): Record<string, unknown> {
  return {
    order: { ...(ctx.order ?? {}), status },
    statusChange: {
      status,
      responsible: 'merchant-kit verify',
      message: `merchant-kit test notification: ${status}`,
      updatedAt: new Date().toISOString(),
    },
  };
}

/**
 * Sends the first request of an operation, the one the generic checks judge, or says why it cannot
 * be built (the order operations need a product that the search found).
 */
export async function sendPrimary(ctx: RunContext, operation: OperationId): Promise<Exchange | { cannot: string }> {
  if (operation === 'productSearch') return search(ctx, 'TEXT', ctx.config.searchQuery);
  const pick = ctx.pick;
  if (!pick) return { cannot: ctx.productProblem };
  switch (operation) {
    case 'orderValidation':
      return ctx.call(operation, { body: testOrder(ctx.orderId('cart'), [cartLine(pick, LINE_ID, 1)]) });
    case 'orderCreation':
      ctx.order = testOrder(ctx.orderId('order'), [cartLine(pick, LINE_ID, 1)]);
      return ctx.call(operation, { body: ctx.order });
    case 'statusNotification':
      if (!ctx.order) return { cannot: 'no test order was created' };
      return ctx.call(operation, { body: notification(ctx, 'PAID') });
    case 'orderCancellation': {
      if (!ctx.order) return { cannot: 'no test order was created' };
      const ex = await ctx.call(operation, { body: { ...ctx.order, status: 'CANCELLED' } });
      ctx.orderCancelled = ex.outcome.kind === 'answer' && ex.outcome.status < 300;
      return ex;
    }
  }
}
