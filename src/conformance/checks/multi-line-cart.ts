import type { Check } from '../check';
import { cartProbes, primaryProbe } from '../cart-probes';
import { describeCart, judgeCarts, wentWrong } from '../probe-judging';
import { entriesOf, lineIdsOf, primaryEntries, quotedLines } from '../checker';
import { couldNotCheck, fail, notJudged } from '../outcome';

/** In a three-line cart the ERROR entries name exactly the bad lines, and the good ones get freight. */
export const multiLineCart: Check = {
  id: 'multi-line-cart',
  operations: ['orderValidation'],
  what: 'in a cart of three lines whose bad line is not the first, ERROR entries name exactly the bad lines (componentId), and each sellable line gets freight options when the merchant quotes freight',
  why: 'OmniChat shows each ERROR on the line it names: blaming the first line, or every line, stops the seller from selling the good ones',
  fix: "judge each cart line on its own: an ERROR entry with componentId = that line's objectId only for the lines that cannot be sold, and freight options for every line that can",
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, operation, primary) {
    const first = primaryEntries(primary);
    if (!first.ok) return notJudged(first, primary);
    const probes = await cartProbes(ctx);
    if (!probes.ok) return notJudged(probes);
    const probe = probes.value.multiLine;
    const bad = probe.lines.filter((l) => !l.sellable).map((l) => l.lineId);
    const good = probe.lines.filter((l) => l.sellable).map((l) => l.lineId);
    const entries = entriesOf(probe.exchange);
    // Entries that name no line of the cart are component-ids' finding: which line they meant is unknowable here.
    const lines = lineIdsOf(probe.exchange);
    if (entries.ok && entries.value.some((e) => e.component === 'ITEM' && !lines.includes(String(e.componentId))))
      return couldNotCheck('the entries do not name the cart lines; see component-ids', probe.exchange, {
        operation,
        check: 'component-ids',
      });
    // Line attribution presumes the merchant refuses the bad line and sells the good one on their own.
    const { unknownVariant } = probes.value;
    if (wentWrong(unknownVariant, [unknownVariant.lines[0].lineId]))
      return couldNotCheck(
        'a variant that does not exist is not refused even alone; see unknown-variant-refused',
        undefined,
        {
          operation,
          check: 'unknown-variant-refused',
        },
      );
    if (ctx.pick.ok && wentWrong(primaryProbe(ctx.pick.value, primary), []))
      return couldNotCheck('one unit of the in-stock variant is refused even alone; see cart-in-stock-ok', undefined, {
        operation,
        check: 'cart-in-stock-ok',
      });
    const judged = judgeCarts([{ probe, errorOn: bad }], {
      passed: `ERROR entries name exactly ${bad.join(', ')} of the three lines`,
      failed: () => `the ERROR entries of a three-line cart do not name exactly its bad line(s) ${bad.join(', ')}`,
    });
    if (judged.status !== 'pass' || !entries.ok) return judged;
    // A merchant that quotes no freight for the one-line cart quotes it elsewhere: nothing to require.
    if (quotedLines(first.value).length === 0) return { ...judged, message: `${judged.message}; no freight is quoted` };
    const unquoted = good.filter((id) => !quotedLines(entries.value).includes(id));
    if (unquoted.length === 0)
      return { ...judged, message: `${judged.message}, and the good lines get freight options` };
    return fail(`sellable lines of a three-line cart got no freight options: ${unquoted.join(', ')}`, {
      received: `freight options for ${quotedLines(entries.value).join(', ') || 'no line'}`,
      expected: `freight options for ${good.join(', ')} (as for the one-line cart)`,
      details: [`${describeCart(probe)}`],
      exchange: probe.exchange,
    });
  },
};
