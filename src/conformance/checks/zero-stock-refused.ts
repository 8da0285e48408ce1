import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { cartProbes } from '../cart-probes';
import { judgeCarts, probesToJudge, unlessInStockAccepted, wentWrong } from '../probe-judging';
import { couldNotCheck, skip } from '../outcome';

/** One unit of a variant whose stock is 0 gets an ERROR entry. */
export const zeroStockRefused: Check = {
  id: 'zero-stock-refused',
  operations: ['orderValidation'],
  ...englishTexts('zero-stock-refused'),
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, operation, primary) {
    const t = ctx.t;
    const ready = await probesToJudge(ctx, primary);
    if (!ready.ok) return ready.verdict;
    const { zeroStock: zero, overStock: over } = ready.probes;
    if (!zero.ok) return skip(zero.reason);
    const noEvidence = unlessInStockAccepted(ctx, primary, ready.probes);
    if (noEvidence) return noEvidence;
    // A checker that lets S + 1 units through is stock-checked's finding; this one is about 0 read as "untracked".
    if (over.ok && wentWrong(t, over.value, [over.value.lines[0].lineId])) {
      const [beyond] = over.value.lines;
      const said = { quantity: beyond.quantity, variant: beyond.variantId, known: beyond.known };
      return couldNotCheck(t('zero-stock-refused.noLimit', said), undefined, { operation, check: 'stock-checked' });
    }
    const [line] = zero.value.lines;
    return judgeCarts(t, [{ probe: zero.value, errorOn: [line.lineId] }], {
      passed: t('zero-stock-refused.ok', { variant: line.variantId }),
      failed: () => t('zero-stock-refused.failed', { variant: line.variantId }),
    });
  },
};
