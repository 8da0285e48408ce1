import type { Check } from '../check';
import { describeEntry, entriesOf } from '../checker';
import { couldNotCheck, fail, pass } from '../outcome';

/** A cart with one unit of an in-stock variant gets no ERROR entry. */
export const cartInStockOk: Check = {
  id: 'cart-in-stock-ok',
  operations: ['orderValidation'],
  what: 'a cart with one unit of an in-stock variant found by search gets no ERROR entry',
  why: 'an ERROR blocks the seller from closing a sale that should go through',
  fix: 'return no ERROR entry for a line whose variant is visible, not blocked and has the stock it asks for',
  run(_ctx, _operation, primary) {
    const read = entriesOf(primary);
    if ('problem' in read) return couldNotCheck(read.problem, primary);
    const error = read.entries.find((e) => e.action === 'ERROR');
    if (!error) return pass(`no ERROR entry (${read.entries.length} entr${read.entries.length === 1 ? 'y' : 'ies'})`);
    return fail('an in-stock cart got an ERROR entry', {
      received: describeEntry(error),
      expected: 'no ERROR entry',
      exchange: primary,
    });
  },
};
