import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Lang } from '../../common/i18n';
import type { VerifyCounts } from '../store/verify-history';

// The seam between the QA console and the conformance runner. The mock defines what it needs of a
// runner and never imports one: `merchant-kit serve` (src/cli) wires the real runner in, and without
// it the console's verify routes answer that no runner is available. The runner knows nothing of the mock.

/** A config the runner accepted: what the console may show and keep of it, and what it hands back to start. */
export interface VerifyPlan {
  /** The config's displayName (Nome de Exibição): runs are grouped by it. */
  integration: string;
  /** The config as sent with every header value and URL secret masked, to show and keep. */
  shown: Record<string, unknown>;
  /** The runner's own form of the config, handed back to start() as it is. */
  settings: unknown;
}

/** A config the runner refused: what to fix, naming the config key, in the language asked for. */
export interface VerifyRefusal {
  refused: (lang: Lang) => string;
}

/** The part of a verify report the console reads itself (the rest is kept and served as it is). */
export interface VerifyReport {
  verdict: string;
  summary: VerifyCounts;
  meta: { durationMs: number; kitVersion: string; seed?: number };
  operations: {
    operation: string;
    checks: { id: string; status: string; message: string; causedBy?: { operation: string; check: string } }[];
  }[];
}

/** What the console gives one run besides its plan. */
export interface VerifyHooks {
  /** The run's id: it marks the run's test orders, so callbacks about them find their run. */
  runId: string;
  lang: Lang;
  noDestructive: boolean;
  /** The base URL the merchant calls back (OmniChat's orders API, as far as the run is concerned). */
  callbackUrl: string;
  /** Aborted at the run's time limit: the run then ends as soon as it can, with a report. */
  signal: AbortSignal;
  /** Each operation as it finishes. */
  onOperation(line: { operation: string; status: string; counts: VerifyCounts }): void;
}

/** A run in progress. */
export interface VerifyRun {
  /** True for an order id the run made up: callbacks about it belong to this run. */
  owns(orderId: string): boolean;
  /** Answers one callback of the merchant; `path` is below callbackUrl (`/v2/orders/{id}/statusChange`). */
  accept(req: IncomingMessage, res: ServerResponse, path: string): void;
  /** The report once the run ends (the same JSON as `verify --json`); rejects only on a bug. */
  done: Promise<VerifyReport>;
}

/** The runner as the QA console uses it (see createMockApp's `verify` option). */
export interface VerifyService {
  /** Checks a config as `verify --config` checks its file, plus the server's own rules. */
  prepare(config: unknown): VerifyPlan | VerifyRefusal;
  start(plan: VerifyPlan, hooks: VerifyHooks): VerifyRun;
  /** A kept JSON report as JUnit XML or as the self-contained HTML report. */
  render(report: unknown, format: 'junit' | 'html'): string;
}
