import type { CheckResult, OperationStatus, RunReport, Summary } from './types';

/** fail beats error beats pass; an operation whose checks were all skipped is skipped. */
export function operationStatus(checks: CheckResult[]): OperationStatus {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'error')) return 'error';
  if (checks.every((c) => c.status === 'skip')) return 'skip';
  return 'pass';
}

/** Counts a list of results by status, in the Summary's shape (one operation's, or a cause's consequences). */
export function countStatuses(checks: CheckResult[]): Summary {
  const counts: Summary = { passed: 0, failed: 0, warnings: 0, errors: 0, skipped: 0 };
  const key = { pass: 'passed', fail: 'failed', warn: 'warnings', error: 'errors', skip: 'skipped' } as const;
  for (const check of checks) counts[key[check.status]]++;
  return counts;
}

/** Counts checks by status across operations. */
export function summarize(report: Pick<RunReport, 'operations'>): Summary {
  return countStatuses(report.operations.flatMap((op) => op.checks));
}

/** 0 everything checked passed (warnings allowed), 1 a check failed or could not check, 2 nothing tested. */
export function exitCodeFor(summary: Summary): 0 | 1 | 2 {
  if (summary.failed > 0 || summary.errors > 0) return 1;
  return summary.passed + summary.warnings === 0 ? 2 : 0;
}
