import type { Check } from '../check';
import { entriesOf } from '../checker';
import { couldNotCheck, fail, pass, skip } from '../outcome';

/** Freight options are usable: unique ids, prices that are numbers at least 0, a selected method that exists. */
export const shippingOptions: Check = {
  id: 'shipping-options',
  operations: ['orderValidation'],
  what: 'shippingOptions have unique ids and prices >= 0, and shippingMethod names one of them',
  why: 'the seller picks freight from these options; a duplicate id or a dangling method picks the wrong price',
  fix: 'give each shipping option a unique id and a price of 0 or more, and set shippingMethod to one of their ids',
  run(ctx) {
    let offered = 0;
    for (const ex of ctx.exchanges.get('orderValidation') ?? []) {
      const read = entriesOf(ex);
      if ('problem' in read) continue;
      for (const [i, entry] of read.entries.entries()) {
        if (!Array.isArray(entry.shippingOptions)) continue;
        const options = entry.shippingOptions.filter(
          (o): o is Record<string, unknown> => o !== null && typeof o === 'object',
        );
        offered += options.length;
        const ids = options.map((o) => String(o.id));
        const duplicate = ids.find((id, k) => ids.indexOf(id) !== k);
        const badPrice = options.findIndex(
          (o) => typeof o.price !== 'number' || !Number.isFinite(o.price) || o.price < 0,
        );
        const method = entry.shippingMethod;
        let problem: { message: string; received: string; expected: string; pointer: string } | undefined;
        if (duplicate !== undefined)
          problem = {
            message: `two shipping options share the id ${JSON.stringify(duplicate)}`,
            received: ids.join(', '),
            expected: 'unique ids',
            pointer: `/${i}/shippingOptions`,
          };
        else if (badPrice >= 0)
          problem = {
            message: 'a shipping option has no usable price',
            received: JSON.stringify(options[badPrice].price),
            expected: 'a number >= 0',
            pointer: `/${i}/shippingOptions/${badPrice}/price`,
          };
        else if (typeof method === 'string' && !ids.includes(method))
          problem = {
            message: `shippingMethod ${JSON.stringify(method)} is not one of the options`,
            received: method,
            expected: `one of ${ids.join(', ')}`,
            pointer: `/${i}/shippingMethod`,
          };
        if (problem) return fail(problem.message, { ...problem, exchange: ex });
      }
    }
    const primary = ctx.exchanges.get('orderValidation')?.[0];
    if (offered === 0)
      return primary && 'problem' in entriesOf(primary)
        ? couldNotCheck('no checker answer could be read')
        : skip('no shipping options were offered');
    return pass(`${offered} shipping option(s) are well formed`);
  },
};
