import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { cartProbes } from '../cart-probes';
import { judgeCarts, probesToJudge, unlessInStockAccepted } from '../probe-judging';

/** A line for a variant the merchant does not have gets an ERROR entry (in a 200 answer). */
export const unknownVariantRefused: Check = {
  id: 'unknown-variant-refused',
  operations: ['orderValidation'],
  ...englishTexts('unknown-variant-refused'),
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, _operation, primary) {
    const t = ctx.t;
    const ready = await probesToJudge(ctx, primary);
    if (!ready.ok) return ready.verdict;
    const noEvidence = unlessInStockAccepted(ctx, primary, ready.probes);
    if (noEvidence) return noEvidence;
    const probe = ready.probes.unknownVariant;
    return judgeCarts(t, [{ probe, errorOn: [probe.lines[0].lineId] }], {
      passed: t('unknown-variant-refused.ok'),
      failed: () => t('unknown-variant-refused.failed'),
    });
  },
};
