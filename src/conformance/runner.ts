import { OPERATIONS, type OperationId } from '../contracts';
import { UsageError } from '../common/usage-error';
import { CallbackReceiver } from './callbacks/receiver';
import { CHECKS } from './checks';
import type { RunConfig } from './config/run-config';
import { RunContext } from './context';
import { describeAnswer, isSuccess, type Exchange } from './exchange';
import { maskUrl } from '../common/secrets';
import { couldNotCheck, skip, type Verdict } from './outcome';
import { sendPrimary } from './orders';
import { productArray } from './search';
import { maskSecretsDeep } from '../common/secrets';
import { networkReport } from './network-report';
import { operationStatus, summarize } from './summarize';
import { pickVariant, readProducts } from './test-data';
import type { CheckResult, OperationReport, RunReport } from './types';

/** OmniChat's own order of calls over an order's life (docs/contracts.md, the call sequence). */
export const RUN_ORDER: readonly OperationId[] = [
  'productSearch',
  'orderValidation',
  'orderCreation',
  'statusNotification',
  'orderCancellation',
];

/** Operations that create, change or cancel a (test) order at the merchant: skipped by --no-destructive. */
export const DESTRUCTIVE: readonly OperationId[] = ['orderCreation', 'statusNotification', 'orderCancellation'];

export interface RunOptions {
  /** Marks this run's order ids; defaults to a base-36 timestamp. */
  runId?: string;
  /** An already listening receiver (tests); otherwise one is started on config.callbackPort. */
  callbacks?: CallbackReceiver;
  /** How long callback-received waits (10 s, as the issue asks; tests shorten it). */
  callbackWaitMs?: number;
  /** Called as each check starts (a live progress line on a terminal). */
  onCheck?: (operation: OperationId, checkId: string) => void;
  /** Called as each operation finishes, with its results (its verdict line, printed before the run ends). */
  onOperation?: (report: OperationReport) => void;
}

/** Runs every selected check in OmniChat's order (search, validate, create, notify, cancel) and returns the report. */
export async function runVerify(config: RunConfig, options: RunOptions = {}): Promise<RunReport> {
  const ownReceiver =
    !options.callbacks && config.callbackPort !== undefined ? await startReceiver(config.callbackPort) : undefined;
  const ctx = new RunContext(
    config,
    options.runId ?? Date.now().toString(36),
    options.callbacks ?? ownReceiver,
    options.callbackWaitMs,
  );
  const notes: string[] = [];
  const operations: OperationReport[] = [];
  try {
    for (const operation of RUN_ORDER) {
      const selected = config.only.includes(operation);
      if (!selected) await prepareUnselected(ctx, operation);
      else {
        const report = await runOperation(ctx, operation, options.onCheck);
        operations.push(report);
        options.onOperation?.(maskSecretsDeep(report, ctx.secrets));
      }
      // Checks read only their own operation's exchanges: letting go of them keeps at most one
      // operation's bodies (each up to 10 MB, parsed) in memory, not the whole run's.
      ctx.exchanges.delete(operation);
    }
    await cleanUp(ctx, notes);
  } finally {
    await ownReceiver?.close();
  }
  const report: RunReport = {
    tool: 'merchant-kit verify',
    target: config.displayName,
    summary: summarize({ operations }),
    operations,
    notes,
    network: networkReport(config),
  };
  // The last line of defence, for text a check built from what it sent (received text is masked on arrival).
  return maskSecretsDeep(report, ctx.secrets);
}

