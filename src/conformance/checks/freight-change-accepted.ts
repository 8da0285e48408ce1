import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { firstRefused } from '../accepted';
import { bodyPreview, isSuccess } from '../exchange';
import { couldNotCheck, fail, pass, skip } from '../outcome';
import { noAnswer, primaryArray } from '../search';
import { cartLine, secondVariant, TEST_LINE_ID, testOrder, type ProductVariant } from '../test-data';
import type { RunContext } from '../context';

/** The seller's own freight: a method name no checker quotes. */
const SELLER_METHOD = 'merchant-kit-seller-freight';

/** The variant for the second test order: the pick when a second unit is there, else another variant with stock. */
function freightVariant(ctx: RunContext): ProductVariant | undefined {
  if (!ctx.pick.ok || !ctx.products.ok) return undefined;
  const { product, variant } = ctx.pick.value;
  if (product.sellOutOfStock || variant.quantity === undefined || variant.quantity >= 2) return ctx.pick.value;
  return secondVariant(ctx.products.value, ctx.pick.value);
}

/** A freight cost no quoted option has: 12.34, raised by 1 until it differs from every quoted price. */
function sellerCost(quoted: number[]): number {
  let cost = 12.34;
  while (quoted.includes(cost)) cost += 1;
  return Math.round(cost * 100) / 100;
}

/** With "Alterar dados do frete" on, an order whose freight the seller changed is accepted. */
export const freightChangeAccepted: Check = {
  id: 'freight-change-accepted',
  operations: ['orderCreation'],
  ...englishTexts('freight-change-accepted'),
  async run(ctx, operation, primary) {
    const t = ctx.t;
    if (!ctx.config.allowFreightChange) return skip(t('freight-change-accepted.off'));
    const refused = firstRefused(t, primary, operation);
    if (refused) return refused;
    const pick = freightVariant(ctx);
    if (!pick) return couldNotCheck(t('freight-change-accepted.noSecondUnit'));
    const id = ctx.orderId('freight');
    const items = [cartLine(pick, TEST_LINE_ID, 1)];
    // What the checker quotes for exactly this cart, so the seller's freight differs from all of it.
    const quote = await ctx.call('orderValidation', { body: testOrder(id, items) });
    // Read like orderValidation's own first answer: what stops it is that operation's finding.
    const entries = primaryArray(t, quote, 'orderValidation');
    if (!entries.ok)
      return couldNotCheck(t('freight-change-accepted.noQuote', { reason: entries.reason }), quote, entries.causedBy);
    const quoted = entries.value.flatMap((e) => (Array.isArray(e.shippingOptions) ? e.shippingOptions : []));
    const prices = quoted
      .map((o) => (o as { price?: unknown }).price)
      .filter((p): p is number => typeof p === 'number');
    const order = {
      ...testOrder(id, items),
      shippingMethod: SELLER_METHOD,
      freightCost: sellerCost(prices),
      deliveryTime: '3 dias úteis',
    };
    const ex = await ctx.call(operation, { body: order });
    ctx.sentOrder(order, isSuccess(ex), ex.durationMs);
    const unanswered = noAnswer(t, ex);
    if (unanswered) return unanswered;
    const changed = `shippingMethod ${SELLER_METHOD}, freightCost ${order.freightCost}`;
    if (isSuccess(ex)) return pass(t('freight-change-accepted.ok', { changed }));
    return fail(t('freight-change-accepted.refused', { changed }), {
      received: bodyPreview(t, ex),
      expected: t('freight-change-accepted.expected', { count: quoted.length }),
      exchange: ex,
    });
  },
};
