import type { RunContext } from './context';
import { bodyProblem, type Exchange } from './exchange';
import type { SearchType } from '../contracts';
import { couldNotCheck, fail, pass, skip, type Verdict } from './outcome';
import type { FoundProduct } from './test-data';

/** The fixed query parameters OmniChat sends with every search, marked as test traffic. */
const SEARCH_CONTEXT = {
  teamId: 'mk-test-team',
  userId: 'mk-test-user',
  userEmail: 'merchant-kit-test@example.com',
  integrationId: 'mk-test-integration',
};

/** Sends a productSearch the way OmniChat does. */
export function search(
  ctx: RunContext,
  searchType: SearchType,
  query: string,
  paging: { from?: number; size?: number } = {},
): Promise<Exchange> {
  return ctx.call('productSearch', {
    query: { searchType, query, from: String(paging.from ?? 0), size: String(paging.size ?? 10), ...SEARCH_CONTEXT },
  });
}

/** The product array of an answer, or why there is none to judge (the reason becomes "could not check"). */
export function productArray(ex: Exchange): { products: Record<string, unknown>[] } | { problem: string } {
  const problem = bodyProblem(ex);
  if (problem) return { problem };
  if (!ex.json || !Array.isArray(ex.json.value))
    return { problem: 'the answer is not a JSON array; see response-contract' };
  return { products: ex.json.value.filter((p): p is Record<string, unknown> => p !== null && typeof p === 'object') };
}

/** objectIds of the products in an answer, for messages and comparisons. */
export const idsOf = (products: Record<string, unknown>[]): string[] => products.map((p) => String(p.objectId));

/** The product the lookups (ID, SKUID, REFERENCE, URL) start from: the one the order checks use. */
export function subjectProduct(ctx: RunContext): FoundProduct | undefined {
  return ctx.pick?.product ?? ctx.products[0];
}

/**
 * Runs one lookup search and judges it: the product must be in the answer (and, with `exact`, be the
 * only one). Undeclared search types are skipped; a missing lookup value is "could not check".
 */
export async function judgeLookup(
  ctx: RunContext,
  searchType: SearchType,
  choose: (product: FoundProduct) => string | undefined,
  missing: string,
  exact = false,
): Promise<Verdict> {
  if (!ctx.config.searchTypes.includes(searchType))
    return skip(`${searchType} search is not declared in capabilities.searchTypes`);
  const product = subjectProduct(ctx);
  if (!product) return couldNotCheck(ctx.productProblem);
  const value = choose(product) ?? ctx.products.map(choose).find((v) => v !== undefined);
  const owner = choose(product) !== undefined ? product : ctx.products.find((p) => choose(p) !== undefined);
  if (value === undefined || !owner) return couldNotCheck(missing);
  const ex = await search(ctx, searchType, value);
  const found = productArray(ex);
  if ('problem' in found) return couldNotCheck(found.problem, ex);
  const ids = idsOf(found.products);
  const expected = exact ? `exactly [${owner.objectId}]` : `a list containing ${owner.objectId}`;
  const ok = exact ? ids.length === 1 && ids[0] === owner.objectId : ids.includes(owner.objectId);
  if (ok) return pass(`${searchType} search for ${JSON.stringify(value)} finds product ${owner.objectId}`);
  return fail(
    `${searchType} search for ${JSON.stringify(value)} did not return ${exact ? 'exactly ' : ''}product ${owner.objectId}`,
    {
      received: ids.length === 0 ? '[]' : `objectId ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', ...' : ''}`,
      expected,
      exchange: ex,
    },
  );
}
