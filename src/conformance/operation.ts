import { conforms, OPERATIONS, type OperationId } from '../contracts';
import { maskUrl } from '../common/secrets';
import type { CartProbes } from './cart-probes';
import type { Check } from './check-definition';
import { entriesOf } from './checker-entries';
import { CHECKS } from './checks';
import type { RunContext } from './context';
import { checkerCoverage, productCoverage } from './coverage';
import type { Exchange } from './exchange';
import { checkText, type T } from './i18n';
import { learnCancellation, learnCreation, planPrimary } from './orders';
import { couldNotCheck, notJudged, skip, type Verdict } from './outcome';
import { none, ok, type Cause, type Result } from './result';
import { primaryArray } from './search';
import { operationStatus } from './summarize';
import { pickVariant, readProducts, unreadablePrices } from './test-data';
import type { CheckResult, FieldCoverage, OperationReport } from './types';

/** Operations that create, change or cancel a (test) order at the merchant: skipped by --no-destructive. */
export const DESTRUCTIVE: readonly OperationId[] = ['orderCreation', 'statusNotification', 'orderCancellation'];

/** Called as each check starts (a live progress line on a terminal). */
export type OnCheck = (operation: OperationId, checkId: string) => void;

/** An operation whose checks have judged, but for the explorer's, which may still be exploring. */
export interface StartedOperation {
  /** The first request, when one was sent (the report assembly links consequences to the finding on it). */
  primary?: Exchange;
  /** The operation's report, once every check (the explorer's last) has judged. */
  report: Promise<OperationReport>;
}

/**
 * Sends an operation's first request and runs its checks: one at a time in CHECKS order with
 * --concurrency 1, else side by side (each request waits for a free slot), with the checks that read
 * every request of the operation last. The checks that judge the explorer's findings run after those,
 * without holding the run up: the next operation starts meanwhile. Results always come in CHECKS
 * order, so the report is the same at any concurrency.
 */
export async function startOperation(
  ctx: RunContext,
  operation: OperationId,
  onCheck?: OnCheck,
): Promise<StartedOperation> {
  // With the explorer off (--explore-calls 0) its checks have nothing to say: they are left out, as
  // the operations --only leaves out are (the JSON report's `exploration` says it was off).
  const explores = ctx.config.exploreCalls > 0;
  const checks = CHECKS.filter((c) => c.operations.includes(operation) && (explores || c.reads !== 'exploration'));
  const { verdicts, primary, explored } = await judge(ctx, operation, checks, onCheck);
  // Read now: what the operation's checks shared (the cart probes) is let go before the next one.
  const coverage = await coverageOf(ctx, operation, primary);
  const report = explored.then(() => {
    const results = checks.map((check, i) => toResult(ctx.t, check, verdicts[i]));
    const found: OperationReport = {
      operation,
      method: OPERATIONS[operation].method,
      url: maskUrl(ctx.config.urls[operation]),
      status: operationStatus(results),
      checks: results,
    };
    if (coverage) found.coverage = coverage;
    return found;
  });
  return { report, primary };
}

type Judged = { verdicts: Verdict[]; primary?: Exchange; explored: Promise<void> };
type Indexed = { check: Check; i: number };

