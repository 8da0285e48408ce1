import type { OperationId } from '../contracts';
import { usageError, usageWord } from './i18n/usage';
import type { Lang } from '../common/i18n';
import { ReportAssembler } from './assemble';
import { CallbackReceiver } from './callbacks/receiver';
import { operationFacts } from './causes';
import type { RunConfig } from './config/run-config';
import { RunContext } from './context';
import { startMeta } from './meta';
import { networkReport } from './network-report';
import type { Clock } from './clock';
import { Explorer, seedFor } from './explorer/explorer';
import { learn, startOperation, type OnCheck } from './operation';
import { cancelLeftovers, planPrimary, synthesizedNotes } from './orders';
import type { NetworkReport, OperationReport, RunMeta, RunReport } from './types';

export { DESTRUCTIVE } from './operation';

/** OmniChat's own order of calls over an order's life (docs/contracts.md, the call sequence). */
export const RUN_ORDER: readonly OperationId[] = [
  'productSearch',
  'orderValidation',
  'orderCreation',
  'statusNotification',
  'orderCancellation',
];

export interface RunOptions {
  /** Marks this run's order ids; defaults to a base-36 timestamp. */
  runId?: string;
  /** An already listening receiver (tests); otherwise one is started on config.callbackPort. */
  callbacks?: CallbackReceiver;
  /** How long callback-received waits (10 s, as the issue asks; tests shorten it). */
  callbackWaitMs?: number;
  /** The shortest wait for a repeated callback after the repeated order (1 s; tests shorten it). */
  callbackGraceMs?: number;
  /** The run's clock (a test's clock jumps instead of waiting); a receiver passed in must use the same. */
  clock?: Clock;
  /** The language of every text of the report (default English); ids, statuses and keys never change with it. */
  lang?: Lang;
  /** Called once before the first request, with what is known of the run (its title, id, versions, network). */
  onStart?: (meta: Omit<RunMeta, 'durationMs'>, network: NetworkReport) => void;
  /** Called as each check starts (a live progress line on a terminal). */
  onCheck?: OnCheck;
  /**
   * Called as each operation finishes, in OmniChat's order, with its results as the report will have
   * them (masked, linked to their causes, tamed): printed before the run ends.
   */
  onOperation?: (report: OperationReport) => void;
}

/** Runs every selected check in OmniChat's order (search, validate, create, notify, cancel) and returns the report. */
export async function runVerify(config: RunConfig, options: RunOptions = {}): Promise<RunReport> {
  const ownReceiver =
    !options.callbacks && config.callbackPort !== undefined
      ? await startReceiver(config.callbackPort, options.clock)
      : undefined;
  const started = process.hrtime.bigint();
  const ctx = new RunContext(config, options.runId ?? Date.now().toString(36), {
    callbacks: options.callbacks ?? ownReceiver,
    callbackWaitMs: options.callbackWaitMs,
    callbackGraceMs: options.callbackGraceMs,
    lang: options.lang,
    clock: options.clock,
  });
  const seed = config.seed ?? seedFor(ctx.runId);
  const explorer = new Explorer(ctx, { calls: config.exploreCalls, seed });
  ctx.explorer = explorer;
  const meta = { ...startMeta(config, ctx.runId, ctx.t.lang), seed };
  const network = networkReport(config);
  options.onStart?.(meta, network);
  const assembler = new ReportAssembler(ctx.secrets, ctx.t);
  const operations: OperationReport[] = [];
  let notes: string[] = [];
  // Operations are reported in OmniChat's order, each once its checks (the explorer's last) have
  // judged; the run goes on to the next operation meanwhile.
  let reported = Promise.resolve();
  try {
    for (const operation of RUN_ORDER) {
      if (!config.only.includes(operation)) await prepareUnselected(ctx, operation);
      else {
        const { report: finished, primary } = await startOperation(ctx, operation, options.onCheck);
        reported = reported.then(async () => {
          const found = await finished;
          const report = assembler.operation(
            keepKnownCauses(found, operations),
            operationFacts(ctx, operation, primary),
          );
          operations.push(report);
          options.onOperation?.(report);
        });
      }
      // The explorer starts once the search has shown what there is to explore (learn starts it), or
      // at once when the search could not run at all.
      if (operation === 'productSearch') explorer.start();
      // Checks read only their own operation's exchanges: letting go of them keeps at most one
      // operation's timings in memory, not the whole run's.
      ctx.exchanges.clear();
      ctx.forgetShared();
    }
    await reported;
    await explorer.finished();
    notes = [...synthesizedNotes(ctx), ...(await cancelLeftovers(ctx)), ...(await explorer.notes())];
  } finally {
    await explorer.finished();
    await ownReceiver?.close();
  }
  const durationMs = Number((process.hrtime.bigint() - started) / 1_000_000n);
  return assembler.finish({
    target: config.displayName,
    operations,
    notes,
    meta: { ...meta, durationMs, calls: ctx.sent.checks + ctx.sent.explorer },
    network,
    exploration: await explorer.report(),
  });
}

async function startReceiver(port: number, clock?: Clock): Promise<CallbackReceiver> {
  try {
    return await CallbackReceiver.start(port, { clock });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? usageWord('usage.portInUse') : (code ?? 'error');
    throw usageError('usage.callbackPort', { port, why });
  }
}

/** The later operations need a product (from the search) and an order (from creation) even when not reported. */
async function prepareUnselected(ctx: RunContext, operation: OperationId): Promise<void> {
  const later = ctx.config.only.filter((op) => RUN_ORDER.indexOf(op) > RUN_ORDER.indexOf(operation));
  const needed =
    (operation === 'productSearch' && later.length > 0) ||
    (operation === 'orderCreation' &&
      ctx.config.destructive &&
      later.some((op) => op === 'statusNotification' || op === 'orderCancellation'));
  if (!needed) return;
  const plan = planPrimary(ctx, operation);
  if (plan.ok) learn(ctx, operation, await plan.value());
}

/**
 * A cause is kept only when the report shows it as a finding (reports group consequences under it):
 * a cause in an operation that was not selected, or one that passed after all, is dropped, and the
 * message still says why.
 */
function keepKnownCauses(report: OperationReport, earlier: OperationReport[]): OperationReport {
  const all = [...earlier, report];
  const shown = (cause: { operation: OperationId; check: string }): boolean => {
    const target = all.find((op) => op.operation === cause.operation)?.checks.find((c) => c.id === cause.check);
    return target !== undefined && target.status !== 'pass' && target.status !== 'skip';
  };
  return {
    ...report,
    checks: report.checks.map((check) => {
      if (!check.causedBy || shown(check.causedBy)) return check;
      const { causedBy: _dropped, ...rest } = check;
      return rest;
    }),
  };
}
