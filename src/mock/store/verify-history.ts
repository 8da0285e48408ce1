import type { Lang } from '../../common/i18n';

// The runs of verify started from the QA console: what every history adapter keeps. The memory adapter
// is store/memory/verify-history.ts; the PostgreSQL one (shared by replicas) store/postgres/verify-history.ts.

/** Runs kept by default (`serve --verify-history`). */
export const DEFAULT_VERIFY_HISTORY_RUNS = 200;
/** Bytes of runs kept by default: a report is tens of KB, a large one a few hundred. */
export const DEFAULT_VERIFY_HISTORY_BYTES = 64 * 1024 * 1024;

/** Why a run has no report when the server running it stopped first (killed, or closed with the run queued). */
export const INTERRUPTED_PROBLEM = 'interrupted: the server running it stopped before it finished';

/** Counts of check results, as in a verify report's `summary`. */
export interface VerifyCounts {
  passed: number;
  failed: number;
  warnings: number;
  errors: number;
  skipped: number;
}

/** One operation of a run as it finished: the line the console shows while the run goes on. */
export interface VerifyProgressLine {
  operation: string;
  /** pass, fail, error or skip. */
  status: string;
  counts: VerifyCounts;
}

/** A finished run: its settings as they may be shown (no secret), its progress and its report. */
export interface VerifyRunRecord {
  id: string;
  /** The integration it checked: the config's displayName (Nome de Exibição). */
  integration: string;
  /** ISO 8601 times: submitted, started (null when it never started), finished. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string;
  durationMs: number | null;
  /** The report's verdict (pass, fail, skip), or `error` when the run produced no report. */
  verdict: string;
  kitVersion: string | null;
  /** The explorer's seed when the report has one (the same seed replays the same journeys). */
  seed: number | null;
  summary: VerifyCounts | null;
  noDestructive: boolean;
  lang: Lang;
  /** The config as sent, with every header value and URL secret masked: a re-run asks for them again. */
  config: Record<string, unknown>;
  progress: VerifyProgressLine[];
  /** The JSON report, exactly as `verify --json` writes it (secrets masked by the runner); null when none. */
  report: unknown;
  /** Why there is no report, when there is none. */
  problem?: string;
}

/** A run as the history lists it: everything but its config, progress and report. */
export type VerifyRunSummary = Omit<VerifyRunRecord, 'config' | 'progress' | 'report'>;

/** A run not finished yet, as a shared history shows it on every replica: no report, its progress so far. */
export interface VerifyLiveRun {
  id: string;
  state: 'queued' | 'running';
  integration: string;
  createdAt: string;
  startedAt: string | null;
  noDestructive: boolean;
  lang: Lang;
  /** Masked, as in VerifyRunRecord. */
  config: Record<string, unknown>;
  progress: VerifyProgressLine[];
  report: null;
}

/** How many runs and bytes a history keeps at most (past either, the oldest finished runs go). */
export interface VerifyHistoryBounds {
  maxRuns: number;
  maxBytes: number;
}

/**
 * The record a run leaves when the server running it stopped before it finished: verdict `error`, no
 * report, the operations it had finished, and `problem` saying it was interrupted.
 */
export function interruptedRecord(live: VerifyLiveRun, finishedAt: string): VerifyRunRecord {
  return {
    id: live.id,
    integration: live.integration,
    createdAt: live.createdAt,
    startedAt: live.startedAt,
    finishedAt,
    durationMs: null,
    verdict: 'error',
    kitVersion: null,
    seed: null,
    summary: null,
    noDestructive: live.noDestructive,
    lang: live.lang,
    config: live.config,
    progress: live.progress,
    report: null,
    problem: INTERRUPTED_PROBLEM,
  };
}

/** What a history holds and its bounds. */
export interface VerifyHistoryUsage {
  runs: number;
  bytes: number;
  maxRuns: number;
  maxBytes: number;
  /** Runs dropped so far to stay within the bounds, oldest first. */
  dropped: number;
}

/**
 * The finished runs, bounded in number and bytes: past either bound the oldest run is dropped first.
 * Asynchronous, so that an adapter may keep them in a database.
 */
export interface VerifyHistory {
  /** Keeps a finished run (a run kept again under the same id replaces it). */
  add(run: VerifyRunRecord): Promise<void>;
  get(id: string): Promise<VerifyRunRecord | undefined>;
  /** Every kept run, newest first, without config, progress or report. */
  list(): Promise<VerifyRunSummary[]>;
  usage(): Promise<VerifyHistoryUsage>;
  /**
   * Notes a run queued or running on this replica, again at each change (optional: a history only
   * this process reads needs nothing). A shared history shows it to the other replicas, and keeps it
   * as interrupted should this replica stop before the run is added.
   */
  track?(run: VerifyLiveRun): Promise<void>;
  /** The runs queued or running on other replicas sharing this history, newest first (optional). */
  elsewhere?(): Promise<VerifyLiveRun[]>;
}
