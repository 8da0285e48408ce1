import type { Check } from '../check';
import { allCarts, cartProbes } from '../cart-probes';
import { describeEntry, entriesOf, lineIdsOf, primaryEntries } from '../checker';
import { fail, notJudged, pass, skip } from '../outcome';

/** Every ITEM entry names a line of the cart it answers (componentId = items[].objectId). */
export const componentIds: Check = {
  id: 'component-ids',
  operations: ['orderValidation'],
  what: 'every ITEM entry of every cart the runner sent has a componentId that is the objectId of a line of that cart',
  why: 'OmniChat attaches each message and freight option to the cart line whose objectId it names (componentId = items[].objectId)',
  fix: 'set componentId of every ITEM entry to the objectId of the cart line it is about (items[].objectId)',
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, _operation, primary) {
    const first = primaryEntries(primary);
    if (!first.ok) return notJudged(first, primary);
    let seen = 0;
    for (const { exchange: ex } of await allCarts(ctx, primary)) {
      const lines = lineIdsOf(ex);
      const read = entriesOf(ex);
      if (!read.ok || lines.length === 0) continue;
      for (const entry of read.value.filter((e) => e.component === 'ITEM')) {
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
    if (seen === 0) return skip('no ITEM entries were returned');
    return pass(`all ${seen} ITEM entries name a cart line`);
  },
};
