import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { cartProbes } from '../cart-probes';
import { judgeCarts, probesToJudge, unlessInStockAccepted } from '../probe-judging';
import { couldNotCheck, skip } from '../outcome';

/** A line asking for one unit more than a variant's stock gets an ERROR entry. */
export const stockChecked: Check = {
  id: 'stock-checked',
  operations: ['orderValidation'],
  ...englishTexts('stock-checked'),
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, _operation, primary) {
    const t = ctx.t;
    const ready = await probesToJudge(ctx, primary);
    if (!ready.ok) return ready.verdict;
    const noEvidence = unlessInStockAccepted(ctx, primary, ready.probes);
    if (noEvidence) return noEvidence;
    const over = ready.probes.overStock;
    if (!over.ok) {
      const exempt = ctx.pick.ok && ctx.pick.value.product.sellOutOfStock;
      return exempt ? skip(over.reason) : couldNotCheck(over.reason);
    }
    const [line] = over.value.lines;
    const said = { quantity: line.quantity, variant: line.variantId, known: line.known };
    return judgeCarts(t, [{ probe: over.value, errorOn: [line.lineId] }], {
      passed: t('stock-checked.ok', said),
      failed: () => t('stock-checked.failed', said),
    });
  },
};