async function startReceiver(port: number): Promise<CallbackReceiver> {
  try {
    return await CallbackReceiver.start(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--callback-port ${port}: cannot listen on 127.0.0.1:${port} (${code === 'EADDRINUSE' ? 'the port is in use' : (code ?? 'error')}); pick another port`,
    );
  }
}

/** The later operations need a product (from the search) and an order (from creation) even when not reported. */
async function prepareUnselected(ctx: RunContext, operation: OperationId): Promise<void> {
  const later = ctx.config.only.filter((op) => RUN_ORDER.indexOf(op) > RUN_ORDER.indexOf(operation));
  if (operation === 'productSearch' && later.length > 0) learnProducts(ctx, await sendPrimary(ctx, operation));
  if (
    operation === 'orderCreation' &&
    ctx.config.destructive &&
    later.some((op) => op === 'statusNotification' || op === 'orderCancellation')
  ) {
    await sendPrimary(ctx, operation);
  }
}

function learnProducts(ctx: RunContext, primary: Exchange | { cannot: string }): void {
  if ('cannot' in primary) return;
  const found = productArray(primary);
  if ('problem' in found) {
    ctx.productProblem = `the product search gave no usable answer (${found.problem})`;
    return;
  }
  ctx.products = readProducts(found.products);
  ctx.pick = pickVariant(ctx.products);
  if (!ctx.pick) {
    ctx.productProblem =
      ctx.products.length === 0
        ? `the TEXT search for "${ctx.config.searchQuery}" found no product (set testData.searchQuery to a term your catalogue matches)`
        : `the TEXT search for "${ctx.config.searchQuery}" found no sellable variant (visible, not blocked, in stock)`;
  }
}

async function runOperation(
  ctx: RunContext,
  operation: OperationId,
  onCheck: RunOptions['onCheck'],
): Promise<OperationReport> {
  const checks = CHECKS.filter((c) => c.operations.includes(operation));
  const results: CheckResult[] = [];
  const record = (id: string, verdict: Verdict): void => {
    const fix =
      verdict.status === 'fail' || verdict.status === 'warn' ? CHECKS.find((c) => c.id === id)?.fix : undefined;
    results.push(fix === undefined || verdict.fix !== undefined ? { id, ...verdict } : { id, ...verdict, fix });
  };
  if (!ctx.config.destructive && DESTRUCTIVE.includes(operation)) {
    for (const check of checks)
      record(check.id, skip('--no-destructive: no test order is created, notified or cancelled'));
  } else {
    const primary = await sendPrimary(ctx, operation);
    if (operation === 'productSearch') learnProducts(ctx, primary);
    // The reason is given once, on the first check; the others point to it.
    const first = { operation, check: checks[0].id };
    for (const [index, check] of checks.entries()) {
      onCheck?.(operation, check.id);
      if ('cannot' in primary)
        record(
          check.id,
          index === 0
            ? couldNotCheck(primary.cannot)
            : { ...couldNotCheck(`no request could be built; see ${first.check}`), causedBy: first },
        );
      else if (primary.outcome.kind === 'failure' && index > 0)
        record(check.id, { ...couldNotCheck(`the first request got no answer; see ${first.check}`), causedBy: first });
      else record(check.id, await runCheck(() => check.run(ctx, operation, primary)));
    }
  }
  return {
    operation,
    method: OPERATIONS[operation].method,
    url: maskUrl(ctx.config.urls[operation]),
    status: operationStatus(results),
    checks: results,
  };
}

/**
 * A bug in a check must not end the run: it becomes that check's "could not check". The duration is
 * the exchange the verdict names, else the check's own time (its requests included).
 */
async function runCheck(run: () => Promise<Verdict> | Verdict): Promise<Verdict> {
  const started = process.hrtime.bigint();
  let verdict: Verdict;
  try {
    verdict = await run();
  } catch (error) {
    verdict = couldNotCheck(`internal error in the check (${error instanceof Error ? error.message : String(error)})`);
  }
  return { ...verdict, durationMs: verdict.durationMs ?? Number((process.hrtime.bigint() - started) / 1_000_000n) };
}

/** Cancels the test order when the run created one and did not cancel it already. */
async function cleanUp(ctx: RunContext, notes: string[]): Promise<void> {
  if (!ctx.order || ctx.orderCancelled) return;
  const id = String(ctx.order.objectId);
  const ex = await ctx.call('orderCancellation', { body: { ...ctx.order, status: 'CANCELLED' } });
  notes.push(
    isSuccess(ex)
      ? `test order ${id} cancelled at the end`
      : `test order ${id} could not be cancelled (${describeAnswer(ex)}): cancel it by hand`,
  );
}
