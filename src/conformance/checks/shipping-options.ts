import type { Check } from '../check';
import { allCarts, cartProbes } from '../cart-probes';
import { entriesOf, primaryEntries, type Entry } from '../checker';
import { fail, notJudged, pass, skip } from '../outcome';

type Problem = { message: string; received: string; expected: string; pointer: string };

/** What is wrong with the freight options of one entry, if anything. */
function problemOf(entry: Entry, i: number): Problem | undefined {
  if (!Array.isArray(entry.shippingOptions)) return undefined;
  const options = entry.shippingOptions.filter(
    (o): o is Record<string, unknown> => o !== null && typeof o === 'object',
  );
  const ids = options.map((o) => String(o.id));
  const duplicate = ids.find((id, k) => ids.indexOf(id) !== k);
  if (duplicate !== undefined)
    return {
      message: `two shipping options share the id ${JSON.stringify(duplicate)}`,
      received: ids.join(', '),
      expected: 'unique ids',
      pointer: `/${i}/shippingOptions`,
    };
  const badPrice = options.findIndex((o) => typeof o.price !== 'number' || !Number.isFinite(o.price) || o.price < 0);
  if (badPrice >= 0)
    return {
      message: 'a shipping option has no usable price',
      received: JSON.stringify(options[badPrice].price),
      expected: 'a number >= 0',
      pointer: `/${i}/shippingOptions/${badPrice}/price`,
    };
  const method = entry.shippingMethod;
  if (typeof method === 'string' && !ids.includes(method))
    return {
      message: `shippingMethod ${JSON.stringify(method)} is not one of the options`,
      received: method,
      expected: `one of ${ids.join(', ')}`,
      pointer: `/${i}/shippingMethod`,
    };
  return undefined;
}

/** Freight options are usable: unique ids, prices that are numbers at least 0, a selected method that exists. */
export const shippingOptions: Check = {
  id: 'shipping-options',
  operations: ['orderValidation'],
  what: 'shippingOptions have unique ids and prices >= 0, and shippingMethod names one of them, in every cart the runner sent',
  why: 'the seller picks freight from these options; a duplicate id or a dangling method picks the wrong price',
  fix: 'give each shipping option a unique id and a price of 0 or more, and set shippingMethod to one of their ids',
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, _operation, primary) {
    const first = primaryEntries(primary);
    if (!first.ok) return notJudged(first, primary);
    let offered = 0;
    for (const { exchange: ex } of await allCarts(ctx, primary)) {
      const read = entriesOf(ex);
      if (!read.ok) continue;
      for (const [i, entry] of read.value.entries()) {
        if (Array.isArray(entry.shippingOptions)) offered += entry.shippingOptions.length;
        const problem = problemOf(entry, i);
        if (problem) return fail(problem.message, { ...problem, exchange: ex });
      }
    }
    if (offered === 0) return skip('no shipping options were offered');
    return pass(`${offered} shipping option(s) are well formed`);
  },
};
