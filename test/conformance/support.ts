import {
  CallbackReceiver,
  exitCodeFor,
  runConfigFromFlags,
  runVerify,
  type Clock,
  type RunConfig,
  type RunReport,
  type VerifyFlags,
} from '../../src/conformance';
import type { Lang } from '../../src/common/i18n';

export const SECRET = 'Bearer s3cret-t0ken-value';
export const AUTH = { key: 'Authorization', value: SECRET };

/**
 * How long a run waits for what may come later (callbacks), injected: a wait that ends when the thing
 * arrives, however long it may take, or a short one where nothing can come (a merchant that never
 * calls back), and a clock a test can jump ahead instead of waiting.
 */
export interface Waits {
  /** The window for a provisioning callback (default 10 s, verify's own: the wait ends as soon as it comes). */
  callbackWaitMs?: number;
  /** The shortest wait for a second callback (default 50 ms: long enough only for a merchant that sends one). */
  callbackGraceMs?: number;
  clock?: Clock;
}

let runs = 0;

/**
 * Runs the runner in-process against a base URL with the test's flags; callbacks go to `receiver`. Run
 * ids are test1, test2, ... The explorer is off unless the flags give it a budget (--explore-calls):
 * a test of one check is not a test of the explorer's journeys.
 */
export async function verify(
  baseUrl: string,
  flags: Partial<VerifyFlags> = {},
  receiver?: CallbackReceiver,
  overrides: Partial<RunConfig> = {},
  lang: Lang = 'en',
  waits: Waits = {},
): Promise<{ report: RunReport; exitCode: number }> {
  const config = {
    ...runConfigFromFlags({ baseUrl, exploreCalls: '0', header: [`${AUTH.key}: ${AUTH.value}`], ...flags }),
    ...overrides,
  };
  runs++;
  const report = await runVerify(config, {
    runId: `test${runs}`,
    lang,
    callbacks: receiver,
    callbackWaitMs: waits.callbackWaitMs,
    callbackGraceMs: waits.callbackGraceMs ?? 50,
    clock: waits.clock,
  });
  return { report, exitCode: exitCodeFor(report.summary) };
}

/** A clock that jumps ahead when told: "10 s later" without waiting 10 s (the run and its receiver must share it). */
export class JumpingClock implements Clock {
  private offset = 0;
  private readonly listeners = new Set<() => void>();

  now(): number {
    return performance.now() + this.offset;
  }

  onJump(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Moves the clock `ms` ahead and lets every wait look at it again. */
  jump(ms: number): void {
    this.offset += ms;
    for (const listener of [...this.listeners]) listener();
  }
}

/** "operation/check" for every check with the given status. */
export function withStatus(report: RunReport, status: string): string[] {
  return report.operations.flatMap((op) =>
    op.checks.filter((c) => c.status === status).map((c) => `${op.operation}/${c.id}`),
  );
}

/** The result of one check of one operation. */
export function checkOf(report: RunReport, operation: string, id: string) {
  const found = report.operations.find((op) => op.operation === operation)?.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${operation}/${id} in the report`);
  return found;
}
