import { OPERATIONS, validate, type OperationId } from '../contracts';
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
import { pickVariant, readProducts } from './test-data';
import type { CheckResult, FieldCoverage, OperationReport } from './types';

/** Operations that create, change or cancel a (test) order at the merchant: skipped by --no-destructive. */
export const DESTRUCTIVE: readonly OperationId[] = ['orderCreation', 'statusNotification', 'orderCancellation'];

/** Called as each check starts (a live progress line on a terminal). */
export type OnCheck = (operation: OperationId, checkId: string) => void;

/**
 * Sends an operation's first request and runs its checks: one at a time in CHECKS order with
 * --concurrency 1, else side by side (each request waits for a free slot), with the checks that read
 * every request of the operation last. Results always come in CHECKS order, so the report is the same
 * at any concurrency.
 */
export async function runOperation(
  ctx: RunContext,
  operation: OperationId,
  onCheck?: OnCheck,
): Promise<{ report: OperationReport; primary?: Exchange }> {
  const checks = CHECKS.filter((c) => c.operations.includes(operation));
  const { verdicts, primary } = await judge(ctx, operation, checks, onCheck);
  const results = checks.map((check, i) => toResult(ctx.t, check, verdicts[i]));
  const report: OperationReport = {
    operation,
    method: OPERATIONS[operation].method,
    url: maskUrl(ctx.config.urls[operation]),
    status: operationStatus(results),
    checks: results,
  };
  const coverage = await coverageOf(ctx, operation, primary);
  if (coverage) report.coverage = coverage;
  // The first request goes along: the report assembly links consequences to the finding on it.
  return { report, primary };
}

type Judged = { verdicts: Verdict[]; primary?: Exchange };

async function judge(ctx: RunContext, operation: OperationId, checks: Check[], onCheck?: OnCheck): Promise<Judged> {
  if (!ctx.config.destructive && DESTRUCTIVE.includes(operation))
    return { verdicts: checks.map(() => skip(ctx.t('run.noDestructive'))) };
  const plan = planPrimary(ctx, operation);
  if (!plan.ok) return { verdicts: unbuilt(ctx.t, operation, checks, plan) };
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
  if (!primary.answer.ok) {
    // Reported once, by the first check (answers-2xx); the others point to it.
    const first = { operation, check: checks[0].id };
    const rest = couldNotCheck(ctx.t('run.firstNoAnswer', { check: first.check }), undefined, first);
    const answered = await runCheck(ctx, operation, checks[0], primary, onCheck);
    return { verdicts: [answered, ...checks.slice(1).map(() => rest)], primary };
  }
  const verdicts: Verdict[] = new Array<Verdict>(checks.length);
  const early = checks.map((check, i) => ({ check, i })).filter(({ check }) => check.reads !== 'everything');
  const late = checks.map((check, i) => ({ check, i })).filter(({ check }) => check.reads === 'everything');
  if (ctx.config.concurrency === 1)
    for (const { check, i } of early) verdicts[i] = await runCheck(ctx, operation, check, primary, onCheck);
  else
    await Promise.all(
      early.map(async ({ check, i }) => {
        verdicts[i] = await runCheck(ctx, operation, check, primary, onCheck);
      }),
    );
  for (const { check, i } of late) verdicts[i] = await runCheck(ctx, operation, check, primary, onCheck);
  return { verdicts, primary };
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
async function runCheck(
  ctx: RunContext,
  operation: OperationId,
  check: Check,
  primary: Exchange,
  onCheck?: OnCheck,
): Promise<Verdict> {
  onCheck?.(operation, check.id);
  const started = process.hrtime.bigint();
  let verdict: Verdict;
  try {
    verdict = await check.run(ctx, operation, primary);
  } catch (error) {
    verdict = couldNotCheck(
      ctx.t('run.internalError', { error: error instanceof Error ? error.message : String(error) }),
    );
  }
  return { ...verdict, durationMs: verdict.durationMs ?? Number((process.hrtime.bigint() - started) / 1_000_000n) };
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
  if (operation === 'productSearch') learnProducts(ctx, primary);
  else if (operation === 'orderCreation' && ctx.pick.ok) learnCreation(ctx, primary, ctx.pick.value);
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
  if (validate('productSearch', 'response', found.value).length > 0)
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
  ctx.pick = pick ? ok(pick) : none(ctx.t('run.noSellableVariant', { query }), ctx.catalogueCause);
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
