import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { cartProbes, primaryProbe } from '../cart-probes';
import { judgeCarts, probesToJudge, refusesSomething } from '../probe-judging';
import { couldNotCheck, notJudged } from '../outcome';

/** Carts within the stock of a variant (1, 2 and S units of stock S) get no ERROR entry. */
export const cartInStockOk: Check = {
  id: 'cart-in-stock-ok',
  operations: ['orderValidation'],
  ...englishTexts('cart-in-stock-ok'),
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, _operation, primary) {
    const t = ctx.t;
    const ready = await probesToJudge(ctx, primary);
    if (!ready.ok) return ready.verdict;
    if (!ctx.pick.ok) return notJudged(ctx.pick);
    const carts = [primaryProbe(t, ctx.pick.value, primary), ...ready.probes.inStock];
    const units = carts.map((c) => c.lines[0].quantity);
    const { variant } = ctx.pick.value;
    const judged = judgeCarts(
      t,
      carts.map((probe) => ({ probe, errorOn: [] })),
      {
        passed: t('cart-in-stock-ok.ok', {
          units: units.join(', '),
          variant: variant.objectId,
          known: carts[0].lines[0].known,
        }),
        failed: (wrong, total) => t('cart-in-stock-ok.failed', { wrong, total }),
      },
    );
    // Accepting carts is no evidence from a checker that accepts everything: it must have refused one that must be.
    if (judged.status === 'pass' && !refusesSomething(t, ready.probes))
      return couldNotCheck(t('cart-in-stock-ok.refusesNothing'), undefined, {
        operation: 'orderValidation',
        check: 'unknown-variant-refused',
      });
    return judged;
  },
};
