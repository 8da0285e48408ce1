import type { OperationId } from '../contracts';
import type { RunContext } from './context';
import { bodyPreview, describeAnswer, isSuccess, primaryBody, withoutJson, type Exchange } from './exchange';
import type { SearchType } from '../contracts';
import { couldNotCheck, fail, notJudged, pass, skip, type Verdict } from './outcome';
import { none, ok, type Result } from './result';
import { TEST_ORDER_PREFIX, type FoundProduct } from './test-data';
import type { T } from './i18n';

/** The fixed query parameters OmniChat sends with every search, marked as test traffic. */
export const SEARCH_CONTEXT = {
  teamId: `${TEST_ORDER_PREFIX}team`,
  userId: `${TEST_ORDER_PREFIX}user`,
  userEmail: 'merchant-kit-test@example.com',
  integrationId: `${TEST_ORDER_PREFIX}integration`,
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

type JsonRecord = Record<string, unknown>;
const isRecord = (v: unknown): v is JsonRecord => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The JSON array of a 2xx answer (its objects), or why there is none: for requests other than the first. */
export function jsonArray(t: T, ex: Exchange): Result<JsonRecord[]> {
  if (!isSuccess(ex)) return none(bodyPreview(t, ex));
  if (!ex.json || !Array.isArray(ex.json.value)) return none(t('answer.notJsonArray', { preview: bodyPreview(t, ex) }));
  return ok(ex.json.value.filter(isRecord));
}

/**
 * The JSON array of an operation's first answer, or why it cannot be judged, naming the check that
 * reports the root cause (answers-2xx, json-body or response-contract) so nothing else blames it again.
 */
export function primaryArray(t: T, ex: Exchange, operation: OperationId): Result<JsonRecord[]> {
  const body = primaryBody(t, ex, operation);
  if (!body.ok) return body;
  if (!ex.json) return none(t('answer.bodyNotJson'), { operation, check: 'json-body' });
  if (!Array.isArray(ex.json.value)) return none(t('answer.notArray'), { operation, check: 'response-contract' });
  return ok(ex.json.value.filter(isRecord));
}

/** "could not check" when a request other than the first got no answer at all (timeout, refused, ...). */
export function noAnswer(t: T, ex: Exchange): Verdict | undefined {
  return ex.answer.ok ? undefined : couldNotCheck(t('answer.noAnswerParen', { reason: ex.answer.reason }), ex);
}

/** objectIds of the products in an answer, for messages and comparisons. */
export const idsOf = (products: JsonRecord[]): string[] => products.map((p) => String(p.objectId));

/** Up to ten ids, for "received" lines. */
export function listIds(t: T, ids: string[]): string {
  if (ids.length === 0) return '[]';
  const shown = ids.slice(0, 10).join(', ');
  return t('search.listIds', {
    ids: ids.length > 10 ? t('search.andMore', { ids: shown, count: ids.length - 10 }) : shown,
  });
}

/** The product the lookups (ID, SKUID, REFERENCE, URL) start from: the one the order checks use. */
function subjectProduct(ctx: RunContext): FoundProduct | undefined {
  if (ctx.pick.ok) return ctx.pick.value.product;
  return ctx.products.ok ? ctx.products.value[0] : undefined;
}

/** A search for a term no catalogue has, and the products it found when it answered 200 with a list. */
export function missSearch(ctx: RunContext): Promise<{ miss: Exchange; hits?: number; ids?: string[] }> {
  return ctx.shared('search-miss', async () => {
    const miss = await search(ctx, 'TEXT', `${TEST_ORDER_PREFIX}no-such-product-${ctx.runId}`);
    const found = jsonArray(ctx.t, miss);
    return found.ok
      ? { miss: withoutJson(miss), hits: found.value.length, ids: idsOf(found.value) }
      : { miss: withoutJson(miss) };
  });
}

/** True when two answers list the same products in the same order (and at least one). */
export const sameProducts = (a: string[], b: string[]): boolean =>
  a.length > 0 && a.join('\u0000') === b.join('\u0000');

/** A value of a lookup's kind that no catalogue has: the evidence that a lookup reads its value. */
function unknownLookupValue(ctx: RunContext, searchType: SearchType, like: string): string {
  const marker = `${TEST_ORDER_PREFIX}${ctx.runId}-no-such-${searchType.toLowerCase()}`;
  if (searchType !== 'URL') return marker;
  try {
    return `${new URL(like).origin}/${marker}`;
  } catch {
    return `https://shop.example.com/${marker}`;
  }
}

/**
 * Runs one lookup search and judges it: the product must be in the answer (and, with `exact`, be the
 * only one), and the same lookup for a value no product has must find nothing, so that an answer that
 * ignores its value (a static list that happens to hold the product) is no pass. Undeclared search
 * types are skipped; a missing or blank lookup value is "could not check"; an answer that is not 200
 * with a list fails this lookup (the first search, judged by answers-2xx, was fine).
 */
export async function judgeLookup(
  ctx: RunContext,
  searchType: SearchType,
  choose: (product: FoundProduct) => string | undefined,
  missing: string,
  exact = false,
): Promise<Verdict> {
  const t = ctx.t;
  if (!ctx.config.searchTypes.includes(searchType)) return skip(t('search.notDeclared', { type: searchType }));
  if (!ctx.products.ok) return notJudged(ctx.products);
  const product = subjectProduct(ctx);
  const owner =
    product && choose(product) !== undefined ? product : ctx.products.value.find((p) => choose(p) !== undefined);
  const value = owner ? choose(owner) : undefined;
  if (value === undefined || !owner) return couldNotCheck(missing, undefined, ctx.catalogueCause);
  // An empty or blank value is no evidence: a merchant may answer anything to it.
  if (value.trim() === '')
    return couldNotCheck(t('search.blankValue', { value: JSON.stringify(value) }), undefined, ctx.catalogueCause);
  const nobody = unknownLookupValue(ctx, searchType, value);
  const [ex, miss] = await Promise.all([search(ctx, searchType, value), search(ctx, searchType, nobody)]);
  const unanswered = noAnswer(t, ex) ?? noAnswer(t, miss);
  if (unanswered) return unanswered;
  const expected = exact ? t('search.exactly', { id: owner.objectId }) : t('search.containing', { id: owner.objectId });
  const found = jsonArray(t, ex);
  const said = { type: searchType, value: JSON.stringify(value), id: owner.objectId };
  if (!found.ok)
    return fail(t('search.noList', said), {
      received: found.reason,
      expected: t('search.http200With', { expected }),
      exchange: ex,
    });
  const ids = idsOf(found.value);
  const matches = exact ? ids.length === 1 && ids[0] === owner.objectId : ids.includes(owner.objectId);
  if (!matches)
    return fail(exact ? t('search.notReturnedExactly', said) : t('search.notReturned', said), {
      received: listIds(t, ids),
      expected,
      exchange: ex,
    });
  const missed = jsonArray(t, miss);
  const missSaid = { type: searchType, value: JSON.stringify(nobody) };
  if (!missed.ok) {
    // A miss answered like the TEXT miss (404, say) is search-miss-empty's finding, not this lookup's.
    if ((await missSearch(ctx)).hits === undefined)
      return couldNotCheck(t('search.missLikeText', { ...missSaid, answer: describeAnswer(t, miss) }), miss, {
        operation: 'productSearch',
        check: 'search-miss-empty',
      });
    return fail(t('search.missNotList', missSaid), {
      received: missed.reason,
      expected: t('search.http200With', { expected: '[]' }),
      exchange: miss,
    });
  }
  if (missed.value.length > 0)
    return fail(t('search.missAlsoFound', { ...missSaid, found: listIds(t, idsOf(missed.value)) }), {
      received: listIds(t, idsOf(missed.value)),
      expected: '[]',
      exchange: miss,
    });
  return pass(t('search.finds', said));
}