async function judge(ctx: RunContext, operation: OperationId, checks: Check[], onCheck?: OnCheck): Promise<Judged> {
  const verdicts: Verdict[] = new Array<Verdict>(checks.length);
  const done = Promise.resolve();
  if (!ctx.config.destructive && DESTRUCTIVE.includes(operation)) {
    checks.forEach((_c, i) => (verdicts[i] = skip(ctx.t('run.noDestructive'))));
    return { verdicts, explored: done };
  }
  const indexed = checks.map((check, i) => ({ check, i }));
  const early = indexed.filter(({ check }) => check.reads === undefined);
  const late = indexed.filter(({ check }) => check.reads === 'everything');
  const exploring = indexed.filter(({ check }) => check.reads === 'exploration');
  const keep = (check: Check, i: number, verdict: Verdict): void => {
    verdicts[i] = verdict;
    ctx.verdicts.set(`${operation}/${check.id}`, verdict);
  };
  const runAll = async (group: Indexed[], runOne: (check: Check) => Promise<Verdict>, sideBySide: boolean) => {
    if (!sideBySide || ctx.config.concurrency === 1)
      for (const { check, i } of group) keep(check, i, await runOne(check));
    else await Promise.all(group.map(async ({ check, i }) => keep(check, i, await runOne(check))));
  };
  const plan = planPrimary(ctx, operation);
  if (!plan.ok) {
    const unjudged = unbuilt(ctx.t, operation, checks, plan);
    const alone = (check: Check): Promise<Verdict> =>
      guarded(ctx, operation, check, onCheck, () => (check.alone as NonNullable<Check['alone']>)(ctx, operation, plan));
    const byThemselves = (group: Indexed[]): Indexed[] => group.filter(({ check }) => check.alone);
    for (const { check, i } of indexed) if (!check.alone) keep(check, i, unjudged[i]);
    await runAll(byThemselves(early), alone, true);
    await runAll(byThemselves(late), alone, false);
    return { verdicts, explored: runAll(byThemselves(exploring), alone, true) };
  }
  const prefetch = (): void => {
    if (ctx.config.concurrency > 1) for (const check of checks) check.prefetch?.(ctx, operation);
  };
  // Before the merchant's first answer the run sends one request at a time, so prefetched requests
  // would only queue behind an answer that may make them pointless (a merchant that is down, or that
  // answers megabytes): they wait for it then, and go only when it came back.
  const openBefore = ctx.opened;
  const sending = plan.value();
  if (openBefore) prefetch();
  const primary = await sending;
  if (!openBefore && primary.answer.ok) prefetch();
  learn(ctx, operation, primary);
  const withPrimary = (check: Check): Promise<Verdict> =>
    guarded(ctx, operation, check, onCheck, () => check.run(ctx, operation, primary));
  if (!primary.answer.ok) {
    // Reported once, by the first check (answers-2xx); the others point to it.
    const first = { operation, check: checks[0].id };
    const rest = couldNotCheck(ctx.t('run.firstNoAnswer', { check: first.check }), undefined, first);
    keep(checks[0], 0, await withPrimary(checks[0]));
    for (const { check, i } of indexed.slice(1)) if (check.reads !== 'exploration') keep(check, i, rest);
    return { verdicts, primary, explored: runAll(exploring, withPrimary, true) };
  }
  await runAll(early, withPrimary, true);
  await runAll(late, withPrimary, false);
  return { verdicts, primary, explored: runAll(exploring, withPrimary, true) };
}

/** No first request could be built: every check says why, pointing to the root cause (or to the first check). */
function unbuilt(t: T, operation: OperationId, checks: Check[], plan: { reason: string; causedBy?: Cause }): Verdict[] {
  if (plan.causedBy) return checks.map(() => notJudged(plan));
  const first = { operation, check: checks[0].id };
  return checks.map((_check, i) =>
    i === 0
      ? couldNotCheck(plan.reason)
      : couldNotCheck(t('run.noRequestBuilt', { check: first.check }), undefined, first),
  );
}

/**
 * A bug in a check must not end the run: it becomes that check's "could not check". The duration is
 * the exchange the verdict names, else the check's own time (its requests and waits included).
 */
async function guarded(
  ctx: RunContext,
  operation: OperationId,
  check: Check,
  onCheck: OnCheck | undefined,
  run: () => Promise<Verdict> | Verdict,
): Promise<Verdict> {
  onCheck?.(operation, check.id);
  const started = ctx.clock.now();
  let verdict: Verdict;
  try {
    verdict = await run();
  } catch (error) {
    verdict = couldNotCheck(
      ctx.t('run.internalError', { error: error instanceof Error ? error.message : String(error) }),
    );
  }
  return { ...verdict, durationMs: verdict.durationMs ?? Math.round(ctx.clock.now() - started) };
}

