import type { Check } from '../check';
import type { RunContext } from '../context';
import { withoutJson, type Exchange } from '../exchange';
import { couldNotCheck, fail, notJudged, pass } from '../outcome';
import { idsOf, jsonArray, listIds, noAnswer, primaryArray, search } from '../search';
import { ok, type Result } from '../result';
import type { ProbeFinding } from '../types';

/** One page, as the check reads it: the ids it held (the parsed answer is not kept). */
type Page = { ex: Exchange; ids: Result<string[]> };

/** The two pages that pin paging down, each honouring one parameter: size=1 from=0, and from=1 size=10. */
function pages(ctx: RunContext): Promise<{ sized: Page; skipped: Page }> {
  const page = async (from: number, size: number): Promise<Page> => {
    const ex = await search(ctx, 'TEXT', ctx.config.searchQuery, { from, size });
    const found = jsonArray(ex);
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
  what: '`size` caps the page and `from` skips that many hits, each judged on its own (both findings reported)',
  why: 'OmniChat shows results page by page; ignoring paging repeats products or floods the seller',
  fix: 'return at most size products, starting after the first from hits',
  prefetch: (ctx) => void pages(ctx),
  async run(ctx, operation, primary) {
    const first = primaryArray(primary, operation);
    if (!first.ok) return notJudged(first, primary);
    if (first.value.length === 0) {
      return couldNotCheck(`the TEXT search for "${ctx.config.searchQuery}" found nothing to page through`, undefined, {
        operation,
        check: 'search-text-finds',
      });
    }
    const { sized, skipped } = await pages(ctx);
    const unanswered = noAnswer(sized.ex) ?? noAnswer(skipped.ex);
    if (unanswered) return unanswered;
    const query = JSON.stringify(ctx.config.searchQuery);
    const findings: { finding: ProbeFinding; exchange: Exchange }[] = [];
    const firstIds = idsOf(first.value);
    if (firstIds.length > 10)
      findings.push({
        finding: {
          probe: `TEXT ${query} from=0 size=10`,
          expected: 'at most 10 products',
          received: `${firstIds.length} products`,
        },
        exchange: primary,
      });
    const one = sized.ids;
    if (!one.ok || one.value.length !== 1)
      findings.push({
        finding: {
          probe: `TEXT ${query} from=0 size=1`,
          expected: 'exactly 1 product',
          received: one.ok ? `${one.value.length} products` : one.reason,
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
              ? '[] (only one product matches)'
              : `objectId ${wanted} first (the second hit of the first page), without ${firstIds[0]}`,
          received: rest.ok ? listIds(restIds) : rest.reason,
        },
        exchange: skipped.ex,
      });
    if (findings.length === 0) return pass('size and from are each honoured');
    const [head] = findings;
    const fromIgnored = !skips;
    const sizeIgnored = findings.length > (fromIgnored ? 1 : 0);
    const message =
      fromIgnored && sizeIgnored
        ? 'neither size nor from is honoured'
        : fromIgnored
          ? 'from=1 did not skip the first hit'
          : 'size was not honoured';
    return fail(message, {
      received: head.finding.received,
      expected: head.finding.expected,
      details: findings.map(
        (f) => `${f.finding.probe}: expected ${f.finding.expected}, received ${f.finding.received}`,
      ),
      probes: findings.map((f) => f.finding),
      exchange: head.exchange,
    });
  },
};
