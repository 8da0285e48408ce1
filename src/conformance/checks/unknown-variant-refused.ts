import type { Check } from '../check';
import { englishTexts } from '../i18n';
import { cartProbes } from '../cart-probes';
import { judgeCarts } from '../probe-judging';
import { primaryEntries } from '../checker';
import { notJudged } from '../outcome';

/** A line for a variant the merchant does not have gets an ERROR entry (in a 200 answer). */
export const unknownVariantRefused: Check = {
  id: 'unknown-variant-refused',
  operations: ['orderValidation'],
  ...englishTexts('unknown-variant-refused'),
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, _operation, primary) {
    const t = ctx.t;
    const first = primaryEntries(t, primary);
    if (!first.ok) return notJudged(first, primary);
    const probes = await cartProbes(ctx);
    if (!probes.ok) return notJudged(probes);
    const probe = probes.value.unknownVariant;
    return judgeCarts(t, [{ probe, errorOn: [probe.lines[0].lineId] }], {
      passed: t('unknown-variant-refused.ok'),
      failed: () => t('unknown-variant-refused.failed'),
    });
  },
};
