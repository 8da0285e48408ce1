import type { OperationId } from '../contracts';
import { exitCodeFor } from './summarize';
import type { CheckResult, FixItem, OperationReport, RunVerdict, Summary } from './types';

const SEVERITY = { fail: 0, error: 1, warn: 2 } as const;

/**
 * A root cause: a failure, warning or "could not check" that follows from no other. The list below
 * and every reporter's "findings" pick the same results through it, so they never disagree.
 */
export function isOwnFinding(check: CheckResult): check is CheckResult & { status: FixItem['status'] } {
  return !check.causedBy && check.status !== 'pass' && check.status !== 'skip';
}

/** True when a result only follows from the given cause (an operation and check id). */
export function followsFrom(check: CheckResult, cause: { operation: OperationId; check: string }): boolean {
  return check.causedBy?.operation === cause.operation && check.causedBy.check === cause.check;
}

/**
 * The "what to fix" list: one entry per root cause (a result that is fail, warn or "could not
 * check" and follows from no other), with the results that follow from it. Failures and
 * could-not-checks come first, in OmniChat's call order (the order operations ran in), a failure
 * before a could-not-check of the same operation; warnings, which do not fail the run, come last.
 */
export function whatToFix(operations: OperationReport[]): FixItem[] {
  const items: (FixItem & { order: number })[] = [];
  operations.forEach((op, opIndex) =>
    op.checks.forEach((check, checkIndex) => {
      if (!isOwnFinding(check)) return;
      items.push({
        operation: op.operation,
        check: check.id,
        status: check.status,
        message: check.message,
        ...(check.fix !== undefined ? { fix: check.fix } : {}),
        consequences: consequencesOf(operations, op.operation, check.id),
        order: (check.status === 'warn' ? 1_000_000 : 0) + opIndex * 1000 + SEVERITY[check.status] * 100 + checkIndex,
      });
    }),
  );
  return items.sort((a, b) => a.order - b.order).map(({ order: _order, ...item }) => item);
}

function consequencesOf(operations: OperationReport[], operation: OperationId, check: string): FixItem['consequences'] {
  return operations
    .map((op) => ({
      operation: op.operation,
      checks: op.checks.filter((c) => followsFrom(c, { operation, check })).map((c) => c.id),
    }))
    .filter((group) => group.checks.length > 0);
}

/** The run's verdict, as its exit code decides it. */
export function runVerdict(summary: Summary): RunVerdict {
  return (['pass', 'fail', 'skip'] as const)[exitCodeFor(summary)];
}
