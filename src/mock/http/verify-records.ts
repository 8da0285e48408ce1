import type { Lang } from '../../common/i18n';
import type { VerifyProgressLine, VerifyRunRecord } from '../store/verify-history';
import type { VerifyPlan, VerifyReport } from './verify-service';

/** Where a run is: waiting for a free slot, running, or done (its record is in the history). */
export type VerifyState = 'queued' | 'running' | 'done';

/** A run the console holds until it is done. */
export interface LiveRun {
  id: string;
  plan: VerifyPlan;
  noDestructive: boolean;
  lang: Lang;
  state: VerifyState;
  createdAt: string;
  startedAt?: string;
  progress: VerifyProgressLine[];
}

/** A run as GET /__admin/verify-runs/{id} shows it: its state, and its report once done. */
export type RunView = Omit<
  VerifyRunRecord,
  'finishedAt' | 'verdict' | 'durationMs' | 'kitVersion' | 'seed' | 'summary'
> &
  Partial<VerifyRunRecord> & { state: VerifyState };

/** A queued or running run's view: no report yet. */
export function liveView(live: LiveRun): RunView {
  return {
    id: live.id,
    state: live.state,
    integration: live.plan.integration,
    createdAt: live.createdAt,
    startedAt: live.startedAt ?? null,
    noDestructive: live.noDestructive,
    lang: live.lang,
    config: live.plan.shown,
    progress: [...live.progress],
    report: null,
  };
}

/** The record a finished run leaves in the history; without a report, `problem` says why. */
export function finishedRecord(live: LiveRun, report: VerifyReport | undefined, problem?: string): VerifyRunRecord {
  const seed = report?.meta.seed;
  return {
    id: live.id,
    integration: live.plan.integration,
    createdAt: live.createdAt,
    startedAt: live.startedAt ?? null,
    finishedAt: new Date().toISOString(),
    durationMs: report?.meta.durationMs ?? null,
    verdict: report?.verdict ?? 'error',
    kitVersion: report?.meta.kitVersion ?? null,
    seed: typeof seed === 'number' ? seed : null,
    summary: report?.summary ?? null,
    noDestructive: live.noDestructive,
    lang: live.lang,
    config: live.plan.shown,
    progress: live.progress,
    report: report ?? null,
    ...(problem === undefined ? {} : { problem }),
  };
}

/** A check whose verdict moved between two runs. */
interface ChangedCheck {
  operation: string;
  check: string;
  /** Its status in the earlier run (`absent` when it did not run there) and in the later one. */
  was: string;
  now: string;
  /** Its message in the later run (the earlier one's when it did not run in the later one). */
  message: string;
  /** Checks that moved with it because they follow from it (could not run because of it), folded in here. */
  consequences: number;
}

/** What changed from one run to another: the verdicts, and the checks that started or stopped failing. */
export interface RunChanges {
  from: { id: string; verdict: string; createdAt: string };
  to: { id: string; verdict: string; createdAt: string };
  startedFailing: ChangedCheck[];
  stoppedFailing: ChangedCheck[];
}

/** A check of a report as a comparison reads it. */
interface SeenCheck {
  operation: string;
  check: string;
  status: string;
  message: string;
  /** "operation check" of the finding it follows from, if any. */
  cause?: string;
}

/** "Failing" is what fails a run: a failure, or a check that could not run. */
const failing = (status: string): boolean => status === 'fail' || status === 'error';

/** Every check of a run's report by "operation check". */
function checksOf(record: VerifyRunRecord): Map<string, SeenCheck> {
  const found = new Map<string, SeenCheck>();
  const report = record.report as VerifyReport | null;
  for (const op of report?.operations ?? [])
    for (const c of op.checks)
      found.set(`${op.operation} ${c.id}`, {
        operation: op.operation,
        check: c.id,
        status: c.status,
        message: c.message,
        cause: c.causedBy ? `${c.causedBy.operation} ${c.causedBy.check}` : undefined,
      });
  return found;
}

/**
 * The checks that moved, each folded into the finding it follows from when that finding moved too:
 * a wrong token fixed is one change ("answers-2xx stopped failing, and 52 checks with it"), not 53.
 * `side` is the run whose causes count (the failing one).
 */
function folded(moved: [string, ChangedCheck][], side: Map<string, SeenCheck>): ChangedCheck[] {
  const byKey = new Map(moved);
  const shown: ChangedCheck[] = [];
  for (const [key, change] of moved) {
    const cause = side.get(key)?.cause;
    const root = cause === undefined ? undefined : byKey.get(cause);
    if (root && root !== change) root.consequences += 1;
    else shown.push(change);
  }
  return shown;
}

/**
 * The checks that started failing (fail or could not check in `to`, neither in `from`; or a failure in
 * `to` that could not even be checked in `from`) and that stopped failing (failing in `from`, neither in
 * `to`), in report order.
 */
export function runChanges(from: VerifyRunRecord, to: VerifyRunRecord): RunChanges {
  const before = checksOf(from);
  const after = checksOf(to);
  const started: [string, ChangedCheck][] = [];
  const stopped: [string, ChangedCheck][] = [];
  for (const [key, now] of after) {
    const was = before.get(key)?.status ?? 'absent';
    // A check that could not run before and fails now has started failing too: its finding is new.
    if ((failing(now.status) && !failing(was)) || (now.status === 'fail' && was === 'error'))
      started.push([
        key,
        { operation: now.operation, check: now.check, was, now: now.status, message: now.message, consequences: 0 },
      ]);
  }
  for (const [key, was] of before) {
    const now = after.get(key);
    if (failing(was.status) && !(now && failing(now.status)))
      stopped.push([
        key,
        {
          operation: was.operation,
          check: was.check,
          was: was.status,
          now: now?.status ?? 'absent',
          message: now?.message ?? was.message,
          consequences: 0,
        },
      ]);
  }
  const side = (r: VerifyRunRecord): RunChanges['from'] => ({ id: r.id, verdict: r.verdict, createdAt: r.createdAt });
  return {
    from: side(from),
    to: side(to),
    startedFailing: folded(started, after),
    stoppedFailing: folded(stopped, before),
  };
}
