import type { SearchType } from '../../contracts';
import type { RunContext } from '../context';
import type { Exchange } from '../exchange';
import { idsOf, jsonArray, listIds, SEARCH_CONTEXT } from '../search';
import type { Cause } from '../result';
import type { FoundProduct } from '../test-data';
import { answered, Breach, type Journey } from './journey';

/** What the search lanes start from: what the merchant's first TEXT search showed. */
export interface SearchWorld {
  query: string;
  products: FoundProduct[];
  /** The objectIds of the first answer (from=0, size=10), in its order. */
  firstPage: string[];
  searchTypes: readonly SearchType[];
  runId: string;
}

/** A search that may find nothing must still answer 200 []: search-miss-empty's rule, when it breaks it. */
export const MISS_RULE: Cause[] = [
  { operation: 'productSearch', check: 'search-miss-empty' },
  { operation: 'productSearch', check: 'answers-2xx' },
];

/** OmniChat's page size when it does not say (the first search's). */
export const FIRST_PAGE_SIZE = 10;

/** The search world of a run, or undefined when the search gave nothing to explore. */
export function searchWorld(ctx: RunContext): SearchWorld | undefined {
  if (!ctx.products.ok || ctx.firstPage.length === 0) return undefined;
  return {
    query: ctx.config.searchQuery,
    products: ctx.products.value,
    firstPage: ctx.firstPage,
    searchTypes: ctx.config.searchTypes,
    runId: ctx.runId,
  };
}

/** One search as the explorer keeps it: the request's key (to spot repeats) and the ids it found. */
export interface Searched {
  key: string;
  ids: string[];
}

/**
 * Sends one search and reads the objectIds it found. An answer that is not 200 with a list breaks
 * the rule the caller tests (`check`): every search of the model must be answered with a list.
 */
export async function searchIds(
  journey: Journey,
  check: 'explored-text-search' | 'explored-lookups' | 'explored-paging',
  searchType: SearchType,
  query: string,
  paging: { from: number; size: number } = { from: 0, size: FIRST_PAGE_SIZE },
  sameRuleAs: Cause[] = [{ operation: 'productSearch', check: 'answers-2xx' }],
): Promise<Searched | undefined> {
  const { ctx } = journey.lane;
  const t = ctx.t;
  const params = { searchType, query, from: String(paging.from), size: String(paging.size), ...SEARCH_CONTEXT };
  const read = (ex: Exchange): string[] | undefined => {
    const found = jsonArray(t, ex);
    return found.ok ? idsOf(found.value) : undefined;
  };
  const said = { type: searchType, query: JSON.stringify(query), from: paging.from, size: paging.size };
  const ex = await journey.send('productSearch', { query: params }, (answer) => {
    const ids = read(answer);
    const found = ids === undefined ? t('explore.noList') : ids.length === 0 ? t('explore.noProduct') : listIds(t, ids);
    return t('explore.searchStep', { ...said, answer: answered(ctx, answer), found });
  });
  if (!ex) return undefined;
  const ids = read(ex);
  if (ids === undefined)
    throw new Breach({
      check,
      operation: 'productSearch',
      message: t('explore.searchNotList', said),
      expected: t('explore.aList'),
      received: answered(ctx, ex),
      sameRuleAs,
    });
  return { key: `${searchType}\u0000${query}\u0000${paging.from}\u0000${paging.size}`, ids };
}

/**
 * The same request twice must get the same products in the same order (a page that changes between
 * two identical requests cannot be paged through): compares with an earlier answer to the same key.
 */
export function sameAsBefore(
  journey: Journey,
  check: 'explored-text-search' | 'explored-lookups' | 'explored-paging',
  seen: Map<string, string[]>,
  now: Searched,
  describe: string,
): void {
  const before = seen.get(now.key);
  seen.set(now.key, now.ids);
  if (before === undefined || !journey.tests(check, 'productSearch')) return;
  if (before.join('\u0000') === now.ids.join('\u0000')) return;
  const t = journey.lane.ctx.t;
  throw new Breach({
    check,
    operation: 'productSearch',
    message: t('explore.repeatDiffers', { search: describe }),
    expected: listIds(t, before),
    received: listIds(t, now.ids),
    sameRuleAs: [],
    fix: t('explore.repeatFix'),
  });
}
