import { networkCaveat } from '../network-report';
import { tameText } from '../tame';
import type { CheckResult, FixItem, OperationReport, RunReport, Summary } from '../types';

// The sentences every reporter shares (console, HTML, JUnit, the GitHub summary), kept whole so
// that they can move into a message catalogue per language.

/** Counts of a list of results by status, in the Summary's shape. */
export function countStatuses(checks: CheckResult[]): Summary {
  const counts: Summary = { passed: 0, failed: 0, warnings: 0, errors: 0, skipped: 0 };
  const key = { pass: 'passed', fail: 'failed', warn: 'warnings', error: 'errors', skip: 'skipped' } as const;
  for (const check of checks) counts[key[check.status]]++;
  return counts;
}

/** "2 passed, 1 failed, 1 warning, 12 could not check": the counts that are not zero. */
export function countsPhrase(counts: Summary): string {
  const parts = [
    counts.passed > 0 ? `${counts.passed} passed` : '',
    counts.failed > 0 ? `${counts.failed} failed` : '',
    counts.warnings > 0 ? `${counts.warnings} ${counts.warnings === 1 ? 'warning' : 'warnings'}` : '',
    counts.errors > 0 ? `${counts.errors} could not check` : '',
    counts.skipped > 0 ? `${counts.skipped} skipped` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no checks';
}

/** The summary line every report ends with (its wording is older than this file: scripts grep it). */
export function summaryLine(s: Summary): string {
  return `${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.errors} could not check, ${s.skipped} skipped`;
}

/** "productSearch answers-2xx": how a cause is named everywhere. */
export const causeName = (cause: { operation: string; check: string }): string => `${cause.operation} ${cause.check}`;

/** A "could not check" message without its prefix, for sentences that already say so. */
export const reasonOf = (message: string): string => message.replace(/^could not check: /, '');

/** The results that follow from a cause, by status. */
export function consequenceCounts(report: Pick<RunReport, 'operations'>, item: FixItem): Summary {
  const followers = report.operations.flatMap((op) =>
    op.checks.filter((c) => c.causedBy?.operation === item.operation && c.causedBy.check === item.check),
  );
  return countStatuses(followers);
}

/** "then 45 checks could not run and 1 failed the same way because of it", or '' when nothing follows. */
export function consequencePhrase(counts: Summary): string {
  const notRun = counts.errors > 0 ? `${counts.errors} ${counts.errors === 1 ? 'check' : 'checks'} could not run` : '';
  const same = counts.failed > 0 ? `${counts.failed} failed the same way` : '';
  if (!notRun && !same) return '';
  return `then ${[notRun, same].filter(Boolean).join(' and ')} because of it`;
}

/** "productSearch 13, orderValidation 11": where the consequences of a cause are. */
export const consequencePlaces = (item: FixItem): string =>
  item.consequences.map((group) => `${group.operation} ${group.checks.length}`).join(', ');

/** The verdict in one line: PASS, FAIL with the number of causes, or why nothing could be checked. */
export function verdictLine(report: RunReport): string {
  const caveat = networkCaveat(report);
  return caveat ? `${verdictWithoutCaveat(report)}; ${caveat}` : verdictWithoutCaveat(report);
}

function verdictWithoutCaveat(report: RunReport): string {
  const s = report.summary;
  if (report.verdict === 'skip') return `SKIP: nothing was tested (${countsPhrase(s)})`;
  if (report.verdict === 'pass') return `PASS: ${countsPhrase(s)}`;
  const causes = report.whatToFix.filter((item) => item.status !== 'warn');
  const only = causes[0];
  if (s.passed + s.failed + s.warnings === 0 && causes.length === 1 && only.status === 'error')
    return `FAIL: nothing could be checked: ${causeName(only)}: ${reasonOf(only.message)}`;
  return `FAIL: ${causes.length} ${causes.length === 1 ? 'cause' : 'causes'} to fix (${countsPhrase(s)})`;
}

/** Labelled lines of a finding (received, expected, where, further violations), each value cut to `maxChars`. */
export function findingLines(
  check: CheckResult,
  limits: { maxChars: number; maxAlso: number },
): [label: string, value: string][] {
  const cut = (text: string): string => tameText(text, limits.maxChars);
  const lines: [string, string][] = [];
  if (check.received !== undefined) lines.push(['received', cut(check.received)]);
  if (check.expected !== undefined) lines.push(['expected', cut(check.expected)]);
  if (check.pointer !== undefined) lines.push(['where', cut(check.pointer)]);
  const also = check.details ?? [];
  for (const more of also.slice(0, limits.maxAlso)) lines.push(['also', cut(more)]);
  if (also.length > limits.maxAlso)
    lines.push(['also', `and ${also.length - limits.maxAlso} more in the JSON and HTML reports`]);
  return lines;
}

/** The result a fix item is about. */
export function resultOf(report: Pick<RunReport, 'operations'>, item: FixItem): CheckResult | undefined {
  return report.operations.find((op) => op.operation === item.operation)?.checks.find((c) => c.id === item.check);
}

/** Results that follow from a cause in another operation, grouped by that cause (in order of appearance). */
export function foreignCauses(op: OperationReport): { cause: { operation: string; check: string }; count: number }[] {
  const groups = new Map<string, { cause: { operation: string; check: string }; count: number }>();
  for (const check of op.checks) {
    if (!check.causedBy || check.causedBy.operation === op.operation) continue;
    const key = causeName(check.causedBy);
    const group = groups.get(key) ?? { cause: check.causedBy, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()];
}
