import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import { cartProbes, primaryProbe } from '../cart-probes';
import { describeCart, judgeCarts, probesToJudge, wentWrong } from '../probe-judging';
import { entriesOf, lineIdsOf, quotedLines } from '../checker-entries';
import { couldNotCheck, fail } from '../outcome';

/** In a three-line cart the ERROR entries name exactly the bad lines, and the good ones get freight. */
export const multiLineCart: Check = {
  id: 'multi-line-cart',
  operations: ['orderValidation'],
  ...englishTexts('multi-line-cart'),
  prefetch: (ctx) => void cartProbes(ctx),
  async run(ctx, operation, primary) {
    const t = ctx.t;
    const ready = await probesToJudge(ctx, primary);
    if (!ready.ok) return ready.verdict;
    const { multiLine: probe, unknownVariant } = ready.probes;
    const bad = probe.lines.filter((l) => !l.sellable).map((l) => l.lineId);
    const good = probe.lines.filter((l) => l.sellable).map((l) => l.lineId);
    const entries = entriesOf(t, probe.exchange);
    // Entries that name no line of the cart are component-ids' finding: which line they meant is unknowable here.
    const lines = lineIdsOf(probe.exchange);
    if (entries.ok && entries.value.some((e) => e.component === 'ITEM' && !lines.includes(String(e.componentId))))
      return couldNotCheck(t('multi-line-cart.notLines'), probe.exchange, {
        operation,
        check: 'component-ids',
      });
    // Line attribution presumes the merchant refuses the bad line and sells the good one on their own.
    if (wentWrong(t, unknownVariant, [unknownVariant.lines[0].lineId]))
      return couldNotCheck(t('multi-line-cart.unknownAlone'), undefined, {
        operation,
        check: 'unknown-variant-refused',
      });
    if (ctx.pick.ok && wentWrong(t, primaryProbe(t, ctx.pick.value, primary), []))
      return couldNotCheck(t('multi-line-cart.inStockAlone'), undefined, {
        operation,
        check: 'cart-in-stock-ok',
      });
    const judged = judgeCarts(t, [{ probe, errorOn: bad }], {
      passed: t('multi-line-cart.ok', { lines: bad.join(', ') }),
      failed: () => t('multi-line-cart.failed', { lines: bad.join(', ') }),
    });
    if (judged.status !== 'pass' || !entries.ok) return judged;
    // A merchant that quotes no freight for the one-line cart quotes it elsewhere: nothing to require.
    if (quotedLines(ready.first).length === 0)
      return { ...judged, message: t('multi-line-cart.noFreight', { message: judged.message }) };
    const quoted = quotedLines(entries.value);
    const unquoted = good.filter((id) => !quoted.includes(id));
    if (unquoted.length === 0)
      return { ...judged, message: t('multi-line-cart.withFreight', { message: judged.message }) };
    return fail(t('multi-line-cart.unquoted', { lines: unquoted.join(', ') }), {
      received: t('multi-line-cart.freightFor', {
        lines: quoted.join(', ') || t('multi-line-cart.noLine'),
      }),
      expected: t('multi-line-cart.freightExpected', { lines: good.join(', ') }),
      details: [describeCart(t, probe)],
      exchange: probe.exchange,
    });
  },
};
