import type { Check } from '../check';
import { cartProbes, primaryProbe } from '../cart-probes';
import { judgeCarts } from '../probe-judging';
import { primaryEntries } from '../checker';
import { notJudged } from '../outcome';

/** Carts within the stock of a variant (1, 2 and S units of stock S) get no ERROR entry. */
export const cartInStockOk: Check = {
  id: 'cart-in-stock-ok',
  operations: ['orderValidation'],
  what: 'carts with 1, 2 and S units of an in-stock variant found by search (S = its stock) get no ERROR entry',
  why: 'an ERROR blocks the seller from closing a sale that should go through; trying several quantities catches a checker that decides by something other than the stock',
  fix: 'return no ERROR entry for a line whose variant is visible, not blocked and has at least the quantity it asks for',
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, _operation, primary) {
    const first = primaryEntries(primary);
    if (!first.ok) return notJudged(first, primary);
    const probes = await cartProbes(ctx);
    if (!probes.ok) return notJudged(probes);
    if (!ctx.pick.ok) return notJudged(ctx.pick);
    const carts = [primaryProbe(ctx.pick.value, primary), ...probes.value.inStock];
    const units = carts.map((c) => c.lines[0].quantity);
    const { variant } = ctx.pick.value;
    return judgeCarts(
      carts.map((probe) => ({ probe, errorOn: [] })),
      {
        passed: `no ERROR entry for ${units.join(', ')} unit(s) of ${variant.objectId} (${carts[0].lines[0].known})`,
        failed: (wrong, total) => `${wrong} of ${total} carts within stock got an ERROR entry`,
      },
    );
  },
};
