import type { Check } from '../check';
import { cartProbes } from '../cart-probes';
import { judgeCarts, wentWrong } from '../probe-judging';
import { primaryEntries } from '../checker';
import { couldNotCheck, notJudged, skip } from '../outcome';

/** One unit of a variant whose stock is 0 gets an ERROR entry. */
export const zeroStockRefused: Check = {
  id: 'zero-stock-refused',
  operations: ['orderValidation'],
  what: 'a cart line of 1 unit of a variant with stock 0 gets an ERROR entry (skipped when the search shows no such variant)',
  why: 'a stock of 0 is easily read as "not tracked" (if (stock && ...)); then sellers sell what is gone',
  fix: 'treat a stock of 0 as none left: return an ERROR entry for any quantity of it, unless the product sells out of stock',
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, operation, primary) {
    const first = primaryEntries(primary);
    if (!first.ok) return notJudged(first, primary);
    const probes = await cartProbes(ctx);
    if (!probes.ok) return notJudged(probes);
    const zero = probes.value.zeroStock;
    if (!zero.ok) return skip(zero.reason);
    // A checker that lets any quantity through is stock-checked's finding; this one is about 0 read as "untracked".
    const over = probes.value.overStock;
    if (over.ok && wentWrong(over.value, [over.value.lines[0].lineId]))
      return couldNotCheck('no stock limit is enforced at all; see stock-checked', undefined, {
        operation,
        check: 'stock-checked',
      });
    const [line] = zero.value.lines;
    return judgeCarts([{ probe: zero.value, errorOn: [line.lineId] }], {
      passed: `1 unit of ${line.variantId} (stock 0) gets an ERROR`,
      failed: () => `1 unit of variant ${line.variantId}, whose stock is 0, got no ERROR entry`,
    });
  },
};
