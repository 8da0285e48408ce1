import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { allCarts, cartProbes } from '../cart-probes';
import { describeEntry, entriesOf, lineIdsOf, primaryEntries } from '../checker-entries';
import { fail, notJudged, pass, skip } from '../outcome';

/** Every ITEM entry names a line of the cart it answers (componentId = items[].objectId). */
export const componentIds: Check = {
  id: 'component-ids',
  operations: ['orderValidation'],
  ...englishTexts('component-ids'),
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, _operation, primary) {
    const t = ctx.t;
    const first = primaryEntries(t, primary);
    if (!first.ok) return notJudged(first, primary);
    let seen = 0;
    for (const { exchange: ex } of await allCarts(ctx, primary)) {
      const lines = lineIdsOf(ex);
      const read = entriesOf(t, ex);
      if (!read.ok || lines.length === 0) continue;
      for (const entry of read.value.filter((e) => e.component === 'ITEM')) {
        seen++;
        if (!lines.includes(String(entry.componentId))) {
          return fail(t('component-ids.wrong', { id: JSON.stringify(entry.componentId) }), {
            received: describeEntry(entry),
            expected: t('component-ids.expected', { lines: lines.join(', ') }),
            exchange: ex,
          });
        }
      }
    }
    if (seen === 0) return skip(t('component-ids.none'));
    return pass(t('component-ids.ok', { count: seen }));
  },
};
