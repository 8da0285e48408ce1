import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { allCarts, cartProbes } from '../cart-probes';
import { entriesOf, primaryEntries, type Entry } from '../checker-entries';
import { fail, notJudged, pass, skip } from '../outcome';
import type { T } from '../i18n';

type Problem = { message: string; received: string; expected: string; pointer: string };

/** What is wrong with the freight options of one entry, if anything. */
function problemOf(t: T, entry: Entry, i: number): Problem | undefined {
  if (!Array.isArray(entry.shippingOptions)) return undefined;
  const options = entry.shippingOptions.filter(
    (o): o is Record<string, unknown> => o !== null && typeof o === 'object',
  );
  const ids = options.map((o) => String(o.id));
  const duplicate = ids.find((id, k) => ids.indexOf(id) !== k);
  if (duplicate !== undefined)
    return {
      message: t('shipping-options.duplicate', { id: JSON.stringify(duplicate) }),
      received: ids.join(', '),
      expected: t('shipping-options.uniqueIds'),
      pointer: `/${i}/shippingOptions`,
    };
  const badPrice = options.findIndex((o) => typeof o.price !== 'number' || !Number.isFinite(o.price) || o.price < 0);
  if (badPrice >= 0)
    return {
      message: t('shipping-options.badPrice'),
      received: JSON.stringify(options[badPrice].price),
      expected: t('shipping-options.priceExpected'),
      pointer: `/${i}/shippingOptions/${badPrice}/price`,
    };
  const method = entry.shippingMethod;
  if (typeof method === 'string' && !ids.includes(method))
    return {
      message: t('shipping-options.dangling', { method: JSON.stringify(method) }),
      received: method,
      expected: t('shipping-options.oneOf', { ids: ids.join(', ') }),
      pointer: `/${i}/shippingMethod`,
    };
  return undefined;
}

/** Freight options are usable: unique ids, prices that are numbers at least 0, a selected method that exists. */
export const shippingOptions: Check = {
  id: 'shipping-options',
  operations: ['orderValidation'],
  ...englishTexts('shipping-options'),
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, _operation, primary) {
    const t = ctx.t;
    const first = primaryEntries(t, primary);
    if (!first.ok) return notJudged(first, primary);
    let offered = 0;
    for (const { exchange: ex } of await allCarts(ctx, primary)) {
      const read = entriesOf(t, ex);
      if (!read.ok) continue;
      for (const [i, entry] of read.value.entries()) {
        if (Array.isArray(entry.shippingOptions)) offered += entry.shippingOptions.length;
        const problem = problemOf(t, entry, i);
        if (problem) return fail(problem.message, { ...problem, exchange: ex });
      }
    }
    if (offered === 0) return skip(t('shipping-options.none'));
    return pass(t('shipping-options.ok', { count: offered }));
  },
};
