import type { OperationId } from '../contracts';
import { UsageError } from '../common/usage-error';
import { maskSecretsDeep } from '../common/secrets';
import { CallbackReceiver } from './callbacks/receiver';
import type { RunConfig } from './config/run-config';
import { RunContext } from './context';
import { networkReport } from './network-report';
import { learn, runOperation, type OnCheck } from './operation';
import { cancelLeftovers, planPrimary } from './orders';
import { summarize } from './summarize';
import type { OperationReport, RunReport } from './types';

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
  /** Called as each check starts (a live progress line on a terminal). */
  onCheck?: OnCheck;
  /** Called as each operation finishes, in OmniChat's order, with its results (printed before the run ends). */
  onOperation?: (report: OperationReport) => void;
}

/** Runs every selected check in OmniChat's order (search, validate, create, notify, cancel) and returns the report. */
export async function runVerify(config: RunConfig, options: RunOptions = {}): Promise<RunReport> {
  const ownReceiver =
    !options.callbacks && config.callbackPort !== undefined ? await startReceiver(config.callbackPort) : undefined;
  const ctx = new RunContext(config, options.runId ?? Date.now().toString(36), {
    callbacks: options.callbacks ?? ownReceiver,
    callbackWaitMs: options.callbackWaitMs,
    callbackGraceMs: options.callbackGraceMs,
  });
  const operations: OperationReport[] = [];
  let notes: string[] = [];
  try {
    for (const operation of RUN_ORDER) {
      if (!config.only.includes(operation)) await prepareUnselected(ctx, operation);
      else {
        const report = keepKnownCauses(await runOperation(ctx, operation, options.onCheck), operations);
        operations.push(report);
        options.onOperation?.(maskSecretsDeep(report, ctx.secrets));
      }
      // Checks read only their own operation's exchanges: letting go of them keeps at most one
      // operation's timings in memory, not the whole run's.
      ctx.exchanges.clear();
      ctx.forgetShared();
    }
    notes = await cancelLeftovers(ctx);
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
