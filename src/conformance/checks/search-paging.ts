import type { Check } from '../check-definition';
import { englishTexts } from '../i18n';
import type { RunContext } from '../context';
import { withoutJson, type Exchange } from '../exchange';
import { couldNotCheck, notJudged, pass } from '../outcome';
import { failProbes, type WrongProbe } from '../probe-judging';
import { idsOf, jsonArray, listIds, noAnswer, primaryArray, search } from '../search';
import { ok, type Result } from '../result';

/** One page, as the check reads it: the ids it held (the parsed answer is not kept). */
type Page = { ex: Exchange; ids: Result<string[]> };

/** The two pages that pin paging down, each honouring one parameter: size=1 from=0, and from=1 size=10. */
function pages(ctx: RunContext): Promise<{ sized: Page; skipped: Page }> {
  const page = async (from: number, size: number): Promise<Page> => {
    const ex = await search(ctx, 'TEXT', ctx.config.searchQuery, { from, size });
    const found = jsonArray(ctx.t, ex);
    return { ex: withoutJson(ex), ids: found.ok ? ok(idsOf(found.value)) : found };
  };
  return ctx.shared('paging', async () => {
    const [sized, skipped] = await Promise.all([page(0, 1), page(1, 10)]);
    return { sized, skipped };
  });
}

/** `size` caps the page and `from` skips hits, as OmniChat pages through results; each is judged on its own. */
export const searchPaging: Check = {
  id: 'search-paging',
  operations: ['productSearch'],
  ...englishTexts('search-paging'),
  prefetch: (ctx) => void pages(ctx),
  async run(ctx, operation, primary) {
    const t = ctx.t;
    const first = primaryArray(t, primary, operation);
    if (!first.ok) return notJudged(first, primary);
    if (first.value.length === 0) {
      return couldNotCheck(t('search-paging.nothingToPage', { query: ctx.config.searchQuery }), undefined, {
        operation,
        check: 'search-text-finds',
      });
    }
    const { sized, skipped } = await pages(ctx);
    const unanswered = noAnswer(t, sized.ex) ?? noAnswer(t, skipped.ex);
    if (unanswered) return unanswered;
    const query = JSON.stringify(ctx.config.searchQuery);
    const findings: WrongProbe[] = [];
    const firstIds = idsOf(first.value);
    const tooMany = firstIds.length > 10;
    if (tooMany)
      findings.push({
        finding: {
          probe: `TEXT ${query} from=0 size=10`,
          expected: t('search-paging.atMost10'),
          received: t('search-paging.products', { count: firstIds.length }),
        },
        exchange: primary,
      });
    const one = sized.ids;
    const notOne = !one.ok || one.value.length !== 1;
    if (notOne)
      findings.push({
        finding: {
          probe: `TEXT ${query} from=0 size=1`,
          expected: t('search-paging.exactlyOne'),
          received: one.ok ? t('search-paging.products', { count: one.value.length }) : one.reason,
        },
        exchange: sized.ex,
      });
    const rest = skipped.ids;
    const wanted = firstIds[1];
    const restIds = rest.ok ? rest.value : [];
    const skips =
      rest.ok &&
      !restIds.includes(firstIds[0]) &&
      (wanted === undefined ? restIds.length === 0 : restIds[0] === wanted);
    if (!skips)
      findings.push({
        finding: {
          probe: `TEXT ${query} from=1 size=10`,
          expected:
            wanted === undefined
              ? t('search-paging.onlyOne')
              : t('search-paging.secondFirst', { wanted, first: firstIds[0] }),
          received: rest.ok ? listIds(t, restIds) : rest.reason,
        },
        exchange: skipped.ex,
      });
    if (findings.length === 0) return pass(t('search-paging.ok'));
    // A probe went wrong: with from honoured it was a size probe; otherwise from, and size too when one of its probes did.
    const message = skips
      ? t('search-paging.sizeIgnored')
      : tooMany || notOne
        ? t('search-paging.neither')
        : t('search-paging.fromIgnored');
    return failProbes(t, message, findings);
  },
};
