import type { Check } from '../check';
import { entriesOf } from '../checker';
import { couldNotCheck, fail, pass } from '../outcome';
import { cartLine, testOrder } from '../test-data';

/** A line asking for more than a variant's stock gets an ERROR entry. */
export const stockChecked: Check = {
  id: 'stock-checked',
  operations: ['orderValidation'],
  what: "a cart line beyond the variant's stated quantity gets an ERROR entry",
  why: 'without it sellers sell stock the merchant does not have',
  fix: "return an ERROR entry (componentId = the line's objectId) for a line that asks for more than the variant's stock",
  async run(ctx) {
    const pick = ctx.pick;
    if (!pick) return couldNotCheck(ctx.productProblem);
    if (pick.variant.quantity === undefined)
      return couldNotCheck(`variant ${pick.variant.objectId} states no quantity, so there is no stock to exceed`);
    const quantity = pick.variant.quantity + 1;
    const order = testOrder(ctx.orderId('overstock'), [cartLine(pick, 'mk-test-line-1', quantity)]);
    const ex = await ctx.call('orderValidation', { body: order });
    const read = entriesOf(ex);
    if ('problem' in read) return couldNotCheck(read.problem, ex);
    if (read.entries.some((e) => e.action === 'ERROR'))
      return pass(`${quantity} units of ${pick.variant.objectId} (stock ${pick.variant.quantity}) get an ERROR`);
    return fail(
      `${quantity} units of variant ${pick.variant.objectId} (stock ${pick.variant.quantity}) got no ERROR entry`,
      {
        received: `${read.entries.length} entr${read.entries.length === 1 ? 'y' : 'ies'}, none with action ERROR`,
        expected: 'an ERROR entry for line mk-test-line-1',
        exchange: ex,
      },
    );
  },
};
