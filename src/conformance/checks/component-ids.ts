import type { Check } from '../check';
import { describeEntry, entriesOf, lineIdsOf } from '../checker';
import { couldNotCheck, fail, pass, skip } from '../outcome';

/** Every ITEM entry names a line of the cart it answers (componentId = items[].objectId). */
export const componentIds: Check = {
  id: 'component-ids',
  operations: ['orderValidation'],
  what: 'every ITEM entry has a componentId that is the objectId of a line of that cart',
  why: 'OmniChat attaches each message and freight option to the cart line whose objectId it names (componentId = items[].objectId)',
  fix: 'set componentId of every ITEM entry to the objectId of the cart line it is about (items[].objectId)',
  run(ctx) {
    let seen = 0;
    for (const ex of ctx.exchanges.get('orderValidation') ?? []) {
      const lines = lineIdsOf(ex);
      const read = entriesOf(ex);
      if ('problem' in read || lines.length === 0) continue;
      for (const entry of read.entries.filter((e) => e.component === 'ITEM')) {
        seen++;
        if (!lines.includes(String(entry.componentId))) {
          return fail(`an ITEM entry names ${JSON.stringify(entry.componentId)}, which is not a line of the cart`, {
            received: describeEntry(entry),
            expected: `componentId one of ${lines.join(', ')} (items[].objectId, not the variant or product id)`,
            exchange: ex,
          });
        }
      }
    }
    const primary = ctx.exchanges.get('orderValidation')?.[0];
    if (seen === 0)
      return primary && 'problem' in entriesOf(primary)
        ? couldNotCheck('no checker answer could be read')
        : skip('no ITEM entries were returned');
    return pass(`all ${seen} ITEM entries name a cart line`);
  },
};
