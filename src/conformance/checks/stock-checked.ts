import type { Check } from '../check';
import { cartProbes } from '../cart-probes';
import { judgeCarts } from '../probe-judging';
import { primaryEntries } from '../checker';
import { couldNotCheck, notJudged, skip } from '../outcome';

/** A line asking for one unit more than a variant's stock gets an ERROR entry. */
export const stockChecked: Check = {
  id: 'stock-checked',
  operations: ['orderValidation'],
  what: 'a cart line of S + 1 units of a variant with stock S gets an ERROR entry (products that sell out of stock are exempt)',
  why: 'without it sellers sell stock the merchant does not have',
  fix: "return an ERROR entry (componentId = the line's objectId) for a line that asks for more than the variant's stock",
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, _operation, primary) {
    const first = primaryEntries(primary);
    if (!first.ok) return notJudged(first, primary);
    const probes = await cartProbes(ctx);
    if (!probes.ok) return notJudged(probes);
    const over = probes.value.overStock;
    if (!over.ok) {
      const exempt = ctx.pick.ok && ctx.pick.value.product.sellOutOfStock;
      return exempt ? skip(over.reason) : couldNotCheck(over.reason);
    }
    const [line] = over.value.lines;
    return judgeCarts([{ probe: over.value, errorOn: [line.lineId] }], {
      passed: `${line.quantity} units of ${line.variantId} (${line.known}) get an ERROR`,
      failed: () => `${line.quantity} units of variant ${line.variantId} (${line.known}) got no ERROR entry`,
    });
  },
};
