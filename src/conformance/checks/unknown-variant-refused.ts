import type { Check } from '../check';
import { cartProbes } from '../cart-probes';
import { judgeCarts } from '../probe-judging';
import { primaryEntries } from '../checker';
import { notJudged } from '../outcome';

/** A line for a variant the merchant does not have gets an ERROR entry (in a 200 answer). */
export const unknownVariantRefused: Check = {
  id: 'unknown-variant-refused',
  operations: ['orderValidation'],
  what: 'a cart line for a variant id that does not exist gets an ERROR entry, in a 200 answer',
  why: 'a product can be deleted between the search and the order; OmniChat shows the seller the ERROR, while a 4xx or 5xx is a failed call',
  fix: 'answer 200 with an ERROR entry (componentId = the line) for a line whose variantId you do not know',
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, _operation, primary) {
    const first = primaryEntries(primary);
    if (!first.ok) return notJudged(first, primary);
    const probes = await cartProbes(ctx);
    if (!probes.ok) return notJudged(probes);
    const probe = probes.value.unknownVariant;
    return judgeCarts([{ probe, errorOn: [probe.lines[0].lineId] }], {
      passed: 'a line for a variant that does not exist gets an ERROR',
      failed: () => 'a line for a variant that does not exist got no ERROR entry',
    });
  },
};