/**
 * A check's verdict as a result: a "could not check" says so before its reason, and a failure or
 * warning carries its check's fix (for the "what to fix" list), both in the run's language.
 */
function toResult(t: T, check: Check, verdict: Verdict): CheckResult {
  const message =
    verdict.status === 'error' ? t('outcome.couldNotCheck', { reason: verdict.message }) : verdict.message;
  const needsFix = (verdict.status === 'fail' || verdict.status === 'warn') && verdict.fix === undefined;
  const fix = needsFix ? (checkText(t, check.id, 'fix') ?? check.fix) : undefined;
  return fix !== undefined ? { id: check.id, ...verdict, message, fix } : { id: check.id, ...verdict, message };
}

/** What an operation's first request taught the run; the later operations build on it. */
export function learn(ctx: RunContext, operation: OperationId, primary: Exchange): void {
  if (operation === 'productSearch') {
    learnProducts(ctx, primary);
    // The explorer starts from what the search showed, and explores beside every check that follows.
    ctx.explorer?.start();
  } else if (operation === 'orderCreation' && ctx.pick.ok) learnCreation(ctx, primary, ctx.pick.value);
  else if (operation === 'orderCancellation') learnCancellation(ctx, primary);
}

function learnProducts(ctx: RunContext, primary: Exchange): void {
  const found = primaryArray(ctx.t, primary, 'productSearch');
  if (!found.ok) {
    ctx.products = ctx.pick = none(ctx.t('run.searchUnusable', { reason: found.reason }), found.causedBy);
    return;
  }
  const products = readProducts(found.value);
  const query = ctx.config.searchQuery;
  ctx.firstPage = found.value.map((p) => String(p.objectId));
  if (!conforms('productSearch', 'response', found.value))
    ctx.catalogueCause = { operation: 'productSearch', check: 'response-contract' };
  if (products.length === 0) {
    ctx.products = ctx.pick = none(ctx.t('run.searchFoundNothing', { query }), {
      operation: 'productSearch',
      check: 'search-text-finds',
    });
    return;
  }
  ctx.products = ok(products);
  const pick = pickVariant(products);
  if (pick) ctx.pick = ok(pick);
  else {
    // Say what the answer got wrong when that is why nothing can be sold: prices of the wrong type
    // are not "no sellable variant" (the variants are there, in stock; their prices cannot be read).
    const unread = unreadablePrices(found.value);
    ctx.pick = none(
      unread
        ? ctx.t('run.pricesWrongType', { query, count: unread.count, type: unread.type })
        : ctx.t('run.noSellableVariant', { query }),
      ctx.catalogueCause,
    );
  }
}

/** Field coverage of the answers seen: products for productSearch, checker entries for orderValidation. */
async function coverageOf(
  ctx: RunContext,
  operation: OperationId,
  primary: Exchange | undefined,
): Promise<FieldCoverage[] | undefined> {
  if (operation === 'productSearch') return productCoverage(ctx.t, [...ctx.seenProducts.values()]);
  if (operation !== 'orderValidation') return undefined;
  const exchanges = primary ? [primary] : [];
  const probes = await ctx.sharedIfStarted<Result<CartProbes>>('cart-probes');
  if (probes?.ok) {
    const { inStock, overStock, zeroStock, unknownVariant, multiLine } = probes.value;
    for (const probe of [...inStock, unknownVariant, multiLine]) exchanges.push(probe.exchange);
    if (overStock.ok) exchanges.push(overStock.value.exchange);
    if (zeroStock.ok) exchanges.push(zeroStock.value.exchange);
  }
  return checkerCoverage(
    ctx.t,
    exchanges.flatMap((ex) => {
      const entries = entriesOf(ctx.t, ex);
      return entries.ok ? entries.value : [];
    }),
  );
}
